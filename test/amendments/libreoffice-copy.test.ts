/**
 * A member's Word copy edited in LibreOffice with its change tracking on:
 * the Word draft that `opinion build` writes is opened by LibreOffice
 * (headless), a Basic macro turns on Edit > Track Changes > Record and
 * replaces words in two points (LibreOffice writes its own `w:del` /
 * `w:ins`), and saves it as Word. `amendments table` turns the copy into one
 * amendment per changed point, and `apply` gives the member's text.
 * Skipped without LibreOffice (`soffice`), unless CI requires it.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runMain, skipWithout } from '../helpers.js';
import { hasLibreOffice, runMacro } from '../word/redline-libreoffice.js';
import { scratch } from './scratch.js';

/** The member's edits: [what the draft says, what the member writes], each within one point. */
const EDITS: [string, string][] = [
  ['Among the chief characteristics', 'Among the main features'],
  ['The EESC considers that language learning', 'The EESC firmly considers that language learning'],
];

const MACRO = `
Sub Edit(dirUrl As String)
  Dim doc As Object, replace As Object
  On Error GoTo Failed
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(dirUrl &amp; "/draft.docx", "_blank", 0, loadArgs())
  doc.RecordChanges = True
${EDITS.map(
  ([from, to]) => `  replace = doc.createReplaceDescriptor()
  replace.SearchString = "${from}"
  replace.ReplaceString = "${to}"
  If doc.replaceAll(replace) &lt;&gt; 1 Then Error 1000
`,
).join('')}  Dim storeArgs(0) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = "FilterName"
  storeArgs(0).Value = "MS Word 2007 XML"
  doc.storeToURL(dirUrl &amp; "/member.docx", storeArgs())
  doc.close(True)
  WriteLine(dirUrl &amp; "/done.txt", "done")
  Exit Sub
Failed:
  WriteLine(dirUrl &amp; "/error.txt", Error$ &amp; " (line " &amp; Erl &amp; ")")
End Sub
`;

describe.skipIf(skipWithout(hasLibreOffice))("a member's copy edited in LibreOffice with tracked changes", () => {
  it('is tabled as one amendment per changed point, and applying them gives the member’s text', { timeout: 600_000 }, async () => {
    const { root, sample } = scratch();
    const build = await runMain(['build', sample, '--to', 'docx', '--out', join(root, 'build'), '--quiet']);
    expect(build.code, build.stderr).toBe(0);
    const work = mkdtempSync(join(tmpdir(), 'opinion-lo-member-'));
    try {
      const docs = join(work, 'docs');
      mkdirSync(docs);
      copyFileSync(join(root, 'build', 'see-migrants', 'en', 'opinion.docx'), join(docs, 'draft.docx'));
      await runMacro(work, MACRO, 'Edit', docs);
      const copy = join(root, 'member.docx');
      copyFileSync(join(docs, 'member.docx'), copy);
      // LibreOffice's own tracked changes.
      const document = strFromU8(unzipSync(readFileSync(copy))['word/document.xml']!);
      expect(document).toMatch(/<w:ins [^>]*w:author=/);
      expect(document).toMatch(/<w:del [^>]*w:author=/);
      const file = join(sample, 'amendments.yaml');
      const before = readFileSync(file, 'utf8').trimEnd();
      const tabled = await runMain(['amendments', 'table', sample, copy, '--by', 'Eva NOVÁK', '--group', 'III', '--date', '2018-04-19']);
      expect(tabled.code, tabled.stderr).toBe(0);
      expect(tabled.stdout).toMatch(
        /Tabled 2 section amendments by Eva NOVÁK in .*amendments\.yaml:\n {2}AM 7 \(am-s7\): amend 1\.3 \(c-networks\)\n {2}AM 8 \(am-s8\): amend 3\.1\.3 \(sc-language\)\n$/,
      );
      // The secretariat records the decisions: both adopted, the sample's own section amendments left as they are.
      const after = readFileSync(file, 'utf8');
      expect(after.startsWith(before)).toBe(true);
      writeFileSync(file, before + after.slice(before.length).replace(/(\n {4}tabled: 2018-04-19)/g, '\n    outcome: adopted\n    without_vote: true$1'));
      const next = join(root, 'opinions', 'next');
      const applied = await runMain(['amendments', 'apply', sample, '--out', next]);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('AM 7 (am-s7), AM 8 (am-s8)');
      const chapter1 = readFileSync(join(next, 'text', 'en', '01-conclusions-and-recommendations.md'), 'utf8');
      const chapter3 = readFileSync(join(next, 'text', 'en', '03-specific-comments.md'), 'utf8');
      expect(chapter1).toContain('{#c-networks} Among the main features of the work carried out by SEEs');
      // The member's words, the reference they did not touch kept as a reference.
      expect(chapter1).toMatch(/\{#c-networks\} [^\n]*\(see :ref\{#sec-communities\}\)\./);
      expect(chapter3).toContain('{#sc-language} The EESC firmly considers that language learning');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
