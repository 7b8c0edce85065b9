/** `parseMarkdownDraft`: built drafts and drafts converted from Word, as the same `Draft`. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import type { Draft } from '../../src/core/draft.js';
import { FIXTURES, ROOT } from './helpers.js';

/** Chapters and points as `number text` lines, headings marked `#`. */
function outline(draft: Draft): string[] {
  return draft.chapters.flatMap((chapter) => [
    `${chapter.number ?? '-'}. ${chapter.title}${chapter.id ? ` {#${chapter.id}}` : ''}`,
    ...chapter.points.map((point) => `${point.heading ? '# ' : ''}${point.number || '-'} ${point.text}${point.id ? ` {#${point.id}}` : ''}`),
  ]);
}

describe('parseMarkdownDraft', () => {
  it('reads a Word-converted draft and a built one alike', () => {
    const word = parseMarkdownDraft(readFileSync(join(FIXTURES, 'word-converted', 'old.md'), 'utf8'), 'word.md');
    const built = parseMarkdownDraft(readFileSync(join(FIXTURES, 'word-converted', 'new.md'), 'utf8'), 'built.md');
    expect(word.messages).toEqual([]);
    expect(built.messages).toEqual([]);
    // The built draft changed point 2.2 only.
    const others = (lines: string[]) => lines.filter((line) => !line.startsWith('2.2 '));
    expect(others(outline(word.draft))).toEqual(others(outline(built.draft)));
    expect(outline(word.draft)).toHaveLength(outline(built.draft).length);
    expect(word.draft.title).toBe(built.draft.title);
    expect(word.draft.header).toEqual(built.draft.header);
  });

  it('takes chapter headings from Markdown headings, plain paragraphs, bold paragraphs and one-item lists', () => {
    const { draft } = parseMarkdownDraft(
      ['# 1. First', '', '1.1 A.', '', '2\\. Second', '', '2.1 B.', '', '**3. Third**', '', '3.1 C.', '', '4. Fourth', '', '4.1 D.', ''].join('\n'),
      'x.md',
    );
    expect(outline(draft)).toEqual(['1. First', '1.1 A.', '2. Second', '2.1 B.', '3. Third', '3.1 C.', '4. Fourth', '4.1 D.']);
  });

  it('tells sub-headings from points', () => {
    const { draft } = parseMarkdownDraft(
      [
        '## 3. Specific comments',
        '',
        '### 3.1 Access to finance {#s-finance}',
        '',
        '3.1.1 Text.',
        '',
        '**3.2 Governance**',
        '',
        '3.2.1 Text.',
        '',
        '3.3 Skills',
        '',
        '3.3.1 Text.',
        '',
        '3.4 The EESC notes the following:',
        '',
        '3.4.1 Text.',
        '',
      ].join('\n'),
      'x.md',
    );
    expect(outline(draft)).toEqual([
      '3. Specific comments',
      '# 3.1 Access to finance {#s-finance}',
      '3.1.1 Text.',
      '# 3.2 Governance',
      '3.2.1 Text.',
      '# 3.3 Skills',
      '3.3.1 Text.',
      '3.4 The EESC notes the following:',
      '3.4.1 Text.',
    ]);
  });

  it('reads ids written before or after the number, and HTML anchors', () => {
    const { draft } = parseMarkdownDraft(
      ['## 1. Conclusions {#conclusions}', '', '{#c-a} 1.1 A.', '', '1.2 {#c-b} B.', '', '<a id="c-c"></a>1.3 C.', ''].join('\n'),
      'x.md',
    );
    expect(outline(draft)).toEqual(['1. Conclusions {#conclusions}', '1.1 A. {#c-a}', '1.2 B. {#c-b}', '1.3 C. {#c-c}']);
  });

  it('keeps lists, tables and further paragraphs with their point', () => {
    const { draft } = parseMarkdownDraft(
      [
        '## 1. Conclusions',
        '',
        '1.1 The EESC recommends:',
        '',
        '- to fund;',
        '- to train.',
        '',
        'It adds a second paragraph.',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '1.2 Next.',
        '',
      ].join('\n'),
      'x.md',
    );
    expect(draft.chapters[0]?.points.map((point) => point.text)).toEqual([
      // List items without their markers, as the build's text of a point has them.
      'The EESC recommends:\n\nto fund;\nto train.\n\nIt adds a second paragraph.\n\na | b\n1 | 2',
      'Next.',
    ]);
  });

  it('does not read "5.000" (German thousands) or "2018" as a point number', () => {
    const { draft } = parseMarkdownDraft(
      ['## 1. Zahlen', '', '1.1 Erstens.', '', '5.000 Genossenschaften arbeiten mit.', '', '2018 war ein gutes Jahr.', ''].join('\n'),
      'x.md',
    );
    expect(draft.chapters[0]?.points.map((point) => point.number)).toEqual(['1.1']);
  });

  it('makes each paragraph of an unnumbered chapter a point without number', () => {
    const { draft } = parseMarkdownDraft(
      ['# Opinion of the EESC on ‘X’', '', '## Foreword', '', 'First paragraph.', '', 'Second paragraph.', '', '## 1. Conclusions', '', '1.1 A.', ''].join(
        '\n',
      ),
      'x.md',
    );
    expect(outline(draft)).toEqual(['-. Foreword', '- First paragraph.', '- Second paragraph.', '1. Conclusions', '1.1 A.']);
    expect(draft.title).toBe('Opinion of the EESC on ‘X’');
  });

  it('reads the header table, label/value lines, the banner and the closing block', () => {
    const { draft } = parseMarkdownDraft(
      [
        '**SECTION OPINION** – version for the plenary session\\',
        'Version 3 of 2 May 2018',
        '',
        'INT/871\\',
        'EESC-2017-04256-00-02-AS-TRA',
        '',
        '# Opinion of the European Economic and Social Committee on ‘X’',
        '',
        '(own-initiative opinion)',
        '',
        'Co-rapporteur: Jane DOE',
        '',
        '| | |',
        '|---|---|',
        '| Rapporteur: | Giuseppe GUERINI |',
        '| Legal basis | Rule 29(2) of the Rules of Procedure |',
        '| | Own-initiative opinion |',
        '| Outcome of vote (for/against/abstentions) | 186/1/2 |',
        '| Contact | someone@example.org |',
        '',
        '## 1. Conclusions',
        '',
        '1.1 A.',
        '',
        'Brussels, 23 May 2018.',
        '',
        'The President of the European Economic and Social Committee',
        '',
      ].join('\n'),
      'x.md',
    );
    expect(draft.header.map((row) => [row.field, row.value])).toEqual([
      ['stage', 'SECTION OPINION'],
      ['stage_purpose', 'version for the plenary session'],
      ['version', 'Version 3 of 2 May 2018'],
      ['reference', 'INT/871'],
      ['document', 'EESC-2017-04256-00-02-AS-TRA'],
      ['kind_line', '(own-initiative opinion)'],
      ['co-rapporteur', 'Jane DOE'],
      ['rapporteur', 'Giuseppe GUERINI'],
      ['legal_basis', 'Rule 29(2) of the Rules of Procedure'],
      ['kind', 'Own-initiative opinion'],
      ['vote', '186/1/2'],
      ['contact', 'someone@example.org'],
      ['closing', 'Brussels, 23 May 2018.'],
      ['closing', 'The President of the European Economic and Social Committee'],
    ]);
    expect(outline(draft)).toEqual(['1. Conclusions', '1.1 A.']);
  });

  it('knows the header labels of the French, Italian and German drafts', () => {
    const table = (rows: string[][]) => ['| | |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`), '', '## 1. X', '', '1.1 Y.', ''].join('\n');
    const fields = (rows: string[][]) => parseMarkdownDraft(table(rows), 'x.md').draft.header.map((row) => row.field);
    expect(
      fields([
        ['Rapporteur:', 'A'],
        ['Base juridique', 'B'],
        ['Adoption en section spécialisée', '27.4.2018'],
        ['Résultat du vote (pour/contre/abstentions)', '1/2/3'],
      ]),
    ).toEqual(['rapporteur', 'legal_basis', 'adopted_in_section', 'vote']);
    expect(
      fields([
        ['Relatore:', 'A'],
        ['Decisione dell’Assemblea plenaria', 'B'],
        ['Sezione competente', 'C'],
      ]),
    ).toEqual(['rapporteur', 'decision', 'section']);
    expect(
      fields([
        ['Berichterstatter:', 'A'],
        ['Zuständige Fachgruppe', 'B'],
        ['Plenartagung Nr.', '535'],
      ]),
    ).toEqual(['rapporteur', 'section', 'plenary_session']);
  });

  it('numbers footnotes in the order of their first reference, with ids from labels that are ids', () => {
    const { draft } = parseMarkdownDraft(
      ['## 1. X', '', '1.1 A[^1] and B[^fn-a].[^1]', '', '[^fn-a]: First defined.', '[^1]: Second defined.', '[^2]: Never referenced.', ''].join('\n'),
      'x.md',
    );
    expect(draft.footnotes).toEqual([
      { number: '1', text: 'Second defined.' },
      { number: '2', id: 'fn-a', text: 'First defined.' },
      { number: '3', text: 'Never referenced.' },
    ]);
    expect(draft.chapters[0]?.points[0]?.text).toBe('A and B.');
  });

  it('warns, with the place, about duplicate numbers and points outside their chapter', () => {
    const { messages } = parseMarkdownDraft(['## 1. X', '', '1.1 A.', '', '1.1 B.', '', '2.1 C.', '', '## 3. Z', '', '3.1 D.', ''].join('\n'), 'x.md');
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      '5:1 diff/duplicate-number Unexpected second point numbered `1.1`, expected each number once (first used on line 3)',
      '7:1 diff/point-outside-chapter Unexpected number `2.1` in chapter 1, expected a number starting with `1.`',
      '9:1 diff/chapter-number Unexpected chapter number `3`, expected `2`',
    ]);
    expect(messages.every((m) => m.fatal === false && m.file === 'x.md')).toBe(true);
  });

  it('records where each point is', () => {
    const { draft } = parseMarkdownDraft('## 1. X\n\n1.1 A.\n', 'drafts/x.md');
    expect(draft.chapters[0]?.points[0]?.at).toEqual({
      file: 'drafts/x.md',
      position: { start: { line: 3, column: 1, offset: 9 }, end: { line: 3, column: 7, offset: 15 } },
    });
  });

  it('reads the drafts `opinion build` writes', () => {
    const text = readFileSync(join(ROOT, 'test', 'build', 'golden', 'see-migrants', 'en', 'opinion.md'), 'utf8');
    const { draft, messages } = parseMarkdownDraft(text, 'opinion.md');
    expect(messages).toEqual([]);
    expect(draft.title).toMatch(/^Opinion of the European Economic and Social Committee on ‘/);
    expect(draft.chapters.map((chapter) => `${chapter.number}. ${chapter.title}`)).toEqual([
      '1. Conclusions and recommendations',
      '2. General comments',
      '3. Specific comments',
    ]);
    expect(draft.header.find((row) => row.field === 'stage')?.value).toBe('DRAFT OPINION');
    expect(draft.footnotes.length).toBeGreaterThan(0);
  });

  it('returns an empty draft for an empty file', () => {
    expect(parseMarkdownDraft('', 'empty.md')).toMatchObject({ draft: { origin: 'empty.md', header: [], chapters: [], footnotes: [] }, messages: [] });
  });
});
