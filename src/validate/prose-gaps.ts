/**
 * Gap marks left in the prose. A scaffold in a language other than English
 * writes the language's gap mark (`values.to-be-completed`, e.g.
 * `[à compléter]`) where the author's text goes, as `opinion.yaml` writes
 * `to be completed` for a fact nobody entered yet. Each mark still in a
 * heading, a point or a footnote is a warning at its place: the draft would
 * print it (as a visible gap), and an adopted opinion has none.
 */
import type { ChapterSource } from '../core/model.js';
import { report } from '../core/messages.js';
import { LineIndex } from '../core/line-index.js';
import { closingTicks } from '../core/inline-syntax.js';

/** Text in brackets that is not a link, a footnote or a reference definition: how every shipped gap mark looks. */
const BRACKETED = /\[(?!\^)[^\]\n]*\](?![(\[:])/;

/**
 * Whether the chapters may hold a shipped gap mark (all are `[…]`): when not,
 * `check` need not load the language's labels to look for one.
 */
export function mayHoldGapMarks(chapters: readonly ChapterSource[]): boolean {
  return chapters.some((chapter) => BRACKETED.test(String(chapter.file.value)));
}

const PRINTED = new Set(['heading', 'paragraph', 'footnoteDefinition']);

/** Report every `mark` in the printed blocks of `chapters` (one language's chapters). */
export function reportProseGaps(chapters: readonly ChapterSource[], mark: string | undefined): void {
  if (!mark) return;
  for (const chapter of chapters) {
    const text = String(chapter.file.value);
    if (!text.includes(mark)) continue;
    const lines = new LineIndex(text);
    for (const block of chapter.outline.blocks) {
      if (!PRINTED.has(block.type)) continue;
      const { start, end } = block.position;
      const from = start.offset ?? lines.offset(start.line, start.column);
      const to = end.offset ?? lines.offset(end.line, end.column);
      const code = codeSpans(text, from, to);
      const where = block.type === 'heading' ? 'heading' : block.type === 'footnoteDefinition' ? 'footnote' : 'point';
      for (let at = text.indexOf(mark, from); at !== -1 && at + mark.length <= to; at = text.indexOf(mark, at + mark.length)) {
        if (code.some(([open, close]) => at >= open && at < close)) continue;
        report(chapter.file, `Unexpected gap mark \`${mark}\` in this ${where}, expected the text itself; the draft shows a gap there`, {
          ruleId: 'text/to-be-completed',
          severity: 'warning',
          place: { start: lines.point(at), end: lines.point(at + mark.length) },
        });
      }
    }
  }
}

/** The code spans between `from` and `to` (a mark written as code is an example, not a gap), backtick runs paired as CommonMark pairs them. */
function codeSpans(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = text.indexOf('`', from); i !== -1 && i < to; ) {
    let ticks = 1;
    while (text[i + ticks] === '`') ticks++;
    const close = text[i - 1] === '\\' ? -1 : closingTicks(text, i + ticks, to, ticks);
    if (close === -1) {
      i = text.indexOf('`', i + ticks);
      continue;
    }
    spans.push([i, close + ticks]);
    i = text.indexOf('`', close + ticks);
  }
  return spans;
}
