/**
 * dist/labels/<lang>.json (written by `npm run build`, src/scripts/bundle.mjs):
 * the data of each label file that ships, and its labels as checking and
 * flattening them gives, read at run time instead of parsing and checking
 * the YAML when the file's text is exactly the one recorded. Held here to the
 * YAML reader: same text as the file, same data, same labels in the same
 * order, and a label file read from it is the label file read from the
 * YAML, places included.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { flatLabels, parseLabelFile, type FlatLabels } from '../../src/labels/load.js';
import { parseYamlSource } from '../../src/core/yaml-source.js';
import { BUILTIN_LANGUAGES_DIR } from '../../src/core/package-files.js';
import { ROOT } from '../helpers.js';

const DIST_LABELS = join(ROOT, 'dist', 'labels');
const compiled = readdirSync(DIST_LABELS)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('dist/labels', () => {
  it('holds the data of every label file that ships', () => {
    const shipped = readdirSync(BUILTIN_LANGUAGES_DIR).filter((name) => /^[a-z]{2,3}\.yaml$/.test(name));
    expect(compiled.map((name) => name.replace(/\.json$/, '.yaml'))).toEqual(shipped.sort());
  });

  for (const name of compiled) {
    const lang = name.replace(/\.json$/, '');
    it(`${lang}: the text of templates/languages/${lang}.yaml and the data the YAML reader gives`, () => {
      const { text, data } = JSON.parse(readFileSync(join(DIST_LABELS, name), 'utf8')) as { text: string; data: unknown };
      const path = join(BUILTIN_LANGUAGES_DIR, `${lang}.yaml`);
      expect(text).toBe(readFileSync(path, 'utf8'));
      expect(data).toStrictEqual(parseYamlSource(new VFile({ path, value: text })).data);
    });

    it(`${lang}: the labels, lists, lists of keys and places that checking templates/languages/${lang}.yaml gives, without a message`, () => {
      const { text, data, flat } = JSON.parse(readFileSync(join(DIST_LABELS, name), 'utf8')) as { text: string; data: unknown; flat: FlatLabels };
      const path = join(BUILTIN_LANGUAGES_DIR, `${lang}.yaml`);
      const checked = parseLabelFile(new VFile({ path, value: text }));
      expect(checked.file.messages).toEqual([]);
      expect(flat).toStrictEqual(flatLabels(checked));
      const read = parseLabelFile(new VFile({ path, value: text }), data, flat);
      // Same entries in the same order (Maps compare in order here).
      expect([...read.text]).toStrictEqual([...checked.text]);
      expect([...read.lists]).toStrictEqual([...checked.lists]);
      expect([...read.meta].map(([key, keys]) => [key, [...keys]])).toStrictEqual([...checked.meta].map(([key, keys]) => [key, [...keys]]));
      expect(read.places.entries()).toStrictEqual(checked.places.entries());
      expect([read.lang, read.locale]).toEqual([checked.lang, checked.locale]);
    });
  }

  it('gives the label file the YAML gives: labels, lists, messages and places', () => {
    const path = join(BUILTIN_LANGUAGES_DIR, 'fr.yaml');
    const { text, data } = JSON.parse(readFileSync(join(DIST_LABELS, 'fr.json'), 'utf8')) as { text: string; data: unknown };
    // A broken label added to both: the messages (and so the places) come from checking the data.
    const broken = { ...(data as Record<string, unknown>), 'no-such-label': 'x' };
    const source = `${text}no-such-label: x\n`;
    const fromYaml = parseLabelFile(new VFile({ path, value: source }));
    const fromData = parseLabelFile(new VFile({ path, value: source }), broken);
    expect(fromData.text).toEqual(fromYaml.text);
    expect(fromData.lists).toEqual(fromYaml.lists);
    expect(fromData.meta).toEqual(fromYaml.meta);
    expect([fromData.lang, fromData.locale]).toEqual([fromYaml.lang, fromYaml.locale]);
    const described = (file: VFile) =>
      file.messages.map(
        (m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''} ${m.ruleId} ${m.reason}`,
      );
    expect(described(fromData.file)).toEqual(described(fromYaml.file));
    expect(described(fromData.file)).toHaveLength(1);
    expect(fromData.places.get('header.rapporteur')).toEqual(fromYaml.places.get('header.rapporteur'));
    expect(fromData.places.get('header.rapporteur')).toBeDefined();
  });
});
