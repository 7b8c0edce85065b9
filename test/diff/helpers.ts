/** Shared helpers of the `opinion diff` tests: fixture pairs, compact change lists, the JSON Schema validator. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { diffDrafts, diffToJson, type DiffOptions, type DiffResult, type WordOp } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';

import { ROOT } from '../helpers.js';

export { ROOT };
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const GOLDEN = join(import.meta.dirname, 'golden');

export function fixtureCases(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'old.md')) && existsSync(join(FIXTURES, entry.name, 'new.md')))
    .map((entry) => entry.name)
    .sort();
}

export function diffFixture(name: string, options: DiffOptions = {}): DiffResult {
  const old = parseMarkdownDraft(readFileSync(join(FIXTURES, name, 'old.md'), 'utf8'), 'old.md');
  const neu = parseMarkdownDraft(readFileSync(join(FIXTURES, name, 'new.md'), 'utf8'), 'new.md');
  return diffDrafts(old.draft, neu.draft, options);
}

/** Word operations as one line: `[-deleted-]{+inserted+}`. */
export function redline(ops: readonly WordOp[]): string {
  return ops.map((op) => (op.op === 'delete' ? `[-${op.text}-]` : op.op === 'insert' ? `{+${op.text}+}` : op.text)).join('');
}

/** The JSON output reduced to what a fixture's expected.json states. */
export function compact(result: DiffResult): unknown {
  const json = diffToJson(result) as {
    identical: boolean;
    header: unknown[];
    changes: Record<string, unknown>[];
    summary: { counts: Record<string, number>; footnotes: Record<string, number>; words: unknown };
  };
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  return {
    identical: json.identical,
    header: json.header,
    changes: json.changes.map((change) => {
      const { kind, element, from, to, id, edited, typographic, after, calls } = change;
      const line = redline(change.ops as WordOp[]);
      return Object.fromEntries(
        Object.entries({ kind, element, from, to, id, edited, typographic, after, redline: line || undefined, calls }).filter(([, v]) => v !== undefined),
      );
    }),
    summary: { counts: nonZero(json.summary.counts), footnotes: nonZero(json.summary.footnotes), words: json.summary.words },
  };
}

let validator: ReturnType<InstanceType<typeof Ajv2020.default>['compile']> | undefined;

/** The diff JSON Schema compiled as the build compiles schemas (strict, 2020-12). */
export function diffSchemaValidator() {
  if (!validator) {
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    ajv.addKeyword('markdownDescription');
    validator = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'diff.schema.json'), 'utf8')));
  }
  return validator;
}
