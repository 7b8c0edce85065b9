/**
 * Where a footnote call stands next to punctuation, and the text as adopted.
 * Drafts place calls by the language's convention (label `footnote-call`:
 * English and German after `.,;:`, French and Italian before), citations
 * (`:cite`) and hand-written footnotes (`[^label]`) alike, however the author
 * wrote them. The text as adopted is laid out as the Official Journal
 * publishes it: OJ numbering (`1.1.`), the closing block, and every call
 * before the punctuation in every language (Interinstitutional Style Guide,
 * 8.1: footnote references appear identically in all language versions,
 * followed by any punctuation).
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildOpinion } from '../../src/opinion/index.js';

const OPINION = `reference: INT/901
title:
  en: Cooperatives and migrants
  fr: Les coopératives et les migrants
  it: Le cooperative e i migranti
  de: Genossenschaften und Migranten
kind: own-initiative
legal_basis: Rule 29(2) of the Rules of Procedure
rapporteurs:
  - name: Giuseppe GUERINI
section: Single Market, Production and Consumption
decision:
  by: plenary
  date: 2018-02-01
language: en
languages: [en, fr, it, de]
`;
const DRAFT = 'stage: section\nversion: 2\nversion_date: 2018-04-10\n';
const ADOPTED =
  'stage: adopted\nadopted_in_section: 2018-04-27\nadopted_at_plenary: 2018-05-23\nplenary_session: 535\nvote: { for: 186, against: 1, abstentions: 2 }\n' +
  'closing:\n  place: Brussels\n  date: 2018-05-23\n  president: Luca JAHIER\n';
const EVIDENCE =
  'evidence:\n  - id: camelot\n    kind: case-study\n    title:\n      en: The Camelot cooperative\n      fr: La coopérative Camelot\n      it: La cooperativa Camelot\n      de: Die Genossenschaft Camelot\n    source:\n      author: CECOP\n      title: Labour integration of refugees\n';

// Each language's authors wrote the calls both ways: the build places them all by one convention.
const TEXT: Record<string, string> = {
  en: '# Conclusions\n\n{#c-one} Camelot employs 200 people :cite{#camelot}. Refugees work there.[^fn-a]\n\n{#c-two} SPRAR funds projects[^fn-b]; they last.\n\n[^fn-a]: As members.\n\n[^fn-b]: Protection system.\n',
  fr: '# Conclusions\n\n{#c-one} Camelot emploie 200 personnes.:cite{#camelot} Des réfugiés y travaillent.[^fn-a]\n\n{#c-two} Le SPRAR finance des projets;[^fn-b] ils durent.\n\n[^fn-a]: Comme membres.\n\n[^fn-b]: Système de protection.\n',
  it: '# Conclusioni\n\n{#c-one} Camelot impiega 200 persone :cite{#camelot}. Vi lavorano rifugiati[^fn-a].\n\n{#c-two} Lo SPRAR finanzia progetti;[^fn-b] durano.\n\n[^fn-a]: Come soci.\n\n[^fn-b]: Sistema di protezione.\n',
  de: '# Schlussfolgerungen\n\n{#c-one} Camelot beschäftigt 200 Menschen :cite{#camelot}. Dort arbeiten Flüchtlinge[^fn-a].\n\n{#c-two} SPRAR finanziert Projekte[^fn-b]; sie dauern.\n\n[^fn-a]: Als Mitglieder.\n\n[^fn-b]: Schutzsystem.\n',
};

function writeOpinion(stage: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-calls-'));
  const files: Record<string, string> = { 'opinion.yaml': OPINION + stage, 'evidence.yaml': EVIDENCE };
  for (const [lang, text] of Object.entries(TEXT)) files[`text/${lang}/01-conclusions.md`] = text;
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The points' lines of a built Markdown draft. */
function points(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^1\.\d/.test(line));
}

describe('footnote calls and punctuation', () => {
  it('places every call of a draft by its language’s convention, citations and footnotes alike', async () => {
    const { renders } = await buildOpinion(writeOpinion(DRAFT), { langs: 'all', formats: ['md'] });
    const byLang = Object.fromEntries(renders.map((r) => [r.lang, points(r.markdown!)]));
    expect(byLang).toEqual({
      en: ['1.1 Camelot employs 200 people.[^1] Refugees work there.[^2]', '1.2 SPRAR funds projects;[^3] they last.'],
      de: ['1.1 Camelot beschäftigt 200 Menschen.[^1] Dort arbeiten Flüchtlinge.[^2]', '1.2 SPRAR finanziert Projekte;[^3] sie dauern.'],
      fr: ['1.1 Camelot emploie 200 personnes[^1]. Des réfugiés y travaillent[^2].', '1.2 Le SPRAR finance des projets[^3]; ils durent.'],
      it: ['1.1 Camelot impiega 200 persone[^1]. Vi lavorano rifugiati[^2].', '1.2 Lo SPRAR finanzia progetti[^3]; durano.'],
    });
  });

  it('keeps the dot of an abbreviation before a call, and never doubles a full stop', async () => {
    const dir = writeOpinion(DRAFT);
    const chapters: Record<string, string> = {
      en: '# Conclusions\n\n{#c-one} Cooperatives employ refugees, e.g. :cite{#camelot}.\n',
      fr: '# Conclusions\n\n{#c-one} Les coopératives emploient des réfugiés, cf. :cite{#camelot}.\n',
      it: '# Conclusioni\n\n{#c-one} Le cooperative impiegano rifugiati, cfr. :cite{#camelot}.\n',
      de: '# Schlussfolgerungen\n\n{#c-one} Genossenschaften beschäftigen Flüchtlinge, z. B. :cite{#camelot}.\n',
    };
    for (const [lang, text] of Object.entries(chapters)) writeFileSync(join(dir, 'text', lang, '01-conclusions.md'), text);
    const { renders } = await buildOpinion(dir, { langs: 'all', formats: ['md'] });
    expect(Object.fromEntries(renders.map((r) => [r.lang, points(r.markdown!)]))).toEqual({
      en: ['1.1 Cooperatives employ refugees, e.g.[^1]'],
      de: ['1.1 Genossenschaften beschäftigen Flüchtlinge, z. B.[^1]'],
      fr: ['1.1 Les coopératives emploient des réfugiés, cf.[^1].'],
      it: ['1.1 Le cooperative impiegano rifugiati, cfr.[^1].'],
    });
  });

  it('builds the text as adopted as the Official Journal prints it: 1.1. numbering, the closing block, no draft rows, calls before punctuation', async () => {
    const { renders, files } = await buildOpinion(writeOpinion(ADOPTED), { langs: 'all', formats: ['md', 'json'] });
    expect(files.flatMap((f) => f.messages.filter((m) => m.fatal === true).map((m) => `${f.path}:${m.line} ${m.reason}`))).toEqual([]);
    const byLang = Object.fromEntries(renders.map((r) => [r.lang, r]));
    // No numbering setting: the stage decides (OJ); the calls stand before the punctuation in every language.
    expect(points(byLang.en!.markdown!)).toEqual([
      '1.1. Camelot employs 200 people[^1]. Refugees work there[^2].',
      '1.2. SPRAR funds projects[^3]; they last.',
    ]);
    expect(points(byLang.de!.markdown!)).toEqual([
      '1.1. Camelot beschäftigt 200 Menschen[^1]. Dort arbeiten Flüchtlinge[^2].',
      '1.2. SPRAR finanziert Projekte[^3]; sie dauern.',
    ]);
    expect(points(byLang.fr!.markdown!)[0]).toBe('1.1. Camelot emploie 200 personnes[^1]. Des réfugiés y travaillent[^2].');
    const en = byLang.en!;
    expect(en.document).toMatchObject({ numbering: 'oj' });
    // Only what the adopted text carries: no banner, no version line, the adoption and vote rows.
    expect(en.markdown).not.toMatch(/DRAFT|version for the|Version \d/);
    expect(en.draft.header.map((h) => `${h.label} ${h.value}`)).toEqual([
      'Rapporteur: Giuseppe GUERINI',
      'Plenary assembly decision 1.2.2018',
      'Legal basis Rule 29(2) of the Rules of Procedure',
      ' Own-initiative opinion',
      'Section responsible Single Market, Production and Consumption',
      'Adopted in section 27.4.2018',
      'Adopted at plenary 23.5.2018',
      'Plenary session No 535',
      'Outcome of vote (for/against/abstentions) 186/1/2',
    ]);
    // The closing block belongs to the adopted text, after the last point.
    expect(en.markdown).toMatch(/\n1\.2\. [^\n]+\n\nBrussels, 23 May 2018\.\n\nThe President of the European Economic and Social Committee\\\nLuca JAHIER\n/);
    expect(byLang.fr!.markdown).toContain('Bruxelles, le 23 mai 2018.');
    expect(byLang.de!.markdown).toContain('Brüssel, den 23. Mai 2018');
  });

  it('keeps the EESC numbering and the language’s placement when the adopted text is set to `numbering: eesc`', async () => {
    const { renders } = await buildOpinion(writeOpinion(ADOPTED + 'numbering: eesc\n'), { formats: ['md'] });
    expect(points(renders[0]!.markdown!)).toEqual(['1.1 Camelot employs 200 people.[^1] Refugees work there.[^2]', '1.2 SPRAR funds projects;[^3] they last.']);
  });
});
