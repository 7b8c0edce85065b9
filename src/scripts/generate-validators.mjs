// Compiles every schemas/*.schema.json into one standalone ES module of
// validators (ajv "standalone code"), so that validation needs no compilation
// at start-up. Output, not committed: src/generated/validators.js (+ .d.ts)
// with every validator, and src/generated/validators/<name>.js with one each,
// so that a bundle holds only the validators it uses.
// Annotations (titles, descriptions, examples, defaults) are left out of the
// compiled code: validation never reads them, and the messages take them from
// the schema files themselves (src/core/schemas.ts).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';

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
  // Helpers of ajv's runtime replaced by faster ones with the same answers (src/generated/fast-runtime.js).
  const FAST = [
    ['require("ajv-formats/dist/formats").fullFormats.uri', 'uri_format'],
    ['require("ajv/dist/runtime/ucs2length").default', 'ucs2length'],
  ];
  const withFastRuntime = (code, from) => {
    const used = FAST.filter(([slow]) => code.includes(slow));
    if (used.length === 0) return code;
    for (const [slow, fast] of used) code = code.split(slow).join(fast);
    return `import { ${used.map(([, fast]) => fast).join(', ')} } from '${from}';` + code;
  };
  await rm(root + 'src/generated', { recursive: true, force: true });
  await mkdir(root + 'src/generated/validators', { recursive: true });
  // ajv-formats' `uri` is one very large regular expression, slow on its first
  // use in a process. Most URLs are plain http(s) ones, which a small
  // expression accepts; it accepts only what the full one does (each part is
  // a narrower copy of the full one's), anything else goes to the full one.
  // ajv's `ucs2length` (the length `minLength`/`maxLength` count, in code points)
  // walks every string a character at a time, in the interpreter for a one-shot
  // command: a tenth of validate's schema checks. The same count: the string's
  // length less its surrogate pairs, found by native regular expressions.
  await writeFile(
    root + 'src/generated/fast-runtime.js',
    `
const PLAIN_URI = /^https?:\\/\\/[a-z0-9\\-._~]+(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
export function uri_format(text) { return PLAIN_URI.test(text) || ${FAST[0][0]}(text); }
const HIGH_SURROGATE = /[\\uD800-\\uDBFF]/;
const SURROGATE_PAIRS = /[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/g;
export function ucs2length(text) { return HIGH_SURROGATE.test(text) ? text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0) : text.length; }
`,
  );
  await writeFile(
    root + 'src/generated/fast-runtime.d.ts',
    [
      '/** The `uri` format of ajv-formats (full), with a fast path for plain http(s) URLs. */',
      'export declare function uri_format(text: string): boolean;',
      "/** ajv's `ucs2length`: the length of a string in code points (a lone surrogate counts one). */",
      'export declare function ucs2length(text: string): number;',
      '',
    ].join('\n'),
  );
  const HEAD = ["import type { ErrorObject } from 'ajv';", 'export interface GeneratedValidator { (data: unknown): boolean; errors?: ErrorObject[] | null }'];
  // All validators in one module, and each in a module of its own (what a bundle imports: only the code it needs).
  await writeFile(root + 'src/generated/validators.js', withFastRuntime(standaloneCode.default(ajv, exportsMap), './fast-runtime.js'));
  await writeFile(
    root + 'src/generated/validators.d.ts',
    [...HEAD, ...Object.keys(exportsMap).map((k) => `export declare const ${k}: GeneratedValidator;`), ''].join('\n'),
  );
  for (const [name, id] of Object.entries(exportsMap)) {
    await writeFile(root + `src/generated/validators/${name}.js`, withFastRuntime(standaloneCode.default(ajv, { [name]: id }), '../fast-runtime.js'));
    await writeFile(root + `src/generated/validators/${name}.d.ts`, [...HEAD, `export declare const ${name}: GeneratedValidator;`, ''].join('\n'));
  }
}

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMAS = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'contains',
  'additionalItems',
]);

/** A schema without its annotation keywords, at every schema position (a property *named* `title` stays). */
export function withoutAnnotations(schema) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]));
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else if (SCHEMAS.has(key)) out[key] = Array.isArray(value) ? value.map(withoutAnnotations) : withoutAnnotations(value);
    else out[key] = value;
  }
  return out;
}
