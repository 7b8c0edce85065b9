/**
 * Each folder in fixtures/ is an opinion; `expected.txt` beside its sources
 * holds the exact messages `validateOpinion` must produce for it, one per
 * line: `file:line:column-line:column severity rule-id message`.
 * A missing expected file fails. Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run test/validate`
 * and review the diff.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { validateOpinion } from '../../src/validate/index.js';
import { describeMessages, golden } from '../helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('validate fixtures', () => {
  for (const name of readdirSync(fixtures)
    .filter((n) => !n.endsWith('.txt'))
    .sort()) {
    it(name, async () => {
      const dir = join(fixtures, name);
      const { files } = await validateOpinion(dir);
      const actual = describeMessages(files, dir);
      expect(actual).toBe(golden(join(fixtures, `${name}.expected.txt`), actual));
      // As `opinion validate` runs it (src/validate/many.ts): no Markdown trees loaded up front, the same messages.
      const cli = await validateOpinion(dir, { markdown: false, labels: true });
      expect(describeMessages(cli.files, dir)).toBe(actual);
    });
  }
});

/** Copies outside the repository lose their relative schema link. */
function withoutSchemaLine(text: string): string {
  return text.replace(/^# yaml-language-server: .*\n/, '');
}

it('reports a schema link that does not resolve', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-link-'));
  writeFileSync(
    join(dir, 'opinion.yaml'),
    readFileSync(join(fixtures, 'valid', 'opinion.yaml'), 'utf8').replace('opinion.schema.json', 'principles.schema.json'),
  );
  const { files } = await validateOpinion(dir);
  expect(describeMessages(files, dir)).toBe(
    'opinion.yaml:1:33-1:75 warning source/schema-link Unexpected schema `../../../../schemas/principles.schema.json` for `opinion.yaml`, expected a path ending in `opinion.schema.json`\n',
  );
  writeFileSync(join(dir, 'opinion.yaml'), readFileSync(join(fixtures, 'valid', 'opinion.yaml'), 'utf8'));
  const again = await validateOpinion(dir);
  expect(describeMessages(again.files, dir)).toBe(
    'opinion.yaml:1:33-1:72 warning source/schema-link Unexpected schema link `../../../../schemas/opinion.schema.json`: no such file, expected a path to `opinion.schema.json` relative to this file\n',
  );
});

describe('validate: inputs too large to keep as fixtures', () => {
  it('refuses a huge file with a clear message and still checks the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-huge-'));
    cpSync(join(fixtures, 'valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'opinion.yaml'), withoutSchemaLine(readFileSync(join(dir, 'opinion.yaml'), 'utf8')));
    writeFileSync(join(dir, 'evidence.yaml'), 'evidence:\n' + ('  # ' + 'x'.repeat(76) + '\n').repeat(30000));
    const { files } = await validateOpinion(dir);
    expect(describeMessages(files, dir)).toBe('evidence.yaml:1:1 error source/too-large Unexpected file size of 2.3 MB, expected at most 2.0 MB\n');
  });

  it('reports a chapter past the Markdown bounds once, at the long block, not also as an empty chapter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-long-block-'));
    cpSync(join(fixtures, 'valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'opinion.yaml'), withoutSchemaLine(readFileSync(join(dir, 'opinion.yaml'), 'utf8')));
    writeFileSync(join(dir, 'text', 'en', '02-long.md'), `# Long\n\n{#l-long} ${'word '.repeat(5000)}\n\n{#l-short} Short.\n`);
    const { files } = await validateOpinion(dir);
    expect(describeMessages(files, dir)).toBe(
      'text/en/02-long.md:3:1 error source/limit Unexpected block of more than 20,000 characters, expected shorter paragraphs\n',
    );
  });

  it('reports a missing folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-missing-')), 'nope');
    const { files, opinion } = await validateOpinion(dir);
    expect(opinion).toBeUndefined();
    expect(describeMessages(files, dir)).toMatch(/^\.:1:1 error source\/unreadable Cannot read folder `.*nope`: no such file or folder\n$/);
  });

  it('accepts an opinion with only opinion.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-min-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'opinion.yaml'), withoutSchemaLine(readFileSync(join(fixtures, 'valid', 'opinion.yaml'), 'utf8')));
    const { files } = await validateOpinion(dir);
    expect(describeMessages(files, dir)).toBe('');
  });
});
