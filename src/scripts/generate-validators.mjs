// Compiles every schemas/*.schema.json into one standalone ES module of
// validators (ajv "standalone code"), so that validation needs no compilation
// at start-up. Output: src/generated/validators.js (+ .d.ts), not committed.
// Each validator is a top-level export, so a bundle keeps only those it uses.
// Annotations (titles, descriptions, examples, defaults) are left out of the
// compiled code: validation never reads them, and the messages take them from
// the schema files themselves (src/validate/schemas.ts).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';

export async function generateValidators(root) {
  const names = (await readdir(root + 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, code: { source: true, esm: true }, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addKeyword('markdownDescription');
  const exportsMap = {};
  for (const name of names) {
    const schema = withoutAnnotations(JSON.parse(await readFile(root + 'schemas/' + name, 'utf8')));
    ajv.addSchema(schema);
    exportsMap[name.replace('.schema.json', '').replace(/[^a-zA-Z0-9]/g, '_')] = schema.$id;
  }
  const FULL_URI = 'require("ajv-formats/dist/formats").fullFormats.uri';
  let code = standaloneCode.default(ajv, exportsMap);
  if (!code.includes(FULL_URI)) throw new Error('generate-validators: the uri format is no longer referenced as expected');
  // ajv-formats' \`uri\` is one very large regular expression, slow on its first
  // use in a process. Most URLs are plain http(s) ones, which a small
  // expression accepts; it accepts only what the full one does (each part is
  // a narrower copy of the full one's), anything else goes to the full one.
  code = code.split(FULL_URI).join('uri_format') + `
const PLAIN_URI = /^https?:\\/\\/[a-z0-9\\-._~]+(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
export function uri_format(text) { return PLAIN_URI.test(text) || ${FULL_URI}(text); }
`;
  await mkdir(root + 'src/generated', { recursive: true });
  await writeFile(root + 'src/generated/validators.js', code);
  const dts = [
    "import type { ErrorObject } from 'ajv';",
    'export interface GeneratedValidator { (data: unknown): boolean; errors?: ErrorObject[] | null }',
    ...Object.keys(exportsMap).map((k) => `export declare const ${k}: GeneratedValidator;`),
    '/** The `uri` format of ajv-formats (full), with a fast path for plain http(s) URLs. */',
    'export declare function uri_format(text: string): boolean;',
    '',
  ].join('\n');
  await writeFile(root + 'src/generated/validators.d.ts', dts);
}

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMAS = new Set(['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'not', 'if', 'then', 'else', 'propertyNames', 'contains', 'additionalItems']);

/** A schema without its annotation keywords, at every schema position (a property *named* `title` stays). */
export function withoutAnnotations(schema) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]));
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else if (SCHEMAS.has(key)) out[key] = Array.isArray(value) ? value.map(withoutAnnotations) : withoutAnnotations(value);
    else out[key] = value;
  }
  return out;
}
