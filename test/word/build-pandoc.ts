/**
 * Reading Word and Markdown outputs back with pandoc, the independent
 * reader of the Word tests: the text of every paragraph, heading and table
 * cell in order, and the text of the footnotes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { hasPandoc } from '../helpers.js';

export interface PandocRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run pandoc on bytes written to a temporary file with the given extension. */
export function pandoc(content: string | Uint8Array, ext: 'docx' | 'md', args: string[]): PandocRun {
  const file = join(mkdtempSync(join(tmpdir(), 'opinion-pandoc-')), `input.${ext}`);
  writeFileSync(file, content);
  const from = ext === 'docx' ? ['-f', 'docx'] : ['-f', 'gfm+footnotes'];
  const result = spawnSync('pandoc', [...from, file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

interface Node {
  t: string;
  c?: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).t === 'string';

/** The text of inlines: notes left out (collected in `notes`), formatting dropped. */
function inlineText(value: unknown, notes: unknown[]): string {
  if (Array.isArray(value)) return value.map((v) => inlineText(v, notes)).join('');
  if (!isNode(value)) return '';
  const c = value.c as unknown[];
  switch (value.t) {
    case 'Str':
      return value.c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Note':
      notes.push(value.c);
      return '';
    case 'Code':
    case 'Math':
      return c[1] as string;
    case 'Span':
    case 'Link':
    case 'Image':
    case 'Quoted':
    case 'Cite':
      return inlineText(c[1], notes);
    case 'RawInline':
      return '';
    default:
      return inlineText(value.c, notes);
  }
}

/** Paragraph, heading and cell texts in order, numbers at their start removed, empty ones left out. */
export function blockTexts(ast: unknown, notes: unknown[] = []): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    if (isNode(value) && ['Para', 'Plain', 'Header'].includes(value.t)) {
      const inlines = value.t === 'Header' ? (value.c as unknown[])[2] : value.c;
      const text = normalise(inlineText(inlines, notes));
      if (text) out.push(text);
      return;
    }
    if (isNode(value) && value.t === 'RawBlock') return;
    for (const child of Object.values(value)) walk(child);
  };
  walk((ast as { blocks: unknown }).blocks);
  return out;
}

/** Distinct footnote texts, in order of first reference. */
export function noteTexts(ast: unknown): string[] {
  const notes: unknown[] = [];
  blockTexts(ast, notes);
  return [...new Set(notes.map((note) => blockTexts({ blocks: note }).join(' ')))];
}

function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d+(\.\d+)*\.?\s+/, '');
}

/** Pandoc's JSON syntax tree of a Word or Markdown file. */
export function pandocJson(content: string | Uint8Array, ext: 'docx' | 'md'): { ast: unknown; stderr: string; code: number } {
  const run = pandoc(content, ext, ['-t', 'json']);
  return { ast: run.code === 0 ? JSON.parse(run.stdout) : undefined, stderr: run.stderr, code: run.code };
}
