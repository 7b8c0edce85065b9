/**
 * The translatable segments of an opinion in one language, each keyed by a
 * stable id: the chapter titles, points and `##` headings (their `{#id}`),
 * the text of the lists, tables and quotes that belong to a point (keyed by
 * the point), footnotes (their label), and the prose of the YAML sources (the
 * title, principles, recommendations, glossary expansions and definitions, and
 * the amendments the appendix of an adopted opinion prints).
 *
 * A segment is the exact source text, inline Markdown and directives
 * (`:ref{#id}`, `:cite{#id}`) included, so that a translation written back
 * keeps them; where it sits (offsets in a chapter file, or a YAML path) is
 * kept to write a translation back in place.
 */
import { basename } from 'node:path';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../core/markdown.js';
import { headingAttributes, LEADING_ID } from '../core/markdown-syntax.js';
import { isPlaceholder } from '../core/placeholders.js';
import { textIn } from '../core/model.js';

export type SegmentKind =
  | 'text'
  | 'title'
  | 'chapter-title'
  | 'heading'
  | 'point'
  | 'list-item'
  | 'table-cell'
  | 'quote'
  | 'footnote'
  | 'principle-title'
  | 'principle'
  | 'recommendation'
  | 'reason'
  | 'expansion'
  | 'definition';

export interface MarkdownSegment {
  where: 'markdown';
  /** `<chapter file>#<id>`, e.g. `01-conclusions-and-recommendations.md#c-first`. */
  key: string;
  kind: SegmentKind;
  /** The chapter file's name (the same in every language). */
  file: string;
  text: string;
  /** Offsets of the segment in the file (where `text` is written, line prefixes included). */
  start: number;
  end: number;
  /**
   * Inside a list or quote: what each line after the first starts with in
   * the file (`  `, `> `), left out of `text` and put back after each line
   * break of a translation written there.
   */
  continuation?: string;
  /** A table cell: a translation written there stays on one line, its `|` escaped. */
  cell?: boolean;
}

export interface YamlSegment {
  where: 'yaml';
  /** `<kind>/<id>/<field>`, e.g. `recommendations/rec-funding/text`, or `opinion/title`. */
  key: string;
  kind: SegmentKind;
  /** The YAML file's kind (`opinion`, `recommendations`…) and the path of the value in it. */
  yamlKind: 'opinion' | 'principles' | 'recommendations' | 'evidence' | 'hearings' | 'glossary' | 'amendments';
  path: (string | number)[];
  text: string;
  /** A field the draft prints as it is written, not as Markdown (a hearing's place, a rule of procedure). */
  plain?: boolean;
}

export type Segment = MarkdownSegment | YamlSegment;

/** The segments of one chapter file (its Markdown text). */
export function markdownSegments(path: string, text: string): MarkdownSegment[] {
  const file = basename(path);
  const out: MarkdownSegment[] = [];
  const push = (key: string, kind: SegmentKind, start: number, end: number) =>
    out.push({ where: 'markdown', key: `${file}#${key}`, kind, file, text: text.slice(start, end), start, end });
  let unnamed = 0;
  // Lists, tables and quotes are keyed by the point (or heading) they follow: `c-first/list-1/2`.
  let owner = 'start';
  let containers = new Map<string, number>();
  const own = () => {
    owner = out[out.length - 1]!.key.slice(file.length + 1);
    containers = new Map();
  };
  for (const node of parseMarkdown(text).children) {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const raw = text.slice(start, end);
    if (node.type === 'heading') {
      const marks = /^#{1,6}[ \t]+/.exec(raw);
      if (!marks) continue;
      let body = raw.slice(marks[0].length).replace(/[ \t]+#+[ \t]*$/, '');
      // `{#id}`, `{-}`, `{.unnumbered}` ending the heading are markup, not text to translate.
      const attributes = headingAttributes(body);
      if (attributes) body = body.slice(0, attributes.index);
      const id = attributes?.ids.find((name) => name !== '');
      const textStart = start + marks[0].length;
      if (node.depth === 1) push('title', 'chapter-title', textStart, textStart + body.length);
      else push(id ?? `heading-${++unnamed}`, 'heading', textStart, textStart + body.length);
      own();
    } else if (node.type === 'paragraph') {
      if (/^(::|:::)/.test(raw)) continue;
      const id = LEADING_ID.exec(raw);
      const named = id !== null && id[1] !== '';
      push(named ? id[1]! : `paragraph-${++unnamed}`, 'point', start + (named ? id[0].length : 0), end);
      own();
    } else if (node.type in CONTAINERS) {
      const name = CONTAINERS[node.type]!;
      const count = (containers.get(name) ?? 0) + 1;
      containers.set(name, count);
      for (const leaf of containerLeaves(node, `${owner}/${name}-${count}`)) {
        const range = leafRange(text, leaf.node);
        if (!range || !/\p{L}/u.test(range.text)) continue; // figures and signs: nothing to translate
        out.push({ where: 'markdown', key: `${file}#${leaf.key}`, kind: LEAF_KIND[name]!, file, ...range });
      }
    } else if (node.type === 'footnoteDefinition') {
      const mark = /^\[\^([^\]\s]+)\]:[ \t]*/.exec(raw);
      if (mark) push(`^${mark[1]}`, 'footnote', start + mark[0].length, end);
    }
  }
  return out;
}

/** The containers whose text is translated, by remark's type: the name in their segments' keys. */
const CONTAINERS: Record<string, string> = { list: 'list', table: 'table', blockquote: 'quote' };
const LEAF_KIND: Record<string, SegmentKind> = { list: 'list-item', table: 'table-cell', quote: 'quote' };

/**
 * The blocks of text inside a list, table or quote, in document order, each
 * with its key: `<container>/<n>` (the n-th paragraph or heading of a list or
 * quote, nested lists and quotes included) or, for a table, `<container>/<row>.<column>`.
 */
function containerLeaves(node: Nodes, prefix: string): { key: string; node: Nodes }[] {
  if (node.type === 'table') {
    return node.children.flatMap((row, r) => row.children.map((cell, c) => ({ key: `${prefix}/${r + 1}.${c + 1}`, node: cell as Nodes })));
  }
  const out: { key: string; node: Nodes }[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') out.push({ key: `${prefix}/${out.length + 1}`, node: n });
    else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote' || n.type === 'table' || n.type === 'tableRow')
      for (const child of n.children) walk(child as Nodes);
  };
  walk(node);
  return out;
}

/**
 * Where a leaf's inline content stands in the file (from its first to its
 * last inline node: no `#` marks, no table pipes), and its text with the
 * prefixes of its continuation lines (a list item's indent, a quote's `>`)
 * left out.
 */
function leafRange(text: string, leaf: Nodes): Pick<MarkdownSegment, 'text' | 'start' | 'end' | 'continuation' | 'cell'> | undefined {
  const children = 'children' in leaf ? (leaf.children as Nodes[]) : [];
  const start = children[0]?.position?.start.offset;
  const end = children[children.length - 1]?.position?.end.offset;
  if (start === undefined || end === undefined || end <= start) return undefined;
  if (leaf.type === 'tableCell') return { text: text.slice(start, end), start, end, cell: true };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // `> - item`: the next lines of the item start with `>` and the item's indent.
  const continuation = text.slice(lineStart, start).replace(/[^>\s]/g, ' ');
  const prefix = continuation.includes('>') ? /^[ \t>]*/ : /^[ \t]*/;
  const lines = text.slice(start, end).split('\n');
  return { text: lines.map((line, i) => (i === 0 ? line : line.replace(prefix, ''))).join('\n'), start, end, continuation };
}

/** The prose fields of each YAML file: a path of keys, `*` standing for every item of a list (its `id` names it). */
const YAML_FIELDS: Record<YamlSegment['yamlKind'], string[]> = {
  opinion: ['title', 'requested_by', 'legal_basis', 'section', 'closing.place', 'referrals.*.body'],
  principles: ['principles.*.title', 'principles.*.text', 'principles.*.source'],
  recommendations: ['recommendations.*.text', 'recommendations.*.reason'],
  evidence: ['evidence.*.title', 'evidence.*.summary', 'evidence.*.source.title', 'evidence.*.facts.*.text', 'evidence.*.facts.*.source.title'],
  hearings: ['hearings.*.place', 'hearings.*.title', 'hearings.*.speakers.*.role', 'hearings.*.speakers.*.said'],
  glossary: ['glossary.*.expansion', 'glossary.*.definition'],
  // What the appendix of an adopted opinion prints: the caller gives only those amendments and rules.
  amendments: ['procedure.rule_rejected', 'procedure.rule_section_text', 'amendments.*.text', 'amendments.*.reason'],
};

/** Fields the draft prints as written (render/references.ts, render/amendments-appendix.ts), not parsed as Markdown. */
const PLAIN_FIELDS = new Set(['hearings.place', 'amendments.rule_rejected', 'amendments.rule_section_text']);

const KIND_OF_FIELD: Record<string, SegmentKind> = {
  'opinion.title': 'title',
  'principles.title': 'principle-title',
  'principles.text': 'principle',
  'recommendations.text': 'recommendation',
  'recommendations.reason': 'reason',
  'amendments.reason': 'reason',
  'glossary.expansion': 'expansion',
  'glossary.definition': 'definition',
};

/**
 * The YAML segments of an opinion in `lang` (undefined text: no translation
 * yet). `data` holds each YAML file's parsed content by kind.
 */
export function yamlSegments(
  data: Partial<Record<YamlSegment['yamlKind'], unknown>>,
  lang: string,
  original: string,
): (Omit<YamlSegment, 'text'> & { text: string | undefined })[] {
  const out: (Omit<YamlSegment, 'text'> & { text: string | undefined })[] = [];
  for (const [yamlKind, fields] of Object.entries(YAML_FIELDS) as [YamlSegment['yamlKind'], string[]][]) {
    const root = data[yamlKind];
    if (!root || typeof root !== 'object') continue;
    for (const field of fields) {
      const walk = (value: unknown, rest: string[], path: (string | number)[], names: string[]) => {
        if (value === undefined || value === null) return;
        if (rest.length === 0) {
          // `to be completed` / `not yet assigned` mark a fact nobody entered (issue 14): a gap, not prose to translate.
          if (isPlaceholder(textIn(value, original, original))) return;
          const field = String(path[path.length - 1]);
          const kind = KIND_OF_FIELD[`${yamlKind}.${field}`] ?? 'text';
          const plain = PLAIN_FIELDS.has(`${yamlKind}.${field}`) ? { plain: true } : {};
          out.push({ where: 'yaml', key: `${yamlKind}/${[...names, field].join('/')}`, kind, yamlKind, path, text: textIn(value, lang, original), ...plain });
          return;
        }
        const [head, ...tail] = rest;
        if (head === '*') {
          if (!Array.isArray(value)) return;
          value.forEach((item, i) => {
            const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(i);
            walk(item, tail, [...path, i], [...names, id]);
          });
        } else if (typeof value === 'object' && !Array.isArray(value)) {
          // The list that holds the items (`recommendations:`) is the file's, not part of the key.
          const named = tail.length === 0 || (path.length === 0 && tail[0] === '*') ? names : [...names, head!];
          walk((value as Record<string, unknown>)[head!], tail, [...path, head!], named);
        }
      };
      walk(root, field.split('.'), [], []);
    }
  }
  return out;
}
