/**
 * Bounds on Markdown that keep every command's time and memory in
 * proportion to the text. Parsers and serializers of Markdown have
 * super-linear corners (emphasis or links nested thousands deep, thousands
 * of `*_` or `a:b` or `](` in one paragraph, a table of 50,000 columns):
 * no real opinion comes near them, and past them a build would take minutes
 * or gigabytes. Long text is not one of them: it is parsed in pieces
 * (markdown-chunks.ts), so 20,000 footnotes or a long table cost in
 * proportion to their length; their bounds here sit at what a 2 MB file can
 * hold. Each is checked here in one
 * linear pass over the text, before anything is parsed, and refused with a
 * message at its place naming the limit (`source/limit`); `validate`,
 * `build`, `check`, `stats` and `diff` all refuse the same text.
 *
 * Documented in docs/limits.md.
 */
import type { Nodes, Root } from 'mdast';
import { withThousands } from './messages.js';

export const MARKDOWN_LIMITS = {
  /** Characters in one block (a paragraph: lines up to a blank line; a table row). */
  blockChars: 20_000,
  /** Syntax characters (`* _ [ ] ( ) : ^ ~ \` < > ! \\ { }`) in one block (in a table: one row). */
  blockMarkers: 500,
  /** Emphasis markers (`*`, `_`) in one block (in a table: one row): bounds the nesting of emphasis. */
  blockEmphasis: 128,
  /** Columns of a table (`|` on one line). */
  tableColumns: 64,
  /** Rows of one table, and its cells. */
  tableRows: 100_000,
  tableCells: 1_000_000,
  /** Footnote definitions in one file. */
  footnotes: 50_000,
  /** Containers opened on one line (`>`, list markers), and indentation in columns. */
  containers: 12,
  indent: 64,
  /** Nesting of the parsed tree (a quote in a list in emphasis in a link…). */
  depth: 24,
} as const;

export interface LimitScan {
  problem?: LimitProblem;
  /** The most emphasis markers and brackets in one block: past 2 × depth, the text may nest too deep (parse it to know). */
  nestable: number;
}

export interface LimitProblem {
  reason: string;
  /** Offset in the text where the problem starts. */
  offset: number;
  note: string;
}

/** The syntax characters `blockMarkers` counts (as `countLine` does, one line at a time). */
export const MARKER = /[*_[\]():^~`<>!\\{}]/g;
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const FOOTNOTE = /^ {0,3}\[\^[^\]\s]+\]:/;

/** The first bound `text` goes past, or undefined. Linear in the text. */
export function markdownLimitProblem(text: string, options: ScanOptions = {}): LimitProblem | undefined {
  return scanMarkdownLimits(text, options).problem;
}

export interface ScanOptions {
  /**
   * Apply the limits of one file (syntax characters, footnotes); off for a
   * whole built draft, which joins many chapter files (its blocks are bounded all the same).
   */
  perFile?: boolean;
}

export function scanMarkdownLimits(text: string, options: ScanOptions = {}): LimitScan {
  let nestable = 0;
  let blockNestable = 0;
  const problem = scan(text, options.perFile ?? true, (lineNestable, blank) => {
    if (blank) blockNestable = 0;
    else nestable = Math.max(nestable, (blockNestable += lineNestable));
  });
  return { ...(problem ? { problem } : {}), nestable };
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** What one line holds of each kind of character counted: MARKER, emphasis (`*_`), nestable (`*_[`), pipes; its indentation (a tab as 4). */
export interface LineCounts {
  markers: number;
  emphasis: number;
  nestable: number;
  pipes: number;
  indent: number;
}

/** Every character countLine counts: MARKER's and `|`. */
const COUNTED = /[*_[\]():^~`<>!\\{}|]/g;

/**
 * The counts of one line. Only the characters counted are visited (found by
 * COUNTED, in the regular expression engine's compiled code): prose holds a
 * few in a hundred, and a loop over every character runs in V8's interpreter
 * for most of a one-shot command.
 */
export function countLine(line: string, counts: LineCounts): LineCounts {
  let markers = 0;
  let emphasis = 0;
  let nestable = 0;
  let pipes = 0;
  let indent = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) indent++;
    else if (c === 0x09) indent += 4;
    else break;
  }
  COUNTED.lastIndex = 0;
  while (COUNTED.test(line)) {
    switch (line.charCodeAt(COUNTED.lastIndex - 1)) {
      case 0x2a: // *
      case 0x5f: // _
        emphasis++;
        nestable++;
        markers++;
        break;
      case 0x5b: // [
        nestable++;
        markers++;
        break;
      case 0x7c: // |
        pipes++;
        break;
      default: // ] ( ) : ^ ~ ` < > ! \ { }
        markers++;
    }
  }
  counts.markers = markers;
  counts.emphasis = emphasis;
  counts.nestable = nestable;
  counts.pipes = pipes;
  counts.indent = indent;
  return counts;
}

function scan(text: string, perFile: boolean, each: (nestable: number, blank: boolean) => void): LimitProblem | undefined {
  const L = MARKDOWN_LIMITS;
  let footnotes = 0;
  let blockStart = -1;
  let blockMarkers = 0;
  let blockEmphasis = 0;
  /** In a table (a block whose second line is a delimiter row), each row is a block of its own for the bounds above: its cells are parsed one by one. */
  let table = false;
  let blockLines = 0;
  let tableRows = 0;
  let tableCells = 0;
  let offset = 0;
  const lines = text.split('\n');
  const counts: LineCounts = { markers: 0, emphasis: 0, nestable: 0, pipes: 0, indent: 0 };
  for (const line of lines) {
    const here = offset;
    offset += line.length + 1;
    const blank = line.trim() === '';
    const { markers, emphasis, nestable, pipes, indent } = countLine(line, counts);
    each(nestable, blank);
    if (blank) {
      blockStart = -1;
      blockMarkers = 0;
      blockEmphasis = 0;
      blockLines = 0;
      table = false;
      tableRows = 0;
      tableCells = 0;
      continue;
    }
    if (++blockLines === 2 && pipes > 0 && DELIMITER_ROW.test(line)) table = true;
    if (blockStart < 0 || table) {
      blockStart = here;
      blockMarkers = 0;
      blockEmphasis = 0;
    }
    if (here + line.length - blockStart > L.blockChars) {
      return {
        offset: blockStart,
        reason: `Unexpected block of more than ${withThousands(L.blockChars)} characters, expected shorter paragraphs`,
        note: 'Separate paragraphs with a blank line; the limit keeps every command fast on any text (docs/limits.md)',
      };
    }
    blockMarkers += markers;
    if (blockMarkers > L.blockMarkers) {
      return {
        offset: blockStart,
        reason: `Unexpected paragraph with more than ${withThousands(L.blockMarkers)} Markdown syntax characters (\`*\`, \`_\`, \`[\`, \`:\`…), expected fewer`,
        note: 'Such text is not prose; escape literal characters or split the paragraph (docs/limits.md)',
      };
    }
    blockEmphasis += emphasis;
    if (blockEmphasis > L.blockEmphasis) {
      return {
        offset: blockStart,
        reason: `Unexpected paragraph with more than ${L.blockEmphasis} emphasis markers (\`*\`, \`_\`), expected fewer`,
        note: 'Escape literal asterisks and underscores with a backslash, or split the paragraph (docs/limits.md)',
      };
    }
    if (pipes > 0) {
      if (pipes > L.tableColumns + 1) {
        return {
          offset: here,
          reason: `Unexpected table row with more than ${L.tableColumns} columns, expected at most ${L.tableColumns}`,
          note: 'docs/limits.md',
        };
      }
      tableCells += pipes;
      if (tableCells > L.tableCells) {
        return {
          offset: here,
          reason: `Unexpected table of more than ${withThousands(L.tableCells)} cells, expected at most ${withThousands(L.tableCells)}`,
          note: 'Put long data in an annex document (docs/limits.md)',
        };
      }
      if (++tableRows > L.tableRows) {
        return {
          offset: here,
          reason: `Unexpected table of more than ${withThousands(L.tableRows)} rows, expected at most ${withThousands(L.tableRows)}`,
          note: 'Put long data in an annex document (docs/limits.md)',
        };
      }
    }
    if (perFile && FOOTNOTE.test(line) && ++footnotes > L.footnotes) {
      return {
        offset: here,
        reason: `Unexpected footnote definition past ${withThousands(L.footnotes)} in one file, expected at most ${withThousands(L.footnotes)}`,
        note: 'docs/limits.md',
      };
    }
    if (indent > L.indent) {
      return {
        offset: here,
        reason: `Unexpected indentation of ${indent} columns, expected at most ${L.indent}`,
        note: 'Lists and quotes nest a few levels at most (docs/limits.md)',
      };
    }
    const prefix = CONTAINERS.exec(line)?.[0];
    if (prefix) {
      const containers = prefix.replace(/\d{1,9}[.)]/g, '1').replace(/[ \t]/g, '').length;
      if (containers > L.containers) {
        return {
          offset: here,
          reason: `Unexpected ${containers} nested quotes or lists on one line, expected at most ${L.containers}`,
          note: 'docs/limits.md',
        };
      }
    }
  }
  return undefined;
}

/** The deepest node of `tree` past `MARKDOWN_LIMITS.depth`, found without recursion; undefined when within. */
export function tooDeep(tree: Root | Nodes): Nodes | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MARKDOWN_LIMITS.depth) return node;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return undefined;
}
