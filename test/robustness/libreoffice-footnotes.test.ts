/**
 * A .docx saved by LibreOffice (issue 18, item 13): LibreOffice numbers the
 * notes from 2, writes a tab after each mark and its own run properties.
 * Diffing it against the draft it came from finds no change, and a footnote
 * edited in it is one footnote change whose old and new texts differ — never a
 * "change" with the same text on both sides.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ROOT, runBin, skipWithout } from '../helpers.js';

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;

interface Change {
  element?: string;
  old?: string;
  new?: string;
}

function changes(json: string): Change[] {
  const found: Change[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.old === 'string' || typeof record.new === 'string') found.push(record as Change);
      Object.values(record).forEach(walk);
    }
  };
  walk(JSON.parse(json));
  return found;
}

describe.skipIf(skipWithout(hasSoffice))('a .docx saved by LibreOffice', () => {
  it('diffs as the draft it came from, and an edited footnote is one change with different texts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-lo-'));
    const built = runBin(['build', join(ROOT, 'opinions', 'see-migrants'), '--out', join(dir, 'out'), '--to', 'md,docx', '--quiet']);
    expect(built.code, built.stderr).toBe(0);
    const original = join(dir, 'out', 'see-migrants', 'en', 'opinion.docx');
    // A profile of its own, so that runs at the same time do not share LibreOffice's lock.
    const saved = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'docx', '--outdir', join(dir, 'lo'), original],
      { timeout: 180_000 },
    );
    expect(saved.status, String(saved.stderr)).toBe(0);
    const resaved = join(dir, 'lo', 'opinion.docx');
    const parts = unzipSync(readFileSync(resaved));
    const notes = strFromU8(parts['word/footnotes.xml']!);
    expect(notes).toContain('w:id="2"'); // LibreOffice's own numbering of the notes

    for (const old of [original, join(dir, 'out', 'see-migrants', 'en', 'opinion.md')]) {
      const same = runBin(['diff', old, resaved, '--format', 'json']);
      expect(same.code, same.stderr).toBe(0);
      expect(changes(same.stdout).filter((change) => change.old !== change.new)).toEqual([]);
    }

    expect(notes).toContain('COM(2016) 377 final');
    parts['word/footnotes.xml'] = strToU8(notes.replace('COM(2016) 377 final', 'COM(2016) 378 final'));
    const edited = join(dir, 'edited.docx');
    writeFileSync(edited, zipSync(parts));
    const diff = runBin(['diff', original, edited, '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(1); // differences found
    const found = changes(diff.stdout).filter((change) => change.element === 'footnote');
    expect(found).toHaveLength(1);
    expect(found[0]!.old).toContain('377 final');
    expect(found[0]!.new).toContain('378 final');
    // No change anywhere in the report has the same text on both sides.
    for (const change of changes(diff.stdout))
      if (change.old !== undefined && change.new !== undefined && change.element) expect(change.old, JSON.stringify(change)).not.toBe(change.new);
  }, 300_000);
});
