#!/usr/bin/env node
/**
 * Large Word documents (issue 18, item 8): time and peak memory of
 * `opinion import` on a generated .docx whose `word/document.xml` is N MB,
 * of two kinds:
 *
 * - `formatted`: paragraphs of heavily formatted runs (a font, colour, size,
 *   language and revision ids on every one-word run), about 2 % of the XML
 *   being text — what a long report saved by Word many times looks like;
 * - `plain`: paragraphs of one run of plain text, about 75 % of the XML
 *   being text.
 *
 *   node bench/word-size.mjs                  # every case (20 and 190 MB)
 *   node bench/word-size.mjs formatted 20     # one kind, one size
 *
 * Uses /usr/bin/time for the peak memory (Linux), and runs the bin with the
 * Node that runs this script. Unset NODE_EXTRA_CA_CERTS when timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'opinion.js');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WORDS = ['The', 'Committee', 'considers', 'that', 'social', 'economy', 'enterprises', 'need', 'access', 'to', 'finance', 'and', 'markets'];

/** One paragraph of the kind, the `n`-th. */
const PARAGRAPH = {
  formatted: (n) => {
    const runs = Array.from({ length: 20 }, (_, i) => {
      const rsid = ((n * 20 + i) % 0xffffff).toString(16).toUpperCase().padStart(8, '0');
      return (
        `<w:r w:rsidR="${rsid}" w:rsidRPr="${rsid}"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
        `<w:b/><w:bCs/><w:color w:val="1F3864" w:themeColor="accent1" w:themeShade="80"/><w:spacing w:val="4"/><w:kern w:val="22"/><w:sz w:val="24"/><w:szCs w:val="24"/>` +
        `<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr><w:t xml:space="preserve">${WORDS[(n + i) % WORDS.length]} </w:t></w:r>`
      );
    }).join('');
    return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>${runs}</w:p>`;
  },
  plain: (n) => `<w:p><w:r><w:t>${n}. The Committee considers that social economy enterprises need access to finance and to markets.</w:t></w:r></w:p>`,
};

/** A .docx whose document.xml is about `mb` MB of paragraphs of `kind`, deflated as it is generated. */
function docx(kind, mb) {
  const chunks = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const types = new ZipDeflate('[Content_Types].xml', { level: 1 });
  zip.add(types);
  types.push(strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), true);
  const document = new ZipDeflate('word/document.xml', { level: 6 });
  zip.add(document);
  document.push(strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`));
  let size = 0;
  let n = 0;
  while (size < mb * 1024 * 1024) {
    let batch = '';
    for (let i = 0; i < 200; i++) batch += PARAGRAPH[kind](n++);
    const bytes = strToU8(batch);
    size += bytes.length;
    document.push(bytes);
  }
  document.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  return { bytes: Buffer.concat(chunks), paragraphs: n, size };
}

const [onlyKind, onlySize] = process.argv.slice(2);
const root = mkdtempSync(join(tmpdir(), 'opinion-bench-word-'));
console.log(`Node ${process.version}`);
try {
  for (const kind of ['formatted', 'plain']) {
    if (onlyKind && onlyKind !== kind) continue;
    for (const mb of [20, 190]) {
      if (onlySize && Number(onlySize) !== mb) continue;
      const { bytes, paragraphs, size } = docx(kind, mb);
      const file = join(root, `${kind}-${mb}.docx`);
      writeFileSync(file, bytes);
      const out = join(root, `out-${kind}-${mb}`);
      const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, 'import', file, '--out', out], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const lines = run.stderr.trim().split('\n');
      const [seconds, kb] = lines.at(-1).split(' ');
      const said = lines.slice(0, -1).find((line) => line.startsWith('opinion')) ?? '';
      console.log(
        `${kind.padEnd(9)} document.xml ${(size / 1048576).toFixed(0).padStart(4)} MB (${paragraphs.toLocaleString('en-GB')} paragraphs, .docx ${(bytes.length / 1024).toFixed(0)} KB)  import: exit ${run.status}  ${Number(seconds).toFixed(1).padStart(6)} s  ${Math.round(
          Number(kb) / 1024,
        )
          .toString()
          .padStart(5)} MB${said ? `  ${said.slice(0, 160)}` : ''}`,
      );
      rmSync(out, { recursive: true, force: true });
      rmSync(file, { force: true });
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
