/**
 * Word operations as the redline writes them. An `equal` operation can be
 * written otherwise in the old version (a reference that followed its
 * renumbered target: "point 1.3" → "1.4"); it must still give each version
 * exactly, paragraph by paragraph.
 */
import type { WordOp } from '../../types.js';

/** A paragraph break inside a point's text. */
export const BREAK = /\s*\n{2,}\s*/u;

/**
 * Each `equal` operation written otherwise in the old version: a deletion and
 * an insertion when its paragraphs do not pair up, else what `pieces` makes of
 * it (by default, kept whole).
 */
export function rewrittenEquals(ops: readonly WordOp[], pieces: (op: WordOp & { old: string }) => WordOp[] = (op) => [op]): WordOp[] {
  return ops.flatMap((op): WordOp[] => {
    if (op.op !== 'equal' || op.old === undefined || op.old === op.text) return [op];
    if (op.old.split(BREAK).length !== op.text.split(BREAK).length)
      return [
        { op: 'delete', text: op.old },
        { op: 'insert', text: op.text },
      ];
    return pieces(op as WordOp & { old: string });
  });
}
