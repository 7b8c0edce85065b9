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
        const text = readFileSync(join(BUILTIN_LANGUAGES_DIR, `${lang}.yaml`), 'utf8');
        const [layer] = await builtinLabelFiles([lang]);
        const unverified = layer!.meta.get('unverified') ?? new Set();
        for (const key of unverified) expect(isPublishedLabel(key), `${key} is draft-only`).toBe(true);
        let group = '';
        const unsourced: string[] = [];
        for (const line of text.split('\n')) {
          const top = /^([a-z-]+):/.exec(line);
          if (top) group = top[1]!;
          const sub = /^ {2}([a-z0-9-]+): (.*)$/.exec(line);
          if (!sub) continue;
          const key = `${group}.${sub[1]}` as (typeof LABEL_KEYS)[number];
          if (!LABEL_KEYS.includes(key) || !isPublishedLabel(key)) continue;
          const value = layer!.text.get(key) ?? '';
          if (!/\p{L}/u.test(value.replace(/\{[a-z_]+\}/g, ''))) continue;
          const sourced = /#\s*(\(verified\)|\(seen|CELEX|OJ |EESC-)/.test(sub[2]!);
          if (!sourced && !unverified.has(key)) unsourced.push(key);
          if (sourced) expect(unverified.has(key), `${key} has a source and is listed as unverified`).toBe(false);
        }
        expect(unsourced).toEqual([]);
      });
    });
  }
});
