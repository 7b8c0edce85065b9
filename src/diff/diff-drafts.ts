/**
 * Comparing two drafts: align their items (by id, then by content), then
 * describe every difference — added, deleted, modified, moved, renumbered,
 * split, merged — with word-level operations, plus header changes and a
 * summary. Pure: data in, data out.
 */
import type { Draft } from '../core/draft.js';
import { align } from './align/match.js';
import { unitsOf } from './align/units.js';
import { listChanges } from './compare/carried.js';
import { buildEntries, settleMoves } from './compare/entries.js';
import { keptNotes, notePairs } from './compare/calls.js';
import { compareHeaders } from './compare/header.js';
import { refMapper } from './compare/ref-mapper.js';
import { summarise } from './compare/summary.js';
import { Vocabulary } from './text/similarity.js';
import type { DiffOptions, DiffResult, DraftInfo, Entry } from './types.js';

export const DEFAULT_SIMILARITY = 0.5;

function infoOf(draft: Draft): DraftInfo {
  const info: DraftInfo = { origin: draft.origin };
  if (draft.title) info.title = draft.title;
  if (draft.lang) info.lang = draft.lang;
  return info;
}

export function diffDrafts(a: Draft, b: Draft, options: DiffOptions = {}): DiffResult {
  const similarity = options.similarity ?? DEFAULT_SIMILARITY;
  const locale = options.locale ?? b.lang ?? a.lang;
  const vocabulary = new Vocabulary();
  const old = unitsOf(a, vocabulary);
  const neu = unitsOf(b, vocabulary);
  const footnoteAlignment = align(old.footnotes, neu.footnotes, { similarity });
  const bodyAlignment = align(old.body, neu.body, { similarity });
  // The parts of splits and merges that moved are settled first: the references follow the part the entries keep.
  const footnotesKept = settleMoves(old.footnotes, neu.footnotes, footnoteAlignment);
  const bodyKept = settleMoves(old.body, neu.body, bodyAlignment);
  const map = refMapper(old, neu, bodyAlignment, footnoteAlignment);
  const ignore = options.ignoreTypography ?? false;
  const notes = buildEntries(old.footnotes, neu.footnotes, footnoteAlignment, footnotesKept, map, locale, ignore);
  // Calls compare by the footnote they call, as the Word redline pairs footnotes: one old and one new side of an entry.
  const body = buildEntries(old.body, neu.body, bodyAlignment, bodyKept, map, locale, ignore, keptNotes(notePairs(notes.entries)));
  const entries: Entry[] = [...body.entries, ...notes.entries];
  const listed = listChanges(entries.flatMap((entry) => (entry.type === 'change' ? [entry.change] : [])));
  const changes = listed.changes;
  const header = compareHeaders(a, b);
  const chapters = new Map([...body.chapters, ...notes.chapters]);
  for (const [copy, original] of listed.copied) {
    const link = chapters.get(original);
    if (link) chapters.set(copy, link);
  }
  return {
    old: infoOf(a),
    new: infoOf(b),
    identical: changes.length === 0 && header.length === 0,
    header,
    changes,
    entries,
    summary: summarise(changes, chapters, header, old.body, neu.body),
  };
}
