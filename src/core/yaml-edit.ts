/**
 * Edits to a YAML source that touch only the bytes they change: a scalar's
 * value replaced in place (a folded block stays folded, at its indentation),
 * a key added to a mapping on a line of its own, a list item removed with
 * its lines. Comments and the layout of everything else stay as they were.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { readPlainYaml } from './yaml-source.js';

export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function parseForEdit(text: string): Document.Parsed {
  return parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
}

/** Where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line after the one holding `offset` starts (the end of the text on its last line). */
function nextLineStart(text: string, offset: number): number {
  const lineEnd = text.indexOf('\n', offset);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/** `end` moved back over the white space before it (a block's range takes in the line breaks after it), not before `start`. */
export function contentEnd(text: string, end: number, start = 0): number {
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** The column (from 0) of `offset` in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** A new value for the scalar at `path`, written in the style it had. */
export function replaceScalar(text: string, doc: Document.Parsed, path: (string | number)[], value: string): Splice | undefined {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isScalar(node) || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    const header = text.slice(start, text.indexOf('\n', start));
    const firstContent = text.indexOf('\n', start) + 1;
    const indent = /^[ \t]*/.exec(text.slice(firstContent))?.[0] ?? '  ';
    const lines = node.type === Scalar.BLOCK_FOLDED ? fold(value.trim(), 96 - indent.length) : value.trim().split('\n');
    return { start, end: contentEnd(text, valueEnd, start), text: `${header}\n${lines.map((line) => (line ? indent + line : '')).join('\n')}` };
  }
  // In a flow collection (`{ en: …, fr: … }`) a plain scalar ends at a comma: one there is quoted.
  const parent = path.length > 0 ? (doc.getIn(path.slice(0, -1), true) as Node | undefined) : undefined;
  const flow = (isMap(parent) || isSeq(parent)) && parent.flow === true;
  return { start, end: valueEnd, text: plainOrQuoted(value, flow) };
}

/** `key: value` added as the last entry of the mapping at `path`. */
export function addKey(text: string, doc: Document.Parsed, path: (string | number)[], key: string, value: string): Splice | undefined {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isMap(node) || !node.range) return undefined;
  if (node.flow) {
    // `{ id: am-1, … }`: one more entry after the last one, on its line (`{}`: the first, after the brace).
    const last = node.items[node.items.length - 1];
    const end = (last?.value as Node | null | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
    if (end === undefined) return { start: node.range[0] + 1, end: node.range[0] + 1, text: ` ${key}: ${value} ` };
    const at = contentEnd(text, end);
    return { start: at, end: at, text: `, ${key}: ${value}` };
  }
  const first = node.items[0]?.key as Node | undefined;
  if (!first?.range) return undefined;
  const indent = ' '.repeat(columnOf(text, first.range[0]));
  // Past a comment that ends the last line.
  const lineEnd = text.indexOf('\n', contentEnd(text, node.range[1], node.range[0]));
  const at = lineEnd < 0 ? text.length : lineEnd;
  return { start: at, end: at, text: `\n${indent}${key}: ${value}` };
}

/**
 * Set a key of the mapping at `path`: in place when it has a scalar, else added.
 * With `dropComment`, a comment ending the value's line goes too: it was about
 * the old value (`stage: section  # the version for the section meeting`).
 */
export function setKey(
  text: string,
  doc: Document.Parsed,
  path: (string | number)[],
  key: string,
  value: string,
  options: { dropComment?: boolean } = {},
): Splice | undefined {
  const existing = doc.getIn([...path, key], true) as Node | undefined;
  if (isScalar(existing) && existing.range) {
    let end = existing.range[1];
    if (options.dropComment) {
      const lineEnd = text.indexOf('\n', end);
      const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd);
      if (/^[ \t]+#/.test(rest)) end += rest.length;
    }
    return { start: existing.range[0], end, text: value };
  }
  return addKey(text, doc, path, key, value);
}

/**
 * `setKey(text, doc, [list, index], key, value)` for some items of the
 * top-level block list `list`, reading only those items: the lines of each
 * (from its `- ` at the list's indentation to the next one) are parsed
 * together, and each must give the item's data as loaded (`data`). When they
 * cannot be cut out so (`count` items in all), or when one holds a comment line (which the whole
 * file might give to another node: any but comment lines closing the item at
 * the list's indentation), the whole text is parsed (`whole`), as
 * `setKey` alone would. On a long amendments.yaml, the whole parse is most
 * of the time `amendments apply` takes; the result is the same.
 */
export function setKeyInItems(
  text: string,
  whole: () => Document.Parsed,
  list: string,
  items: readonly { index: number; data: unknown }[],
  key: string,
  value: string,
  count: number,
): (Splice | undefined)[] {
  const everywhere = () => items.map((item) => setKey(text, whole(), [list, item.index], key, value));
  const found = listItems(text, list);
  if (!found || found.starts.length !== count || items.length === 0) return everywhere();
  const byLines = addKeyByLines(text, found, items, key, value);
  if (byLines) return byLines;
  const parts: string[] = [];
  const cuts: { from: number; to: number; at: number }[] = [];
  let length = 0;
  for (const item of items) {
    const start = found.starts[item.index];
    if (start === undefined) return everywhere();
    const stop = found.starts[item.index + 1] ?? found.end;
    const lines = text.slice(start, stop);
    if (!onlyTrailingComments(lines, found.indent)) return everywhere();
    cuts.push({ from: length, to: length + lines.length, at: start });
    const part = lines.endsWith('\n') ? lines : `${lines}\n`;
    parts.push(part);
    length += part.length;
  }
  const cut = parts.join('');
  const doc = parseForEdit(cut);
  if (doc.errors.length > 0 || !isSeq(doc.contents) || !givesItems(doc.toJS(), items)) return everywhere();
  const splices: Splice[] = [];
  for (const [k, at] of cuts.entries()) {
    const splice = setKey(cut, doc, [k], key, value);
    if (!splice || splice.start < at.from || splice.end > at.to) return everywhere();
    splices.push({ start: splice.start - at.from + at.at, end: splice.end - at.from + at.at, text: splice.text });
  }
  return splices;
}

/** A key at the start of a line of a block mapping (`key:` then a space or the end of the line). */
const KEY_LINE = /^[A-Za-z_][\w-]*:(?: |$)/;
/** A block scalar's header (`|`, `>-`, `|+2` …) ending a line: its lines may look like anything. */
const BLOCK_HEADER = /(?:^|[ :-])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * `setKeyInItems` without a YAML parser, for items written as plain lines:
 * each item a block mapping (`- key: …` then `key: …` lines at the first key's
 * column, and lines indented deeper), with no blank, comment or block-scalar
 * line before its last line, and without the key yet. The key goes on a line
 * of its own after the item's last line, where `addKey` puts it. Checked by
 * reading the items before and after the edit (`readPlainYaml`, as the sources
 * were loaded): each must give its data, then its data with the key; undefined
 * (the parser's way) on any doubt.
 */
export function addKeyByLines(
  text: string,
  found: { starts: number[]; end: number; indent: number },
  items: readonly { index: number; data: unknown }[],
  key: string,
  value: string,
): Splice[] | undefined {
  const valueData = (readPlainYaml(`${key}: ${value}\n`)?.data as Record<string, unknown> | undefined)?.[key];
  if (valueData === undefined || !KEY_LINE.test(`${key}:`)) return undefined;
  const splices: Splice[] = [];
  const before: string[] = [];
  const after: string[] = [];
  for (const item of items) {
    const start = found.starts[item.index];
    if (start === undefined) return undefined;
    const stop = found.starts[item.index + 1] ?? found.end;
    const lines = text.slice(start, stop).split('\n');
    // The item's last line that holds something; after it only blank lines.
    let last = lines.length - 1;
    while (last >= 0 && lines[last]!.trim() === '') last--;
    if (last < 0) return undefined;
    const head = /^( *)-( +)/.exec(lines[0]!);
    if (!head || head[1]!.length !== found.indent) return undefined;
    const column = head[0].length;
    for (let n = 0; n <= last; n++) {
      const line = lines[n]!;
      const content = n === 0 ? line.slice(column) : line.trimStart();
      const lead = line.length - content.length;
      if (content === '' || content.startsWith('#') || BLOCK_HEADER.test(content) || lead < column) return undefined;
      if (lead === column && (!KEY_LINE.test(content) || content.startsWith(`${key}:`))) return undefined;
    }
    let offset = start;
    for (let n = 0; n <= last; n++) offset += lines[n]!.length + 1;
    const at = offset - 1;
    const insert = `\n${' '.repeat(column)}${key}: ${value}`;
    splices.push({ start: at, end: at, text: insert });
    const itemText = lines.slice(0, last + 1).join('\n');
    before.push(`${itemText}\n`);
    after.push(`${itemText}${insert}\n`);
  }
  if (!items.every((item) => item.data !== null && typeof item.data === 'object' && !Array.isArray(item.data))) return undefined;
  const added = items.map((item) => ({ data: { ...(item.data as object), [key]: valueData } }));
  const read = (parts: string[]) => readPlainYaml(parts.join(''))?.data;
  return givesItems(read(before), items) && givesItems(read(after), added) ? splices : undefined;
}

/** Whether `data`, read from the items' lines, is the list of their data. */
function givesItems(data: unknown, items: readonly { data: unknown }[]): boolean {
  return Array.isArray(data) && data.length === items.length && items.every((item, k) => isDeepStrictEqual(data[k], item.data));
}

/**
 * Where the items of the top-level block list `list` start (each `- ` at the
 * list's indentation) and where the list ends; undefined unless the list is
 * written so (one `list:` line, then a block sequence indented with spaces).
 */
export function listItems(text: string, list: string): { starts: number[]; end: number; indent: number } | undefined {
  if (!/^\w+$/.test(list) || /^[ ]*\t/m.test(text) || text.includes('\r')) return undefined;
  const head = new RegExp(`^${list}:[ ]*(?:#[^\n]*)?$`, 'gm');
  const first = head.exec(text);
  if (!first || head.exec(text)) return undefined;
  const starts: number[] = [];
  let indent: number | undefined;
  let at = first.index + first[0].length + 1;
  let end = text.length;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const line = text.slice(at, newline < 0 ? text.length : newline);
    if (!/^[ ]*(?:#.*)?$/.test(line)) {
      const lead = line.length - line.trimStart().length;
      const item = /^-(?: |$)/.test(line.slice(lead));
      if (indent === undefined) {
        if (!item) return undefined;
        indent = lead;
      }
      if (lead < indent || (lead === indent && !item)) {
        end = at;
        break;
      }
      if (lead === indent) starts.push(at);
    }
    if (newline < 0) break;
    at = newline + 1;
  }
  return indent === undefined ? undefined : { starts, end, indent };
}

/** Whether the comment lines of an item's lines are only after its content, at most as indented as its `-`. */
function onlyTrailingComments(lines: string, indent: number): boolean {
  let comments = false;
  for (const line of lines.split('\n')) {
    const content = line.trimStart();
    if (content === '') continue;
    if (content.startsWith('#')) {
      if (line.length - content.length > indent) return false;
      comments = true;
    } else if (comments) return false;
  }
  return true;
}

/** Remove the key (and its value) from the mapping at `path`, lines included. */
export function removeKey(text: string, doc: Document.Parsed, path: (string | number)[], key: string): Splice | undefined {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  const keyNode = pair?.key as Node | undefined;
  const valueNode = pair?.value as Node | undefined;
  if (!keyNode?.range) return undefined;
  const start = lineStart(text, keyNode.range[0]);
  const endOffset = valueNode?.range ? valueNode.range[1] : keyNode.range[1];
  return { start, end: nextLineStart(text, Math.max(start, endOffset - 1)), text: '' };
}

/** Remove item `index` of the list at `path`, with its lines. */
export function removeItem(text: string, doc: Document.Parsed, path: (string | number)[], index: number): Splice | undefined {
  const seq = doc.getIn(path, true) as Node | undefined;
  if (!isSeq(seq) || seq.flow) return undefined;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const start = lineStart(text, item.range[0]);
  const next = seq.items[index + 1] as Node | undefined;
  const end = next?.range ? lineStart(text, next.range[0]) : nextLineStart(text, Math.max(start, item.range[2] - 1));
  return { start, end, text: '' };
}

/**
 * A new item in the block list at `path`, before item `index` (`where:
 * 'before'`) or after it, at the list's indentation. `lines` are the item's
 * lines without the dash, indented relative to the item's first key.
 */
export function insertItem(
  text: string,
  doc: Document.Parsed,
  path: (string | number)[],
  index: number,
  where: 'before' | 'after',
  lines: readonly string[],
): Splice | undefined {
  const seq = doc.getIn(path, true) as Node | undefined;
  if (!isSeq(seq) || seq.flow) return undefined;
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const start = lineStart(text, item.range[0]);
  const dash = text.slice(start, item.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(dash)) return undefined;
  const indent = ' '.repeat(dash.length);
  const written = lines.map((line, i) => (i === 0 ? dash + line : line ? indent + line : '')).join('\n') + '\n';
  // Items separated by blank lines keep them: one is added with the new item.
  const gap = (k: number) => {
    const other = seq.items[k] as Node | undefined;
    if (k < 1 || !other?.range) return false;
    const at = lineStart(text, other.range[0]);
    return /\n[ \t]*\n$/.test(text.slice(Math.max(0, at - 40), at));
  };
  const separated = gap(index > 0 ? index : 1) || gap(index + 1);
  const next = seq.items[index + 1] as Node | undefined;
  const at = where === 'before' ? start : next?.range ? lineStart(text, next.range[0]) : undefined;
  if (at !== undefined) return { start: at, end: at, text: written + (separated ? '\n' : '') };
  const lineEnd = text.indexOf('\n', contentEnd(text, item.range[1], item.range[0]));
  const after = lineEnd < 0 ? text.length : lineEnd + 1;
  return { start: after, end: after, text: (lineEnd < 0 ? '\n' : '') + (separated ? '\n' : '') + written };
}

/** `key: >-` and the text folded under it (two spaces in), its lines at most `width` characters. */
export function foldedBlock(key: string, value: string, width: number): string[] {
  return [`${key}: >-`, ...fold(value.replace(/\s+/g, ' ').trim(), width).map((line) => `  ${line}`)];
}

/**
 * The text with the splices made, from the last one back (so that the offsets
 * of each hold). Splices that do not overlap are joined in one pass (a
 * chapter gets hundreds of them; one slice and concatenation each would copy
 * the file as many times); overlapping ones are made one after the other.
 * Insertions at the same place come out in the order given (two new points
 * after one point: the first amendment's first).
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = splices.map((splice, order) => ({ ...splice, order })).sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  if (sorted.some((splice, i) => i > 0 && splice.end > sorted[i - 1]!.start)) {
    let out = text;
    for (const splice of sorted) out = out.slice(0, splice.start) + splice.text + out.slice(splice.end);
    return out;
  }
  const parts: string[] = [];
  let end = text.length;
  for (const splice of sorted) {
    parts.push(text.slice(splice.end, end), splice.text);
    end = splice.start;
  }
  parts.push(text.slice(0, end));
  return parts.reverse().join('');
}

function plainOrQuoted(value: string, flow = false): string {
  return /^[\w À-ɏ][\w À-ɏ.,;()'’-]*$/u.test(value) &&
    !(flow && value.includes(',')) &&
    !/^(true|false|null|~|yes|no|on|off)$/i.test(value) &&
    !/^[\d.]+$/.test(value)
    ? value
    : JSON.stringify(value);
}

/** Words to lines of at most `width` characters. */
function fold(value: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of value.split(/\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}
