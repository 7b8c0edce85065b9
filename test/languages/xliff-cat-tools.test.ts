/**
 * Translated XLIFF files as CAT tools and XML editors write them back.
 *
 * The language tags of the project (`fr-FR`, `EN-gb`): BCP 47 tags, whose
 * primary subtag is the opinion's language; they were refused.
 *
 * Targets an XML editor or CAT tool laid out on
 * lines of their own (`<target>` newline, indentation, the text, newline):
 * the whitespace around the text is no part of it. Written as it was, it made
 * a chapter title and a `##` heading empty (their text a paragraph, the
 * heading's id lost) and a footnote a code block, while import said it had
 * written every unit.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initEnglishWithFrench, runMain } from '../helpers.js';

/**
 * An English opinion with French, exported, and every unit translated as `target(source)` in the
 * file that `edit` then makes of the whole export (as a CAT tool writes it back).
 */
async function translated(prefix: string, target: (source: string) => string, edit: (xlf: string) => string = (xlf) => xlf) {
  const { root, dir } = await initEnglishWithFrench(prefix);
  const out = join(root, 'rt.fr.xlf');
  expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
  const filled = readFileSync(out, 'utf8').replace(
    /<source>((?:(?!<\/source>)[\s\S])*)<\/source>(\s*)<target state="needs-translation"><\/target>/g,
    (_, source: string, space: string) => `<source>${source}</source>${space}<target state="translated">${target(source)}</target>`,
  );
  writeFileSync(out, edit(filled));
  return { root, dir, out };
}

describe('targets laid out on lines of their own', () => {
  it('are written without the layout: titles and headings on one line, with their ids', async () => {
    const { root, dir, out } = await translated(
      'opinion-xliff-layout-',
      (source) => `\n          FR ${source.replace(/ /, '\n          ')}\n        `,
      (xlf) => xlf.replace(/\n/g, '\r\n'),
    );
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    const chapter = readFileSync(join(dir, 'text', 'fr', '03-specific-comments.md'), 'utf8');
    expect(chapter).toMatch(/^# FR Specific comments\n\n## FR First topic \{#s-first-topic\}\n\n\{#s-first\} FR Points\n {10}under /);
    expect(readFileSync(join(dir, 'text', 'fr', '02-general-comments.md'), 'utf8')).toMatch(/\n\[\^fn-first\]: FR A\n {10}footnote\.\n/);
    const built = await runMain(['build', dir, '--lang', 'fr', '--to', 'md', '--out', join(root, 'build'), '--quiet']);
    expect(built.code, built.stdout).toBe(0);
    const md = readFileSync(join(root, 'build', 'rt', 'fr', 'opinion.md'), 'utf8');
    expect(md).toContain('\n## 3. FR Specific comments\n\n### 3.1 FR First topic\n');
    expect(md).toMatch(/\n\[\^2\]: FR A\s+footnote\.\n/);
  });
});

describe('language tags with a region, in any case', () => {
  it('are the opinion languages they start with (fr-FR is fr, EN-gb is en)', async () => {
    const { dir, out } = await translated(
      'opinion-xliff-tags-',
      (source) => `FR ${source}`,
      (xlf) => xlf.replace('source-language="en" target-language="fr"', 'source-language="EN-gb" target-language="fr-FR"'),
    );
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout).toMatch(/units written into \d+ files \(fr\)/);
    writeFileSync(out, readFileSync(out, 'utf8').replace(' target-language="fr-FR"', ''));
    const missing = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("error  Missing target-language, expected one of the opinion's languages other than `en`: `fr`  xliff/structure");
  });
});
