/**
 * The JSON change list: stable, documented by `schemas/diff.schema.json`
 * (`urn:opinion:schema:diff`). Keys are always written in the same order.
 */
import type { Located } from '../../core/model.js';
import type { Change, DiffResult, DraftInfo, HeaderChange, KindCounts, Side, Summary } from '../types.js';
import { CHANGE_KINDS } from '../types.js';
import { changedCallList } from './calls.js';

export const JSON_FORMAT_VERSION = 1;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The object without its undefined values (absent keys stay absent in the data too). */
function defined(object: { [key: string]: Json | undefined }): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as { [key: string]: Json };
}

function info(draft: DraftInfo): Json {
  return defined({ origin: draft.origin, title: draft.title, lang: draft.lang });
}

function counts(value: KindCounts): Json {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, value[kind]]));
}

function place(at: Located | undefined): Json | undefined {
  if (!at) return undefined;
  return { file: at.file, line: at.position.start.line, column: at.position.start.column };
}

/** A number for `from` / `to`: absent for unnumbered items. */
const numberOf = (side: Side | undefined): string | undefined => (side && side.number !== '' ? side.number : undefined);

function numbers(sides: readonly Side[], many: boolean): Json | undefined {
  if (sides.length === 0) return undefined;
  return many ? sides.map((side) => side.number) : numberOf(sides[0]);
}

function texts(sides: readonly Side[], many: boolean): Json | undefined {
  if (sides.length === 0) return undefined;
  return many ? sides.map((side) => side.text) : (sides[0] as Side).text;
}

export function changeToJson(change: Change): Json {
  const merged = change.kind === 'merged';
  const split = change.kind === 'split';
  const first = change.new[0] ?? change.old[0];
  const reason = change.new.find((side) => side.reason)?.reason ?? change.old.find((side) => side.reason)?.reason;
  const at = defined({ old: place(change.old[0]?.at), new: place(change.new[0]?.at) });
  return defined({
    kind: change.kind,
    element: change.element,
    from: numbers(change.old, merged),
    to: numbers(change.new, split),
    id: change.id,
    chapter: first?.chapter ? defined({ number: first.chapter.number, title: first.chapter.title }) : undefined,
    edited: change.edited,
    typographic: change.typographic,
    after: change.after?.number,
    // A renumbered item's text is the same in both versions: it is not repeated.
    old: change.kind === 'renumbered' ? undefined : texts(change.old, merged),
    new: change.kind === 'renumbered' ? undefined : texts(change.new, split),
    ops: change.ops.map((op) => defined({ op: op.op, text: op.text, old: op.old })),
    words: { added: change.words.added, deleted: change.words.deleted },
    retargeted: change.retargeted?.map((ref) => defined({ number: ref.number, now: ref.now })),
    calls: change.calls ? changedCallList(change) : undefined,
    amendment: change.amendment,
    unexplained: change.unexplained,
    reason,
    at: Object.keys(at).length > 0 ? at : undefined,
  });
}

function headerToJson(change: HeaderChange): Json {
  return defined({ kind: change.kind, field: change.field, label: change.label, old: change.old, new: change.new });
}

function summaryToJson(summary: Summary): Json {
  return {
    counts: counts(summary.counts),
    footnotes: counts(summary.footnotes),
    header: summary.header,
    words: { added: summary.words.added, deleted: summary.words.deleted },
    chapters: summary.chapters.map((chapter) =>
      defined({
        from: chapter.from,
        to: chapter.to,
        title: chapter.title,
        counts: counts(chapter.counts),
        words: { added: chapter.words.added, deleted: chapter.words.deleted },
      }),
    ),
  };
}

/** The JSON document as data (what `formatJson` writes). */
export function diffToJson(result: DiffResult): Json {
  return {
    format: 'opinion-diff',
    version: JSON_FORMAT_VERSION,
    old: info(result.old),
    new: info(result.new),
    identical: result.identical,
    summary: summaryToJson(result.summary),
    header: result.header.map(headerToJson),
    changes: result.changes.map(changeToJson),
  };
}

export function formatJson(result: DiffResult): string {
  return JSON.stringify(diffToJson(result), null, 2) + '\n';
}
