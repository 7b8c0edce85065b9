/**
 * The cache of parsed chapters (<out>/.cache/): a chapter whose text has not
 * changed is read back, never a stale tree for a changed text; a damaged
 * entry is replaced; old entries go; the trees are the caller's own.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { ChapterSource } from '../../src/core/model.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { chapterTrees } from '../../src/render/chapter-trees.js';

/** A chapter as the build gets it when validation did not parse it (no tree to take). */
const chapter = (text: string) => ({ file: new VFile({ path: 'text/en/01-c.md', value: text }) }) as unknown as ChapterSource;
const entries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('the cache of parsed chapters', () => {
  it('gives what parsing gives, and reads an unchanged text back instead of parsing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-trees-'));
    const a = chapter('# One\n\n{#o-one} First point.\n');
    const b = chapter('# Two\n\n{#t-one} Second point with a [link](https://example.org).\n');
    const first = chapterTrees([a, b], dir);
    expect(first.get(a)).toEqual(parseMarkdown(String(a.file.value)));
    expect(first.get(b)).toEqual(parseMarkdown(String(b.file.value)));
    expect(entries(dir)).toHaveLength(2);
    // An entry replaced by another tree is what comes back: the text was not parsed again.
    const [name] = entries(dir).filter((n) => readFileSync(join(dir, n), 'utf8').includes('First point'));
    writeFileSync(join(dir, name!), JSON.stringify(parseMarkdown('# One\n\nRead back.\n')));
    expect(
      JSON.stringify(
        chapterTrees([chapter(String(a.file.value))], dir)
          .values()
          .next().value,
      ),
    ).toContain('Read back.');
  });

  it('never gives a tree for another text, and replaces a damaged entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-trees-'));
    chapterTrees([chapter('# One\n\nOld text.\n')], dir);
    const changed = chapterTrees([chapter('# One\n\nNew text.\n')], dir);
    expect(JSON.stringify([...changed.values()])).toContain('New text.');
    expect(entries(dir)).toHaveLength(2);
    for (const name of entries(dir)) writeFileSync(join(dir, name), '{"type": "root", "chil');
    const again = chapterTrees([chapter('# One\n\nNew text.\n')], dir);
    expect([...again.values()][0]).toEqual(parseMarkdown('# One\n\nNew text.\n'));
    const repaired = entries(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    expect(repaired.filter((text) => text.includes('New text.') && JSON.parse(text).type === 'root')).toHaveLength(1);
  });

  it('gives each build trees of its own, and removes entries unused for 30 days', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-trees-'));
    const text = '# One\n\n{#o-one} First point.\n';
    const mine = chapterTrees([chapter(text)], dir)
      .values()
      .next().value!;
    mine.children.length = 0;
    expect(
      chapterTrees([chapter(text)], dir)
        .values()
        .next().value!.children.length,
    ).toBeGreaterThan(0);
    chapterTrees([chapter('# Old\n\nUnused since.\n')], dir);
    const old = entries(dir).find((name) => readFileSync(join(dir, name), 'utf8').includes('Unused since.'))!;
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(join(dir, old), longAgo, longAgo);
    chapterTrees([chapter(text)], dir);
    expect(entries(dir)).not.toContain(old);
    expect(entries(dir)).toHaveLength(1);
  });
});
