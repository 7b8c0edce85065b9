/** schemas/diff.schema.json: a strict 2020-12 schema, documented everywhere, that the JSON output follows. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffToJson, formatJson } from '../../src/diff/index.js';
import { ROOT, diffFixture, diffSchemaValidator } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'diff.schema.json'), 'utf8'));

/** Every schema object that describes a property or a definition, with its JSON pointer. */
function documented(node: unknown, pointer: string, found: [string, Record<string, unknown>][]): [string, Record<string, unknown>][] {
  if (!node || typeof node !== 'object') return found;
  const object = node as Record<string, unknown>;
  for (const key of ['properties', '$defs'] as const) {
    const children = object[key];
    if (children && typeof children === 'object') {
      for (const [name, child] of Object.entries(children)) {
        found.push([`${pointer}/${key}/${name}`, child as Record<string, unknown>]);
        documented(child, `${pointer}/${key}/${name}`, found);
      }
    }
  }
  for (const key of ['items', 'anyOf', 'oneOf']) {
    const child = object[key];
    if (Array.isArray(child)) child.forEach((c, i) => documented(c, `${pointer}/${key}/${i}`, found));
    else if (child) documented(child, `${pointer}/${key}`, found);
  }
  return found;
}

describe('diff JSON Schema', () => {
  it('is identified and compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:opinion:schema:diff');
    expect(typeof diffSchemaValidator()).toBe('function');
  });

  it('has a title and a description on every property and definition', () => {
    const missing = documented(schema, '#', [])
      .filter(([, node]) => typeof node.title !== 'string' || typeof node.description !== 'string' || node.description === '')
      .map(([pointer]) => pointer);
    expect(missing).toEqual([]);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it('describes the output of every kind of change, and rejects what it does not describe', () => {
    const validate = diffSchemaValidator();
    for (const name of ['redline', 'split', 'merged', 'footnotes', 'header', 'chapter-reordered']) {
      expect(validate(diffToJson(diffFixture(name))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const json = JSON.parse(formatJson(diffFixture('modified')));
    json.changes[0].kind = 'rewritten';
    expect(validate(json)).toBe(false);
    delete json.changes[0].kind;
    json.changes[0].surprise = true;
    expect(validate(json)).toBe(false);
  });

  it('writes split and merge numbers as arrays, others as strings without trailing dot', () => {
    const split = JSON.parse(formatJson(diffFixture('split'))).changes[0];
    expect(split).toMatchObject({ kind: 'split', from: '1.3', to: ['1.3', '1.4'] });
    const merged = JSON.parse(formatJson(diffFixture('merged'))).changes[0];
    expect(merged).toMatchObject({ kind: 'merged', from: ['2.2', '2.3'], to: '2.2' });
    const added = JSON.parse(formatJson(diffFixture('added'))).changes[0];
    expect(added).toMatchObject({ kind: 'added', to: '2.4', after: '2.3' });
    expect(added.from).toBeUndefined();
  });
});
