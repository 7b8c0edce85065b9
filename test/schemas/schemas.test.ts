/**
 * The JSON Schemas of the YAML source files (`schemas/<kind>.schema.json`):
 * they compile in Ajv strict mode (as `src/scripts/generate-validators.mjs`
 * does), document every property for editor hovers, accept their own
 * examples, share identical `$defs`, and reject typical mistakes.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const KINDS = ['opinion', 'principles', 'recommendations', 'evidence', 'hearings', 'glossary'] as const;
const SHARED_DEFS = ['id', 'text', 'date', 'lang', 'vote', 'source', 'idList'];
const EU_LANGS = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');

const schemaDir = new URL('../../schemas/', import.meta.url);
const schemas: Record<string, Schema> = Object.fromEntries(
  KINDS.map((kind) => [kind, JSON.parse(readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8')) as Schema]),
);

function makeAjv() {
  // Same options as src/scripts/generate-validators.mjs (ajv is CommonJS: the class is `.default`).
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addKeyword('markdownDescription');
  return ajv;
}

const ajv = makeAjv();
for (const kind of KINDS) ajv.addSchema(schemas[kind]!);

function validator(kind: string, pointer = '') {
  const validate = ajv.getSchema(`https://cdn.jsdelivr.net/npm/eesc-opinion@0/schemas/${kind}.schema.json${pointer ? '#' + pointer : ''}`);
  if (!validate) throw new Error(`no schema for ${kind}${pointer}`);
  return validate;
}

function errorsOf(kind: string, data: unknown): ErrorObject[] {
  const validate = validator(kind);
  expect(validate(data)).toBe(false);
  return validate.errors ?? [];
}

const isObject = (value: Json | undefined): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every subschema that describes a value (properties, items, additionalProperties, $defs), with its JSON pointer. */
function describedNodes(schema: Schema, pointer = ''): { pointer: string; node: Schema }[] {
  const found: { pointer: string; node: Schema }[] = [];
  for (const keyword of ['properties', '$defs'] as const) {
    const map = schema[keyword];
    if (isObject(map)) {
      for (const [key, sub] of Object.entries(map)) {
        if (!isObject(sub)) continue;
        const at = `${pointer}/${keyword}/${escape(key)}`;
        found.push({ pointer: at, node: sub }, ...describedNodes(sub, at));
      }
    }
  }
  for (const keyword of ['items', 'additionalProperties'] as const) {
    const sub = schema[keyword];
    if (isObject(sub)) {
      const at = `${pointer}/${keyword}`;
      found.push({ pointer: at, node: sub }, ...describedNodes(sub, at));
    }
  }
  return found;
}

describe('schemas', () => {
  it('has a schema file for every YAML kind', () => {
    const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'));
    for (const kind of KINDS) expect(files).toContain(`${kind}.schema.json`);
  });

  describe.each(KINDS)('%s.schema.json', (kind) => {
    const schema = schemas[kind]!;

    it('compiles on its own in Ajv 2020 strict mode', () => {
      expect(() => makeAjv().compile(schema)).not.toThrow();
    });

    it('declares draft 2020-12, its $id, a title and a description', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`https://cdn.jsdelivr.net/npm/eesc-opinion@0/schemas/${kind}.schema.json`);
      expect(schema.title).toEqual(expect.any(String));
      expect(schema.description).toEqual(expect.any(String));
    });

    it('is self-contained: every $ref points into its own $defs', () => {
      const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) ?? [];
      for (const ref of refs) expect(ref).toMatch(/^"\$ref":"#\/\$defs\/[A-Za-z]+"$/);
    });

    it('gives every property, item and definition a title and a description', () => {
      const nodes = describedNodes(schema);
      expect(nodes.length).toBeGreaterThan(5);
      const missing = nodes
        .filter(({ node }) => typeof node.description !== 'string' || !node.description || typeof node.title !== 'string' || !node.title)
        .map(({ pointer }) => pointer);
      expect(missing).toEqual([]);
    });

    it('keeps markdownDescription in step with description', () => {
      for (const { pointer, node } of [{ pointer: '', node: schema }, ...describedNodes(schema)]) {
        if (node.markdownDescription !== undefined) expect(node.markdownDescription, pointer).toBe(node.description);
      }
    });

    it('closes every object to unknown keys', () => {
      for (const { pointer, node } of [{ pointer: '', node: schema }, ...describedNodes(schema)]) {
        if (node.type === 'object') expect(node.additionalProperties, pointer).toBe(false);
      }
    });

    it('uses neither oneOf nor if/then (their error messages confuse)', () => {
      const text = JSON.stringify(schema);
      for (const keyword of ['oneOf', 'anyOf', 'if', 'then', 'else']) expect(text).not.toContain(`"${keyword}":`);
    });

    it('accepts its own full examples', () => {
      const examples = schema.examples;
      expect(Array.isArray(examples) && examples.length).toBeTruthy();
      const validate = validator(kind);
      for (const example of examples as Json[]) {
        expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
      }
    });

    it('accepts the examples given on its properties', () => {
      for (const { pointer, node } of describedNodes(schema)) {
        if (!Array.isArray(node.examples)) continue;
        const validate = validator(kind, pointer);
        for (const example of node.examples) {
          expect(validate(example), `${pointer}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }
    });

    it('accepts an empty list of items', () => {
      if (kind === 'opinion') return;
      expect(validator(kind)({ [kind]: [] })).toBe(true);
    });
  });

  it('shares byte-identical $defs across files', () => {
    for (const name of SHARED_DEFS) {
      const first = JSON.stringify(schemas.opinion!.$defs && (schemas.opinion!.$defs as Schema)[name]);
      expect(first, name).toBeDefined();
      for (const kind of KINDS) {
        const defs = schemas[kind]!.$defs as Schema;
        if (defs[name] !== undefined) expect(JSON.stringify(defs[name]), `${kind} $defs/${name}`).toBe(first);
      }
    }
    // Any other definition with the same name in two files must be identical too.
    const seen = new Map<string, string>();
    for (const kind of KINDS) {
      for (const [name, def] of Object.entries(schemas[kind]!.$defs as Schema)) {
        const text = JSON.stringify(def);
        if (seen.has(name)) expect(text, `${kind} $defs/${name}`).toBe(seen.get(name));
        else seen.set(name, text);
      }
    }
  });

  it('lists the 24 official EU languages', () => {
    expect(((schemas.opinion!.$defs as Schema).lang as Schema).enum).toEqual(EU_LANGS);
  });
});

describe('invalid documents', () => {
  const minimal = { reference: 'INT/871', title: 'Cooperatives and migrants', kind: 'own-initiative', language: 'en', stage: 'preliminary-draft' };

  it('accepts a minimal opinion.yaml', () => {
    expect(validator('opinion')(minimal)).toBe(true);
  });

  it('reports missing required keys', () => {
    const errors = errorsOf('opinion', { title: 'x' });
    const missing = errors.filter((e) => e.keyword === 'required').map((e) => (e.params as { missingProperty: string }).missingProperty);
    expect(missing.sort()).toEqual(['kind', 'language', 'reference', 'stage']);
  });

  it('reports an unknown key, at any depth', () => {
    const errors = errorsOf('opinion', { ...minimal, rapporteur: 'Giuseppe GUERINI', vote: { for: 1, against: 0, abstentions: 0, blank: 3 } });
    expect(errors.map((e) => [e.keyword, e.instancePath, (e.params as { additionalProperty?: string }).additionalProperty])).toEqual([
      ['additionalProperties', '', 'rapporteur'],
      ['additionalProperties', '/vote', 'blank'],
    ]);
  });

  it('reports a bad enum value with the allowed values', () => {
    const errors = errorsOf('opinion', { ...minimal, kind: 'own initiative' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ keyword: 'enum', instancePath: '/kind' });
    expect((errors[0]!.params as { allowedValues: string[] }).allowedValues).toContain('own-initiative');
  });

  it('reports bad dates, including impossible calendar dates', () => {
    const errors = errorsOf('opinion', { ...minimal, adopted_at_plenary: '23.5.2018', decision: { by: 'plenary', date: '2018-02-30' } });
    expect(errors.map((e) => [e.keyword, e.instancePath])).toEqual([
      ['format', '/decision/date'],
      ['format', '/adopted_at_plenary'],
    ]);
  });

  it('reports a bad reference, document number, version and vote count', () => {
    const errors = errorsOf('opinion', {
      ...minimal,
      reference: 'INT 871',
      document: 'EESC-2018-1234',
      version: 0,
      vote: { for: -1, against: 0, abstentions: 1.5 },
    });
    expect(errors.map((e) => [e.keyword, e.instancePath]).sort()).toEqual(
      [
        ['pattern', '/reference'],
        ['pattern', '/document'],
        ['minimum', '/version'],
        ['minimum', '/vote/for'],
        ['type', '/vote/abstentions'],
      ].sort(),
    );
  });

  it('reports a translation under an unknown language code, or empty', () => {
    const errors = errorsOf('opinion', { ...minimal, title: { en: 'Cooperatives', english: 'Cooperatives', fr: '' } });
    expect(errors.some((e) => e.keyword === 'enum' && e.instancePath === '/title' && (e as { propertyName?: string }).propertyName === 'english')).toBe(true);
    expect(errors.some((e) => e.keyword === 'minLength' && e.instancePath === '/title/fr')).toBe(true);
  });

  it('reports a bad id and an unknown addressee', () => {
    const errors = errorsOf('recommendations', {
      recommendations: [{ id: 'Rec_Funding', text: 'The EESC calls on …', addressees: ['commission'], evidence: ['camelot', 'camelot'] }],
    });
    expect(errors.map((e) => [e.keyword, e.instancePath]).sort()).toEqual(
      [
        ['pattern', '/recommendations/0/id'],
        ['enum', '/recommendations/0/addressees/0'],
        ['uniqueItems', '/recommendations/0/evidence'],
      ].sort(),
    );
  });

  it('reports missing required keys of list items', () => {
    expect(errorsOf('evidence', { evidence: [{ id: 'camelot', kind: 'case-study', title: 'Camelot' }] })).toMatchObject([
      { keyword: 'required', instancePath: '/evidence/0', params: { missingProperty: 'source' } },
    ]);
    expect(errorsOf('hearings', { hearings: [{ id: 'h-rome', date: '2018-03-09' }] })).toMatchObject([
      { keyword: 'required', instancePath: '/hearings/0', params: { missingProperty: 'speakers' } },
    ]);
    expect(
      errorsOf('glossary', { glossary: [{ id: 'g-see', term: 'SEE', kind: 'abbreviation' }] })
        .map((e) => e.keyword)
        .sort(),
    ).toEqual(['enum', 'required']);
    expect(errorsOf('principles', { principles: [{ id: 'p-a', text: 'x' }] })).toMatchObject([{ keyword: 'required', params: { missingProperty: 'title' } }]);
  });

  it('requires the top-level list key of each list file', () => {
    expect(errorsOf('principles', [])).toMatchObject([{ keyword: 'type' }]);
    expect(errorsOf('glossary', {})).toMatchObject([{ keyword: 'required', params: { missingProperty: 'glossary' } }]);
  });
});
