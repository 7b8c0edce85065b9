/**
 * The mdast tree remark (./markdown.ts) gives plain Markdown, without
 * micromark: ATX headings, paragraphs, emphasis and strong, code spans,
 * `:name{#id}` text directives (chapters; a draft has none), footnote calls
 * and definitions, tight `-` lists of one-line items, HTML comments,
 * `::name` leaf directives and `:::name` containers of those. A block
 * holding anything else — any character or line start that could open
 * another construct (HTML, links, tables, lists, quotes, code blocks,
 * escapes, entities, autolinks, tabs, CR, trailing spaces, emphasis
 * delimiters left unmatched…) — is refused: `fastMarkdown` then gives
 * `undefined` for the whole text, and `fastReader` stops there for
 * ./markdown-chunks.ts to hand the pieces around it to micromark and go on
 * after them. Positions (line, column, offset) are remark's.
 *
 * Held to remark by test/core/markdown-fast.test.ts: every Markdown file of
 * the repository and a generated set of tricky texts give deep-equal trees.
 */
import type { BlockContent, FootnoteDefinition, Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { characterClass as classify, codeSpanAt, delimiterRun, readTextDirective } from './inline-syntax.js';
import { pointAt } from './line-index.js';

interface Options {
  /** `:name{#id}`, `::name` and `:::name` are directives (chapters); false: `:` is text (drafts). */
  directives: boolean;
}

/** Characters and sequences outside the subset, in a line of a paragraph or heading. */
const UNSURE = /[\\<|~@\t\r\0\uFEFF]|&[#A-Za-z0-9]|www\.|:\/\/|!\[|\]\(|\]\[|[ ]$/gim;
/** Line starts that may open a block other than a paragraph (`*x`, `_x` are emphasis; `***` is a break). */
const UNSAFE_START = /^(?:[#>+=|:~<[!\\ \t-]|`{3}|\d{1,9}[.)](?:[ \t]|$)|[*_](?:[ *_]|$))/;
const UNSAFE_START_DRAFT = /^(?:[#>+=|~<[!\\ \t-]|`{3}|\d{1,9}[.)](?:[ \t]|$)|[*_](?:[ *_]|$))/;
const ATX = /^(#{1,6}) +(?=[^ ])/;
const FOOTNOTE_DEFINITION = /^\[\^([\w-]+)\]: (?=[^ ])/;
const FOOTNOTE_CALL = /^\[\^([\w-]+)\]/;
const NAME = '[A-Za-z](?:[\\w-]*[A-Za-z0-9])?';
const LEAF = new RegExp(`^::(${NAME})$`);
const CONTAINER = new RegExp(`^:::(${NAME})$`);
const SIMPLE_ATTRIBUTES = /^\{#[\w-]+\}$/;
/** The characters where inline content may hold more than text. */
const SPECIAL = /[`[\]:*_]/g;
const SPECIAL_DRAFT = /[`[\]*_]/g;

class Unsure extends Error {}

/** The tree remark gives `text`, or undefined when `text` uses anything outside the subset. */
export function fastMarkdown(text: string, options: Options = { directives: true }): Root | undefined {
  try {
    return new Reader(text, options).root();
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

export interface FastReader {
  /** Where each line of the text starts (and, last, one past its end). */
  readonly starts: readonly number[];
  /** The labels of the footnotes called in the blocks read (each defined on some line of the text). */
  readonly called: ReadonlySet<string>;
  /** remark's top-level blocks from line `first` on (0-based), to the end or to the first block outside the subset, whose line is `refused`. */
  read(first: number): { children: RootContent[]; refused?: number };
}

/** A reader of the top-level blocks of `text` that goes on after a block outside the subset where its caller says (./markdown-chunks.ts). */
export function fastReader(text: string, options: Options): FastReader {
  return new Reader(text, options);
}

type Point = { line: number; column: number; offset: number };

class Reader implements FastReader {
  readonly starts: number[] = [0];
  readonly called = new Set<string>();
  private readonly lines: string[];
  private readonly defined = new Set<string>();
  private readonly unsafe: RegExp;
  /** The lines (0-based) holding anything UNSURE, found in one pass over the text. */
  private readonly unsureLines = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly options: Options,
  ) {
    this.lines = text.split('\n');
    for (const line of this.lines) this.starts.push(this.starts.at(-1)! + line.length + 1);
    if (text.includes('[^'))
      for (const line of this.lines) {
        const definition = FOOTNOTE_DEFINITION.exec(line);
        if (definition) this.defined.add(definition[1]!.toLowerCase());
      }
    this.unsafe = options.directives ? UNSAFE_START : UNSAFE_START_DRAFT;
    for (const match of text.matchAll(UNSURE)) this.unsureLines.add(this.point(match.index).line - 1);
  }

  root(): Root {
    const { children, next } = this.blocks(0, false);
    if (next !== this.lines.length) throw new Unsure();
    return { type: 'root', children, position: this.span(0, this.text.length) };
  }

  read(first: number): { children: RootContent[]; refused?: number } {
    const children: RootContent[] = [];
    let i = first;
    while (i < this.lines.length) {
      const count = children.length;
      try {
        i = this.block(i, false, children);
      } catch (error) {
        if (!(error instanceof Unsure)) throw error;
        children.length = count;
        return { children, refused: i };
      }
    }
    return { children };
  }

  private unsure(line: number): boolean {
    return this.unsureLines.has(line);
  }

  private point(offset: number): Point {
    return pointAt(this.starts, offset);
  }

  private span(start: number, end: number): { start: Point; end: Point } {
    return { start: this.point(start), end: this.point(end) };
  }

  /** Blocks from line `first` to the end, or (in a container) to its closing `:::` line, returned as `next`. */
  private blocks(first: number, inContainer: boolean): { children: RootContent[]; next: number } {
    const children: RootContent[] = [];
    let i = first;
    while (i < this.lines.length && !(inContainer && this.lines[i] === ':::')) i = this.block(i, inContainer, children);
    return { children, next: i };
  }

  /** The block starting at line `i` (none for a blank line) added to `children`; the line after it. */
  private block(i: number, inContainer: boolean, children: RootContent[]): number {
    const line = this.lines[i]!;
    const start = this.starts[i]!;
    if (line === '') return i + 1;
    if (line.startsWith('<!--')) {
      // An HTML comment (a template's): the lines up to the one holding `-->`, as they are.
      let last = i;
      while (last < this.lines.length && !this.lines[last]!.includes('-->', last === i ? 4 : 0)) last++;
      if (last === this.lines.length || /^<!---?>/.test(line) || this.lines.slice(i, last + 1).some((l) => l.includes('\r'))) throw new Unsure();
      const end = this.starts[last]! + this.lines[last]!.length;
      children.push({ type: 'html', value: this.text.slice(start, end), position: this.span(start, end) });
      return last + 1;
    }
    const heading = ATX.exec(line);
    if (heading) {
      if (line.endsWith('#') || this.unsure(i)) throw new Unsure();
      const from = start + heading[0].length;
      const node: Heading = {
        type: 'heading',
        depth: heading[1]!.length as Heading['depth'],
        children: this.inline(from, start + line.length),
        position: this.span(start, start + line.length),
      };
      children.push(node);
      return i + 1;
    }
    if (line.startsWith('- ')) {
      // A tight list of one-line items (`- text`), ending at a blank line that no other item follows.
      const items: ListItem[] = [];
      for (; this.lines[i]?.startsWith('- '); i++) {
        const { paragraph } = this.paragraph(i, 2, inContainer, true);
        const from = this.starts[i]!;
        items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: this.span(from, paragraph.position!.end.offset!) });
      }
      let after = i;
      while (this.lines[after] === '') after++;
      if ((this.lines[i] !== undefined && this.lines[i] !== '') || /^[- ]/.test(this.lines[after] ?? '')) throw new Unsure();
      children.push({
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: items,
        position: this.span(start, items.at(-1)!.position!.end.offset!),
      });
      return i;
    }
    const definition = inContainer ? null : FOOTNOTE_DEFINITION.exec(line);
    if (definition) {
      const { paragraph, next } = this.paragraph(i, definition[0].length, inContainer);
      const label = definition[1]!;
      const node: FootnoteDefinition = {
        type: 'footnoteDefinition',
        identifier: label.toLowerCase(),
        label,
        children: [paragraph],
        position: this.span(start, paragraph.position!.end.offset!),
      };
      children.push(node);
      return next;
    }
    if (this.options.directives && line.startsWith('::')) {
      const leaf = LEAF.exec(line);
      const container = inContainer ? null : CONTAINER.exec(line);
      if (leaf) {
        children.push({ type: 'leafDirective', name: leaf[1]!, attributes: {}, children: [], position: this.span(start, start + line.length) });
        return i + 1;
      }
      if (!container) throw new Unsure();
      const inner = this.blocks(i + 1, true);
      if (inner.next >= this.lines.length) throw new Unsure();
      const end = this.starts[inner.next]! + 3;
      children.push({
        type: 'containerDirective',
        name: container[1]!,
        attributes: {},
        children: inner.children as BlockContent[],
        position: this.span(start, end),
      });
      return inner.next + 1;
    }
    const { paragraph, next } = this.paragraph(i, 0, inContainer);
    children.push(paragraph);
    return next;
  }

  /** The paragraph starting at column `column` (0-based) of line `first`, and the line after it. */
  private paragraph(first: number, column: number, inContainer: boolean, oneLine = false): { paragraph: Paragraph; next: number } {
    if (this.unsafe.test(this.lines[first]!.slice(column)) || this.unsure(first)) throw new Unsure();
    let last = first;
    while (!oneLine) {
      const line = this.lines[last + 1];
      if (line === undefined || line === '' || (inContainer && line === ':::')) break;
      if (this.unsafe.test(line) || this.unsure(last + 1)) throw new Unsure();
      last++;
    }
    const from = this.starts[first]! + column;
    const to = this.starts[last]! + this.lines[last]!.length;
    return { paragraph: { type: 'paragraph', children: this.inline(from, to), position: this.span(from, to) }, next: last + 1 };
  }

  /** The phrasing content of `text` from `from` to `to`. */
  private inline(from: number, to: number): PhrasingContent[] {
    const text = this.text;
    const special = this.options.directives ? SPECIAL : SPECIAL_DRAFT;
    const segment = text.slice(from, to);
    special.lastIndex = 0;
    if (!special.test(segment)) return from < to ? [{ type: 'text', value: segment, position: this.span(from, to) }] : [];
    /** Opaque nodes (code, directives, footnote calls) and delimiter runs, in order. */
    const atoms: { start: number; end: number; node?: PhrasingContent }[] = [];
    const runs: Run[] = [];
    for (let i = from; i < to; i++) {
      special.lastIndex = i - from;
      if (!special.test(segment)) break;
      i = from + special.lastIndex - 1;
      const c = text[i]!;
      if (c === '`') {
        const span = codeSpanAt(text, i, to);
        if (span.content) {
          const value = text.slice(...span.content);
          if (value.includes('\n')) throw new Unsure();
          atoms.push({ start: i, end: span.end, node: { type: 'inlineCode', value, position: this.span(i, span.end) } });
        }
        i = span.end - 1;
      } else if (c === '[') {
        const call = FOOTNOTE_CALL.exec(text.slice(i, Math.min(to, i + 1002)));
        if (!call || !this.defined.has(call[1]!.toLowerCase())) throw new Unsure();
        const end = i + call[0].length;
        this.called.add(call[1]!.toLowerCase());
        atoms.push({ start: i, end, node: { type: 'footnoteReference', identifier: call[1]!.toLowerCase(), label: call[1]!, position: this.span(i, end) } });
        i = end - 1;
      } else if (c === ']') {
        throw new Unsure();
      } else if (c === ':' && this.options.directives && (text[i + 1] === ':' || (i + 1 < to && classify(text[i + 1]) === 0))) {
        // micromark-extension-directive: a name starts with any character but white space and punctuation.
        const directive = text[i + 1] === ':' ? undefined : readTextDirective(text, i, to);
        if (!directive?.attributes || directive.label || directive.id === undefined) throw new Unsure();
        const attributes = text.slice(i + 1 + directive.name.length, directive.end);
        if (!SIMPLE_ATTRIBUTES.test(attributes)) throw new Unsure();
        const node = { type: 'textDirective', name: directive.name, attributes: { id: directive.id }, children: [], position: this.span(i, directive.end) };
        atoms.push({ start: i, end: directive.end, node: node as PhrasingContent });
        i = directive.end - 1;
      } else if (c === '*' || c === '_') {
        let end = i + 1;
        while (text[end] === c) end++;
        const { before, after, left: open, right: close } = delimiterRun(text, i, end, from, to);
        const run: Run = {
          marker: c,
          start: i,
          end,
          length: end - i,
          open: c === '*' ? open : open && (before !== 0 || !close),
          close: c === '*' ? close : close && (after !== 0 || !open),
        };
        if (run.open || run.close) runs.push(run);
        i = end - 1;
      }
    }
    const groups = matchRuns(runs);
    for (const group of groups) atoms.push(group);
    atoms.sort((a, b) => a.start - b.start || b.end - a.end);
    return this.build(atoms, 0, atoms.length, from, to).children;
  }

  /** The nodes of `atoms[first..last)` (sorted, groups before what they hold) over `from..to`; `next` is the first atom not used. */
  private build(atoms: (Atom | Group)[], first: number, last: number, from: number, to: number): { children: PhrasingContent[]; next: number } {
    const children: PhrasingContent[] = [];
    let position = from;
    let k = first;
    const flush = (end: number) => {
      if (end > position) children.push({ type: 'text', value: this.text.slice(position, end), position: this.span(position, end) } as Text);
    };
    while (k < last && atoms[k]!.start < to) {
      const atom = atoms[k]!;
      flush(atom.start);
      if ('use' in atom) {
        const inner = this.build(atoms, k + 1, last, atom.start + atom.use, atom.end - atom.use);
        children.push({ type: atom.use === 2 ? 'strong' : 'emphasis', children: inner.children, position: this.span(atom.start, atom.end) } as PhrasingContent);
        k = inner.next;
      } else {
        children.push(atom.node!);
        k++;
      }
      position = atom.end;
    }
    flush(to);
    return { children, next: k };
  }
}

interface Atom {
  start: number;
  end: number;
  node?: PhrasingContent;
}

interface Group {
  start: number;
  end: number;
  use: 1 | 2;
}

interface Run {
  marker: string;
  start: number;
  end: number;
  length: number;
  open: boolean;
  close: boolean;
}

/**
 * Emphasis and strong from the delimiter runs, as micromark's attention
 * resolver pairs them; unsure (the chapter goes to micromark) when a run
 * that could open or close is left over, anywhere.
 */
function matchRuns(runs: Run[]): Group[] {
  const groups: Group[] = [];
  const left = runs.map((run) => ({ ...run, from: run.start, to: run.end }));
  let i = 0;
  while (i < left.length) {
    const closer = left[i]!;
    if (!closer.close || closer.to === closer.from) {
      i++;
      continue;
    }
    let j = i - 1;
    for (; j >= 0; j--) {
      const opener = left[j]!;
      if (!opener.open || opener.to === opener.from || opener.marker !== closer.marker) continue;
      const a = opener.to - opener.from;
      const b = closer.to - closer.from;
      if ((opener.close || closer.open) && b % 3 !== 0 && (a + b) % 3 === 0) continue;
      break;
    }
    if (j < 0) {
      i++;
      continue;
    }
    const opener = left[j]!;
    for (let k = j + 1; k < i; k++) if (left[k]!.to > left[k]!.from) throw new Unsure();
    const use = opener.to - opener.from > 1 && closer.to - closer.from > 1 ? 2 : 1;
    opener.to -= use;
    closer.from += use;
    groups.push({ start: opener.to, end: closer.from, use });
    if (closer.to === closer.from) i++;
  }
  if (left.some((run) => run.to > run.from)) throw new Unsure();
  return groups;
}
