/**
 * The JSON Schemas of label files and of the JSON output hold what the build
 * reads and writes: every shipped label file and every golden opinion.json
 * is valid, and the schema lists exactly the labels the build knows.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { LABEL_KEYS, LIST_LABELS, META_LISTS } from '../../src/labels/labels.js';
import { OFFICIAL_LANGUAGES } from '../../src/core/languages.js';

const ROOT = join(import.meta.dirname, '..', '..');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });

describe('schemas/labels.schema.json', () => {
  const validate = ajv.compile(schema('labels'));
  for (const lang of OFFICIAL_LANGUAGES) {
    it(`accepts templates/languages/${lang}.yaml`, () => {
      const data = parse(readFileSync(join(ROOT, 'templates', 'languages', `${lang}.yaml`), 'utf8'));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  it('lists exactly the labels of the build', () => {
    const properties = schema('labels').properties as Record<string, { properties?: Record<string, unknown> }>;
    const keys = Object.entries(properties).flatMap(([group, value]) =>
      value.properties ? Object.keys(value.properties).map((k) => `${group}.${k}`) : [group],
    );
    expect(keys.filter((k) => k !== 'lang' && k !== 'locale' && !(META_LISTS as readonly string[]).includes(k)).sort()).toEqual(
      [...LABEL_KEYS, ...LIST_LABELS].sort(),
    );
    expect(keys.filter((k) => (META_LISTS as readonly string[]).includes(k)).sort()).toEqual([...META_LISTS].sort());
  });
  it('rejects an unknown placeholder', () => {
    expect(validate({ lang: 'en', refs: { point: 'point {numbre}' } })).toBe(false);
  });
});

describe('schemas/document.schema.json', () => {
  const validate = ajv.compile(schema('document'));
  const golden = join(import.meta.dirname, 'golden');
  for (const name of readdirSync(golden)) {
    for (const lang of readdirSync(join(golden, name), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)) {
      it(`accepts golden/${name}/${lang}/opinion.json`, () => {
        const data = JSON.parse(readFileSync(join(golden, name, lang, 'opinion.json'), 'utf8'));
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      });
    }
  }
});
