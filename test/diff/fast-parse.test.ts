/**
 * Drafts are parsed with the blocks of the plain subset read without
 * micromark and remark reading the pieces around the others
 * (src/core/markdown-chunks.ts, src/core/markdown-fast.ts). The tree must be
 * exactly remark's tree of the original text, positions included, whatever
 * surrounds the plain blocks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { parseDraftTree } from '../../src/drafts/markdown/processor.js';
import { FIXTURES, ROOT } from './helpers.js';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const P = 'The European Economic and Social Committee considers that social economy enterprises are one of the drivers of inclusion';
const Q = 'Among their chief characteristics is their capacity to mobilise local communities and to set up networks and partnerships';

const CASES: Record<string, string> = {
  'plain runs between headings': `# Title\n\n## 1. Conclusions\n\n1.1 ${P}.\n\n1.2 ${Q}.\n\n### 1.3 Sub-heading\n\n1.3.1 ${P}.\n\n1.3.2 ${Q}.\n`,
  'a fenced code block with blank lines': `1.1 ${P}.\n\n\`\`\`\n${P}\n\n${Q}\n\n${P}\n\`\`\`\n\n1.2 ${Q}.\n\n1.3 ${P}.\n`,
  'an HTML block that runs over blank lines': `<pre>\n${P}\n\n${Q}\n\n${P}\n</pre>\n\n${Q}\n\n${P}\n`,
  'an HTML comment over blank lines': `<!--\n\n${P}\n\n${Q}\n\n${P}\n\n-->\n\n${Q}\n`,
  'a loose list, then paragraphs': `- item one\n\n- item two\n\n${P}\n\n${Q}\n\n${P}\n`,
  'a list item with an indented paragraph': `1) ${P}\n\n   ${Q}\n\n   ${P}\n\n${Q}\n\n${P}\n`,
  'a setext heading': `${P}\n===\n\n${Q}\n\n${P}\n\n${Q}\n---\n`,
  'CRLF line endings': `## 1. X\r\n\r\n1.1 ${P}.\r\n\r\n1.2 ${Q}.\r\n\r\n1.3 ${P}.\r\n`,
  'a block quote with lazy lines': `> ${P}\n${Q}\n\n${P}\n\n${Q}\n\n${P}\n`,
  'footnotes with indented continuation': `1.1 ${P}.[^1]\n\n[^1]: ${Q}\n\n    ${P}\n\n${Q}\n\n${P}\n`,
  'a table and emphasis': `| a | b |\n|---|---|\n| ${P} | x |\n\n${Q}\n\n*${P}*\n\n${Q}\n\n${P}\n`,
  'headings of every kind': `#      ${P}\n\n## ${Q} ##\n\n#5 ${P}\n\n####### ${Q}\n\n   ## ${P}\n\n## ${Q}\n\n${P}\n`,
  'an indented code block': `${P}\n\n    ${Q}\n\n    ${P}\n\n${Q}\n\n${P}\n`,
  'lines ending in spaces (hard breaks)': `${P}  \n${Q}\n\n${P}\n\n${Q}\n\n${P}\n`,
  'list markers and thematic breaks at line starts': `1. ${P}\n\n2) ${Q}\n\n- ${P}\n\n+ ${Q}\n\n***\n\n${P}\n\n${Q}\n`,
};

describe('fast parse of drafts', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`gives remark's tree: ${name}`, () => {
      expect(parseDraftTree(new VFile({ value: text }))).toEqual(remark.parse(text));
    });
  }

  it("gives remark's tree on the fixtures and on drafts written by `opinion build`", () => {
    const files = ['redline/old.md', 'word-converted/old.md', 'xss/new.md', 'unicode/new.md'].map((f) => join(FIXTURES, f));
    files.push(
      join(ROOT, 'test', 'build', 'golden', 'see-migrants', 'en', 'opinion.md'),
      join(ROOT, 'test', 'build', 'golden', 'see-migrants-preliminary', 'fr', 'opinion.md'),
    );
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseDraftTree(new VFile({ value: text })), file).toEqual(remark.parse(text));
    }
  });
});
