/** The one-line summary shared by the terminal and Markdown outputs. */
import { CHANGE_KINDS, type DiffResult, type KindCounts } from '../types.js';
import { plural } from '../../core/messages.js';

function kinds(counts: KindCounts): string[] {
  return CHANGE_KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${kind}`);
}

/** "Summary: 1 added, 2 modified, 3 renumbered; footnotes: 1 added; 2 header fields changed; 1 typography only; words +10 −4". */
export function summaryLine(result: DiffResult): string {
  if (result.identical) return 'Summary: no differences';
  const { summary } = result;
  const parts: string[] = [];
  const body = kinds(summary.counts);
  if (body.length > 0) parts.push(body.join(', '));
  const notes = kinds(summary.footnotes);
  if (notes.length > 0) parts.push(`footnotes: ${notes.join(', ')}`);
  if (summary.header > 0) parts.push(`${plural(summary.header, 'header field')} changed`);
  const typographic = result.changes.filter((change) => change.typographic).length;
  if (typographic > 0) parts.push(`${typographic} typography only`);
  parts.push(`words +${summary.words.added} −${summary.words.deleted}`);
  return `Summary: ${parts.join('; ')}`;
}
