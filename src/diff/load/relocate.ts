/** Paths in a draft shown as the user knows them: relative to the working folder, or `folder@revision`. */
import { relative, sep } from 'node:path';
import type { Draft } from '../../core/draft.js';

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

/** A path relative to `cwd` when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  return shown.split(sep).join('/');
}
