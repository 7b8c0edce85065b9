/**
 * Character references in prose are decoded as remark decodes them: any
 * named entity HTML knows, and a numeric one that is no code point as
 * U+FFFD (it used to stop `opinion check` and `opinion stats` with an
 * internal error).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadOpinion } from '../../src/core/load.js';
import { buildText, pointsOf } from '../../src/text/model.js';
import { parseMarkdown } from '../../src/core/markdown.js';

describe('character references in prose', () => {
  it('read as remark reads them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-entities-'));
    mkdirSync(join(dir, 'text', 'en'), { recursive: true });
    writeFileSync(join(dir, 'opinion.yaml'), 'reference: INT/900\ntitle: T\nkind: own-initiative\nlanguage: en\nstage: study-group\n');
    const point = 'Signs &copy; &eacute; &ndash; &unknown; &#9999999; &#x110000; &#65; &#x42; stay readable.';
    writeFileSync(join(dir, 'text', 'en', '01-one.md'), `# One\n\n{#p-one} ${point}\n`);
    const { opinion } = await loadOpinion(dir);
    const text = buildText(opinion!);
    const prose = pointsOf(text.byLang.get('en'))[0]!.prose.text;
    expect(prose).toBe('Signs © é – &unknown; \uFFFD \uFFFD A B stay readable.');
    const paragraph = parseMarkdown(point).children[0];
    expect(paragraph?.type === 'paragraph' ? paragraph.children.map((node) => ('value' in node ? node.value : '')).join('') : '').toBe(prose);
  });
});
