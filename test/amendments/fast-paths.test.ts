/**
 * The amendments commands take shortcuts on long opinions; each must
 * give exactly what the long way gives:
 * - `plainOf` reads a text without Markdown syntax as itself instead of
 *   parsing it (checked against the full parse on every paragraph of every
 *   Markdown file of the repository and on tricky cases);
 * - the point index is made from the text model without its inline prose
 *   (checked against the index made from the full text model);
 * - `apply` marks the applied amendments in amendments.yaml reading only
 *   their items, not the whole file (checked against the whole parse), and
 *   makes its edits of a file in one pass (checked against one at a time).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { plainOf, plainParsed } from '../../src/render/amendment-text.js';
import { buildText } from '../../src/text/model.js';
import { indexPoints } from '../../src/validate/amendments/points.js';
import { validateOpinion } from '../../src/validate/index.js';
import { MARKDOWN_PIECES, markdownFiles } from './scratch.js';
import { seededRandom } from '../helpers.js';
import { addKeyByLines, applySplices, listItems, parseForEdit, setKey, setKeyInItems, type Splice } from '../../src/core/yaml-edit.js';

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

describe('setting a key in some items of a long list without parsing the whole file', () => {
  const AMENDMENTS = `# Amendments of the section (illustrative).
procedure: { quarter: 0.25 }
amendments:
  - id: am-1
    number: 1
    target: p-1   # the first point
    action: amend
    text: >-
      A folded text over
      two lines, with # no comment.

    vote: { for: 40, against: 2, abstentions: 1 }
  - id: am-2
    number: 2
    target: p-2
    text: "quoted: - with a dash
      and a second line"
    reason: |+
      Kept trailing lines.

  # ── A comment closing the item, at the list's indentation ──
# and one at the margin
  - id: am-3
    number: 3
    target: p-3
    by: [A, B]
    applied_in: 1
  -   id: am-4
      number: 4
      target: p-4
      reason: a plain text
        that goes on
deadlines: { section: 2020-01-01 }
`;
  const data = (text: string) => (parseForEdit(text).toJS() as { amendments: unknown[] }).amendments;
  const wholeResult = (text: string, indexes: number[]) => indexes.map((index) => setKey(text, parseForEdit(text), ['amendments', index], 'applied_in', '2'));
  const cases: [string, string][] = [
    ['indented list, comments at the end of lines and closing an item, block and quoted scalars, a key already there', AMENDMENTS],
    ['list at the left margin, no final newline', 'amendments:\n- id: a\n  target: p-1\n- id: b\n  target: p-2\n  text: >\n    folded\n- id: c\n  target: p-3'],
    ['the sample opinion’s amendments', readFileSync(join(ROOT, 'opinions', 'see-migrants', 'amendments.yaml'), 'utf8')],
  ];

  for (const [name, text] of cases) {
    it(`gives what the whole parse gives, reading only the items: ${name}`, () => {
      const all = data(text);
      const subsets = [all.map((_, i) => i), all.map((_, i) => i).filter((i) => i % 2 === 1), [all.length - 1], [0]];
      for (const indexes of subsets) {
        let parsed = 0;
        const splices = setKeyInItems(
          text,
          () => {
            parsed++;
            return parseForEdit(text);
          },
          'amendments',
          indexes.map((index) => ({ index, data: all[index] })),
          'applied_in',
          '2',
          all.length,
        );
        expect(splices, JSON.stringify(indexes)).toEqual(wholeResult(text, indexes));
        expect(parsed, 'the whole file is not parsed').toBe(0);
        expect(applySplices(text, splices as Splice[])).toBe(applySplices(text, wholeResult(text, indexes) as Splice[]));
      }
    });
  }

  /** A random list ended (maybe a key after it, maybe no final newline), its items' data and the items to mark; undefined when it is not valid YAML. */
  const finishList = (lines: string[], random: () => number) => {
    if (random() < 0.5) lines.push('deadlines: { section: 2020-01-01 }');
    const text = lines.join('\n') + (random() < 0.8 ? '\n' : '');
    if (parseForEdit(text).errors.length > 0) return undefined;
    const all = data(text);
    return { text, all, indexes: all.map((_, i) => i).filter(() => random() < 0.6) };
  };

  /** Ways to write a key's value in a list item (`lineOnly`: added for the line path's test). */
  const VALUE_SHAPES: { lines: (k: string) => string[]; lineOnly?: boolean }[] = [
    { lines: (k) => [`${k}: plain words`] },
    { lines: (k) => [`${k}: plain words   # a comment`] },
    { lines: (k) => [`${k}: plain words  `], lineOnly: true },
    { lines: (k) => [`${k}: >-`, '  folded text', '  on two lines'] },
    { lines: (k) => [`${k}: |+`, '  kept', ''] },
    { lines: (k) => [`${k}: "quoted # text`, '  over two lines"'] },
    { lines: (k) => [`${k}: 'single: quoted'`], lineOnly: true },
    { lines: (k) => [`${k}: { for: 1, against: 2 }`] },
    { lines: (k) => [`${k}: [a, b]`] },
    { lines: (k) => [`${k}:`, '  - one', '  - two'] },
    { lines: (k) => [`${k}:`, '  nested: map', '  other: 2'], lineOnly: true },
    { lines: (k) => [`${k}: plain text`, '  going on'] },
  ];

  it('gives what the whole parse gives on random lists (comments, blank lines, block, flow and quoted values)', () => {
    const random = seededRandom(21);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const VALUES = VALUE_SHAPES.filter((shape) => !shape.lineOnly).map((shape) => shape.lines);
    const EXTRA = ['', '# at the margin', '  # at the list', '    # in the item', '      # deeper'];
    for (let round = 0; round < Number(process.env.FUZZ ?? 300); round++) {
      const indent = ' '.repeat(pick([0, 2, 4]));
      const lines = ['# head', 'procedure: { a: 1 }', 'amendments:'];
      const count = 1 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const keys = ['id', 'target', 'text', 'reason', ...(random() < 0.3 ? ['applied_in'] : [])];
        keys.forEach((key, j) => {
          const value = key === 'id' ? [`id: am-${i}`] : key === 'applied_in' ? ['applied_in: 1'] : pick(VALUES)(key);
          value.forEach((line, n) => lines.push(line === '' ? '' : `${indent}${j === 0 && n === 0 ? '- ' : '  '}${line}`));
          if (random() < 0.25) lines.push(pick(EXTRA));
        });
      }
      const list = finishList(lines, random);
      if (!list) continue;
      const { text, all, indexes } = list;
      const got = setKeyInItems(
        text,
        () => parseForEdit(text),
        'amendments',
        indexes.map((index) => ({ index, data: all[index] })),
        'applied_in',
        '2',
        all.length,
      );
      expect(got, text).toEqual(wholeResult(text, indexes));
    }
  });

  it('marks items written as plain lines without a YAML parser, exactly where the parser would', () => {
    // The line path: on random lists it answers for the items it can read and gives what the whole parse gives.
    const random = seededRandom(34);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const VALUES = VALUE_SHAPES.map((shape) => shape.lines);
    let answered = 0;
    for (let round = 0; round < Number(process.env.FUZZ ?? 300); round++) {
      const indent = ' '.repeat(pick([0, 2, 4]));
      const dash = pick(['- ', '- ', '-   ']);
      const lines = ['procedure: { a: 1 }', 'amendments:'];
      const count = 1 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const keys = ['id', 'target', 'text', 'reason', ...(random() < 0.1 ? ['applied_in'] : [])];
        keys.forEach((key, j) => {
          const value = key === 'id' ? [`id: am-${i}`] : key === 'applied_in' ? ['applied_in: 1'] : pick(VALUES)(key);
          value.forEach((line, n) => lines.push(`${indent}${j === 0 && n === 0 ? dash : ' '.repeat(dash.length)}${line}`));
        });
        if (random() < 0.2) lines.push('');
        if (random() < 0.05) lines.push(`${indent}# closing comment`);
      }
      const list = finishList(lines, random);
      if (!list) continue;
      const { text, all, indexes } = list;
      if (indexes.length === 0) continue;
      const found = listItems(text, 'amendments');
      expect(found, text).toBeDefined();
      const got = addKeyByLines(
        text,
        found!,
        indexes.map((index) => ({ index, data: all[index] })),
        'applied_in',
        '2',
      );
      if (got === undefined) continue;
      answered++;
      expect(got, text).toEqual(wholeResult(text, indexes));
    }
    expect(answered, 'rounds the line path answered').toBeGreaterThan(20);
    // A long list of plain items, as amendments.yaml usually is: answered, and the same as the parser.
    const long =
      'amendments:\n' +
      Array.from(
        { length: 40 },
        (_, i) => `  - id: am-${i}\n    number: ${i}\n    target: p-${i}\n    vote: { for: ${i}, against: 1, abstentions: 0 }\n    reason: Reason ${i}.`,
      ).join('\n') +
      '\n';
    const items = data(long);
    const indexes = items.map((_, i) => i).filter((i) => i % 3 === 0);
    const got = addKeyByLines(
      long,
      listItems(long, 'amendments')!,
      indexes.map((index) => ({ index, data: items[index] })),
      'applied_in',
      '2',
    );
    expect(got).toEqual(wholeResult(long, indexes));
    // Not an item's data: no answer (the caller reads the items with the parser).
    expect(addKeyByLines(long, listItems(long, 'amendments')!, [{ index: 0, data: items[1] }], 'applied_in', '2')).toBeUndefined();
  });

  it('parses the whole file when an item holds a comment line inside it, or does not give its data', () => {
    const commented = AMENDMENTS.replace('    number: 2\n', '    number: 2\n    # a comment line\n');
    const all = data(commented);
    let parsed = 0;
    const whole = () => {
      parsed++;
      return parseForEdit(commented);
    };
    const items = [0, 1, 2].map((index) => ({ index, data: all[index] }));
    expect(setKeyInItems(commented, whole, 'amendments', items, 'applied_in', '2', all.length)).toEqual(wholeResult(commented, [0, 1, 2]));
    expect(parsed).toBeGreaterThan(0);
    parsed = 0;
    const wrong = [{ index: 0, data: all[1] }];
    expect(setKeyInItems(commented, whole, 'amendments', wrong, 'applied_in', '2', all.length)).toEqual(wholeResult(commented, [0]));
    expect(parsed).toBeGreaterThan(0);
    parsed = 0;
    expect(setKeyInItems(commented, whole, 'amendments', [{ index: 3, data: all[3] }], 'applied_in', '2', all.length + 1)).toEqual(wholeResult(commented, [3]));
    expect(parsed, 'a count that does not match').toBeGreaterThan(0);
  });
});

describe('splices joined in one pass', () => {
  it('gives what making them one after the other gives, overlapping or not', () => {
    const random = seededRandom(7);
    const text = 'The EESC considers that the social economy matters.\n\nA second point.\n';
    for (let i = 0; i < 2000; i++) {
      const splices: Splice[] = [];
      for (let j = Math.floor(random() * 6); j > 0; j--) {
        const start = Math.floor(random() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(random() * (random() < 0.5 ? 1 : 12)));
        splices.push({ start, end, text: `<${i}.${j}>` });
      }
      let expected = text;
      // From the last place back; at one place, the last given first, so that insertions there read in the order given.
      const order = splices.map((splice, index) => ({ splice, index }));
      for (const { splice } of order.sort((a, b) => b.splice.start - a.splice.start || b.splice.end - a.splice.end || b.index - a.index))
        expected = expected.slice(0, splice.start) + splice.text + expected.slice(splice.end);
      expect(applySplices(text, splices), JSON.stringify(splices)).toBe(expected);
    }
  });
  it('puts insertions at one place in the order given', () => {
    const at = 'A second point.'.length;
    expect(
      applySplices('A second point.', [
        { start: at, end: at, text: ' One.' },
        { start: at, end: at, text: ' Two.' },
        { start: 0, end: 1, text: 'The' },
      ]),
    ).toBe('The second point. One. Two.');
  });
});
