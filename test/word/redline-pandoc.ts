/**
 * Reading a Word file back with an independent reader (pandoc), as paragraph
 * texts (also with their footnotes where they are called), list numbers and
 * table rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export { hasPandoc } from '../helpers.js';

export interface ReadParagraph {
  /** The number read from the list structure (`1.3` for the third item of the list inside the first). */
  number?: string;
  text: string;
  /** The text with each footnote as `[^its text]` where it is called (pandoc reads real footnotes only, not `NOTEREF` fields). */
  marked: string;
}

export interface ReadDocument {
  title: string;
  paragraphs: ReadParagraph[];
  /** Table rows as cell texts, in order of tables. */
  rows: string[][];
}

type Node = { t: string; c?: unknown };

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The text of inlines; with `notes`, each footnote as `[^its text]`. */
function inlineText(inlines: readonly Node[], notes = false): string {
  return inlines
    .map((inline) => {
      switch (inline.t) {
        case 'Str':
          return inline.c as string;
        case 'Space':
        case 'SoftBreak':
        case 'LineBreak':
          return ' ';
        case 'Note': {
          if (!notes) return '';
          const paragraphs: ReadParagraph[] = [];
          blocksOf(inline.c as Node[], [], paragraphs, []);
          return `[^${collapse(paragraphs.map((paragraph) => paragraph.text).join(' '))}]`;
        }
        case 'Span':
        case 'Link':
        case 'Image':
          return inlineText((inline.c as unknown[])[1] as Node[], notes);
        case 'Quoted':
        case 'Cite':
          return inlineText((inline.c as unknown[])[1] as Node[], notes);
        case 'Code':
        case 'Math':
          return (inline.c as unknown[])[1] as string;
        default:
          return Array.isArray(inline.c) ? inlineText(inline.c as Node[], notes) : '';
      }
    })
    .join('');
}

const paragraphOf = (inlines: Node[]): ReadParagraph => ({ text: collapse(inlineText(inlines)), marked: collapse(inlineText(inlines, true)) });

function blocksOf(blocks: readonly Node[], path: number[], out: ReadParagraph[], rows: string[][]): void {
  for (const block of blocks) {
    if (block.t === 'Para' || block.t === 'Plain') out.push(paragraphOf(block.c as Node[]));
    else if (block.t === 'Header') out.push(paragraphOf((block.c as unknown[])[2] as Node[]));
    else if (block.t === 'OrderedList') {
      const [[start], items] = block.c as [[number], Node[][]];
      items.forEach((item, i) => {
        const number = [...path, start + i];
        const first = out.length;
        blocksOf(item, number, out, rows);
        const opening = out[first];
        if (opening) opening.number = number.join('.');
      });
    } else if (block.t === 'BulletList') for (const item of block.c as Node[][]) blocksOf(item, path, out, rows);
    else if (block.t === 'BlockQuote') blocksOf(block.c as Node[], path, out, rows);
    else if (block.t === 'Div') blocksOf((block.c as unknown[])[1] as Node[], path, out, rows);
    else if (block.t === 'Table') tableRows(block, rows);
  }
}

/** pandoc ≥ 2.10 tables: [attr, caption, colspecs, head, bodies, foot]. */
function tableRows(table: Node, rows: string[][]): void {
  const [, , , head, bodies, foot] = table.c as [unknown, unknown, unknown, [unknown, Node[]], [unknown, unknown, Node[], Node[]][], [unknown, Node[]]];
  const rowText = (row: Node) => (row as unknown as [unknown, [unknown, unknown, unknown, unknown, Node[]][]])[1].map((cell) => collapse(cellText(cell[4])));
  for (const row of head[1]) rows.push(rowText(row));
  for (const body of bodies) for (const row of [...body[2], ...body[3]]) rows.push(rowText(row));
  for (const row of foot[1]) rows.push(rowText(row));
}

function cellText(blocks: Node[]): string {
  const out: ReadParagraph[] = [];
  blocksOf(blocks, [], out, []);
  return out.map((p) => p.text).join(' ');
}

const NOTEREF_RUN = /<w:r>(?:(?!<\/w:r>).)*?NOTEREF(?:(?!<\/w:r>).)*?<\/w:r>/gsu;

/**
 * The file without its `NOTEREF` fields (further calls of a footnote): pandoc
 * leaves them out, but not inside a tracked change, where it reads their
 * shown number as text. The redline writes each as one run.
 */
function withoutNoteReferences(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  if (!document.includes('NOTEREF')) return bytes;
  files['word/document.xml'] = strToU8(document.replace(NOTEREF_RUN, ''));
  return zipSync(files);
}

/** A Word file as pandoc reads it with `--track-changes=accept|reject|all`. */
export function readWord(bytes: Uint8Array, trackChanges: 'accept' | 'reject' | 'all'): ReadDocument {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-word-'));
  try {
    const file = join(dir, 'in.docx');
    writeFileSync(file, withoutNoteReferences(bytes));
    const run = spawnSync('pandoc', ['-f', 'docx', '-t', 'json', `--track-changes=${trackChanges}`, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`);
    const json = JSON.parse(run.stdout) as { meta: Record<string, Node>; blocks: Node[] };
    const paragraphs: ReadParagraph[] = [];
    const rows: string[][] = [];
    blocksOf(json.blocks, [], paragraphs, rows);
    const title = json.meta.title ? collapse(inlineText(((json.meta.title as Node).c ?? []) as Node[])) : '';
    return { title, paragraphs, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
