/**
 * The amendments commands take two shortcuts on long opinions; each must
 * give exactly what the long way gives:
 * - `plainOf` reads a text without Markdown syntax as itself instead of
 *   parsing it (checked against the full parse on every paragraph of every
 *   Markdown file of the repository and on tricky cases);
 * - the point index is made from the text model without its inline prose
 *   (checked against the index made from the full text model).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { plainOf, plainParsed } from '../../src/render/amendment-text.js';
import { buildText } from '../../src/text/model.js';
import { indexPoints } from '../../src/validate/amendments/points.js';
import { validateOpinion } from '../../src/validate/index.js';
import { MARKDOWN_PIECES, markdownFiles, seededRandom } from './scratch.js';

const numbers: Record<string, string> = { 'c-known': '1.3', 'sc-other': '3.2.1' };
const numberOf = (id: string) => numbers[id];

const TRICKY = [
  'Plain text with a reference to :ref{#c-known} and :ref{#c-unknown}.',
  'Two  spaces,\ttab and\n  a continuation line \nwith trailing space.',
  'A hard break  \nhere.',
  'A line\n- that opens a list',
  'A line\n1. that opens an ordered list',
  'A line\n2) that does not open one',
  'Setext\n===',
  'Setext\n---',
  'Heading\n# here',
  'Quote\n> here',
  'Directive :abbr[EESC] and :x and ratio 3:1 and time 10:30.',
  'Not a directive: see below, and a URL https://example.org/a_b?c=d.',
  'A footnote call[^1] without its definition, [^fn-2] and [^fn-2] again.',
  'Escaped \\[^3] and `[^4]` in code and [^a b] and [x] link-ish.',
  'Emphasis *here* and _there_ and **strong** and __strong__ and *two words*.',
  'Intraword a*b*c and snake_case_name and x_y_ and *a*b* and **a*.',
  'Nested *a **b** c* and *unclosed and _a_b_ and *1.5* and (*x*), "*y*".',
  'Emphasis *across\nlines* and * spaced * and *x *y* z*.',
  '*Start* and end *stop*',
  '*:ref{#c-known}* and *see :ref{#c-known} here*.',
  'Combining e\u0301*x* and \u200d*y* and €*z*€ and ‘*q*’.',
  '_x_\u00e9 and \u00e9_x_ and ___triple___ and ***three***.',
  'Escaped \\*star\\* and &amp; entity &copy; and <b>html</b>.',
  'Two paragraphs.\n\nThe second one.',
  '::ref{#c-known} double colon.',
  ':ref{#c-known}',
  'Cited :cite{#ev-study}.[^fn-1] and ::cite{#x} and :cite[label]{#y}.',
  ':ref[label]{#c-known} with a label.',
  ':ref{#c-known .class} with a class.',
  'Line\r\nwith CRLF.',
  'www.example.com and someone@example.org are links.',
  '   Leading spaces and trailing   ',
  'A — dash - and + plus = equals in the middle.',
  '~~struck~~ and ~one~.',
  'a|b table-ish',
  '',
];

describe('plainOf without parsing', () => {
  it('leaves footnote calls and markup out, and writes references as their point', () => {
    expect(plainOf('The EESC *stresses*[^1] that:ref{#c-known} and :ref{#gone} apply.[^fn-2]', 'en', numberOf)).toBe(
      'The EESC stresses thatpoint 1.3 and [gone] apply.',
    );
    expect(plainParsed('See **:ref{#sc-other}**[^1] and `code`.', 'fr', numberOf)).toBe('See paragraphe 3.2.1 and code.');
  });

  it('gives what the full parse gives on tricky texts', () => {
    for (const text of TRICKY) expect(plainOf(text, 'en', numberOf), JSON.stringify(text)).toBe(plainParsed(text, 'en', numberOf));
  });

  it('gives what the full parse gives on random mixes of words and markers', () => {
    const pieces = MARKDOWN_PIECES;
    const random = seededRandom(12);
    for (let i = 0; i < Number(process.env.FUZZ ?? 600); i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      expect(plainOf(text, 'en', numberOf), JSON.stringify(text)).toBe(plainParsed(text, 'en', numberOf));
    }
  });

  it('gives what the full parse gives on every paragraph of the repository’s Markdown', () => {
    let checked = 0;
    const seen = new Set<string>();
    for (const file of [...markdownFiles(join(ROOT, 'opinions')), ...markdownFiles(join(ROOT, 'test')), ...markdownFiles(join(ROOT, 'templates'))]) {
      for (const paragraph of readFileSync(file, 'utf8').split(/\n[ \t]*\n/)) {
        const text = paragraph.replace(/^\{#[^}]*\}[ \t]*/, '');
        if (seen.has(text) || text.length > 4000) continue;
        seen.add(text);
        expect(plainOf(text, 'en', numberOf), `${file}: ${JSON.stringify(text.slice(0, 80))}`).toBe(plainParsed(text, 'en', numberOf));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe('the point index without inline prose', () => {
  it('has the same points, numbers, texts and places as the one made from the full text model', async () => {
    for (const name of ['see-migrants', 'see-migrants-preliminary']) {
      const { opinion } = await validateOpinion(join(ROOT, 'opinions', name));
      expect(opinion).toBeDefined();
      const light = indexPoints(opinion!);
      const full = indexPoints(opinion!, buildText(opinion!));
      expect(light.points.size).toBeGreaterThan(20);
      expect(light.order).toEqual(full.order);
      expect(light.langs).toEqual(full.langs);
      expect([...light.others].sort()).toEqual([...full.others].sort());
      for (const [id, point] of full.points) {
        const other = light.points.get(id)!;
        expect({ ...other, places: [...other.places], texts: [...other.texts] }, id).toEqual({ ...point, places: [...point.places], texts: [...point.texts] });
      }
    }
  });
});
