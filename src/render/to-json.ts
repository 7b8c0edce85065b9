/**
 * The JSON output: the resolved document for other tools — the draft's
 * title line, header rows, numbered chapters and points as plain text with
 * their resolved references (target ids and offsets), footnotes, closing,
 * appendix and length. Schema: `schemas/document.schema.json`. Source paths
 * are relative to the opinion folder, so the output does not depend on where
 * the folder is.
 */
import { knownDate } from '../core/placeholders.js';
import { relative, sep } from 'node:path';
import type { DraftChapter, DraftFootnote, DraftHeaderField } from '../core/draft.js';
import type { Numbering, Stage } from '../core/model.js';
import type { LengthCount } from './length.js';
import { plainText } from './plain-text.js';
import type { ResolvedDocument } from './resolve.js';
import { presidentTitle } from '../labels/labels.js';

export const DOCUMENT_SCHEMA_ID = 'urn:opinion:schema:document';

export interface BuiltDocument {
  $schema: typeof DOCUMENT_SCHEMA_ID;
  /** The opinion folder's name. */
  opinion: string;
  reference: string;
  document?: string;
  lang: string;
  /** The original language. */
  language: string;
  /** The Official Journal's number of the published text (`2018/C 283/01`) and its CELEX number. */
  ojReference?: string;
  celex?: string;
  /** The documents referred, as printed under the title. */
  documents?: string[];
  stage: Stage;
  version?: number;
  versionDate?: string;
  numbering: Numbering;
  /** "Opinion of the European Economic and Social Committee on ‘…’". */
  title: string;
  /** The opinion's title alone. */
  subject: string;
  /** "(own-initiative opinion)", when the kind has one. */
  kind?: string;
  stageBanner?: { title: string; purpose?: string; version?: string };
  header: DraftHeaderField[];
  chapters: DraftChapter[];
  footnotes: (DraftFootnote & { kind: 'footnote' | 'citation' })[];
  closing?: { placeDate?: string; president?: string; presidentTitle: string };
  appendix: { id: string; number: number; point: string; action: string; text: string; reason: string; tabledBy?: string; vote?: string }[];
  length: LengthCount;
}

export function documentFrom(resolved: ResolvedDocument): BuiltDocument {
  const { ctx, front, draft } = resolved;
  const meta = ctx.opinion.meta;
  const dir = ctx.opinion.dir;
  const rel = (file: string) => relative(dir, file).split(sep).join('/');
  const kind = plainText(front.kindLine).text;
  return {
    $schema: DOCUMENT_SCHEMA_ID,
    opinion: ctx.opinion.name,
    reference: front.reference,
    ...(front.document ? { document: front.document } : {}),
    lang: ctx.lang,
    language: ctx.original,
    ...(typeof meta.oj_reference === 'string' ? { ojReference: meta.oj_reference } : {}),
    ...(typeof meta.celex === 'string' ? { celex: meta.celex } : {}),
    ...(Array.isArray(meta.documents) && meta.documents.length > 0 ? { documents: meta.documents.map(String) } : {}),
    stage: meta.stage,
    ...(meta.version !== undefined ? { version: meta.version } : {}),
    ...(knownDate(meta.version_date) ? { versionDate: meta.version_date } : {}),
    numbering: ctx.numbering,
    title: draft.title ?? '',
    subject: plainText(front.subject).text,
    ...(kind ? { kind } : {}),
    ...(front.stage
      ? {
          stageBanner: {
            title: front.stage.title,
            ...(front.stage.purpose ? { purpose: front.stage.purpose } : {}),
            ...(front.stage.version ? { version: front.stage.version } : {}),
          },
        }
      : {}),
    header: draft.header,
    chapters: draft.chapters.map((chapter) => ({
      ...chapter,
      points: chapter.points.map((point) => (point.at ? { ...point, at: { ...point.at, file: rel(point.at.file) } } : point)),
    })),
    footnotes: resolved.footnotes.map((footnote, i) => ({ ...draft.footnotes[i]!, kind: footnote.kind })),
    ...(resolved.closing
      ? {
          closing: {
            ...(resolved.closing.placeDate ? { placeDate: plainText(resolved.closing.placeDate).text } : {}),
            ...(resolved.closing.president ? { president: resolved.closing.president } : {}),
            presidentTitle: presidentTitle(ctx.labels, ctx.opinion.meta.closing?.president_form),
          },
        }
      : {}),
    appendix: resolved.amendments.map((a) => ({
      id: a.id,
      number: a.number,
      point: a.heading,
      action: a.action,
      text: a.plain ?? plainText(a.text).text,
      reason: plainText(a.reason).text,
      ...(a.tabledBy ? { tabledBy: a.tabledBy } : {}),
      ...(a.vote ? { vote: a.vote } : {}),
      ...(a.part ? { part: a.part } : {}),
      ...(a.intro ? { intro: a.intro } : {}),
    })),
    length: resolved.length,
  };
}

/** Stable JSON text: two-space indentation, a final newline. */
export function documentJson(document: BuiltDocument): string {
  return JSON.stringify(document, null, 2) + '\n';
}
