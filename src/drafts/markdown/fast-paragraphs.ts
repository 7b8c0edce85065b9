/**
 * Parsing large drafts quickly without parsing them differently.
 *
 * remark (micromark) spends a fraction of a millisecond on every block, and
 * a draft of 5,000 points has 5,000 paragraphs (and long paragraphs cost
 * more per line). But most of a draft is runs of paragraphs of plain text
 * (lines with no character that means anything in Markdown) and ATX
 * headings of plain text (`## 2. General comments`), separated by blank
 * lines. Each such run is replaced by one placeholder word, a one-line
 * paragraph, so remark still decides the structure around it; the run's
 * paragraphs and headings are put back into the tree afterwards, and every
 * position is mapped back to the original lines.
 *
 * The result is checked: every run must come back as a top-level paragraph
 * holding exactly its placeholders (not inside code, HTML or a list);
 * otherwise the original text is parsed as it is. Inside a run, every line
 * is a plain paragraph or heading and every blank line ends a paragraph, so
 * at top level the original lines are exactly these paragraphs and headings.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';

/** Characters with a meaning somewhere in CommonMark + GFM; a line with none of them is plain text. */
const SPECIAL = /[\\`*_[\]<>!&|~#:@]|^\d{1,9}[.)](?:\s|$)|^[-+=\s]|\s$|www\./u;
/** Runs shorter than this are left to remark. */
const MIN_CHARACTERS = 200;

interface Run {
  /** 0-based index of the first and last line of the run (both plain text). */
  first: number;
  last: number;
  placeholder: string;
}

export interface Replaced {
  text: string;
  runs: Run[];
  /** For each line of `text` (0-based), the line of the original text it comes from. */
  lineMap: number[];
}

/** Inside a heading, a leading "1." is text, not a list. */
const SPECIAL_IN_HEADING = /[\\`*_[\]<>!&|~#:@]|^[-+=\s]|\s$|www\./u;
const ATX = /^(#{1,6}) +(?=\S)/;

const isBlank = (line: string | undefined): boolean => line === undefined || line.trim() === '';
const bare = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
/** A plain ATX heading: its depth and where its text starts; undefined when not one. */
function plainHeading(line: string): { depth: number; start: number } | undefined {
  const match = ATX.exec(line);
  if (!match) return undefined;
  const text = line.slice(match[0].length);
  return SPECIAL_IN_HEADING.test(text) ? undefined : { depth: (match[1] as string).length, start: match[0].length };
}
const isPlain = (line: string): boolean => {
  const text = bare(line);
  return text !== '' && (!SPECIAL.test(text) || plainHeading(text) !== undefined);
};

/** The text with each run of plain paragraphs replaced by a one-line placeholder paragraph. */
export function replacePlainParagraphs(text: string): Replaced {
  const lines = text.split('\n');
  let prefix = 'Zq';
  while (text.includes(prefix)) prefix += 'q';
  const runs: Run[] = [];
  const out: string[] = [];
  const lineMap: number[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    let last = -1;
    let characters = 0;
    if (isPlain(line) && isBlank(lines[i - 1])) {
      // Extend: plain line, blank lines, plain line… ending on a plain line followed by a blank line.
      let j = i;
      while (j < lines.length && isPlain(lines[j] as string) && isBlank(lines[j + 1])) {
        last = j;
        characters += (lines[j] as string).length;
        j++;
        while (j < lines.length && (lines[j] as string).trim() === '') j++;
      }
    }
    if (last === -1 || characters < MIN_CHARACTERS) {
      out.push(line);
      lineMap.push(i);
      i++;
      continue;
    }
    const placeholder = `${prefix}${runs.length}`;
    out.push(placeholder + ((lines[last] as string).endsWith('\r') ? '\r' : ''));
    lineMap.push(i);
    runs.push({ first: i, last, placeholder });
    i = last + 1;
  }
  return { text: out.join('\n'), runs, lineMap };
}

/**
 * Put the original paragraphs back into a tree parsed from the replaced
 * text. Returns false when a run did not come back as a paragraph of its own.
 */
export function restorePlainParagraphs(tree: Root, original: string, replaced: Replaced): boolean {
  const lines = original.split('\n');
  const starts: number[] = [0];
  for (const line of lines) starts.push((starts[starts.length - 1] as number) + line.length + 1);
  mapPositions(tree, replaced.lineMap, starts);
  const byLine = new Map(replaced.runs.map((run) => [run.first + 1, run]));
  const children: RootContent[] = [];
  let restored = 0;
  for (const node of tree.children) {
    const run = node.type === 'paragraph' ? byLine.get(node.position?.start.line ?? -1) : undefined;
    const child = node.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined;
    if (!run || child?.type !== 'text' || child.value !== run.placeholder || node.position?.start.column !== 1) {
      children.push(node);
      continue;
    }
    for (let k = run.first; k <= run.last; k++) {
      const value = bare(lines[k] as string);
      if (value.trim() === '') continue;
      const start = { line: k + 1, column: 1, offset: starts[k] as number };
      const end = { line: k + 1, column: value.length + 1, offset: (starts[k] as number) + value.length };
      const heading = plainHeading(value);
      if (heading) {
        const textStart = { line: k + 1, column: heading.start + 1, offset: (starts[k] as number) + heading.start };
        const node: Heading = {
          type: 'heading',
          depth: heading.depth as Heading['depth'],
          children: [{ type: 'text', value: value.slice(heading.start), position: { start: textStart, end: { ...end } } }],
          position: { start, end },
        };
        children.push(node);
        continue;
      }
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value, position: { start: { ...start }, end: { ...end } } }],
        position: { start, end },
      };
      children.push(paragraph);
    }
    restored++;
  }
  if (restored !== replaced.runs.length) return false;
  tree.children = children;
  return true;
}

/** Lines and offsets of the replaced text as lines and offsets of the original (columns are unchanged). */
function mapPositions(node: Root | RootContent, lineMap: readonly number[], starts: readonly number[]): void {
  if (node.position) {
    for (const point of [node.position.start, node.position.end]) {
      const line = (lineMap[point.line - 1] ?? point.line - 1) + 1;
      point.line = line;
      point.offset = (starts[line - 1] ?? 0) + point.column - 1;
    }
  }
  if ('children' in node) for (const child of node.children as RootContent[]) mapPositions(child, lineMap, starts);
}
