/**
 * References written in an amendment's text and reason (`:ref{#id}`, which
 * the schema allows in both): checked by validate while the amendment is of
 * the opinion's stage, and printed as the text prints them ("point 1.1") in
 * the sheet and in the appendix, never as their source.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { appendAmendments, scratch } from './scratch.js';

const REFERRING = `

  - id: am-s7
    number: 7
    stage: section
    by: [Eva NOVÁK]
    target: c-resource
    action: insert-after
    new_id: c-resource-bis
    text: Skills must be recognised quickly (see :ref{#c-resourse}).
    reason: The new point completes :ref{#c-resource} and *prepares* :ref{#am-nowhere}.

  - id: am-s8
    number: 8
    stage: section
    by: [Eva NOVÁK]
    target: c-public-role
    action: amend
    text: SEEs complement the public authorities, as :ref{#c-resource-bis} says.
`;

describe('references in amendments', () => {
  it('validate reports an unknown id in the text or reason of an amendment of the stage, at its place, and apply writes nothing', async () => {
    const { root, sample } = scratch();
    appendAmendments(sample, REFERRING);
    const lines = readFileSync(join(sample, 'amendments.yaml'), 'utf8').split('\n');
    const line = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${line('    text: Skills')}:11-${line('    text: Skills')}:69  error  Unknown id \`c-resourse\` in the text of amendment \`am-s7\` (AM 7, section), expected an id defined in this opinion: did you mean \`c-resource\`?  ref/unknown-id`,
    );
    expect(run.stdout).toMatch(
      new RegExp(`${line('    reason: The new point')}:13-\\S+  error  Unknown id \`am-nowhere\` in the reason of amendment \`am-s7\``),
    );
    // A point another amendment inserts may be referred to; so may every id of the opinion.
    expect(run.stdout).not.toContain('c-resource-bis');
    expect(run.stdout.match(/ref\/unknown-id/g)).toHaveLength(2);
    const out = join(root, 'opinions', 'next');
    expect((await runMain(['amendments', 'apply', sample, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
