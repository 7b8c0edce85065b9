/**
 * The label files that ship, one per official language: complete, sound,
 * nothing left in English by mistake, every label the Official Journal prints
 * either sourced (a CELEX number or OJ reference in its comment) or listed as
 * unverified.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { builtinLabelFiles, checkAgainstEnglish, resolveLabels } from '../../src/labels/load.js';
import { isPublishedLabel, LABEL_KEYS } from '../../src/labels/labels.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';
import { BUILTIN_LANGUAGES_DIR } from '../../src/core/package-files.js';

const messages = (file: VFile) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);

describe('templates/languages', () => {
  it('ships a label file for each of the 24 official languages', async () => {
    const files = await builtinLabelFiles(OFFICIAL_LANGUAGES);
    expect(files.map((f) => f.lang).sort()).toEqual([...OFFICIAL_LANGUAGES].sort());
  });

  for (const lang of OFFICIAL_LANGUAGES) {
    describe(lang, () => {
      it('is complete and sound, and leaves nothing in English by mistake', async () => {
        const layers = await builtinLabelFiles(['en', lang]);
        const fallback = new VFile();
        const english = resolveLabels('en', layers, { file: fallback });
        const labels = resolveLabels(lang, layers, { file: fallback });
        expect(labels, messages(layers.find((l) => l.lang === lang)!.file).join('\n')).toBeDefined();
        const own = layers.filter((l) => l.lang === lang);
        checkAgainstEnglish(lang, own, english);
        expect(own.flatMap((l) => messages(l.file))).toEqual([]);
      });

      it('gives a source for every printed label, or lists it as unverified', async () => {
        const { unverified, rows } = await printedLabels(lang);
        for (const key of unverified) expect(isPublishedLabel(key), `${key} is draft-only`).toBe(true);
        const unsourced = rows.filter((row) => !row.sourced && !unverified.has(row.key)).map((row) => row.key);
        for (const row of rows) {
          if (row.sourced) expect(unverified.has(row.key), `${row.key} has a source and is listed as unverified`).toBe(false);
        }
        expect(unsourced).toEqual([]);
      });

      it('leaves the amendment sheet unmarked and keeps the appendix marked (sourced or unverified)', async () => {
        const { unverified, rows } = await printedLabels(lang);
        // The sheet and list are the tool's wording for a working document the Official Journal never prints.
        expect([...unverified].filter((key) => key.startsWith('sheet.'))).toEqual([]);
        const text = readFileSync(join(BUILTIN_LANGUAGES_DIR, `${lang}.yaml`), 'utf8');
        const sheetBlock = text.slice(text.indexOf('\nsheet:\n'));
        expect(sheetBlock).not.toMatch(/#\s*unverified/);
        // Every label of the published appendix stays counted: sourced, or listed as unverified.
        const appendix = LABEL_KEYS.filter((key) => /^appendix\.|^amendments\.(rejected-intro|section-text-intro|insert-before)$/.test(key));
        const counted = new Set(rows.map((row) => row.key));
        for (const key of appendix) {
          expect(isPublishedLabel(key), key).toBe(true);
          const row = rows.find((r) => r.key === key);
          if (row) expect(row.sourced || unverified.has(key), `${lang}: ${key} has neither a source nor an unverified mark`).toBe(true);
        }
        expect(appendix.filter((key) => counted.has(key)).length).toBeGreaterThanOrEqual(11);
      });
    });
  }
});

/** The printed labels of a shipped label file (the groups the Official Journal prints), each with whether its comment gives a source. */
async function printedLabels(lang: string) {
  const text = readFileSync(join(BUILTIN_LANGUAGES_DIR, `${lang}.yaml`), 'utf8');
  const [layer] = await builtinLabelFiles([lang]);
  const unverified = layer!.meta.get('unverified') ?? new Set();
  let group = '';
  const rows: { key: (typeof LABEL_KEYS)[number]; sourced: boolean }[] = [];
  for (const line of text.split('\n')) {
    const top = /^([a-z-]+):/.exec(line);
    if (top) group = top[1]!;
    const sub = /^ {2}([a-z0-9-]+): (.*)$/.exec(line);
    if (!sub) continue;
    const key = `${group}.${sub[1]}` as (typeof LABEL_KEYS)[number];
    if (!LABEL_KEYS.includes(key) || !isPublishedLabel(key)) continue;
    const value = layer!.text.get(key) ?? '';
    if (!/\p{L}/u.test(value.replace(/\{[a-z_]+\}/g, ''))) continue;
    rows.push({ key, sourced: /#\s*(\(verified\)|\(seen|CELEX|OJ |EESC-)/.test(sub[2]!) });
  }
  return { unverified, rows };
}

/** The groups counted in the coverage table of docs/languages.md. */
const COVERAGE_GROUPS = /^(title|kind|header|values|closing|appendix|sections|amendments)\./;

describe('docs/languages.md', () => {
  it('gives, per language, the counts of verified and unverified labels the files hold', async () => {
    const doc = readFileSync(join(BUILTIN_LANGUAGES_DIR, '..', '..', 'docs', 'languages.md'), 'utf8');
    const table = new Map<string, string>();
    for (const match of doc.matchAll(/^\| `([a-z]{2})` \| [^|]+ \| (\d+) \| (\d+) \|/gm)) table.set(match[1]!, `${match[2]}/${match[3]}`);
    const actual = new Map<string, string>();
    for (const lang of OFFICIAL_LANGUAGES) {
      const { unverified, rows } = await printedLabels(lang);
      const counted = rows.filter((row) => COVERAGE_GROUPS.test(row.key));
      const verified = counted.filter((row) => row.sourced).length;
      const listed = counted.filter((row) => !row.sourced && unverified.has(row.key)).length;
      actual.set(lang, `${verified}/${listed}`);
    }
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(actual));
  });
});
