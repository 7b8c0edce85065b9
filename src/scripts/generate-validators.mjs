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
  const FULL_URI = 'require("ajv-formats/dist/formats").fullFormats.uri';
  const withFastUri = (code, from) => {
    if (!code.includes(FULL_URI)) return code;
    return `import { uri_format } from '${from}';` + code.split(FULL_URI).join('uri_format');
  };
  await rm(root + 'src/generated', { recursive: true, force: true });
  await mkdir(root + 'src/generated/validators', { recursive: true });
  // ajv-formats' `uri` is one very large regular expression, slow on its first
  // use in a process. Most URLs are plain http(s) ones, which a small
  // expression accepts; it accepts only what the full one does (each part is
  // a narrower copy of the full one's), anything else goes to the full one.
  await writeFile(
    root + 'src/generated/uri-format.js',
    `
const PLAIN_URI = /^https?:\\/\\/[a-z0-9\\-._~]+(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
export function uri_format(text) { return PLAIN_URI.test(text) || ${FULL_URI}(text); }
`,
  );
  await writeFile(
    root + 'src/generated/uri-format.d.ts',
    '/** The `uri` format of ajv-formats (full), with a fast path for plain http(s) URLs. */\nexport declare function uri_format(text: string): boolean;\n',
  );
  const HEAD = ["import type { ErrorObject } from 'ajv';", 'export interface GeneratedValidator { (data: unknown): boolean; errors?: ErrorObject[] | null }'];
  // All validators in one module, and each in a module of its own (what a bundle imports: only the code it needs).
  await writeFile(root + 'src/generated/validators.js', withFastUri(standaloneCode.default(ajv, exportsMap), './uri-format.js'));
  await writeFile(
    root + 'src/generated/validators.d.ts',
    [...HEAD, ...Object.keys(exportsMap).map((k) => `export declare const ${k}: GeneratedValidator;`), ''].join('\n'),
  );
  for (const [name, id] of Object.entries(exportsMap)) {
    await writeFile(root + `src/generated/validators/${name}.js`, withFastUri(standaloneCode.default(ajv, { [name]: id }), '../uri-format.js'));
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
