/**
 * A fast outline of a chapter's Markdown: the top-level blocks (headings,
 * paragraphs, footnote definitions) and the `:ref` / `:cite` directives, with
 * the same positions the full remark parse gives them.
 *
 * Why: validation needs only these, on every file of every language, and the
 * full CommonMark parse (micromark) costs ~10× more. The outline follows the
 * block rules that matter for opinion sources (fences, containers, lists,
 * quotes, footnotes, setext headings, lazy lines, code spans) and is checked
 * against the full parse on every fixture and sample opinion
 * (`test/core/prose-outline.test.ts`). Rendering always uses the full parse.
 */
import type { Position } from './model.js';
import { closingTicks, readTextDirective } from './inline-syntax.js';
import { pointAt } from './line-index.js';

export interface OutlineBlock {
  type: 'heading' | 'paragraph' | 'footnoteDefinition' | 'definition' | 'other';
  position: Position;
  /** Headings: 1–6. */
  depth?: number;
  /** Footnote definitions: the label, normalised as remark does (lower case). */
  label?: string;
  /** Paragraphs and headings: the text of the first line as written (for `{#id}` markers). */
  firstLine?: string;
  /** Headings: where the heading's text ends (before a closing `#` sequence). */
  contentEnd?: { line: number; column: number };
  /** Headings: the heading's text (without `#` marks). */
  content?: string;
}

export interface OutlineDirective {
  name: string;
  /** `#id` or `id=…` attribute; undefined when absent. */
  id?: string;
  position: Position;
}

export interface ProseOutline {
  blocks: OutlineBlock[];
  directives: OutlineDirective[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^( {0,3})([-+*])([ \t]+|$)/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/;
const QUOTE = /^ {0,3}>/;
const CONTAINER = /^ {0,3}(:{3,})(?=[A-Za-z])/;
const LEAF_DIRECTIVE = /^ {0,3}::[A-Za-z]/;
const FOOTNOTE = /^ {0,3}\[\^([^\]\s]+)\]:/;
const DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*\S/;
const HTML_BLOCK = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!--|\?|![A-Z])/;
const BLANK = /^[ \t]*$/;

export function outlineProse(text: string): ProseOutline {
  const lines = text.split('\n');
  const blocks: OutlineBlock[] = [];
  const inlineRuns: { line: number; start: number }[][] = [];
  let i = 0;

  const endOf = (line: number) => ({ line: line + 1, column: trimmedEnd(lines[line]!) + 1 });
  const startOf = (line: number) => ({ line: line + 1, column: firstNonSpace(lines[line]!) + 1 });

  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    // Indented code (4+ columns) cannot start inside a paragraph, and there is none open here.
    if (indentWidth(line) >= 4) {
      const start = i;
      while (i < lines.length && (BLANK.test(lines[i]!) || indentWidth(lines[i]!) >= 4)) i++;
      let last = i - 1;
      while (last > start && BLANK.test(lines[last]!)) last--;
      blocks.push({ type: 'other', position: { start: { line: start + 1, column: 1 }, end: endOf(last) } });
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      const start = i;
      i = closeFence(lines, i, fence[1]!);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(Math.min(i, lines.length) - 1) } });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const { content, contentStart, contentEnd } = atxContent(line, atx[1]!);
      blocks.push({
        type: 'heading',
        depth: atx[1]!.length,
        firstLine: content,
        content,
        contentEnd: { line: i + 1, column: contentEnd + 1 },
        position: { start: startOf(i), end: endOf(i) },
      });
      inlineRuns.push([{ line: i, start: contentStart }]);
      i++;
      continue;
    }
    if (THEMATIC.test(line) || LEAF_DIRECTIVE.test(line)) {
      blocks.push({ type: 'other', position: { start: startOf(i), end: endOf(i) } });
      i++;
      continue;
    }
    const container = CONTAINER.exec(line);
    if (container) {
      const start = i;
      i = closeContainer(lines, i, container[1]!.length, inlineRuns);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(Math.min(i, lines.length) - 1) } });
      continue;
    }
    const footnote = FOOTNOTE.exec(line);
    if (footnote) {
      const start = i;
      const runs: { line: number; start: number }[] = [{ line: i, start: footnote[0].length }];
      i = continueIndented(lines, i + 1, 4, runs);
      inlineRuns.push(runs);
      blocks.push({
        type: 'footnoteDefinition',
        label: footnote[1]!.toLowerCase(),
        position: { start: startOf(start), end: endOf(lastContentLine(lines, start, i)) },
      });
      continue;
    }
    if (DEFINITION.test(line)) {
      blocks.push({ type: 'definition', position: { start: startOf(i), end: endOf(i) } });
      i++;
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const start = i;
      const runs: { line: number; start: number }[] = [];
      i = continueList(lines, i, runs);
      inlineRuns.push(runs);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(lastContentLine(lines, start, i)) } });
      continue;
    }
    if (QUOTE.test(line)) {
      const start = i;
      const runs: { line: number; start: number }[] = [];
      while (i < lines.length && !BLANK.test(lines[i]!) && (QUOTE.test(lines[i]!) || (i > start && !interrupts(lines[i]!)))) {
        const quote = /^ {0,3}> ?/.exec(lines[i]!);
        runs.push({ line: i, start: quote ? quote[0].length : firstNonSpace(lines[i]!) });
        i++;
      }
      inlineRuns.push(runs);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(i - 1) } });
      continue;
    }
    if (HTML_BLOCK.test(line)) {
      const start = i;
      i = closeHtml(lines, i);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(lastContentLine(lines, start, i)) } });
      continue;
    }
    // A paragraph (or a table, or a setext heading): runs until a blank line or a block that interrupts it.
    const start = i;
    const runs: { line: number; start: number }[] = [{ line: i, start: firstNonSpace(line) }];
    i++;
    let setext: number | undefined;
    while (i < lines.length && !BLANK.test(lines[i]!)) {
      const next = lines[i]!;
      const underline = SETEXT.exec(next);
      if (underline) {
        setext = underline[1]![0] === '=' ? 1 : 2;
        break;
      }
      if (interrupts(next)) break;
      runs.push({ line: i, start: firstNonSpace(next) });
      i++;
    }
    const isTable = i - start >= 2 && lines[start]!.includes('|') && /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(lines[start + 1]!);
    if (isTable) {
      while (i < lines.length && !BLANK.test(lines[i]!) && !interrupts(lines[i]!)) {
        runs.push({ line: i, start: firstNonSpace(lines[i]!) });
        i++;
      }
      inlineRuns.push(runs);
      blocks.push({ type: 'other', position: { start: startOf(start), end: endOf(i - 1) } });
      continue;
    }
    inlineRuns.push(runs);
    if (setext !== undefined) {
      const last = i - 1;
      blocks.push({
        type: 'heading',
        depth: setext,
        firstLine: lines[start]!.slice(firstNonSpace(lines[start]!)),
        content: lines
          .slice(start, last + 1)
          .map((l) => l.trim())
          .join('\n'),
        contentEnd: { line: last + 1, column: trimmedEnd(lines[last]!) + 1 },
        position: { start: startOf(start), end: endOf(i) },
      });
      i++;
      continue;
    }
    blocks.push({
      type: 'paragraph',
      firstLine: lines[start]!.slice(firstNonSpace(lines[start]!)),
      position: { start: startOf(start), end: endOf(i - 1) },
    });
  }

  const directives: OutlineDirective[] = [];
  for (const runs of inlineRuns) scanDirectives(lines, runs, directives);
  return { blocks, directives };
}

/** Whether a line starts a block that ends an open paragraph. */
function interrupts(line: string): boolean {
  if (ATX.test(line) || QUOTE.test(line) || THEMATIC.test(line) || CONTAINER.test(line) || LEAF_DIRECTIVE.test(line)) return true;
  const fence = FENCE.exec(line);
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) return true;
  const bullet = BULLET.exec(line);
  if (bullet && bullet[3] !== '') return true;
  const ordered = ORDERED.exec(line);
  if (ordered && ordered[2] === '1' && ordered[4] !== '') return true;
  if (
    /^ {0,3}<(?:\/?(?:address|article|aside|blockquote|body|details|dialog|div|dl|figure|footer|form|h[1-6]|header|hr|html|li|main|nav|ol|p|pre|section|table|ul)(?:[\s/>]|$)|!--|script|style)/i.test(
      line,
    )
  )
    return true;
  return false;
}

/** CommonMark HTML blocks: comments, `<script>`-like and processing blocks end at their terminator; others at a blank line. */
function closeHtml(lines: string[], open: number): number {
  const first = lines[open]!;
  const terminators: [RegExp, RegExp][] = [
    [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
    [/^ {0,3}<!--/, /-->/],
    [/^ {0,3}<\?/, /\?>/],
    [/^ {0,3}<![A-Z]/, />/],
    [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  ];
  for (const [opens, closes] of terminators) {
    if (!opens.test(first)) continue;
    for (let i = open; i < lines.length; i++) {
      const text = i === open ? first.slice(first.indexOf('<') + 2) : lines[i]!;
      if (closes.test(text)) return i + 1;
    }
    return lines.length;
  }
  let i = open;
  while (i < lines.length && !BLANK.test(lines[i]!)) i++;
  return i;
}

function closeFence(lines: string[], open: number, marker: string): number {
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  let i = open + 1;
  while (i < lines.length && !closing.test(lines[i]!)) i++;
  return i + 1;
}

/**
 * A `:::name` container, closed by the first bare fence of at least as many
 * colons (an inner container needs fewer colons than its parent, as in
 * micromark); directives inside are references too.
 */
function closeContainer(lines: string[], open: number, colons: number, inlineRuns: { line: number; start: number }[][]): number {
  const runs: { line: number; start: number }[] = [];
  inlineRuns.push(runs);
  const label = /^ {0,3}:{3,}[A-Za-z][\w-]*(.*)$/.exec(lines[open]!);
  if (label?.[1]) runs.push({ line: open, start: lines[open]!.length - label[1].length });
  let i = open + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      i = closeFence(lines, i, fence[1]!);
      continue;
    }
    const closing = /^ {0,3}(:{3,})[ \t]*$/.exec(line);
    if (closing && closing[1]!.length >= colons) return i + 1;
    if (!BLANK.test(line) && !CONTAINER.test(line)) runs.push({ line: i, start: firstNonSpace(line) });
    i++;
  }
  return i;
}

/** Lines belonging to a footnote definition: lazy lines, and after a blank line, lines indented by `indent`. */
function continueIndented(lines: string[], from: number, indent: number, runs: { line: number; start: number }[]): number {
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      let next = i + 1;
      while (next < lines.length && BLANK.test(lines[next]!)) next++;
      if (next < lines.length && indentWidth(lines[next]!) >= indent) {
        i = next;
        continue;
      }
      return i;
    }
    if (indentWidth(line) < indent && (interrupts(line) || FOOTNOTE.test(line))) return i;
    runs.push({ line: i, start: firstNonSpace(line) });
    i++;
  }
  return i;
}

/** A list: items, their indented continuations and lazy lines, until something else starts. */
function continueList(lines: string[], from: number, runs: { line: number; start: number }[]): number {
  let i = from;
  let contentIndent = 2;
  // A list goes on while its items keep the same marker (`-`, `*`, `+`, `.` or `)`).
  const markerOf = (line: string): string | undefined => {
    const bullet = BULLET.exec(line);
    if (bullet) return bullet[2];
    const ordered = ORDERED.exec(line);
    return ordered ? ordered[3] : undefined;
  };
  const marker = markerOf(lines[from]!);
  while (i < lines.length) {
    const line = lines[i]!;
    const item = indentWidth(line) < contentIndent || i === from ? (BULLET.exec(line) ?? ORDERED.exec(line)) : null;
    if (item) {
      if (markerOf(line) !== marker) return i;
      contentIndent = item[0].length;
      runs.push({ line: i, start: item[0].length });
      i++;
      continue;
    }
    if (BLANK.test(line)) {
      let next = i + 1;
      while (next < lines.length && BLANK.test(lines[next]!)) next++;
      const following = lines[next];
      if (following !== undefined && (indentWidth(following) >= contentIndent || markerOf(following) === marker)) {
        i = next;
        continue;
      }
      return i;
    }
    if (indentWidth(line) >= contentIndent || !interrupts(line)) {
      runs.push({ line: i, start: firstNonSpace(line) });
      i++;
      continue;
    }
    return i;
  }
  return i;
}

function lastContentLine(lines: string[], start: number, end: number): number {
  let last = Math.min(end, lines.length) - 1;
  while (last > start && BLANK.test(lines[last]!)) last--;
  return last;
}

/** The text of an ATX heading without its marks: start and end columns (0-based). */
function atxContent(line: string, hashes: string): { content: string; contentStart: number; contentEnd: number } {
  const markEnd = line.indexOf(hashes) + hashes.length;
  let start = markEnd;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  let end = trimmedEnd(line);
  // A closing sequence of `#`s preceded by a space is not content.
  const closing = /[ \t]+#+[ \t]*$/.exec(line.slice(start - 1));
  if (closing) end = start - 1 + closing.index;
  else if (/^#+[ \t]*$/.test(line.slice(start))) end = start;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return { content: line.slice(start, Math.max(start, end)), contentStart: start, contentEnd: Math.max(start, end) };
}

/**
 * Text directives `:name[label]{attributes}` in the inline content of a block
 * (its lines from the given columns), skipping code spans and escapes.
 */
function scanDirectives(lines: string[], runs: { line: number; start: number }[], out: OutlineDirective[]): void {
  if (runs.length === 0 || !runs.some((run) => lines[run.line]!.includes(':', run.start))) return;
  // Join the runs into one string, remembering where each run starts in it.
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const run of runs) {
    const part = lines[run.line]!.slice(run.start);
    starts.push(length);
    parts.push(part);
    length += part.length + 1;
  }
  const text = parts.join('\n');
  const at = (index: number) => {
    const { line, column } = pointAt(starts, index);
    const run = runs[line - 1]!;
    return { line: run.line + 1, column: run.start + column };
  };
  const interesting = /[\\`:]/g;
  // A directive's label is phrasing: directives inside it count too, as in remark.
  const scan = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      interesting.lastIndex = i;
      const next = interesting.exec(text);
      if (!next || next.index >= to) return;
      i = next.index;
      const ch = text[i];
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (ch === '`') {
        let run = 1;
        while (text[i + run] === '`') run++;
        const close = closingTicks(text, i + run, to, run);
        i = close === -1 ? i + run : close + run;
        continue;
      }
      const directive = ch === ':' ? readTextDirective(text, i, to) : undefined;
      if (directive) {
        const last = at(directive.end - 1);
        const { name, id, label } = directive;
        out.push({ name, ...(id !== undefined ? { id } : {}), position: { start: at(i), end: { line: last.line, column: last.column + 1 } } });
        if (label) scan(label[0], label[1]);
        i = directive.end;
        continue;
      }
      i++;
    }
  };
  scan(0, text.length);
}

function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function firstNonSpace(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].length : 0;
}

function trimmedEnd(line: string): number {
  return line.replace(/[ \t]+$/, '').length;
}
