import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, runBin } from '../helpers.js';
import { validateOpinion } from '../../src/validate/index.js';

describe('opinion init', () => {
  it('scaffolds an opinion that validates, with schema links that survive a move', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'new-opinion');
    const run = runBin(['init', dir, '--reference', 'SOC/812', '--title', "Title: with 'quotes' # and a hash", '--rapporteur', 'Jane DOE', '--language', 'fr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('text/fr/01-conclusions-and-recommendations.md');
    const { files } = await validateOpinion(dir);
    expect(files.flatMap((f) => f.messages.map((m) => m.reason))).toEqual([]);
    const meta = readFileSync(join(dir, 'opinion.yaml'), 'utf8');
    expect(meta).toContain(`title: "Title: with 'quotes' # and a hash"`);
    expect(meta).toContain('reference: SOC/812');
    // The schema line is the schema's own https $id, never a path into the install folder.
    for (const kind of ['opinion', 'glossary']) {
      const link = /\$schema=(\S+)/.exec(readFileSync(join(dir, `${kind}.yaml`), 'utf8'))![1]!;
      expect(link).toBe(`https://cdn.jsdelivr.net/npm/eesc-opinion@0/schemas/${kind}.schema.json`);
      expect(JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')).$id).toBe(link);
    }
  });

  it('a moved opinion keeps working links: no schema warning after a move', async () => {
    const base = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    expect(runBin(['init', join(base, 'a', 'draft')]).code).toBe(0);
    renameSync(join(base, 'a', 'draft'), join(base, 'moved'));
    const { files } = await validateOpinion(join(base, 'moved'));
    expect(files.flatMap((f) => f.messages.map((m) => m.ruleId))).toEqual([]);
  });

  it('never overwrites: a non-empty folder is refused with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-init-'));
    writeFileSync(join(dir, 'opinion.yaml'), 'mine\n');
    const run = runBin(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`opinion: \`${dir}\` already exists and is not empty; init never overwrites anything: choose a new folder\n`);
    expect(readFileSync(join(dir, 'opinion.yaml'), 'utf8')).toBe('mine\n');
  });

  it('accepts an existing empty folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'empty');
    mkdirSync(dir);
    expect(runBin(['init', dir]).code).toBe(0);
  });

  it('rejects a malformed reference before writing anything', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-init-')), 'x');
    const run = runBin(['init', dir, '--reference', 'int-835']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('opinion: unexpected reference `int-835`, expected a section code and a number, e.g. INT/835\n');
  });
});
