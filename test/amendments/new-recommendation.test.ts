/**
 * An amendment inserting a new recommendation before or after a
 * recommendation of recommendations.yaml: validated (addressees required),
 * listed and shown in the sheet, applied as a new item of
 * recommendations.yaml (nothing else changed), attributed by the diff and
 * known to `opinion check` once applied.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { appendAmendments, scratch } from './scratch.js';

/** Two adopted section amendments inserting recommendations: one after rec-funding, one before rec-promote-see. */
function addAmendments(sample: string, extra = ''): void {
  appendAmendments(
    sample,
    `

  - id: am-s8
    number: 8
    stage: section
    by: [Anna KOWALSKA]
    target: rec-funding
    action: insert-after
    new_id: rec-monitoring
    text:
      en: The EESC calls on the Commission to monitor how SEEs use EU funding for integration and to publish the results every two years.
      fr: Le CESE invite la Commission à suivre l'utilisation des fonds de l'UE pour l'intégration par les EES et à en publier les résultats tous les deux ans.
${extra}    reason: Illustrative reason.
    position: accept
    outcome: adopted
    vote: { for: 40, against: 3, abstentions: 2 }

  - id: am-s9
    number: 9
    stage: section
    by: [Jean MARTIN]
    target: rec-promote-see
    action: insert-before
    new_id: rec-first
    text: The EESC calls on the Member States to recognise SEEs in their national integration strategies.
    addressees: [member-states]
    position: accept
    outcome: adopted
    vote: { for: 30, against: 10, abstentions: 1 }
`,
  );
}

describe('an amendment inserting a new recommendation', () => {
  it('needs addressees: validate says so at the amendment, exit 1', async () => {
    const { sample } = scratch();
    addAmendments(sample);
    const run = await runMain(['validate', sample]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /amendments\.yaml\n(?:.*\n)*?\s+\d+:\d+-\d+:\d+\s+error\s+Missing `addressees` on amendment `am-s8` \(AM 8, section\), which inserts a new recommendation/,
    );
    expect(run.stdout).toContain('amendments/missing-addressees');
    const apply = await runMain(['amendments', 'apply', sample, '--out', join(sample, '..', 'next')]);
    expect(apply.code).toBe(1);
    expect(existsSync(join(sample, '..', 'next'))).toBe(false);
  });

  it('is listed and shown in the sheet, applied as a new item of recommendations.yaml, and attributed by the diff', async () => {
    const { root, sample } = scratch();
    addAmendments(sample, '    addressees: [european-commission]\n');
    const list = await runMain(['amendments', 'list', sample, '--format', 'json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: string; action: string; target: string }[];
    // Text order: before rec-promote-see (1.9) comes first, after rec-funding (1.10) after am-s4.
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf('am-s9')).toBeLessThan(ids.indexOf('am-s4'));
    expect(ids.indexOf('am-s8')).toBeGreaterThan(ids.indexOf('am-s4'));
    const sheet = await runMain(['amendments', 'sheet', sample]);
    expect(sheet.stdout).toContain('## AM 8 – New point after point 1.10');
    expect(sheet.stdout).toContain('**The EESC calls on the Commission to monitor how SEEs use EU funding');

    const next = join(root, 'opinions', 'next');
    const applied = await runMain(['amendments', 'apply', sample, '--out', next]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('AM 8 (am-s8)');
    expect(applied.stdout).toContain('AM 9 (am-s9)');
    // The translations that the amendment does not give are said to be missing.
    expect(applied.stderr).toMatch(/Missing `de`, `it` text in amendment `am-s8` \(AM 8\): the new recommendation has no text in `de`, `it`/);
    const before = readFileSync(join(sample, 'recommendations.yaml'), 'utf8');
    const after = readFileSync(join(next, 'recommendations.yaml'), 'utf8');
    const added = [
      '  - id: rec-monitoring',
      '    text:',
      '      en: >-',
      '        The EESC calls on the Commission to monitor how SEEs use EU funding for integration and',
      '        to publish the results every two years.',
      '      fr: >-',
      "        Le CESE invite la Commission à suivre l'utilisation des fonds de l'UE pour l'intégration",
      '        par les EES et à en publier les résultats tous les deux ans.',
      '    addressees: [european-commission]',
      '',
      '',
    ].join('\n');
    expect(after).toContain(added);
    // Before the first recommendation, in the original language only (the amendment's text is a plain string).
    expect(after).toContain(
      [
        'recommendations:',
        '  - id: rec-first',
        '    text:',
        '      en: >-',
        '        The EESC calls on the Member States to recognise SEEs in their national integration',
        '        strategies.',
        '    addressees: [member-states]',
        '',
        '  - id: rec-promote-see',
      ].join('\n'),
    );
    expect(applied.stderr).toMatch(/Missing `de`, `fr`, `it` text in amendment `am-s9` \(AM 9\): the new recommendation has no text in/);
    // Nothing else changed in the file but the adopted amendment on rec-funding's own text (am-s4).
    const start = after.indexOf(added);
    expect(after.slice(start + added.length)).toBe(before.slice(before.indexOf('  - id:', before.indexOf('id: rec-funding') + 10)));

    const diff = await runMain(['diff', sample, next, '--format', 'json']);
    const changes = (JSON.parse(diff.stdout) as { changes: { kind: string; id?: string; amendment?: string; unexplained?: boolean }[] }).changes.filter(
      (c) => c.kind !== 'renumbered',
    );
    expect(changes.find((c) => c.id === 'rec-monitoring')).toMatchObject({ kind: 'added', amendment: 'am-s8' });
    expect(changes.find((c) => c.id === 'rec-first')).toMatchObject({ kind: 'added', amendment: 'am-s9' });
    expect(changes.some((c) => c.unexplained)).toBe(false);

    // The new version validates, and check finds the adopted amendment applied.
    const validate = await runMain(['validate', next, '--format', 'json']);
    expect(validate.stdout).not.toContain('"severity": "error"');
    const check = await runMain(['check', next, '--format', 'json']);
    expect(check.stdout).not.toContain('amendments/not-applied');
  });

  it('next to a principle is still refused by apply, at the amendment', async () => {
    const { sample } = scratch();
    const principles = readFileSync(join(sample, 'principles.yaml'), 'utf8');
    const principle = /- id: ([a-z0-9-]+)/.exec(principles)![1]!;
    addAmendments(sample, '    addressees: [european-commission]\n');
    const file = join(sample, 'amendments.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('target: rec-funding\n    action: insert-after', `target: ${principle}\n    action: insert-after`)
        .replace('    addressees: [european-commission]\n', ''),
    );
    const apply = await runMain(['amendments', 'apply', sample, '--out', join(sample, '..', 'next')]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`next to the principle \`${principle}\``);
  });
});
