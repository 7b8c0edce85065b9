/**
 * `--watch` sees every save, including those made by renaming a new file
 * over the old one (`sed -i`, `perl -pi`, editors' "safe write"), in any
 * folder of the opinion, also in a folder created after it started.
 */
import { it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchOpinions } from '../../src/render/index.js';
import { ROOT } from '../helpers.js';
import { tempDir } from './helpers.js';

it('rebuilds after every kind of save, rename-saves included', async () => {
  const dir = join(tempDir(), 'numbering-oj');
  cpSync(join(ROOT, 'test/build/fixtures/numbering-oj'), dir, { recursive: true });
  const controller = new AbortController();
  let rebuilds = 0;
  let wake: () => void = () => undefined;
  const watching = watchOpinions(
    [dir],
    async () => {
      rebuilds++;
      wake();
    },
    { signal: controller.signal, debounce: 30 },
  );
  await new Promise((done) => setTimeout(done, 150));
  const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
  const meta = join(dir, 'opinion.yaml');
  let n = 0;
  const saves: [string, () => void][] = [
    ['sed -i', () => execFileSync('sed', ['-i', `s/$/ /`, chapter])],
    ['perl -pi', () => execFileSync('perl', ['-pi', '-e', 's/ $//', chapter])],
    [
      'safe write (temp + rename)',
      () => {
        writeFileSync(`${chapter}.tmp-save`, readFileSync(chapter, 'utf8') + `\n{#c-x${++n}} A point.\n`);
        renameSync(`${chapter}.tmp-save`, chapter);
      },
    ],
    [
      'vim-style (backup~ then write)',
      () => {
        renameSync(meta, `${meta}~`);
        writeFileSync(meta, readFileSync(`${meta}~`, 'utf8') + '\n');
      },
    ],
    ['in place', () => writeFileSync(chapter, readFileSync(chapter, 'utf8') + '\n')],
    ['sed -i again', () => execFileSync('sed', ['-i', `s/ $//`, chapter])],
    [
      'new folder, then a file in it',
      () => {
        mkdirSync(join(dir, 'slots'), { recursive: true });
      },
    ],
    [
      'rename-save in the new folder',
      () => {
        writeFileSync(join(dir, 'slots', '.signature.md.swp'), 'x');
        writeFileSync(join(dir, 'slots', 'x.tmp'), 'Signed.\n');
        renameSync(join(dir, 'slots', 'x.tmp'), join(dir, 'slots', 'signature.md'));
      },
    ],
  ];
  const missed: string[] = [];
  for (const [name, save] of saves) {
    const before = rebuilds;
    const seen = new Promise<void>((done) => {
      wake = done;
      setTimeout(done, 4000);
    });
    save();
    await seen;
    if (rebuilds === before) missed.push(name);
    await new Promise((done) => setTimeout(done, 80));
  }
  controller.abort();
  await watching;
  expect(missed).toEqual([]);
}, 60_000);
