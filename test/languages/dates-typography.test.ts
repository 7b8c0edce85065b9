/**
 * Generated dates and typography in every official language: the closing
 * block's date as each language writes "on <date>" (the day's suffix in
 * Hungarian, the article in Maltese, the locative month in Latvian, "1er" in
 * French), and the prose's quotation marks, apostrophe and punctuation spaces
 * as the language's labels write them, so that one draft is consistent.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { Paragraph, Text } from 'mdast';
import { builtinLabelFiles, parseLabelFile, resolveLabels } from '../../src/labels/load.js';
import { spacePunctuation, type Labels } from '../../src/labels/labels.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { formatClosingDate, formatLongDate } from '../../src/render/dates.js';
import { applyTypography } from '../../src/render/typography.js';

async function labelsOf(lang: string): Promise<Labels> {
  const labels = resolveLabels(lang, await builtinLabelFiles([lang]), { file: new VFile() });
  expect(labels).toBeDefined();
  return labels!;
}

/** The closing date of 23 May 2026 and of 1 March 2026, as the build writes them. */
const CLOSING: Record<string, [string, string]> = {
  bg: ['23 май 2026\u00a0г.', '1 март 2026\u00a0г.'],
  cs: ['23. května 2026', '1. března 2026'],
  da: ['23. maj 2026', '1. marts 2026'],
  de: ['23. Mai 2026', '1. März 2026'],
  el: ['23 Μαΐου 2026', '1 Μαρτίου 2026'],
  en: ['23 May 2026', '1 March 2026'],
  es: ['23 de mayo de 2026', '1 de marzo de 2026'],
  et: ['23. mai 2026', '1. märts 2026'],
  fi: ['23. toukokuuta 2026', '1. maaliskuuta 2026'],
  fr: ['23 mai 2026', '1er mars 2026'],
  ga: ['23 Bealtaine 2026', '1 Márta 2026'],
  hr: ['23. svibnja 2026.', '1. ožujka 2026.'],
  hu: ['2026. május 23-án.', '2026. március 1-jén.'],
  it: ['23 maggio 2026', '1º marzo 2026'],
  lt: ['2026 m. gegužės 23 d.', '2026 m. kovo 1 d.'],
  lv: ['2026. gada 23. maijā', '2026. gada 1. martā'],
  mt: ['it-23 ta’ Mejju 2026', 'l-1 ta’ Marzu 2026'],
  nl: ['23 mei 2026', '1 maart 2026'],
  pl: ['23 maja 2026', '1 marca 2026'],
  pt: ['23 de maio de 2026', '1 de março de 2026'],
  ro: ['23 mai 2026', '1 martie 2026'],
  sk: ['23. mája 2026', '1. marca 2026'],
  sl: ['23. maja 2026', '1. marca 2026'],
  sv: ['23 maj 2026', '1 mars 2026'],
};

describe('the closing date in every official language', () => {
  for (const lang of OFFICIAL_LANGUAGES) {
    it(lang, async () => {
      const labels = await labelsOf(lang);
      expect([formatClosingDate('2026-05-23', labels), formatClosingDate('2026-03-01', labels)]).toEqual(CLOSING[lang]);
    });
  }

  it('writes the Hungarian suffix and the Maltese article for every day of a month', async () => {
    const [hu, mt] = await Promise.all([labelsOf('hu'), labelsOf('mt')]);
    const days = (labels: Labels) => Array.from({ length: 31 }, (_, i) => formatClosingDate(`2026-01-${String(i + 1).padStart(2, '0')}`, labels));
    expect(
      days(hu)
        .map((d) => /(\d+-\p{L}+)\.$/u.exec(d)![1])
        .join(' '),
    ).toBe(
      '1-jén 2-án 3-án 4-én 5-én 6-án 7-én 8-án 9-én 10-én 11-én 12-én 13-án 14-én 15-én 16-án 17-én 18-án 19-én 20-án 21-én 22-én 23-án 24-én 25-én 26-án 27-én 28-án 29-én 30-án 31-én',
    );
    // As published: "Kelt Brüsszelben, 2010. július 14-én." (CELEX 52010AE0979), "Brussell, l-20 ta’ Frar 2019." (CELEX 52019AE0768).
    expect(formatClosingDate('2010-07-14', hu)).toBe('2010. július 14-én.');
    expect(formatClosingDate('2019-02-20', mt)).toBe('l-20 ta’ Frar 2019');
    expect(
      days(mt)
        .map((d) => d.split(' ')[0])
        .join(' '),
    ).toBe(
      'l-1 it-2 it-3 l-4 il-5 is-6 is-7 it-8 id-9 l-10 il-11 it-12 it-13 l-14 il-15 is-16 is-17 it-18 id-19 l-20 l-21 it-22 it-23 l-24 il-25 is-26 is-27 it-28 id-29 it-30 l-31',
    );
  });

  it('keeps the bare long date elsewhere (running text: "accessed on", hearings)', async () => {
    expect(formatLongDate('2026-05-23', await labelsOf('hu'))).toBe('2026. május 23.');
    expect(formatLongDate('2026-05-23', await labelsOf('lv'))).toBe('2026. gada 23. maijs');
  });
});

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });

function typeset(labels: Labels, value: string): string {
  const node = paragraph(value);
  applyTypography(labels, [{ nodes: [node], file: new VFile(), role: 'point' }]);
  return (node.children[0] as Text).value;
}

describe('typography: language, in every official language', () => {
  for (const lang of OFFICIAL_LANGUAGES) {
    it(lang, async () => {
      const labels = await labelsOf(lang);
      const [open, close] = labels.text['typography.quote'].split('{text}');
      const out = typeset(labels, `The "model" of l'EESC ; yes : no ! « quoted » at 10:30 via http://x.eu`);
      // The quotation marks of the language's own title line (where it quotes the title), and its apostrophe.
      const quoted = /(\S)\{title\}(\S)/u.exec(labels.text['title.opinion']);
      if (quoted) expect(`${quoted[1]}${quoted[2]}`).toBe(`${open}${close}`);
      expect(out).toContain(`The ${open}model${close} of l${labels.text['typography.apostrophe']}EESC`);
      // French as the Official Journal prints it: no space before ; : ! ? » nor after «; other languages as written.
      expect(out).toContain(lang === 'fr' ? 'EESC; yes: no! «quoted» at 10:30 via http://x.eu' : 'EESC ; yes : no ! « quoted » at 10:30 via http://x.eu');
    });
  }
});

describe('typography.punctuation-space', () => {
  it('none, nbsp and narrow-nbsp, never inside times, links or repeated marks', () => {
    const text = 'Le CESE recommande : ceci ; cela ?! «\u00a0non\u00a0» à 10:30, https://x.eu.';
    expect(spacePunctuation(text, 'none')).toBe('Le CESE recommande: ceci; cela?! «non» à 10:30, https://x.eu.');
    expect(spacePunctuation(text, 'narrow-nbsp')).toBe('Le CESE recommande\u202f: ceci\u202f; cela\u202f?! «\u202fnon\u202f» à 10:30, https://x.eu.');
    expect(spacePunctuation('recommande: ceci', 'nbsp')).toBe('recommande\u00a0: ceci');
    expect(spacePunctuation(text, 'as-written')).toBe(text);
  });

  it('applies to the labels too, so the title line and header follow the prose', async () => {
    const layers = await builtinLabelFiles(['fr']);
    const override = parseLabelFile(new VFile({ path: 'labels/fr.yaml', value: 'lang: fr\ntypography:\n  punctuation-space: narrow-nbsp\n' }));
    const labels = resolveLabels('fr', [...layers, override], { file: new VFile() })!;
    expect(labels.text['title.opinion']).toBe('Avis du Comité économique et social européen sur «\u202f{title}\u202f»');
    expect(labels.text['header.rapporteur']).toBe('Rapporteur\u202f:');
    expect(typeset(labels, 'Le "modèle" : oui')).toBe('Le «\u202fmodèle\u202f»\u202f: oui');
  });

  it('refuses an unknown choice, at its place', () => {
    const file = parseLabelFile(new VFile({ path: 'labels/fr.yaml', value: 'lang: fr\ntypography:\n  punctuation-space: thin\n' }));
    expect(file.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([
      '3:22 Unexpected `thin` for `typography.punctuation-space`, expected `as-written`, `none`, `nbsp`, `narrow-nbsp`',
    ]);
  });
});
