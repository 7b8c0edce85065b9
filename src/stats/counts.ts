/**
 * Counting one language version, chapter by chapter: on the draft the build
 * renders (references as labels, acronyms expanded), or on the sources'
 * text model when no draft can be rendered.
 */
import type { Draft } from '../core/draft.js';
import type { Evidence } from '../core/model.js';
import { findCited, type LangText } from '../text/model.js';
import { countText } from '../text/words.js';
import type { ChapterStats, LanguageStats, TextCounts } from './types.js';

const ZERO: TextCounts = { characters: 0, charactersNoSpaces: 0, words: 0 };

function add(a: TextCounts, b: TextCounts): TextCounts {
  return { characters: a.characters + b.characters, charactersNoSpaces: a.charactersNoSpaces + b.charactersNoSpaces, words: a.words + b.words };
}

function counts(texts: readonly string[]): TextCounts {
  return texts.reduce((sum, text) => add(sum, countText(text)), ZERO);
}

/** The counts of a language version, and the texts of its points (for readability). */
export function countLanguage(
  lang: string,
  original: boolean,
  model: LangText | undefined,
  draft: Draft | undefined,
  evidence: Evidence[],
): { stats: LanguageStats; points: string[] } {
  const footnotesPerChapter = footnotesByChapter(model, evidence);
  const chapters: ChapterStats[] = [];
  const points: string[] = [];
  if (draft) {
    for (const chapter of draft.chapters) {
      const own = chapter.points.filter((p) => !p.heading);
      points.push(...own.map((p) => p.text));
      chapters.push({
        ...(chapter.number ? { number: chapter.number } : {}),
        id: chapter.id ?? '',
        title: chapter.title,
        ...counts([chapter.title, ...chapter.points.map((p) => p.text)]),
        points: own.length,
        headings: chapter.points.length - own.length,
        footnotes: footnotesPerChapter.get(chapter.id ?? '') ?? 0,
      });
    }
  } else {
    for (const chapter of model?.chapters ?? []) {
      const own = chapter.body.filter((b) => b.kind === 'point');
      points.push(...own.map((b) => b.prose.text));
      chapters.push({
        ...(chapter.number ? { number: chapter.number } : {}),
        id: chapter.id,
        title: chapter.title?.prose.text ?? '',
        ...counts([...(chapter.title ? [chapter.title.prose.text] : []), ...chapter.body.map((b) => b.prose.text)]),
        points: own.length,
        headings: chapter.body.length - own.length,
        footnotes: footnotesPerChapter.get(chapter.id) ?? 0,
      });
    }
  }
  const footnoteTexts = draft ? draft.footnotes.map((f) => f.text) : (model?.chapters ?? []).flatMap((c) => c.footnotes.map((f) => f.prose.text));
  const footnotes = { ...counts(footnoteTexts), count: draft ? draft.footnotes.length : footnoteTexts.length };
  const total = {
    ...add(
      chapters.reduce((sum, c) => add(sum, c), ZERO),
      footnotes,
    ),
    points: chapters.reduce((sum, c) => sum + c.points, 0),
    headings: chapters.reduce((sum, c) => sum + c.headings, 0),
    footnotes: footnotes.count,
  };
  return { stats: { lang, original, counted: draft ? 'draft' : 'sources', chapters, footnotes, total }, points };
}

/**
 * Footnotes per chapter, numbered as the build numbers them: in order of
 * first reference, a Markdown footnote once per file, a cited source once
 * however often it (or its facts) is cited.
 */
function footnotesByChapter(model: LangText | undefined, evidence: Evidence[]): Map<string, number> {
  const perChapter = new Map<string, number>();
  const seen = new Set<string>();
  for (const chapter of model?.chapters ?? []) {
    const defined = new Set(chapter.footnotes.filter((f) => f.from === 'prose').map((f) => f.id));
    let count = 0;
    for (const block of chapter.body) {
      const marks = [...block.footnotes.map((m) => ({ ...m, cite: false })), ...block.cites.map((m) => ({ ...m, cite: true }))].sort(
        (a, b) => a.start - b.start,
      );
      for (const mark of marks) {
        const key = mark.cite ? findCited(evidence, mark.id)?.pointer : defined.has(mark.id) ? `${chapter.path}#${mark.id}` : undefined;
        if (!key || seen.has(key)) continue;
        seen.add(key);
        count++;
      }
    }
    perChapter.set(chapter.id, count);
  }
  return perChapter;
}
