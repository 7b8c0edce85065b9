/** Paths in a draft shown as the user knows them: relative to the working folder, or `folder@revision`. */
import type { Draft } from '../core/draft.js';

/** Rewrite every `at.file` (and the origin) with `rename`. */
export function relocate(draft: Draft, rename: (file: string) => string, origin: string): Draft {
  return {
    ...draft,
    origin,
    chapters: draft.chapters.map((chapter) => ({
      ...chapter,
      points: chapter.points.map((point) => (point.at ? { ...point, at: { ...point.at, file: rename(point.at.file) } } : point)),
    })),
  };
}
