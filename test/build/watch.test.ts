/** `--watch`: a change in an opinion folder rebuilds that opinion, once per burst of changes. */
import { it, expect } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchOpinions } from '../../src/render/index.js';

it('rebuilds an opinion when one of its files changes, and stops on abort', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-watch-')), 'numbering-oj');
  cpSync(join(import.meta.dirname, 'fixtures', 'numbering-oj'), dir, { recursive: true });
  const controller = new AbortController();
  const rebuilt: string[] = [];
  let changed!: () => void;
  const first = new Promise<void>((resolve) => (changed = resolve));
  const watching = watchOpinions(
    [dir],
    async (folder) => {
      rebuilt.push(folder);
      changed();
    },
    { signal: controller.signal, debounce: 50 },
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
  writeFileSync(chapter, readFileSync(chapter, 'utf8') + '\n{#c-three} A third point.\n');
  writeFileSync(chapter, readFileSync(chapter, 'utf8') + '\n{#c-four} A fourth point.\n');
  await first;
  await new Promise((resolve) => setTimeout(resolve, 150));
  controller.abort();
  await watching;
  expect(rebuilt).toEqual([dir]);
}, 20_000);
