/**
 * References written in an amendment's text and reason (`:ref{#id}`, which
 * the schema allows in both): checked by validate while the amendment is of
 * the opinion's stage, and printed as the text prints them ("point 1.1") in
 * the sheet and in the appendix, never as their source.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Where `call` stands on the first line of `lines` that starts with `start`: `line:column-line:column`, as validate names it. */
function placeOf(lines: readonly string[], start: string, call: string): string {
  const index = lines.findIndex((l) => l.startsWith(start));
  const column = lines[index]!.indexOf(call) + 1;
  return `${index + 1}:${column}-${index + 1}:${column + call.length}`;
}

describe('references in amendments', () => {
  it('validate reports an unknown id in the text or reason of an amendment of the stage, at its place, and apply writes nothing', async () => {
    const { root, sample } = scratch();
    appendAmendments(sample, REFERRING);
    const lines = readFileSync(join(sample, 'amendments.yaml'), 'utf8').split('\n');
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    // At the reference itself, not at the whole text.
    expect(run.stdout).toContain(
      `${placeOf(lines, '    text: Skills', ':ref{#c-resourse}')}  error  Unknown id \`c-resourse\`, expected an id defined in this opinion: did you mean \`c-resource\`?  ref/unknown-id`,
    );
    expect(run.stdout).toContain(
      `${placeOf(lines, '    reason: The new point', ':ref{#am-nowhere}')}  error  Unknown id \`am-nowhere\`, expected an id defined in this opinion  ref/unknown-id`,
    );
    // A point another amendment inserts may be referred to; so may every id of the opinion.
    expect(run.stdout).not.toContain('c-resource-bis');
    expect(run.stdout.match(/ref\/unknown-id/g)).toHaveLength(2);
    const out = join(root, 'opinions', 'next');
    expect((await runMain(['amendments', 'apply', sample, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('validate reports a reference of the wrong kind in an amendment of the stage as in a chapter (a new point counting as a point), not in one of a stage left', async () => {
    const { sample } = scratch();
    appendAmendments(
      sample,
      `

  - id: am-p7
    number: 7
    stage: plenary
    by: [Eva NOVÁK]
    target: c-resource
    action: insert-after
    new_id: c-resource-bis
    text: Skills must be recognised quickly :cite{#c-resource}.
    reason: As :cite{#c-resource-bis} says.

  - id: am-s9
    number: 9
    stage: section
    by: [Eva NOVÁK]
    target: c-public-role
    action: amend
    text: An amendment of a stage the opinion has left, citing :cite{#c-public-role}.
`,
    );
    const meta = join(sample, 'opinion.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^stage: section /m, 'stage: plenary '));
    const lines = readFileSync(join(sample, 'amendments.yaml'), 'utf8').split('\n');
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    const expected = 'expected an evidence item or a fact  ref/wrong-kind';
    expect(run.stdout).toContain(
      `${placeOf(lines, '    text: Skills', ':cite{#c-resource}')}  error  Unexpected reference to a point \`c-resource\`, ${expected}`,
    );
    expect(run.stdout).toContain(
      `${placeOf(lines, '    reason: As', ':cite{#c-resource-bis}')}  error  Unexpected reference to a point \`c-resource-bis\`, ${expected}`,
    );
    expect(run.stdout.match(/ref\/wrong-kind/g)).toHaveLength(2);
  });

  it('the sheet prints a reason as it reads (a reference numbered, no markup), and the appendix as Markdown', async () => {
    const { root, sample } = scratch();
    const file = join(sample, 'amendments.yaml');
    const reason = `reason: |-
      The design of integration policies is *a matter* for the public authorities (see :ref{#c-resource}).

      Second paragraph, with [a source](https://example.org/source).`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('reason: The design of integration policies is a matter for the public authorities.', reason));
    const sheet = await runMain(['amendments', 'sheet', sample, '--stage', 'plenary', '--quiet']);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain(
      '**Reason**\n\nThe design of integration policies is a matter for the public authorities (see point 1.6).\n\nSecond paragraph, with a source.\n',
    );
    const plenary = join(root, 'opinions', 'p');
    const adopted = join(root, 'opinions', 'a');
    expect((await runMain(['amendments', 'apply', sample, '--out', plenary])).code).toBe(0);
    expect((await runMain(['amendments', 'apply', plenary, '--out', adopted])).code).toBe(0);
    expect((await runMain(['build', adopted, '--out', join(root, 'build'), '--to', 'md,html', '--quiet'])).code).toBe(0);
    const md = readFileSync(join(root, 'build', 'a', 'en', 'opinion.md'), 'utf8');
    expect(md).toContain(
      '**Reason**\n\nThe design of integration policies is *a matter* for the public authorities (see point 1.6).\n\nSecond paragraph, with [a source](https://example.org/source).\n',
    );
    const html = readFileSync(join(root, 'build', 'a', 'en', 'opinion.html'), 'utf8');
    expect(html).toContain('<em>a matter</em> for the public authorities (see <a href="#c-resource" class="ref">point 1.6</a>).</p>');
  });
});

describe('footnote calls in amendments', () => {
  it("validate reports a call to a footnote the target's chapter file does not define, at its place, and apply writes nothing", async () => {
    const { root, sample } = scratch();
    appendAmendments(
      sample,
      `

  - id: am-s7
    number: 7
    stage: section
    by: [Eva NOVÁK]
    target: gc-diversity
    action: amend
    text: SEEs take many forms.[^fn-sbi] Italy has its own.[^fn-sprar]
    outcome: adopted
    without_vote: true

  - id: am-s8
    number: 8
    stage: section
    by: [Eva NOVÁK]
    target: c-public-role
    action: insert-after
    new_id: c-public-role-bis
    text: The authorities remain responsible.[^fn-nope]
    outcome: adopted
    without_vote: true

  - id: am-s9
    number: 9
    stage: section
    by: [Eva NOVÁK]
    target: gc-principles
    action: insert-before
    new_id: gc-principles-bis
    text: As the Action Plan says.[^fn-action-plan]
    outcome: adopted
    without_vote: true
`,
    );
    const lines = readFileSync(join(sample, 'amendments.yaml'), 'utf8').split('\n');
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    // A footnote belongs to the chapter file that calls it: `fn-sprar` is chapter 3's, the point is in chapter 2.
    expect(run.stdout).toContain(
      `${placeOf(lines, '    text: SEEs take many forms.', '[^fn-sprar]')}  error  Unknown footnote \`[^fn-sprar]\` in the text of amendment \`am-s7\` (AM 7, section), expected a footnote of \`02-general-comments.md\`, the chapter file of its point`,
    );
    expect(run.stdout).toContain('Unknown footnote `[^fn-nope]` in the text of amendment `am-s8` (AM 8, section)');
    expect(run.stdout.match(/footnote\/unknown/g)).toHaveLength(2);
    const out = join(root, 'opinions', 'next');
    expect((await runMain(['amendments', 'apply', sample, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
