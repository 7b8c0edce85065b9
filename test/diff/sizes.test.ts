/**
 * `opinion diff` at every chapter size: a point is recognised by its place
 * (a paragraph in a numbered chapter, in sequence with its neighbours), not by
 * how many digits its number has. Chapters of 9, 99, 100, 999, 1,000 and
 * 5,000 points, each pair with known changes of every kind (bench/diff-data.mjs),
 * read as Markdown and as Word (automatic list numbering and typed numbers):
 * every change found exactly, nothing false.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { diffDrafts, diffToJson } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { draftFromDocx } from '../../src/drafts/word-file.js';
// @ts-expect-error: a plain JavaScript module shared with the benchmark
import { generatePair } from '../../bench/diff-data.mjs';

interface Known {
  kind: string;
  from?: string | string[];
  to?: string | string[];
  edited?: boolean;
}
interface Pair {
  old: string;
  new: string;
  known: Known[];
}

const key = (change: Known): string =>
  `${change.kind} ${[change.from ?? ''].flat().join('+')}→${[change.to ?? ''].flat().join('+')}${change.edited === undefined ? '' : ` edited=${change.edited}`}`;

/** Small chapters next to the long one, so that moves go from one chapter to another. */
function pairOf(long: number): Pair {
  const sizes = [long, 20, 20];
  const small = long < 50;
  const plan = small
    ? { edits: 1, deletions: 1, additions: 2, moves: 1, movedEdited: 1, splits: 1, merges: 1 }
    : { edits: 6, deletions: 3, additions: 3, moves: 2, movedEdited: 2, splits: 3, merges: 3 };
  return generatePair(
    sizes.reduce((a, b) => a + b, 0),
    long,
    { sizes, plan, sections: 0 },
  ) as Pair;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string): string => `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;

/**
 * A generated Markdown draft as a .docx: the chapter titles and points as
 * paragraphs of one multilevel list (`%1.`, `%1.%2`, `%1.%2.%3`), which the
 * reader numbers as Word does; or with the numbers typed at the start of
 * each paragraph.
 */
function docxOf(markdown: string, typed: boolean): Uint8Array {
  const paragraphs: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.trim() === '' || line.startsWith('|')) continue;
    const title = /^# (.*)$/.exec(line);
    const chapter = /^## (\d+)\. (.*)$/.exec(line);
    const point = /^(?:### )?(\d+(?:\.\d+)+) (.*)$/.exec(line);
    if (title) paragraphs.push(`<w:p>${run(title[1] as string)}</w:p>`);
    else if (typed && chapter) paragraphs.push(`<w:p>${run(`${chapter[1]}. ${chapter[2]}`)}</w:p>`);
    else if (typed && point) paragraphs.push(`<w:p>${run(`${point[1]}\t${point[2]}`)}</w:p>`);
    else if (chapter) paragraphs.push(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(chapter[2] as string)}</w:p>`);
    else if (point) {
      const level = (point[1] as string).split('.').length - 1;
      paragraphs.push(`<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(point[2] as string)}</w:p>`);
    } else throw new Error(`docxOf: unexpected line ${line}`);
  }
  const level = (ilvl: number, text: string) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${text}"/><w:suff w:val="space"/></w:lvl>`;
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${level(0, '%1.')}${level(1, '%1.%2')}${level(2, '%1.%2.%3')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`),
    'word/numbering.xml': strToU8(numbering),
  });
}

function check(result: ReturnType<typeof diffDrafts>, pair: Pair): void {
  const reported = (diffToJson(result) as { changes: Known[] }).changes.map(key).sort();
  const expected = pair.known.map(key).sort();
  const inReported = new Set(reported);
  const inExpected = new Set(expected);
  const missed = expected.filter((k) => !inReported.has(k));
  const falses = reported.filter((k) => !inExpected.has(k));
  expect({ missed, falses }).toEqual({ missed: [], falses: [] });
  expect(reported).toEqual(expected);
}

const kindsOf = (pair: Pair): string[] => [...new Set(pair.known.map((change) => change.kind))].sort();

describe('opinion diff on chapters of any length', () => {
  for (const long of [9, 99, 100, 999, 1000, 5000]) {
    describe(`a chapter of ${long} points`, () => {
      const pair = pairOf(long);

      it('has known changes of every kind, and numbers past x.99 when the chapter is that long', () => {
        expect(kindsOf(pair)).toEqual(['added', 'deleted', 'merged', 'modified', 'moved', 'renumbered', 'split']);
        expect(pair.known.some((change) => change.edited === true)).toBe(true);
        expect(pair.old.includes(`\n1.${long} `)).toBe(true);
        expect(pair.old.includes(`\n1.${long + 1} `)).toBe(false);
      });

      it('finds every change of the Markdown pair, and nothing false', () => {
        const old = parseMarkdownDraft(pair.old, 'old.md');
        const neu = parseMarkdownDraft(pair.new, 'new.md');
        expect(old.draft.chapters.map((chapter) => chapter.points.length)).toEqual([long, 20, 20]);
        expect([...old.messages, ...neu.messages].map(String)).toEqual([]);
        check(diffDrafts(old.draft, neu.draft), pair);
      }, 60_000);

      // Typed numbers on two sizes only: reading Word costs more than reading Markdown.
      for (const typed of long === 100 || long === 1000 ? [false, true] : [false]) {
        it(`finds every change of the Word pair (${typed ? 'typed numbers' : 'automatic list numbering'}), and nothing false`, async () => {
          const old = await draftFromDocx(docxOf(pair.old, typed), 'old.docx');
          const neu = await draftFromDocx(docxOf(pair.new, typed), 'new.docx');
          expect(old.draft.chapters.map((chapter) => chapter.points.length)).toEqual([long, 20, 20]);
          check(diffDrafts(old.draft, neu.draft), pair);
        }, 60_000);
      }
    });
  }
});

describe('a number in prose at the start of a paragraph is not a point', () => {
  it('"1.500 companies" inside point 1.499 (German thousands, or any figure) stays text of that point', () => {
    const points = Array.from({ length: 499 }, (_, i) => `1.${i + 1} The Committee notes point ${i + 1}.`);
    points.splice(499, 0, '1.500 Unternehmen sind betroffen, and this paragraph continues point 1.499.');
    points.push('1.500 The Committee notes the last point.', '1.501 And one more.');
    const text = `## 1. Conclusions\n\n${points.join('\n\n')}\n\n## 2. General comments\n\n2.1 Text.\n\n5.500 people were heard.\n`;
    const { draft, messages } = parseMarkdownDraft(text, 'draft.md');
    const chapter = draft.chapters[0]!;
    expect(chapter.points.map((point) => point.number).slice(-4)).toEqual(['1.498', '1.499', '1.500', '1.501']);
    expect(chapter.points[498]!.text).toBe('The Committee notes point 499.\n\n1.500 Unternehmen sind betroffen, and this paragraph continues point 1.499.');
    expect(draft.chapters[1]!.points.map((point) => [point.number, point.text])).toEqual([['2.1', 'Text.\n\n5.500 people were heard.']]);
    expect(messages.map(String)).toEqual([]);
  });

  it('a point after a gap (points deleted without renumbering) is still a point', () => {
    const points = Array.from({ length: 120 }, (_, i) => `1.${i + 1} Point ${i + 1}.`).filter((_, i) => i < 100 || i > 104);
    const { draft } = parseMarkdownDraft(`## 1. Conclusions\n\n${points.join('\n\n')}\n`, 'draft.md');
    expect(draft.chapters[0]!.points.map((point) => point.number).slice(99, 102)).toEqual(['1.100', '1.106', '1.107']);
  });
});
