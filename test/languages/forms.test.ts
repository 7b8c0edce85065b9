/**
 * Fixed phrases that depend on facts: the feminine form of a title when the
 * sources say so, and the Rule of the Rules of Procedure in force when an
 * own-initiative opinion was decided.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildOpinion } from '../../src/opinion/index.js';
import { ownInitiativeRule } from '../../src/labels/labels.js';
import { runMain } from '../helpers.js';

/** A copy of the `languages` fixture (en, fr, it, de) with its opinion.yaml edited. */
function fixture(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-forms-')), 'languages');
  cpSync('test/build/fixtures/languages', dir, { recursive: true });
  const path = join(dir, 'opinion.yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  edit(doc);
  writeFileSync(path, doc.toString());
  return dir;
}

describe('own-initiative legal basis by the year of the decision', () => {
  it('follows the Rules of Procedure in force: 29(2) to 2018, 32(2) 2019–2021, 52(2) from 2022', () => {
    expect(ownInitiativeRule('2017-09-21')).toBe('values.rule-29-2');
    expect(ownInitiativeRule('2018-12-31')).toBe('values.rule-29-2');
    expect(ownInitiativeRule('2019-01-01')).toBe('values.rule-32-2');
    expect(ownInitiativeRule('2021-12-31')).toBe('values.rule-32-2');
    expect(ownInitiativeRule('2022-01-01')).toBe('values.rule-52-2');
    expect(ownInitiativeRule(undefined)).toBe('values.rule-52-2');
  });

  // Issue 14 (merged with issue 13): the header never defaults the legal basis;
  // without `legal_basis` it shows the gap and a warning. The Rule of the
  // decision year is written by `init` when the kind and decision date are given.
  it('shows the gap and a warning in the header when legal_basis is not given, never a defaulted Rule', async () => {
    const dir = fixture((doc) => {
      doc.delete('legal_basis');
      doc.set('kind', 'own-initiative');
      doc.setIn(['decision', 'date'], '2020-02-20');
    });
    const build = await buildOpinion(dir);
    expect(build.ok).toBe(true);
    const markdown = build.renders[0]!.markdown!;
    expect(markdown).toMatch(/\| Legal basis +\| \\\[to be completed] +\|/);
    expect(markdown).not.toMatch(/Rule \d+\(2\)/);
    const warnings = build.files.flatMap((f) => f.messages.filter((m) => m.fatal === false).map((m) => `${m.ruleId} ${m.reason}`));
    expect(warnings.some((w) => /legal_basis/.test(w))).toBe(true);
  });

  it('init writes the Rule of the decision year, in the language, when the kind and decision date are given', async () => {
    for (const [date, lang, rule] of [
      ['2020-02-20', 'en', 'Rule 32(2) of the Rules of Procedure'],
      ['2017-09-21', 'de', 'Artikel 29 Absatz 2 der Geschäftsordnung'],
      ['2026-01-21', 'en', 'Rule 52(2) of the Rules of Procedure'],
    ] as const) {
      const dir = join(mkdtempSync(join(tmpdir(), 'opinion-forms-init-')), 'oi');
      const init = await runMain(['init', dir, '--language', lang, '--kind', 'own-initiative', '--decision-date', date]);
      expect(init.code).toBe(0);
      expect(readFileSync(join(dir, 'opinion.yaml'), 'utf8')).toContain(`legal_basis: ${rule}`);
      const build = await buildOpinion(dir);
      expect(build.renders[0]!.markdown!).toContain(rule);
    }
    const none = join(mkdtempSync(join(tmpdir(), 'opinion-forms-init-')), 'none');
    expect((await runMain(['init', none, '--kind', 'own-initiative'])).code).toBe(0);
    expect(readFileSync(join(none, 'opinion.yaml'), 'utf8')).not.toMatch(/legal_basis: Rule/);
  });
});

describe('feminine forms', () => {
  it('uses the feminine title for a woman, the feminine plural only when every member of the role is a woman', async () => {
    const both = fixture((doc) => {
      doc.set(
        'rapporteurs',
        doc.createNode([
          { name: 'Anna KOWALSKA', role: 'rapporteur', form: 'feminine' },
          { name: 'Eva NOVÁK', role: 'co-rapporteur', form: 'feminine' },
          { name: 'Sofia PAPADOPOULOU', role: 'co-rapporteur', form: 'feminine' },
        ]),
      );
    });
    const build = await buildOpinion(both, { langs: ['de'] });
    const de = build.renders[0]!.markdown!;
    expect(de).toMatch(/\| Berichterstatterin: +\| Anna KOWALSKA/);
    expect(de).toMatch(/\| Ko-Berichterstatterinnen: +\| Eva NOVÁK, Sofia PAPADOPOULOU/);

    const mixed = fixture((doc) => {
      doc.set(
        'rapporteurs',
        doc.createNode([
          { name: 'Eva NOVÁK', role: 'co-rapporteur', form: 'feminine' },
          { name: 'Peter SCHMIDT', role: 'co-rapporteur' },
        ]),
      );
    });
    expect((await buildOpinion(mixed, { langs: ['de'] })).renders[0]!.markdown).toMatch(/\| Ko-Berichterstatter: +\| Eva NOVÁK, Peter SCHMIDT/);
  });

  it('gives two rapporteurs the dual where the language has one (Slovenian “Poročevalca:”), the plural from three on and elsewhere', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-forms-dual-')), 'sl');
    expect((await runMain(['init', dir, '--language', 'sl'])).code).toBe(0);
    const header = async (names: string[]) => {
      const path = join(dir, 'opinion.yaml');
      const doc = parseDocument(readFileSync(path, 'utf8'));
      doc.set('rapporteurs', doc.createNode(names.map((name) => ({ name, role: 'rapporteur' }))));
      writeFileSync(path, doc.toString());
      return (await buildOpinion(dir, { langs: ['sl'] })).renders[0]!.markdown!;
    };
    expect(await header(['Janez NOVAK', 'Peter KOS'])).toMatch(/\| Poročevalca: +\| Janez NOVAK, Peter KOS/);
    expect(await header(['Janez NOVAK', 'Peter KOS', 'Marko ZUPAN'])).toMatch(/\| Poročevalci: +\| Janez NOVAK, Peter KOS, Marko ZUPAN/);
    expect(await header(['Janez NOVAK'])).toMatch(/\| Poročevalec: +\| Janez NOVAK/);
    const two = fixture((doc) => doc.set('rapporteurs', doc.createNode([{ name: 'A ONE' }, { name: 'B TWO' }])));
    expect((await buildOpinion(two, { langs: ['en'] })).renders[0]!.markdown).toMatch(/\| Rapporteurs: +\| A ONE, B TWO/);
  });

  it("signs with the President's title in the feminine form when closing.president_form says so", async () => {
    // The closing is printed only once the opinion is adopted (issue 14): adopted, with its facts.
    const dir = fixture((doc) => {
      doc.set('stage', 'adopted');
      doc.set('adopted_in_section', '2018-04-10');
      doc.set('adopted_at_plenary', '2018-05-23');
      doc.set('plenary_session', 535);
      doc.set('vote', doc.createNode({ for: 186, against: 1, abstentions: 2 }));
      doc.setIn(['closing', 'date'], '2018-05-23');
      doc.setIn(['closing', 'president_form'], 'feminine');
    });
    const build = await buildOpinion(dir, { langs: ['de'] });
    expect(build.renders[0]!.markdown).toContain('Die Präsidentin des Europäischen Wirtschafts- und Sozialausschusses\\');
    expect(JSON.parse(build.renders[0]!.json!).closing.presidentTitle).toBe('Die Präsidentin des Europäischen Wirtschafts- und Sozialausschusses');
  });
});
