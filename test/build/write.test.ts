/**
 * Writing outputs: atomic, deterministic, and never over a file edited by
 * hand since the last build (unless forced, and then with a backup).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputs } from '../../src/render/index.js';
import { buildOpinion } from '../../src/opinion/index.js';
import { writeFileAtomic } from '../../src/core/atomic-write.js';
import { entryOf } from '../../src/render/manifest.js';
import { createHash } from 'node:crypto';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'numbering-oj');
const out = () => mkdtempSync(join(tmpdir(), 'opinion-out-'));
const tree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
      })
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );

describe('writeOutputs', () => {
  it('writes <out>/<opinion>/<lang>/opinion.{md,html,json} and a manifest', async () => {
    const dir = out();
    const result = await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    expect(Object.keys(tree(dir))).toEqual([
      'numbering-oj/.opinion-build.json',
      'numbering-oj/en/opinion.html',
      'numbering-oj/en/opinion.json',
      'numbering-oj/en/opinion.md',
    ]);
    expect(result.written).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(join(dir, 'numbering-oj', '.opinion-build.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['en/opinion.html', 'en/opinion.json', 'en/opinion.md']);
  });

  it('is deterministic: a second build leaves every byte as it was', async () => {
    const dir = out();
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    const first = tree(dir);
    const manifest = join(dir, 'numbering-oj', '.opinion-build.json');
    const inode = statSync(manifest).ino;
    const again = await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(3);
    expect(tree(dir)).toEqual(first);
    // Nothing changed, so nothing was written: the manifest is the same file, not an identical copy renamed over it.
    expect(statSync(manifest).ino).toBe(inode);
  });

  it('refuses to overwrite a hand-edited output, says which and what to do, and writes nothing', async () => {
    const dir = out();
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    const md = join(dir, 'numbering-oj', 'en', 'opinion.md');
    writeFileSync(md, readFileSync(md, 'utf8') + '\nA paragraph added by hand.\n');
    const before = tree(dir);
    const build = await buildOpinion(FIXTURE, { notes: true, formats: ['md', 'html'] });
    build.renders[0]!.html += '<!-- changed -->';
    build.renders[0]!.markdown += 'changed\n';
    const result = await writeOutputs(build, { out: dir });
    expect(result.refused).toEqual([md]);
    expect(result.written).toEqual([]);
    expect(tree(dir)).toEqual(before);
    const message = result.files[0]!.messages[0]!;
    expect(result.files[0]!.path).toBe(md);
    expect(message.fatal).toBe(true);
    expect(message.ruleId).toBe('build/hand-edited');
    expect(message.reason).toBe('Unexpected changes to a built file: it was edited by hand since the last build, and is not overwritten');
    expect(message.note).toContain('--force');
  });

  it('refuses a file it did not write, when there is no manifest', async () => {
    const dir = out();
    const md = join(dir, 'numbering-oj', 'en', 'opinion.md');
    writeFileAtomic(md, 'my own notes\n');
    const result = await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    expect(result.refused).toEqual([md]);
    expect(readFileSync(md, 'utf8')).toBe('my own notes\n');
  });

  it('with force, keeps a backup of the hand-edited file before overwriting it', async () => {
    const dir = out();
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    const md = join(dir, 'numbering-oj', 'en', 'opinion.md');
    const built = readFileSync(md, 'utf8');
    writeFileSync(md, 'edited by hand\n');
    const now = new Date(Date.UTC(2018, 4, 23, 10, 30, 0));
    const result = await writeOutputs(await buildOpinion(FIXTURE), { out: dir, force: true, now });
    const backup = `${md}.20180523-103000.bak`;
    expect(result.backups).toEqual([{ file: md, backup }]);
    expect(readFileSync(backup, 'utf8')).toBe('edited by hand\n');
    expect(readFileSync(md, 'utf8')).toBe(built);
    // A second forced overwrite in the same second never replaces the first backup.
    writeFileSync(md, 'edited again\n');
    const second = await writeOutputs(await buildOpinion(FIXTURE), { out: dir, force: true, now });
    expect(second.backups[0]!.backup).toBe(`${md}.20180523-103000-2.bak`);
    expect(readFileSync(backup, 'utf8')).toBe('edited by hand\n');
    // The next build accepts the rebuilt file again.
    expect((await writeOutputs(await buildOpinion(FIXTURE), { out: dir })).refused).toEqual([]);
  });

  it("keeps each file's xxHash64 in the manifest", async () => {
    // The published XXH64 values (seed 0) of '' and 'abc'.
    expect(await entryOf(Buffer.from(''))).toEqual({ xxh64: 'ef46db3751d8e999' });
    expect(await entryOf(Buffer.from('abc'))).toEqual({ xxh64: '44bc2cf5ad770999' });
    const dir = out();
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    const manifest = JSON.parse(readFileSync(join(dir, 'numbering-oj', '.opinion-build.json'), 'utf8'));
    for (const name of ['opinion.html', 'opinion.json', 'opinion.md']) {
      expect(manifest.files[`en/${name}`]).toEqual(await entryOf(readFileSync(join(dir, 'numbering-oj', 'en', name))));
    }
  });

  it('reads the SHA-256 entries of a manifest written before: an unedited file is rebuilt, an edited one refused', async () => {
    const dir = out();
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    const manifestPath = join(dir, 'numbering-oj', '.opinion-build.json');
    const sha256 = (name: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'numbering-oj', 'en', name)))
        .digest('hex');
    const older = {
      tool: 'opinion build',
      note: 'Hashes of the files written by the last build; do not edit.',
      files: Object.fromEntries(['opinion.html', 'opinion.json', 'opinion.md'].map((name) => [`en/${name}`, { sha256: sha256(name) }])),
    };
    writeFileSync(manifestPath, JSON.stringify(older, null, 2) + '\n');
    const md = join(dir, 'numbering-oj', 'en', 'opinion.md');
    writeFileSync(md, readFileSync(md, 'utf8') + '\nA paragraph added by hand.\n');
    const changed = async () => {
      const build = await buildOpinion(FIXTURE);
      build.renders[0]!.html += '<!-- changed -->';
      build.renders[0]!.markdown += 'changed\n';
      return build;
    };
    const refused = await writeOutputs(await changed(), { out: dir });
    expect(refused.refused).toEqual([md]);
    expect(refused.files[0]!.messages[0]!.reason).toBe(
      'Unexpected changes to a built file: it was edited by hand since the last build, and is not overwritten',
    );
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toEqual(older);
    // Without the hand edit, the file the older build wrote is rebuilt, and the manifest holds xxHash64 entries.
    older.files['en/opinion.md'] = { sha256: sha256('opinion.md') };
    writeFileSync(manifestPath, JSON.stringify(older, null, 2) + '\n');
    const written = await writeOutputs(await changed(), { out: dir });
    expect(written.refused).toEqual([]);
    expect(written.written.sort()).toEqual([join(dir, 'numbering-oj', 'en', 'opinion.html'), md]);
    const files = JSON.parse(readFileSync(manifestPath, 'utf8')).files;
    expect(Object.keys(files)).toEqual(['en/opinion.html', 'en/opinion.json', 'en/opinion.md']);
    for (const [path, entry] of Object.entries(files)) expect(entry).toEqual(await entryOf(readFileSync(join(dir, 'numbering-oj', path))));
  });

  it('writes atomically and cleans up what an interrupted build left', async () => {
    const dir = out();
    const lang = join(dir, 'numbering-oj', 'en');
    writeFileAtomic(join(lang, '.opinion.md.999.deadbeef.opinion-tmp'), 'half a dra');
    await writeOutputs(await buildOpinion(FIXTURE), { out: dir });
    expect(readdirSync(lang).sort()).toEqual(['opinion.html', 'opinion.json', 'opinion.md']);
    expect(existsSync(join(lang, '.opinion.md.999.deadbeef.opinion-tmp'))).toBe(false);
  });
});
