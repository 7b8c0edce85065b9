/**
 * A YAML source file parsed with positions: syntax problems become messages
 * at their place, and any value can be located by JSON pointer.
 *
 * Two parsers, provably in agreement (test/core/yaml-source.test.ts runs both
 * over every YAML fixture): the `yaml` package builds the Document with the
 * positions of every node and reports every syntax problem, but its first
 * parse in a fresh process is slow (cold JIT). So a plain file (no anchor,
 * alias, tag, directive, complex key, tab or flow collection closed on a line
 * of its own) is first read by js-yaml with a schema that resolves scalars
 * exactly as `yaml`'s YAML 1.2 core schema does; the `yaml` Document is then
 * built only when a position is asked for. Anything js-yaml rejects, and
 * anything outside that plain subset, goes to `yaml` alone.
 */
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, isAlias, type Document, type Node, type Pair } from 'yaml';
import { load as loadFast, FAILSAFE_SCHEMA, Type } from 'js-yaml';
import type { VFile } from 'vfile';
import { LineIndex } from './line-index.js';
import { cachedYamlData, keepYamlData } from './yaml-cache.js';
import { report } from './messages.js';
import type { Position } from './model.js';
import { pointerSegments } from './json-pointer.js';

export interface YamlSource {
  file: VFile;
  /** The `yaml` Document (built on first use when the fast path read the data). */
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data (undefined when the document could not be turned into data). */
  data: unknown;
  /** Locate a value (or, with `part: 'key'`, the key that holds it) by JSON pointer. */
  locate(pointer: string, part?: 'key' | 'value'): Position | undefined;
  /** Whether the Document (and so every position) is built yet. */
  readonly positioned: boolean;
}

/**
 * A position computed on first read of its `start` or `end` (then kept): a
 * place handed on with the data it belongs to (a rendered field, a draft's
 * point) costs nothing unless a message or an output reads it. Its `start`
 * and `end` are own enumerable properties, so it spreads, clones and
 * serialises as a plain position; assigning them replaces the computed value.
 */
export function lazyPosition(compute: () => Position): Position {
  let known: Position | undefined;
  const get = () => (known ??= compute());
  let start: Position['start'] | undefined;
  let end: Position['end'] | undefined;
  return {
    get start() {
      return (start ??= get().start);
    },
    set start(point) {
      start = point;
    },
    get end() {
      return (end ??= get().end);
    },
    set end(point) {
      end = point;
    },
  };
}

/** Aliases beyond this count are refused: a defence against "billion laughs" alias bombs. */
const MAX_ALIAS_COUNT = 100;

const SYNTAX_HINTS: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation: indent with spaces',
  DUPLICATE_KEY: 'each key may appear only once in a mapping',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a closing quote or bracket is probably missing',
  MULTILINE_IMPLICIT_KEY: 'a key must be on one line; is a `:` missing, or a quote not closed?',
  BLOCK_AS_IMPLICIT_KEY: 'is a `:` or `-` missing on the line before?',
  UNEXPECTED_TOKEN: 'is this line indented like the others?',
};

/** Nesting deeper than this (flow `[`/`{`, or `- ` on one line) is refused before parsing: the parser recurses once per level. */
export const MAX_YAML_DEPTH = 64;

/** A line whose indentation or leading `- ` run could pass MAX_YAML_DEPTH (what the full scan below measures). */
const SHALLOW_LIMIT = new RegExp(`^[ \\t]*(?:-[ \\t]+){${MAX_YAML_DEPTH + 1}}|^[ \\t-]{${4 * MAX_YAML_DEPTH + 1}}`, 'm');

/**
 * The offset where `text` nests deeper than `MAX_YAML_DEPTH`, or undefined:
 * flow collections counted outside quotes and comments, block sequences
 * opened on one line (`- - - x`), and indentation past 4 columns a level.
 */
export function yamlTooDeep(text: string): number | undefined {
  // Most files cannot nest that deep at all: too few brackets, no line indented or dashed that far.
  if (!tooManyBrackets(text) && !deepLine(text)) return undefined;
  let depth = 0;
  let quote = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (lineStart) {
      lineStart = false;
      const prefix = /^[ \t]*(?:-[ \t]+)*/.exec(text.slice(i, i + 4 * MAX_YAML_DEPTH + 8))![0];
      const dashes = prefix.split('-').length - 1;
      if (dashes > MAX_YAML_DEPTH || prefix.length > 4 * MAX_YAML_DEPTH) return i;
      // A key or item at the margin ends any flow collection (and forgets a `[` in a plain text).
      if (!quote && /[\w-]/.test(c)) depth = 0;
    }
    if (c === '\n') {
      lineStart = true;
      if (quote === '#') quote = '';
      continue;
    }
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote && quote !== '#') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Whether `text` holds more than MAX_YAML_DEPTH brackets `[` and `{`. */
function tooManyBrackets(text: string): boolean {
  let brackets = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++brackets > MAX_YAML_DEPTH) return true;
  }
  return false;
}

/** SHALLOW_LIMIT.test(text), with the lines split on `\n` alone when that is the only line break: only lines starting with a long run of spaces and dashes can match. */
function deepLine(text: string): boolean {
  if (/[\r\u2028\u2029]/.test(text)) return SHALLOW_LIMIT.test(text);
  for (let start = 0; start !== -1; ) {
    let end = start;
    for (let c = text.charCodeAt(end); c === 0x20 || c === 0x09 || c === 0x2d; c = text.charCodeAt(++end));
    // 65 times `- `, or 257 spaces and dashes, is 130 characters at least.
    if (end - start >= 2 * (MAX_YAML_DEPTH + 1)) return SHALLOW_LIMIT.test(text);
    const next = text.indexOf('\n', end);
    start = next === -1 ? -1 : next + 1;
  }
  return false;
}

/**
 * Parse a YAML source. `positions: 'eager'` builds the Document at once (for
 * callers that will locate most values anyway, e.g. a build placing every
 * text field), skipping the fast path that would only add a second parse.
 */
export function parseYamlSource(file: VFile, options: { positions?: 'lazy' | 'eager' } = {}): YamlSource {
  const text = String(file.value);
  if (options.positions === 'eager') return parseWithPositions(file, text);
  // The data an earlier run of the bin read from this very text (core/yaml-cache.ts).
  const kept = cachedYamlData(file.path, text);
  if (kept) return yamlSourceOf(file, kept.data);
  // Nesting past the limit goes to the positioned parse, which refuses it at its place.
  const fast = yamlTooDeep(text) !== undefined ? undefined : readPlainYaml(text);
  if (!fast) return parseWithPositions(file, text);
  keepYamlData(file.path, text, fast.data);
  return yamlSourceOf(file, fast.data);
}

/**
 * A YAML source whose data is already read (by the fast path above, or from
 * the data `npm run build` wrote for a label file that ships): a place is
 * found when asked, by js-yaml's events for a scalar or a key, by the `yaml`
 * Document for anything else.
 */
export function yamlSourceOf(file: VFile, data: unknown): YamlSource {
  const text = String(file.value);
  let full: YamlSource | undefined;
  const positioned = () => (full ??= parseWithPositions(file, text));
  let nodes: FastNodes | undefined;
  return {
    file,
    data,
    get doc() {
      return positioned().doc;
    },
    get lineCounter() {
      return positioned().lineCounter;
    },
    get positioned() {
      return full !== undefined;
    },
    // A scalar (or a key) is placed by js-yaml's events, several times faster than
    // building the `yaml` Document; anything else asks the Document.
    locate: (pointer, part) => {
      if (full) return full.locate(pointer, part);
      nodes ??= fastNodes(text);
      return nodes.locate(pointer, part) ?? positioned().locate(pointer, part);
    },
  };
}

/** A node of a plain YAML text as js-yaml reads it: from its `open` to its `close` event. */
interface FastNode {
  /** Where js-yaml starts reading it (before any space or comment that leads to it). */
  open: number;
  /** Where js-yaml stops reading it. */
  close: number;
  kind: string | null;
  result: unknown;
  children: FastNode[];
}

interface FastNodes {
  /** The place `yaml` gives a scalar value or key, or undefined where the Document must say (collections, empty values, anything unexpected). */
  locate(pointer: string, part?: 'key' | 'value'): Position | undefined;
}

/**
 * The places of a plain YAML text's scalars, from the events of a second
 * js-yaml read (its `listener`). Mappings and sequences are trusted only when
 * their events match their data (a key then a value per entry, one node per
 * item), so that an entry is never taken for another; the places are those
 * the `yaml` Document gives (test/core/yaml-source.test.ts compares them on
 * every scalar of every YAML file of the project).
 */
function fastNodes(text: string): FastNodes {
  const top: FastNode = { open: 0, close: 0, kind: null, result: undefined, children: [] };
  const stack: FastNode[] = [top];
  const listener = (event: 'open' | 'close', state: { position: number; kind: string | null; result: unknown }) => {
    if (event === 'open') {
      stack.push({ open: state.position, close: state.position, kind: null, result: undefined, children: [] });
      return;
    }
    const node = stack.pop()!;
    node.close = state.position;
    node.kind = state.kind;
    node.result = state.result;
    stack[stack.length - 1]!.children.push(node);
  };
  try {
    loadFast(text, { schema: CORE_SCHEMA, json: false, listener });
  } catch {
    return { locate: () => undefined };
  }
  const root = top.children.length === 1 ? top.children[0] : undefined;
  // js-yaml reads past a byte order mark, counting from the character after it.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The lines are indexed on first use (as \`yaml\`'s LineCounter would count them, without loading that package).
  let lines: LineIndex | undefined;
  const point = (offset: number) => (lines ??= new LineIndex(text)).point(offset);
  return {
    locate(pointer, part = 'value') {
      let node = root;
      let key: FastNode | undefined;
      for (const segment of pointerSegments(pointer)) {
        if (!node) return undefined;
        node = unwrapped(node);
        key = undefined;
        if (node.kind === 'mapping') {
          const keys = Object.keys(node.result as object);
          const i = keys.indexOf(segment);
          if (i === -1 || node.children.length !== 2 * keys.length) return undefined;
          key = node.children[2 * i]!;
          if (key.kind !== 'scalar' || String(key.result) !== segment) return undefined;
          node = node.children[2 * i + 1];
        } else if (node.kind === 'sequence') {
          const index = Number(segment);
          const items = node.result as unknown[];
          if (!/^(?:0|[1-9][0-9]*)$/.test(segment) || index >= items.length || node.children.length !== items.length) return undefined;
          node = node.children[index];
        } else {
          return undefined;
        }
      }
      const target = part === 'key' && key ? key : node;
      if (!target || target === root || target.kind !== 'scalar' || target.result === null) return undefined;
      const start = skipSeparation(text, target.open + shift);
      let end = target.close + shift;
      // As the Document's places (parseWithPositions): a value ends on its last character.
      while (end > start + 1 && /\s/.test(text[end - 1] ?? '')) end--;
      if (end <= start) return undefined;
      return { start: point(start), end: point(end) };
    },
  };
}

/**
 * A node read as a candidate key and kept as the node itself (a flow
 * collection or scalar opening a block entry, not followed by `:`) comes as
 * an event inside the node's own: the inner one holds the items.
 */
function unwrapped(node: FastNode): FastNode {
  while (node.children.length === 1 && node.children[0]!.kind === node.kind && node.children[0]!.result === node.result) node = node.children[0]!;
  return node;
}

/** The offset of the first character at or after `offset` that is neither space nor comment (what js-yaml skips before a node). */
function skipSeparation(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (text[i] !== '#') return i;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  }
}

/**
 * Text that only `yaml` reads: anchors, aliases, tags, directives, complex
 * keys, tabs, a flow collection used as a key (one opening a line and
 * followed by `:` on it) or closing a line (`yaml` warns about its indentation).
 */
const NOT_PLAIN = /(?:^|[\s,[{:])[&*!]|^%|^[ ]*(?:-[ ]+)*[[{][^\n]*[\]}][ ]*:(?:[ ]|$)|^[ ]*[\]}]|(?:^|[\s,[{])\?(?:\s|$)|\t/m;

const COMMENT_LINE = /^[ ]*#[^\n]*$/gm;

/**
 * js-yaml types resolving plain scalars as `yaml`'s core schema does (yaml/dist/schema/core, common/null).
 * js-yaml tries each on every plain scalar and key, most of which are words: each test first looks at
 * what its patterns need (a length, a first character) before running them.
 */
const scalar = (tag: string, test: (text: string) => boolean, construct: (text: string) => unknown) =>
  new Type(tag, { kind: 'scalar', resolve: (text: string | null) => test(text ?? ''), construct: (text: string | null) => construct(text ?? '') });
/** Whether `text` starts with a digit or a sign (as every int does), or also a `.` (`float`: `.5`, `.inf`, `.nan`). */
const numberStart = (text: string, dot: boolean) => {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || (dot && c === 0x2e);
};
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar(
      'tag:yaml.org,2002:null',
      (t) => t.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(t),
      () => null,
    ),
    scalar(
      'tag:yaml.org,2002:bool',
      (t) => (t.length === 4 || t.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(t),
      (t) => t[0] === 't' || t[0] === 'T',
    ),
    scalar(
      'tag:yaml.org,2002:int',
      (t) => numberStart(t, false) && (/^0o[0-7]+$/.test(t) || /^[-+]?[0-9]+$/.test(t) || /^0x[0-9a-fA-F]+$/.test(t)),
      (t) => (t.startsWith('0o') ? parseInt(t.substring(2), 8) : t.startsWith('0x') ? parseInt(t.substring(2), 16) : parseInt(t, 10)),
    ),
    scalar(
      'tag:yaml.org,2002:float',
      (t) =>
        numberStart(t, true) &&
        (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(t) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(t) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(t)),
      (t) =>
        /^[-+]?\.(?:inf|Inf|INF)$/.test(t) ? (t[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : /nan$/i.test(t) ? NaN : parseFloat(t),
    ),
  ],
});

/** A character that each way of being NOT_PLAIN needs. */
const NOT_PLAIN_CHARACTER = /[&*!%?\]}\t]/g;

/**
 * Whether NOT_PLAIN matches `text` without its whole-line comments (as `notPlainWhole` says, faster). Every
 * match lies within one line (`\n`), and needs one of NOT_PLAIN_CHARACTER:
 * only the lines holding one are tested.
 */
export function notPlainByLine(text: string): boolean {
  NOT_PLAIN_CHARACTER.lastIndex = 0;
  while (NOT_PLAIN_CHARACTER.exec(text) !== null) {
    const at = NOT_PLAIN_CHARACTER.lastIndex - 1;
    const start = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    if (NOT_PLAIN.test(text.slice(start, end).replace(COMMENT_LINE, ''))) return true;
    NOT_PLAIN_CHARACTER.lastIndex = end + 1;
  }
  return false;
}

/** NOT_PLAIN over the whole text, as `notPlainByLine` reads it line by line (for the test holding them in agreement). */
export function notPlainWhole(text: string): boolean {
  return NOT_PLAIN.test(text.replace(COMMENT_LINE, ''));
}

/** The data of a plain YAML text read by js-yaml, or undefined when `yaml` must read it. */
export function readPlainYaml(text: string): { data: unknown } | undefined {
  // Whole-line comments hold no YAML (a `*word*` there is no alias); inside a
  // block scalar such a line is text, where `&`, `*` and `!` are text to both parsers.
  if (notPlainByLine(text)) return undefined;
  let data: unknown;
  try {
    data = loadFast(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  // `yaml` refuses implicit keys over 1,024 characters, and turns a null key
  // into "" where js-yaml says "null": leave odd keys to it (numbers too).
  if (hasOddKey(data)) return undefined;
  return { data: data === undefined ? null : data };
}

function hasOddKey(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (hasOddKey(item)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object') {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const first = key.charCodeAt(0);
      // '' and 'null', or a key starting like a number: `-`, `+`, `.`, a digit.
      if (key.length > 1024 || key === '' || key === 'null' || first === 0x2d || first === 0x2b || first === 0x2e || (first >= 0x30 && first <= 0x39))
        return true;
      if (hasOddKey((value as Record<string, unknown>)[key])) return true;
    }
  }
  return false;
}

/** The `yaml` package's parse: the Document with positions, syntax problems as messages. */
function parseWithPositions(file: VFile, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const deep = yamlTooDeep(text);
  const parsed = deep === undefined ? tryParse(text, lineCounter) : undefined;
  const doc = parsed ?? parseDocument('', { lineCounter: new LineCounter() });
  if (parsed === undefined) {
    // Nesting that would exhaust the parser's stack: refused at the level past the limit.
    const at = deep ?? 0;
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const point = lineCounter.linePos(at);
    report(file, `Unexpected YAML nested deeper than ${MAX_YAML_DEPTH} levels, expected a flatter structure`, {
      ruleId: 'yaml/limit',
      place: { line: point.line, column: point.col, offset: at },
      note: 'No opinion file nests more than a few levels; see docs/limits.md',
    });
    return { file, doc, lineCounter, data: undefined, positioned: true, locate: () => undefined };
  }
  const toPosition = (start: number, end: number): Position => {
    // Block values end after their trailing newline: end the span on the last character.
    while (end > start + 1 && /\s/.test(text[end - 1] ?? '')) end--;
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return {
      start: { line: a.line, column: a.col, offset: start },
      end: { line: b.line, column: b.col, offset: Math.max(start, end) },
    };
  };

  for (const error of doc.errors) {
    let [start, end] = error.pos;
    let reason = cleanYamlMessage(error.message);
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:#\n]*?(?=\s*:)/.exec(text.slice(start))?.[0]?.trim();
      if (key) {
        reason = `Unexpected duplicate key \`${key}\`, expected each key once in a mapping`;
        end = start + key.length;
      }
    }
    // An unclosed quote runs to the end of the file, where the parser reports it: point at where it opened.
    const quote = error.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
    const open = quote === undefined ? undefined : openingQuote(text, start, quote);
    if (quote !== undefined && open !== undefined) {
      reason = `Unexpected end of the file inside the text this \`${quote}\` opens, expected its closing \`${quote}\``;
      [start, end] = [open, open + 1];
    }
    const hint = open !== undefined ? 'a quoted text may run over several lines: the parser read on to the end of the file' : SYNTAX_HINTS[error.code];
    report(file, error.code === 'DUPLICATE_KEY' && reason.startsWith('Unexpected') ? reason : `YAML syntax error: ${reason}`, {
      ruleId: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
      place: toPosition(start, end),
      note: hint,
    });
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    report(file, `YAML: ${cleanYamlMessage(warning.message)}`, {
      ruleId: 'yaml/warning',
      severity: 'warning',
      place: toPosition(start, end),
    });
  }

  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof RangeError) {
        report(file, `Unexpected YAML nested deeper than the parser can follow, expected a flatter structure`, {
          ruleId: 'yaml/limit',
          place: { line: 1, column: 1 },
        });
        data = undefined;
        return { file, doc, lineCounter, data, positioned: true, locate: () => undefined };
      }
      // yaml throws a ReferenceError on excessive aliases (an alias bomb) or an unresolved alias.
      const reason = error instanceof Error ? error.message : String(error);
      const excessive = /alias count/i.test(reason);
      report(file, excessive ? `Unexpected excessive use of YAML aliases, expected at most ${MAX_ALIAS_COUNT}` : `YAML error: ${reason}`, {
        ruleId: excessive ? 'yaml/alias-limit' : 'yaml/syntax',
        place: firstAliasPosition(doc, toPosition),
        note: excessive ? 'This looks like an alias bomb; write the values out instead of nesting aliases' : undefined,
      });
      data = undefined;
    }
  }

  return {
    file,
    doc,
    lineCounter,
    data,
    positioned: true,
    locate(pointer, part = 'value') {
      const found = findNode(doc, pointer);
      if (!found) return undefined;
      const target =
        part === 'key' && found.pair && isScalar(found.pair.key) ? (found.pair.key as Node) : (found.node ?? (found.pair?.key as Node | undefined));
      const range = target?.range;
      if (!range) return undefined;
      return toPosition(range[0], range[1]);
    },
  };
}

function tryParse(text: string, lineCounter: LineCounter) {
  try {
    return parseDocument(text, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      version: '1.2',
      schema: 'core',
    });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Where the quoted value that `quote` opens and nothing closes begins: the
 * last `quote` before `before` that starts a value (after `key:`, `- `, `[`,
 * `{` or `,`, or at the start of a line).
 */
function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = text.lastIndexOf(quote, before - 1); i >= 0; i = i === 0 ? -1 : text.lastIndexOf(quote, i - 1)) {
    if (/(?:^|[:\-[{,])[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i))) return i;
  }
  return undefined;
}

/** The yaml package appends a line/column to some messages; we report positions ourselves. */
function cleanYamlMessage(message: string): string {
  return message
    .replace(/ at line \d+, column \d+:?[\s\S]*$/, '')
    .replace(/\s+$/, '')
    .replace(/\.$/, '');
}

interface Found {
  node: Node | null | undefined;
  pair?: Pair<unknown, unknown>;
}

function findNode(doc: Document.Parsed, pointer: string): Found | undefined {
  let current: Found = { node: doc.contents as Node | null };
  for (const segment of pointerSegments(pointer)) {
    let node = current.node;
    if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
      if (!pair) return undefined;
      current = { node: pair.value as Node | null, pair: pair as Pair<unknown, unknown> };
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) return undefined;
      current = { node: node.items[index] as Node | null };
    } else {
      return undefined;
    }
  }
  // `key: ` with no value: point at the key.
  if (current.node === null && current.pair) return { node: current.pair.key as Node, pair: current.pair };
  return current;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function firstAliasPosition(doc: Document.Parsed, toPosition: (a: number, b: number) => Position): Position | undefined {
  let found: Position | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (isAlias(node) && node.range) found = toPosition(node.range[0], node.range[1]);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) visit(isPair(item) ? item.value : item);
  };
  visit(doc.contents);
  return found;
}
