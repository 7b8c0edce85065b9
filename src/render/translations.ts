/**
 * A translation must hold what the original holds: every chapter file, and
 * every point and heading that has an id in the original. What is missing is
 * reported at the original's place (never replaced by the original's text);
 * what a translation has beyond the original is a warning at its own place.
 */
import { report } from '../core/messages.js';
import { headingAttributes, LEADING_ID } from '../core/markdown-syntax.js';
import type { ChapterSource, Position } from '../core/model.js';
import type { RenderContext } from './context.js';

export function checkTranslation(ctx: RenderContext): void {
  if (ctx.lang === ctx.original) return;
  const originals = ctx.opinion.chapters[ctx.original] ?? [];
  const translated = ctx.opinion.chapters[ctx.lang] ?? [];
  const byId = new Map(translated.map((c) => [c.id, c]));
  for (const chapter of originals) {
    const translation = byId.get(chapter.id);
    if (!translation) {
      const name = chapter.path.split(/[\\/]/).pop();
      report(chapter.file, `Missing the \`${ctx.lang}\` translation of chapter \`${chapter.id}\`, expected \`text/${ctx.lang}/${name}\``, {
        ruleId: 'lang/missing-chapter',
        place: { line: 1, column: 1 },
      });
      continue;
    }
    const have = new Set(ids(translation).map((i) => i.id));
    for (const item of ids(chapter)) {
      if (have.has(item.id)) continue;
      report(
        chapter.file,
        `Missing the \`${ctx.lang}\` translation of ${item.kind} \`${item.id}\`, expected \`{#${item.id}}\` in \`${relativeName(translation)}\``,
        {
          ruleId: 'lang/missing-point',
          place: item.place,
        },
      );
    }
    const known = new Set(ids(chapter).map((i) => i.id));
    for (const item of ids(translation)) {
      if (known.has(item.id)) continue;
      report(
        translation.file,
        `Unexpected ${item.kind} \`${item.id}\` in the \`${ctx.lang}\` translation, expected only ids of the original (\`${ctx.original}\`)`,
        {
          ruleId: 'lang/extra-point',
          severity: 'warning',
          place: item.place,
        },
      );
    }
  }
  const known = new Set(originals.map((c) => c.id));
  for (const chapter of translated) {
    if (known.has(chapter.id)) continue;
    report(chapter.file, `Unexpected chapter \`${chapter.id}\` in the \`${ctx.lang}\` translation, expected only the original's chapters`, {
      ruleId: 'lang/extra-chapter',
      severity: 'warning',
      place: { line: 1, column: 1 },
    });
  }
}

/**
 * The ids of a chapter's points and headings, found in its text without
 * parsing it (a point's `{#id}` starts a line; a heading's ends it).
 */
function ids(chapter: ChapterSource): { id: string; kind: 'point' | 'heading'; place?: Position }[] {
  const found: { id: string; kind: 'point' | 'heading'; place?: Position }[] = [];
  const lines = String(chapter.file.value ?? '').split('\n');
  let fence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    const at = (column: number, length: number): Position => ({ start: { line: i + 1, column }, end: { line: i + 1, column: column + length } });
    const point = LEADING_ID.exec(line);
    if (point && point[1]) {
      found.push({ id: point[1], kind: 'point', place: at(1, line.length) });
      return;
    }
    if (/^#{2,6}\s/.test(line)) {
      for (const id of headingAttributes(line)?.ids ?? []) if (id !== '') found.push({ id, kind: 'heading', place: at(1, line.length) });
    }
  });
  return found;
}

function relativeName(chapter: ChapterSource): string {
  const parts = chapter.path.split(/[\\/]/);
  return parts.slice(-3).join('/');
}
