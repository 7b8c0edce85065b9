// Compiles every schemas/*.schema.json into one standalone ES module of
// validators (ajv "standalone code"), so that validation needs no compilation
// at start-up. Output: src/generated/validators.js (+ .d.ts), not committed.
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
    const schema = JSON.parse(await readFile(root + 'schemas/' + name, 'utf8'));
    ajv.addSchema(schema);
    exportsMap[name.replace('.schema.json', '').replace(/[^a-zA-Z0-9]/g, '_')] = schema.$id;
  }
  const code = standaloneCode.default(ajv, exportsMap);
  await mkdir(root + 'src/generated', { recursive: true });
  await writeFile(root + 'src/generated/validators.js', code);
  const dts = [
    "import type { ErrorObject } from 'ajv';",
    'export interface GeneratedValidator { (data: unknown): boolean; errors?: ErrorObject[] | null }',
    ...Object.keys(exportsMap).map((k) => `export declare const ${k}: GeneratedValidator;`),
    '',
  ].join('\n');
  await writeFile(root + 'src/generated/validators.d.ts', dts);
}
