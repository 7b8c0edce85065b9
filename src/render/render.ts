/**
 * `renderOpinion`: one loaded opinion, one language → the draft as Markdown,
 * HTML and JSON, plus the messages found on the way. Pure: the template,
 * labels and notes are passed in as data (see `build-opinion.ts` for reading
 * them from disk); messages are added to the sources' VFiles and returned.
 */
import { isPlaceholder, knownDate } from '../core/placeholders.js';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Draft, DraftHeaderField } from '../core/draft.js';
import type { ChapterSource, Opinion } from '../core/model.js';
import { formatClosingDate, formatLongDate } from './dates.js';
import { fillTemplate } from './fill-template.js';
import { presidentTitle, type Labels } from '../labels/labels.js';
import type { LengthCount } from './length.js';
import { plainText } from './plain-text.js';
import { resolveDocument, type ResolvedDocument } from './resolve.js';
import type { Parts } from './slots.js';
import type { Field, Template } from '../core/template.js';
import { documentJson, documentFrom, type BuiltDocument } from './to-json.js';
import { toHtml } from './to-html.js';
import { toMarkdown } from './to-markdown.js';
import { bannerFields, closingFields } from './to-draft.js';
import { markGaps } from './source-text.js';
import type { WordBuildOptions, WordSource } from './word/index.js';

import { DEFAULT_FORMATS, type Format } from './outputs.js';

export type { Format } from './outputs.js';

export interface RenderOptions {
  /** Language to build (default: the original language). */
  lang?: string;
  /** The labels of that language. */
  labels: Labels;
  /** The original language's labels (standard wording written once is translated through them). */
  originalLabels?: Labels;
  template: Template;
  /** The opinion's replacements for single slots (`slots/<slot>.md`). */
  slots?: ReadonlyMap<string, Template>;
  /** Keep internal notes, clearly marked. */
  notes?: boolean;
  /** The parsed `notes/*.md` files, shown by the `::notes` slot when `notes` is set. */
  notesFiles?: { path: string; tree: Root }[];
  /** Outputs to produce (default: `DEFAULT_FORMATS`, all but Word). */
  formats?: readonly Format[];
  /** Chapter trees of this language owned by the caller (see `chapter-trees.ts`): used and changed in place. */
  trees?: ReadonlyMap<ChapterSource, Root>;
}

export interface RenderResult {
  lang: string;
  markdown?: string;
  html?: string;
  /** The resolved document (the JSON output), when `json` is among the formats. */
  document?: BuiltDocument;
  json?: string;
  /**
   * What the Word draft is made of, when `docx` is among the formats: the filled tree and the
   * page options. `wordBytes(word)` (from `src/render/word/`, loaded only when needed) gives the
   * `.docx`; `buildOpinion` does it and sets `docx`.
   */
  word?: WordSource;
  /** The `.docx` bytes: set by `buildOpinion` (packing is asynchronous), not by `renderOpinion`. */
  docx?: Uint8Array;
  /** The Word draft printed to PDF by LibreOffice (set by the CLI's `--to pdf`; see src/pdf/). */
  pdf?: Uint8Array;
  draft: Draft;
  /** The stage banner, reference, document number and kind line as header fields (see `bannerFields`). */
  banner: DraftHeaderField[];
  /** The closing block as header fields (see `closingFields`). */
  closing: DraftHeaderField[];
  length: LengthCount;
  /** Messages added while rendering (they are also on the sources' VFiles). */
  messages: VFileMessage[];
}

/** A built opinion (`buildOpinion` in `opinion/`): what `writeOutputs` writes. */
export interface OpinionBuild {
  dir: string;
  /** The folder's name: outputs go to `<out>/<name>/<lang>/`. */
  name: string;
  /** No errors anywhere: the outputs can be written. */
  ok: boolean;
  renders: RenderResult[];
  /** Languages asked for that could not be built (reported in `files`); the others are in `renders`. */
  failed: string[];
  /** Every file with its messages (sources, template, labels). */
  files: VFile[];
  opinion?: Opinion;
}

export function renderOpinion(opinion: Opinion, options: RenderOptions): RenderResult {
  const lang = options.lang ?? opinion.meta.language;
  const files = [...opinion.files, options.template.file, ...(options.slots ? [...options.slots.values()].map((t) => t.file) : [])];
  const before = new Map<VFile, number>(files.map((file) => [file, file.messages.length]));

  const resolved = resolveDocument(opinion, {
    lang,
    labels: options.labels,
    originalLabels: options.originalLabels,
    notes: options.notes,
    recommendations: options.template.recommendations,
    ...(options.trees ? { trees: options.trees } : {}),
  });
  const formats = new Set(options.formats ?? DEFAULT_FORMATS);
  const parts: Parts = {
    labels: options.labels,
    numbering: resolved.ctx.numbering,
    front: resolved.front,
    chapters: resolved.chapters,
    footnotes: resolved.footnotes,
    ...(resolved.closing ? { closing: resolved.closing } : {}),
    amendments: resolved.amendments,
    ...(options.notes && options.notesFiles ? { notes: options.notesFiles.map((n) => ({ path: n.path, nodes: n.tree.children as RootContent[] })) } : {}),
  };
  const tree = withoutPositions(fillTemplate(options.template, parts, { overrides: options.slots, fields: fields(resolved) }));
  markGaps(options.labels.text['values.to-be-completed'], tree);

  const result: RenderResult = {
    lang,
    draft: resolved.draft,
    banner: bannerFields(resolved.front),
    closing: closingFields(resolved.closing, presidentTitle(options.labels, opinion.meta.closing?.president_form)),
    length: resolved.length,
    messages: [],
  };
  if (formats.has('json')) {
    result.document = documentFrom(resolved);
    result.json = documentJson(result.document);
  }
  if (formats.has('md')) result.markdown = toMarkdown(tree);
  // The HTML conversion below may change the tree: the Word draft keeps a copy.
  if (formats.has('docx')) result.word = { tree: formats.has('html') ? structuredClone(tree) : tree, options: wordOptions(resolved, lang) };
  if (formats.has('html')) {
    // Last: the HTML conversion may change the tree, which is not used afterwards.
    result.html = toHtml(
      { tree },
      {
        lang,
        title: `${resolved.front.reference ? resolved.front.reference + ' – ' : ''}${plainText(resolved.front.subject).text}`,
        reference: resolved.front.reference,
        ...(resolved.front.document ? { document: resolved.front.document } : {}),
        labels: options.labels,
      },
    );
  }

  for (const file of new Set([...files, ...opinion.files])) {
    result.messages.push(...file.messages.slice(before.get(file) ?? 0));
  }
  return result;
}

/** Outputs do not need source positions (messages were made before): dropping them makes HTML conversion lighter. */
function withoutPositions(tree: Root): Root {
  const strip = (node: { position?: unknown; children?: unknown[] }) => {
    delete node.position;
    if (node.children) for (const child of node.children) strip(child as { position?: unknown; children?: unknown[] });
  };
  strip(tree);
  return tree;
}

/** The Word document's numbering, page header and footer, and fixed date, from the sources. */
function wordOptions(resolved: ResolvedDocument, lang: string): WordBuildOptions {
  const { ctx, front } = resolved;
  const meta = ctx.opinion.meta;
  const date = [meta.version_date, meta.adopted_at_plenary, meta.adopted_in_section, meta.closing?.date, meta.decision?.date].map(knownDate).find(Boolean);
  return {
    lang,
    numbering: ctx.numbering,
    title: `${front.reference ? front.reference + ' – ' : ''}${plainText(front.subject).text}`,
    date: new Date(`${date ? String(date).slice(0, 10) : '2000-01-01'}T00:00:00Z`),
    ...(front.reference ? { reference: front.reference } : {}),
    ...(front.document ? { document: front.document } : {}),
    ...(front.stage ? { stage: front.stage.purpose ? `${front.stage.title} – ${front.stage.purpose}` : front.stage.title } : {}),
  };
}

/** The values of `:field{name=…}` in templates. */
function fields(resolved: ResolvedDocument): Record<Field, PhrasingContent[]> {
  const { ctx, front, closing } = resolved;
  const meta = ctx.opinion.meta;
  const text = (value: string | undefined): PhrasingContent[] => (value ? [{ type: 'text', value }] : []);
  const names = (Array.isArray(meta.rapporteurs) ? meta.rapporteurs : []).map((p) => p.name).filter(Boolean);
  const section = front.header.find((row) => row.field === 'section')?.value ?? [];
  return {
    reference: text(front.reference),
    document: text(front.document),
    title: front.subject,
    'title-line': front.titleLine,
    kind: front.kindLine,
    stage: text(front.stage?.title),
    version: text(meta.version !== undefined ? String(meta.version) : undefined),
    'version-date': text(
      knownDate(meta.version_date) ? formatLongDate(meta.version_date!, ctx.labels) : meta.version_date ? ctx.labels.text['values.to-be-completed'] : undefined,
    ),
    lang: text(ctx.lang.toUpperCase()),
    language: text(ctx.original.toUpperCase()),
    section,
    rapporteurs: text(names.join(', ')),
    'closing-date': text(
      knownDate(meta.closing?.date)
        ? formatClosingDate(meta.closing!.date!, ctx.labels)
        : meta.closing?.date
          ? ctx.labels.text['values.to-be-completed']
          : undefined,
    ),
    'closing-place': closing?.place ?? [],
    president: text(meta.closing?.president && !isPlaceholder(meta.closing.president) ? meta.closing.president : undefined),
  };
}
