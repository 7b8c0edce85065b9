/**
 * Prose from YAML: picking the language being built, and parsing the inline
 * Markdown it may hold into mdast (never pasted into Markdown as text).
 *
 * A translatable field is a string in the original language or a map of
 * language → string. Building another language needs that language's entry:
 * a missing one is an error at the field, never a silent fallback. Two
 * exceptions, both documented:
 *
 * - neutral fields (a publication's title, a publisher, a person's name) are
 *   cited as written in every language;
 * - standard wording written once in the original language (a legal basis of
 *   "Rule 29(2) of the Rules of Procedure", a closing place of "Brussels") is
 *   recognised from the original language's labels and taken from the labels
 *   of the language being built.
 */
import { TO_BE_COMPLETED } from '../core/placeholders.js';
import type { BlockContent, Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { parseMarkdown } from '../core/markdown.js';
import type { Position, YamlKind } from '../core/model.js';
import type { RenderContext } from './context.js';
import { replaceNodes } from './replace-nodes.js';
import type { LabelKey } from '../labels/labels.js';
import { makeSafe } from '../core/source-safety.js';
import { yamlValueParts } from '../core/align.js';
import { lazyPosition } from '../core/yaml-source.js';

export interface YamlField {
  kind: YamlKind;
  /** JSON pointer of the field (`/recommendations/2/text`). */
  pointer: string;
  /** How to name the field in a message ("`text` of recommendation `rec-funding`"). */
  what: string;
}

export interface PickOptions {
  /** The same text in every language when written as a plain string. */
  neutral?: boolean;
  /** Standard wording that the labels translate. */
  known?: LabelKey[];
}

export interface Picked {
  text: string;
  /** The field says `to be completed`: `text` is the gap to print, as plain text. */
  gap?: boolean;
  /** Where the chosen string is. */
  place?: Position;
  file: VFile;
}

/** The text of a translatable field in the language being built; undefined (and an error) when missing. */
export function pick(ctx: RenderContext, value: unknown, field: YamlField, options: PickOptions = {}): Picked | undefined {
  const file = ctx.yamlFile(field.kind);
  if (value === undefined || value === null) return undefined;
  if (value === TO_BE_COMPLETED)
    return { text: ctx.labels.text['values.to-be-completed'], gap: true, place: ctx.locate(field.kind, field.pointer)?.position, file };
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    const place = ctx.locate(field.kind, field.pointer)?.position;
    if (ctx.lang === ctx.original || options.neutral) return { text, place, file };
    for (const key of options.known ?? []) {
      if (ctx.originalLabels && ctx.originalLabels.text[key] === text) return { text: ctx.labels.text[key], file };
    }
    report(file, `Missing the \`${ctx.lang}\` translation of ${field.what}, expected a map with a \`${ctx.lang}:\` entry`, {
      ruleId: 'lang/missing-translation',
      place,
      note: `A plain string is text in the original language (\`${ctx.original}\`); write \`${ctx.original}: …\` and \`${ctx.lang}: …\` entries`,
    });
    return undefined;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    const text = map[ctx.lang];
    if (text === TO_BE_COMPLETED)
      return { text: ctx.labels.text['values.to-be-completed'], gap: true, place: ctx.locate(field.kind, `${field.pointer}/${ctx.lang}`)?.position, file };
    if (typeof text === 'string') return { text, place: ctx.locate(field.kind, `${field.pointer}/${ctx.lang}`)?.position, file };
    report(file, `Missing the \`${ctx.lang}\` translation of ${field.what}, expected a \`${ctx.lang}:\` entry`, {
      ruleId: 'lang/missing-translation',
      place: ctx.locate(field.kind, field.pointer)?.position,
      expected: [ctx.lang],
      actual: Object.keys(map).join(', '),
    });
  }
  return undefined;
}

/** Phrasing parts one after the other, with the text `separator` between them. */
export function joinPhrasing(parts: readonly PhrasingContent[][], separator: string): PhrasingContent[] {
  return parts.flatMap((part, i) => (i > 0 ? [{ type: 'text', value: separator } as const, ...part] : part));
}

/** The visible gap for a fact nobody entered yet (a `span.gap` in HTML). */
export function gapText(value: string): PhrasingContent {
  return { type: 'text', value, data: { hName: 'span', hProperties: { className: ['gap'] } } };
}

/**
 * Every gap mark in a draft's tree made the same visible gap as a fact `to be
 * completed`: the marks a scaffold left in the prose (`[à compléter]`,
 * reported by validate and check as `text/to-be-completed`) and those the
 * labels put into the banner, the reference line and the dates.
 */
export function markGaps(mark: string, tree: Parent): void {
  replaceNodes(tree as Nodes, (child) => {
    if (child.type !== 'text' || child.data || !child.value.includes(mark)) return undefined;
    const pieces: PhrasingContent[] = [];
    child.value.split(mark).forEach((piece, k) => {
      if (k > 0) pieces.push(gapText(mark));
      if (piece) pieces.push({ type: 'text', value: piece });
    });
    return pieces;
  });
}

/** A visible stand-in for text that could not be had (its error is already reported). */
export function missingText(ctx: RenderContext): string {
  return `[missing ${ctx.lang} text]`;
}

/**
 * Parse a YAML string as inline Markdown. When it is not a single paragraph
 * (e.g. "1. …" would make a list), it is kept as literal text with a warning:
 * a field never changes the document's structure.
 */
export function parsePhrasing(picked: Picked, what: string): PhrasingContent[] {
  if (picked.gap) return [gapText(picked.text)];
  const tree = parseMarkdown(picked.text);
  placeIn(tree, picked);
  makeSafe(tree, picked.file);
  const [first, ...rest] = tree.children;
  if (!first) return [];
  if (first.type === 'paragraph' && rest.length === 0) return first.children;
  report(picked.file, `Unexpected block Markdown in ${what}, expected inline text`, {
    ruleId: 'source/block-in-inline',
    severity: 'warning',
    place: picked.place,
    note: 'It is shown as written; escape a leading `1.`, `-` or `#` with a backslash',
  });
  return [{ type: 'text', value: picked.text.replace(/\s*\n\s*/g, ' ') }];
}

/** Parse a YAML string as Markdown blocks (a recommendation's text may hold a list). */
export function parseBlocks(picked: Picked): BlockContent[] {
  if (picked.gap) return [{ type: 'paragraph', children: [gapText(picked.text)] }];
  const tree = parseMarkdown(picked.text);
  placeIn(tree, picked);
  makeSafe(tree, picked.file);
  return tree.children.filter((node): node is BlockContent => node.type !== 'definition' && node.type !== 'footnoteDefinition' && node.type !== 'yaml');
}

/**
 * Move the positions of a tree parsed from a YAML string into the YAML file:
 * exactly when the string is written as is on one line (a plain scalar),
 * otherwise every node points at the whole value, but for references
 * (`:ref`, `:cite`), placed as validate places them, and text, whose words a
 * message may point into (`placeInText`: an acronym's first use), each at its
 * own place in a scalar of any style where the mapping of the value can say
 * (`yamlValueParts`). Each moved position is computed when first read
 * (core/yaml-source.ts `lazyPosition`): the place of the field in its file is
 * found only when a message or an output needs it.
 */
function placeIn(tree: { children: RootContent[] }, picked: Picked): void {
  const place = picked.place;
  let parts: ReturnType<typeof yamlValueParts> | undefined;
  const directive = (relative: Position) =>
    lazyPosition(() => {
      parts ??= yamlValueParts({ file: picked.file.path, position: place! }, picked.text, [picked.file]);
      const { start, end } = parts(relative.start.offset ?? 0, relative.end.offset ?? 0).position;
      return { start: { ...start }, end: { ...end } };
    });
  let exact: boolean | undefined;
  const isExact = () => {
    if (exact === undefined) {
      const offset = place?.start.offset;
      const source = String(picked.file.value ?? '');
      exact = offset !== undefined && !picked.text.includes('\n') && source.slice(offset, offset + picked.text.length) === picked.text;
    }
    return exact;
  };
  const moved = (relative: Position) =>
    lazyPosition(() => {
      const { start, end } = place!;
      if (!isExact()) return { start: { ...start }, end: { ...end } };
      return {
        start: { line: start.line, column: start.column + relative.start.column - 1, offset: start.offset! + (relative.start.offset ?? 0) },
        end: { line: start.line, column: start.column + relative.end.column - 1, offset: start.offset! + (relative.end.offset ?? 0) },
      };
    });
  const visit = (node: Nodes) => {
    if (node.position) {
      if (place) node.position = (node.type === 'textDirective' || node.type === 'text' ? directive : moved)(node.position as Position);
      else delete node.position;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const child of tree.children) visit(child);
}
