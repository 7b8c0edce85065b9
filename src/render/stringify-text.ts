/**
 * remark-stringify's handler of text nodes, with a shortcut for the common
 * case. The library escapes a text by running every one of its ~90 escape
 * patterns (`state.unsafe`, GFM's included) over it, checking each one's
 * scope on the way, and does it twice per text that follows another node
 * (once more when that node peeks at the text's first character): on an
 * amendment sheet of 300 two-column tables that is a third of the run, and
 * half of writing the sample opinion's Markdown output.
 *
 * Here only the patterns in scope whose character occurs in the text are
 * run (a pattern escapes only its own character, so the others cannot
 * match inside the text); when none matches inside the text, and the text
 * has no backslash, the library would write it as it is, and so does this
 * handler. A pattern that depends on the neighbouring node (remark-directive
 * escapes a `:` that ends a text before a text directive) counts only when
 * that node is there, as in the library; when it is, the library decides. Anything else goes to the library's own handler: the output is
 * the library's, byte for byte (test/amendments/stringify-text.test.ts compares
 * both on random and real texts, with the sheet's options and the drafts').
 */
import type { Nodes } from 'mdast';
import type { Handle, State, Unsafe } from 'mdast-util-to-markdown';
import { defaultHandlers } from 'mdast-util-to-markdown';

interface Probe {
  character: string;
  /** A private copy of the library's compiled pattern (global: its lastIndex is ours). */
  expression: RegExp;
  /** Whether the match starts with a context group (`before` or `atBreak`) before the character. */
  before: boolean;
}

/**
 * The patterns in scope for a construct stack: those that depend on the
 * neighbouring nodes apart. Kept in a tree of the stack's construct names,
 * walked without building a key per text.
 */
interface Scope {
  inner: Map<string, Scope>;
  known: boolean;
  probes: Probe[];
  nodePatterns: Unsafe[];
}
const cache = new WeakMap<Unsafe[], Scope>();
const scope = (): Scope => ({ inner: new Map(), known: false, probes: [], nodePatterns: [] });

function listed(stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (list === undefined || list === null) return none;
  const names = typeof list === 'string' ? [list] : list;
  return names.length === 0 ? none : names.some((name) => stack.includes(name));
}

function scopeOf(state: State): Scope {
  let at: Scope | undefined = cache.get(state.unsafe);
  if (!at) cache.set(state.unsafe, (at = scope()));
  for (const name of state.stack) {
    let next: Scope | undefined = at.inner.get(name);
    if (!next) at.inner.set(name, (next = scope()));
    at = next;
  }
  if (at.known) return at;
  for (const pattern of state.unsafe) {
    if (!listed(state.stack, pattern.inConstruct, true) || listed(state.stack, pattern.notInConstruct, false)) continue;
    if (pattern.beforeNode || pattern.afterNode) {
      at.nodePatterns.push(pattern);
      continue;
    }
    const compiled = state.compilePattern(pattern);
    at.probes.push({
      character: pattern.character,
      expression: new RegExp(compiled.source, compiled.flags),
      before: Boolean(pattern.before || pattern.atBreak),
    });
  }
  at.known = true;
  return at;
}

/** Whether a node (the text's neighbour) is of one of the types a pattern names (as the library's `nodeInScope`). */
function nodeInScope(types: Unsafe['beforeNode'], node: Nodes | undefined): boolean {
  if (!types) return true;
  if (!node) return false;
  return typeof types === 'string' ? types === node.type : types.includes(node.type);
}

/** Whether the library's `safe` would write `value` unchanged between `before` and `after`, and between the nodes `previous` and `next`. */
function unchanged(state: State, value: string, before: string, after: string, previous: Nodes | undefined, next: Nodes | undefined): boolean {
  // Backslashes are escaped by the library; in an autolink it percent-encodes instead.
  if (value.includes('\\') || state.stack.includes('autolink')) return false;
  const { probes, nodePatterns } = scopeOf(state);
  for (const pattern of nodePatterns) if (nodeInScope(pattern.beforeNode, previous) && nodeInScope(pattern.afterNode, next)) return false;
  const subject = before + value + after;
  const start = before.length;
  const end = start + value.length;
  for (const probe of probes) {
    if (!value.includes(probe.character)) continue;
    const expression = probe.expression;
    expression.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = expression.exec(subject))) {
      const position = match.index + (probe.before ? match[1]!.length : 0);
      if (position >= start && position < end) {
        expression.lastIndex = 0;
        return false;
      }
      // An empty match cannot happen (a pattern always holds its character); step on all the same.
      if (match[0].length === 0) expression.lastIndex++;
    }
  }
  return true;
}

export const text: Handle = (node, parent, state, info) => {
  const value: string = node.value ?? '';
  // The text's neighbours, as the library's handler finds them.
  const siblings: Nodes[] = parent ? (parent.children as Nodes[]) : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  if (unchanged(state, value, info.before ?? '', info.after ?? '', siblings[index - 1], siblings[index + 1])) return value;
  return defaultHandlers.text(node, parent, state, info);
};
