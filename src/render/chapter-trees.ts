/**
 * The parsed chapters a build needs, parsed once: a chapter parsed already
 * (validation outlines each chapter from its tree) gives that tree; otherwise,
 * with a cache folder, a
 * chapter whose text has not changed since an earlier build is read back as
 * its syntax tree (JSON) instead of being parsed again — parsing is most of a
 * build's time. Entries are named by a hash of the tool version and the
 * text, so a changed file or another version of the tool never meets a
 * stale tree; a damaged entry is ignored and replaced; entries unused for 30
 * days are removed.
 *
 * The trees returned are the caller's own (fresh, not shared with the
 * loaded opinion), so the build may change them in place.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { parseMarkdown } from '../core/markdown.js';
import type { ChapterSource } from '../core/model.js';
import { VERSION } from '../version.js';
import { removeFile, writeFileAtomic } from '../core/atomic-write.js';
import { sha256 } from './manifest.js';

const FORMAT = 'mdast-1';
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export function chapterTrees(chapters: readonly ChapterSource[], cacheDir?: string): Map<ChapterSource, Root> {
  const trees = new Map<ChapterSource, Root>();
  for (const chapter of chapters) {
    // Parsed already (validation outlines every chapter from its tree): that tree, neither read back nor parsed again.
    const taken = chapter.takeTree?.();
    if (taken) {
      trees.set(chapter, taken);
      continue;
    }
    const text = String(chapter.file.value ?? '');
    if (!cacheDir) {
      trees.set(chapter, parseMarkdown(text));
      continue;
    }
    const entry = join(cacheDir, `${sha256(`${FORMAT}\0${VERSION}\0${text}`).slice(0, 40)}.json`);
    const cached = readEntry(entry);
    if (cached) {
      trees.set(chapter, cached);
      continue;
    }
    const tree = parseMarkdown(text);
    trees.set(chapter, tree);
    writeEntry(entry, tree);
  }
  if (cacheDir) prune(cacheDir);
  return trees;
}

// The cache is read and written with synchronous calls, as the outputs (see render/transaction.ts).
function readEntry(path: string): Root | undefined {
  try {
    const tree = JSON.parse(readFileSync(path, 'utf8')) as Root;
    if (tree?.type !== 'root' || !Array.isArray(tree.children)) return undefined;
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {}
    return tree;
  } catch {
    return undefined;
  }
}

function writeEntry(path: string, tree: Root): void {
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileAtomic(path, JSON.stringify(tree));
  } catch {
    // A cache that cannot be written only makes the next build slower.
  }
}

function prune(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return;
  }
  const limit = Date.now() - MAX_AGE_MS;
  for (const name of names) {
    const path = join(dir, name);
    let modified: number;
    try {
      modified = statSync(path).mtimeMs;
    } catch {
      continue;
    }
    if (modified < limit) removeFile(path);
  }
}
