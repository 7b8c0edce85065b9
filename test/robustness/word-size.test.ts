/**
 * A large but legitimate Word document (issue 18, item 8): a long report
 * saved by Word with heavy run formatting has a `word/document.xml` many
 * times its text. The reader streams the archive and the XML, keeping only
 * the text and the formatting it maps, so such a document reads in memory
 * that grows with its text: here 68 MB of XML (about 1 MB of text), read
 * twice by `opinion diff` under a 256 MB heap that the former whole-tree
 * reader (about 30 times the XML size) could not have stayed in.
 * The time bound is a generous kill-timeout, not a measure of speed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { MAX_PART } from '../../src/drafts/word/container.js';
import { readDocx } from '../../src/drafts/word/index.js';
import { expectClean, run, tempDir } from './helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Run properties as Word writes them after many saves: fonts, colour, size, spacing, language, revision ids. */
const RPR =
  '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Times New Roman"/><w:color w:val="262626" w:themeColor="text1" w:themeTint="D9"/>' +
  '<w:spacing w:val="2"/><w:kern w:val="20"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>';

/** Paragraph `n`: twelve one-word runs, the third in italics; its last word `last`. */
function paragraph(n: number, last: string): string {
  const words = ['Point', String(n), 'of', 'the', 'report', 'on', 'access', 'to', 'finance', 'for', 'social', last];
  const runs = words.map((word, i) => {
    const rsid = ((n * 12 + i) & 0xffffff).toString(16).padStart(8, '0');
    const rPr = i === 2 ? RPR.replace('<w:rPr>', '<w:rPr><w:i/>') : RPR;
    return `<w:r w:rsidR="${rsid}" w:rsidRPr="${rsid}">${rPr}<w:t xml:space="preserve">${word}${i < words.length - 1 ? ' ' : ''}</w:t></w:r>`;
  });
  return `<w:p w:rsidR="00C0FFEE" w:rsidRDefault="00C0FFEE"><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>${runs.join('')}</w:p>`;
}

/** A .docx of `count` such paragraphs, deflated as generated; the last paragraph ends with `lastWord`. Returns its bytes and document.xml's size. */
function formattedDocx(count: number, lastWord: string): { bytes: Buffer; xmlBytes: number } {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const document = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(document);
  let xmlBytes = 0;
  const push = (text: string, final = false) => {
    const bytes = strToU8(text);
    xmlBytes += bytes.length;
    document.push(bytes, final);
  };
  push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`);
  push('<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>1. Conclusions and recommendations</w:t></w:r></w:p>');
  for (let start = 0; start < count; start += 500) {
    let batch = '';
    for (let n = start; n < Math.min(count, start + 500); n++) batch += paragraph(n + 1, n === count - 1 ? lastWord : 'enterprises.');
    push(batch);
  }
  push('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>', true);
  zip.end();
  return { bytes: Buffer.concat(chunks), xmlBytes };
}

describe('a large Word document (heavily formatted runs, little text)', () => {
  it('is read whole by `diff` in bounded memory: 68 MB of XML under a 256 MB heap', async () => {
    const root = tempDir();
    const count = 14_000;
    const old = formattedDocx(count, 'enterprises.');
    const neu = formattedDocx(count, 'cooperatives.');
    expect(old.xmlBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(old.xmlBytes).toBeLessThan(MAX_PART);
    writeFileSync(join(root, 'old.docx'), old.bytes);
    writeFileSync(join(root, 'new.docx'), neu.bytes);
    const outcome = await run(['diff', join(root, 'old.docx'), join(root, 'new.docx'), '--format', 'json'], { heapMb: 256, killAfter: 600_000 });
    expectClean(outcome, 'diff of two 68 MB document.xml');
    expect(outcome.code, outcome.stderr).toBe(1);
    const report = JSON.parse(outcome.stdout) as { changes: { kind: string; old: string; new: string; at: { new: { line: number } } }[] };
    // The one word changed, in the last of 14,000 points (paragraph 14,001 of the document: the heading, then a paragraph per point): both documents were read to the end.
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect(change?.kind).toBe('modified');
    expect(change?.old).toBe(`Point ${count} of the report on access to finance for social enterprises.`);
    expect(change?.new).toBe(`Point ${count} of the report on access to finance for social cooperatives.`);
    expect(change?.at.new.line).toBe(count + 1);
  }, 660_000);

  it('reads a table of 150,000 rows (more rows than a spread of arguments can take)', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `<w:tr><w:tc><w:p><w:r><w:t>Row ${i + 1}</w:t></w:r></w:p></w:tc></w:tr>`);
    const bytes = zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:tbl>${rows.join('')}</w:tbl></w:body></w:document>`),
    });
    const { tree } = readDocx(bytes, 'rows.docx');
    const [table] = tree.children;
    expect(table?.type).toBe('table');
    // The empty header row Markdown needs, then every row.
    expect((table as Table).children).toHaveLength(150_001);
    expect(JSON.stringify((table as Table).children.at(-1))).toContain('Row 150000');
  }, 120_000);
});
