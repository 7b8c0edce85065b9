/**
 * The rules document themselves: the JSON Schema of the configuration
 * files, the rules page and the README table are made from the rules'
 * metadata and must match the files in the repository. After changing a
 * rule: `npx vitest run test/check/docs.test.ts -u`, then `npm run build`
 * (the schema's validator is compiled at build time).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { RULES, configSchema } from '../../src/check/index.js';
import { rulesPage, rulesTable } from '../../src/check/docs.js';

const root = new URL('../../', import.meta.url);

describe('rule documentation', () => {
  it('schemas/check-config.schema.json is made from the rules', async () => {
    await expect(JSON.stringify(configSchema(RULES), null, 2) + '\n').toMatchFileSnapshot('../../schemas/check-config.schema.json');
  });

  it('docs/check-rules.md is made from the rules', async () => {
    await expect(rulesPage(RULES)).toMatchFileSnapshot('../../docs/check-rules.md');
  });

  it('the table of rules in docs/commands/check.md matches the rules', () => {
    for (const [file, link] of [['docs/commands/check.md', '../check-rules.md']] as const) {
      const path = new URL(file, root);
      if (!existsSync(path)) continue;
      const match = /<!-- check-rules:start -->\n([\s\S]*?)<!-- check-rules:end -->/.exec(readFileSync(path, 'utf8'));
      if (match) expect(match[1], file).toBe(rulesTable(RULES, link));
    }
  });

  it('the schema compiles in strict mode and documents every property', () => {
    const schema = configSchema(RULES);
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    ajv.addKeyword('markdownDescription');
    const validate = ajv.compile(schema);
    expect(validate(schema.examples && (schema.examples as unknown[])[0])).toBe(true);
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [name, child] of Object.entries(properties ?? {})) {
        const c = child as { title?: string; description?: string };
        if (!c.title || !c.description) missing.push(`${path}/${name}`);
      }
      for (const value of Object.values(node)) walk(value, path);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('every rule is documented and has valid and invalid examples', () => {
    const ids = new Set<string>();
    for (const rule of RULES) {
      const { id, description, rationale, examples } = rule.meta;
      expect(id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(description).toMatch(/^[A-Z].*[^.]$/);
      expect(rationale.length).toBeGreaterThan(80);
      expect(examples.some((e) => e.findings.length > 0)).toBe(true);
      expect(examples.some((e) => e.findings.length === 0)).toBe(true);
    }
  });
});
