/** The .docx reader: numbering as Word displays it, text and footnotes, what it reports, and bad input. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { draftMarkdown } from '../../src/render/to-markdown.js';
import { diffDrafts } from '../../src/diff/index.js';
import { loadDrafts } from '../../src/drafts/load.js';
import { MAX_UNCOMPRESSED, readDocx } from '../../src/drafts/word/index.js';
import { InputError } from '../../src/core/errors.js';
import { redlineDocx } from '../../src/diff/format/word/index.js';
import { formatCounter } from '../../src/drafts/word/numbering.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'import', 'fixtures');
const read = (name: string) => readDocx(readFileSync(join(FIXTURES, name)), name);
const markdown = (name: string) => String(draftMarkdown.stringify(read(name).tree));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SIGNED = 'w:id="9" w:author="A" w:date="2018-04-10T00:00:00Z"';
const RANGE_SIGNED = 'w:author="A" w:date="2018-04-10T00:00:00Z"';
/** A paragraph of the one-level list `1.%1`, its paragraph mark's revision in `mark`. */
const numbered = (runs: string, mark = '') =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${mark ? `<w:rPr>${mark}</w:rPr>` : ''}</w:pPr>${runs}</w:p>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const deletedRun = (text: string) => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
const deleted = (text: string) => `<w:del ${SIGNED}>${deletedRun(text)}</w:del>`;

/** A minimal .docx of these body paragraphs, numbered by a one-level list `1.%1` (or `text`). */
function listDocx(body: string, text = '1.%1'): Uint8Array {
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${text}"/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(numbering),
  });
}

describe('readDocx', () => {
  it('reads a plain numbered list (`%1.`) as an ordered list, but not a paragraph in bold (a chapter heading typed so) nor `1.%1` (points)', () => {
    const bold = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const plain = readDocx(listDocx(numbered(bold('Conclusions')) + numbered(run('first item;')) + numbered(run('second item.')), '%1.'), 'plain.docx');
    expect(String(draftMarkdown.stringify(plain.tree))).toBe('1\\. **Conclusions**\n\n2. first item;\n3. second item.\n');
    const points = readDocx(listDocx(numbered(run('First point.')) + numbered(run('Second point.'))), 'points.docx');
    expect(String(draftMarkdown.stringify(points.tree))).toBe('1.1 First point.\n\n1.2 Second point.\n');
  });

  it('computes automatic multilevel numbers and keeps typed ones', () => {
    const text = markdown('word-numbered.docx');
    expect(text).toContain('## 1. Conclusions and recommendations');
    expect(text).toContain('\n1.2 The EESC calls on the Commission');
    expect(text).toContain('\n2.2.1 misclassification as self-employed;');
    expect(text).toContain('\n2.3 The figure below');
    expect(text).toContain('\n3.1. The EESC welcomes');
    expect(text).toContain('\n3.3 Platforms employ many young people.');
  });

  it('reads bold, italic, footnotes, the header table and the accepted view of tracked changes', () => {
    const draft = read('word-numbered.docx');
    const text = String(draftMarkdown.stringify(draft.tree));
    expect(text).toContain('About **28 million** people work through *digital labour platforms*');
    expect(text).toContain('| Rapporteur:               | Jane DOE');
    expect(text).toMatch(/fair work\[\^1\]\./u);
    expect(text).toContain('[^2]: Directive (EU) 2024/2831 on improving working conditions in *platform work*.');
    expect(text).toContain('The directive must be transposed on time.');
    expect(text).not.toContain('should be');
    expect(draft.trackedChanges).toBe(2);
    expect(draft.lang).toBe('en-GB');
  });

  it('reports what it cannot map at its paragraph, keeping the text', () => {
    const draft = read('word-numbered.docx');
    expect(draft.file.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['word/image', 27],
      ['word/text-box', 28],
      ['word/comment', 33],
    ]);
    expect(String(draft.file.messages[0])).toContain('paragraph 27, “2.3 The figure below shows the…”');
    expect(draft.file.messages[2]?.note).toBe('The comment reads: Check the figure with Eurostat.');
    expect(markdown('word-numbered.docx')).toContain('Box: platforms surveyed in 2023');
  });

  it('reads a pandoc document: headings, table, lists and footnotes', () => {
    const text = markdown('pandoc-draft.docx');
    expect(text).toContain('1.2 The EESC calls on the Member States');
    expect(text).toMatch(/- access to finance;\n- lack of technical skills\[\^\d+\]\./u);
    expect(text).toContain('Joint Research Centre, *Energy communities: an overview*, 2020.');
  });

  it("numbers footnotes in reading order, whatever Word's ids: a file saved again by another editor reads the same", () => {
    const parts = unzipSync(readFileSync(join(FIXTURES, 'word-numbered.docx')));
    // LibreOffice, saving again, numbers the notes from 2: shift every id by 5.
    const shift = (xml: string) =>
      xml.replace(/(<w:footnote(?:Reference)? [^>]*?w:id=")(\d+)"/gu, (_, start: string, id: string) => `${start}${Number(id) > 0 ? Number(id) + 5 : id}"`);
    for (const name of ['word/document.xml', 'word/footnotes.xml']) parts[name] = strToU8(shift(strFromU8(parts[name]!)));
    expect(strFromU8(parts['word/document.xml']!)).toContain('w:footnoteReference w:id="6"');
    const resaved = readDocx(zipSync(parts), 'resaved.docx');
    expect(String(draftMarkdown.stringify(resaved.tree))).toBe(markdown('word-numbered.docx'));
  });

  it('reads a paragraph whose mark is a tracked deletion as Word accepts it: joined to the next one, or gone, and not counted', () => {
    const body = [
      numbered(run('First point.')),
      // Deleted with its paragraph mark: gone, and the next point is 2 once accepted.
      numbered(deleted('A deleted point.'), `<w:del ${SIGNED}/>`),
      // The mark alone deleted: the kept words open the next paragraph.
      numbered(run('Kept words ') + deleted('and deleted ones'), `<w:del ${SIGNED}/>`),
      numbered(run('of the last point.')),
    ].join('');
    const read = readDocx(listDocx(body), 'marks.docx');
    expect(String(draftMarkdown.stringify(read.tree)).trim().split('\n\n')).toEqual(['1.1 First point.', '1.2 Kept words of the last point.']);
    expect(read.trackedChanges).toBeGreaterThan(0);
  });

  it('reads a symbol by its character code, and one whose code is no character as nothing, saying so', () => {
    const sym = (code: string) => `<w:r><w:sym w:font="Symbol" w:char="${code}"/></w:r>`;
    const body = numbered(run('Arrow ') + sym('F0AE') + run(', none ') + sym('FFFFFFFF') + run(' end.'));
    const read = readDocx(listDocx(body), 'symbols.docx');
    expect(String(draftMarkdown.stringify(read.tree)).trim()).toBe('1.1 Arrow \u00ae, none end.');
    expect(read.file.messages.map((m) => m.ruleId)).toEqual(['word/symbol', 'word/symbol']);
  });

  it('reads a moved paragraph as Word accepts it: gone from its old place with its mark, and not counted there; at its new place with the edits made there', () => {
    const moveFrom = (text: string) => `<w:moveFrom ${SIGNED}><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:moveFrom>`;
    const moveTo = (inner: string) => `<w:moveTo ${SIGNED}>${inner}</w:moveTo>`;
    const body = [
      numbered(
        `<w:moveFromRangeStart w:id="1" w:name="move1" ${RANGE_SIGNED}/>${moveFrom('Small enterprises lack funds.')}<w:moveFromRangeEnd w:id="1"/>`,
        `<w:moveFrom ${SIGNED}/>`,
      ),
      numbered(run('First point.')),
      numbered(
        `<w:moveToRangeStart w:id="2" w:name="move1" ${RANGE_SIGNED}/>${moveTo(run('Small enterprises '))}<w:ins ${SIGNED}>${run('often ')}</w:ins>${moveTo(`<w:del ${SIGNED}>${deletedRun('lack')}</w:del>`)}<w:ins ${SIGNED}>${run('need')}</w:ins>${moveTo(run(' funds.'))}<w:moveToRangeEnd w:id="2"/>`,
        `<w:moveTo ${SIGNED}/>`,
      ),
    ].join('');
    const read = readDocx(listDocx(body), 'moves.docx');
    expect(String(draftMarkdown.stringify(read.tree)).trim().split('\n\n')).toEqual(['1.1 First point.', '1.2 Small enterprises often need funds.']);
    expect(read.trackedChanges).toBeGreaterThan(0);
  });

  it("reads the redline as Word's Accept All gives it: the new version, footnote marks and repeated calls (NOTEREF fields in one run) included", async () => {
    const [old, neu] = await loadDrafts(['opinions/see-migrants-preliminary', 'opinions/see-migrants'], { cwd: ROOT });
    const bytes = await redlineDocx(diffDrafts(old.draft, neu.draft), { old: old.draft, new: neu.draft });
    const dir = mkdtempSync(join(tmpdir(), 'opinion-read-redline-'));
    try {
      writeFileSync(join(dir, 'redline.docx'), bytes);
      const [, accepted] = await loadDrafts(['opinions/see-migrants', join(dir, 'redline.docx')], { cwd: ROOT });
      const again = diffDrafts(neu.draft, accepted.draft);
      expect(again.changes).toEqual([]);
      expect(accepted.draft.footnotes).toHaveLength(neu.draft.footnotes.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A chapter, the point bookmarked `_Ref10`, and a point whose REF field to it shows `shown`; `inserted`: a point before the target. */
  const crossReferenced = (shown: string, inserted = false) => {
    const target = numbered(`<w:bookmarkStart w:id="6" w:name="_Ref10"/>${run('The target point.')}<w:bookmarkEnd w:id="6"/>`);
    const ref = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref10 \\r \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const chapter = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>1. Conclusions</w:t></w:r></w:p>';
    return listDocx(
      chapter + (inserted ? numbered(run('A new first point.')) : '') + target + numbered(run('As set out in point ') + ref + run(', the EESC agrees.')),
    );
  };

  it("reads Word's cross-references (REF fields) as their text, quietly, and compares them by the bookmark they point to", async () => {
    const old = crossReferenced('1.1');
    // A point inserted above the target, the field not updated: it still shows "1.1".
    const neu = crossReferenced('1.1', true);
    const read = readDocx(neu, 'new.docx');
    expect(read.file.messages).toEqual([]);
    expect(String(draftMarkdown.stringify(read.tree))).toContain('1.3 As set out in point 1.1, the EESC agrees.');
    const dir = mkdtempSync(join(tmpdir(), 'opinion-ref-'));
    try {
      writeFileSync(join(dir, 'old.docx'), old);
      writeFileSync(join(dir, 'new.docx'), neu);
      const [a, b] = await loadDrafts([join(dir, 'old.docx'), join(dir, 'new.docx')], { cwd: dir });
      const changes = diffDrafts(a!.draft, b!.draft).changes;
      expect(changes.map((c) => c.kind)).toEqual(['added', 'renumbered', 'renumbered']);
      // Updated fields ("1.2", where the target now is) are no change either.
      writeFileSync(join(dir, 'new.docx'), crossReferenced('1.2', true));
      const [c, d] = await loadDrafts([join(dir, 'old.docx'), join(dir, 'new.docx')], { cwd: dir });
      expect(diffDrafts(c!.draft, d!.draft).changes.map((change) => change.kind)).toEqual(['added', 'renumbered', 'renumbered']);
      // The old version as the Markdown draft (its "point 1.1" says no target), the new one the Word file
      // whose field still shows "1.1" but points to the target, now 1.2: no change, not "now refers to another item".
      writeFileSync(join(dir, 'old.md'), '## 1. Conclusions\n\n1.1 The target point.\n\n1.2 As set out in point 1.1, the EESC agrees.\n');
      writeFileSync(join(dir, 'new.docx'), neu);
      const [e, f] = await loadDrafts([join(dir, 'old.md'), join(dir, 'new.docx')], { cwd: dir });
      const fromMarkdown = diffDrafts(e!.draft, f!.draft).changes;
      expect(fromMarkdown.map((change) => change.kind)).toEqual(['added', 'renumbered', 'renumbered']);
      expect(fromMarkdown.some((change) => change.retargeted)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes in the redline the number a cross-reference names now, where Word left the one it last printed, tracked as a reference that followed its target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opinion-ref-redline-'));
    try {
      writeFileSync(join(dir, 'old.docx'), crossReferenced('1.1'));
      // The field still shows "1.1"; the redline numbers the target 1.2 with Word's list, so Word shows 1.2 once its fields are updated.
      writeFileSync(join(dir, 'new.docx'), crossReferenced('1.1', true));
      const [old, neu] = await loadDrafts(['old.docx', 'new.docx'], { cwd: dir });
      const bytes = await redlineDocx(diffDrafts(old!.draft, neu!.draft), { old: old!.draft, new: neu!.draft });
      const document = strFromU8(unzipSync(bytes)['word/document.xml']!);
      expect(document).toMatch(
        /As set out in point <\/w:t><\/w:r><w:del [^>]*><w:r><w:delText xml:space="preserve">1\.1<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">1\.2<\/w:t>/u,
      );
      // Accept All (as the Word reader reads it) gives the new version with the number it names now, and is no change from it.
      const accepted = readDocx(bytes, 'redline.docx');
      expect(String(draftMarkdown.stringify(accepted.tree))).toContain('1.3 As set out in point 1.2, the EESC agrees.');
      writeFileSync(join(dir, 'redline.docx'), bytes);
      const [, back] = await loadDrafts(['new.docx', 'redline.docx'], { cwd: dir });
      expect(diffDrafts(neu!.draft, back!.draft).identical).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a point restyled as a heading in Word (its list number kept) as the Markdown draft reads the same heading: the same changes', async () => {
    const chapter = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>1. Conclusions</w:t></w:r></w:p>';
    const asHeading = (text: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(text)}</w:p>`;
    const first = 'The first point.';
    const second = 'The second point, which a rapporteur turns into a heading.';
    const third = 'The third point.';
    // Word's built-in style "heading 2", as a document edited in Word or LibreOffice defines it.
    const styled = (body: string) => {
      const parts = unzipSync(listDocx(body));
      parts['word/styles.xml'] = strToU8(`<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`);
      return zipSync(parts);
    };
    const dir = mkdtempSync(join(tmpdir(), 'opinion-restyled-'));
    try {
      writeFileSync(join(dir, 'old.docx'), styled(chapter + [first, second, third].map((text) => numbered(run(text))).join('')));
      writeFileSync(join(dir, 'old.md'), `## 1. Conclusions\n\n1.1 ${first}\n\n1.2 ${second}\n\n1.3 ${third}\n`);
      const changes = async (heading: string) => {
        writeFileSync(join(dir, 'new.docx'), styled(chapter + numbered(run(first)) + asHeading(heading) + numbered(run(third))));
        writeFileSync(join(dir, 'new.md'), `## 1. Conclusions\n\n1.1 ${first}\n\n### 1.2 ${heading}\n\n1.3 ${third}\n`);
        const [word, markdown] = await Promise.all(
          ['docx', 'md'].map(async (ext) => {
            const [a, b] = await loadDrafts([`old.${ext}`, `new.${ext}`], { cwd: dir });
            expect(b!.draft.chapters[0]!.points.map((point) => point.heading ?? false)).toEqual([false, true, false]);
            return diffDrafts(a!.draft, b!.draft).changes.map((change) => [change.kind, change.element, change.old[0]?.number, change.new[0]?.number]);
          }),
        );
        expect(word).toEqual(markdown);
        return word;
      };
      // The same words: no change in either (the comparison is of words, numbers and places, not of styles).
      expect(await changes(second)).toEqual([]);
      // A heading of its own words: the point deleted and the heading added, in both.
      expect(await changes('Access to finance')).toEqual([
        ['deleted', 'point', '1.2', undefined],
        ['added', 'heading', undefined, '1.2'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports what the draft reader finds in a Word draft (a number used twice, a point outside its chapter) at the Word paragraph, as the Word reader's own messages", async () => {
    const chapter = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>1. Conclusions</w:t></w:r></w:p>';
    const typed = (text: string) => `<w:p>${run(text)}</w:p>`;
    // Paragraphs 1 to 5: the chapter, points 1.1 and 1.2 of the list, a typed second 1.2, a typed 2.5.
    const body = chapter + numbered(run('First point.')) + numbered(run('Second point.')) + typed('1.2 A typed duplicate.') + typed('2.5 A stray point.');
    const dir = mkdtempSync(join(tmpdir(), 'opinion-draft-messages-'));
    try {
      writeFileSync(join(dir, 'draft.docx'), listDocx(body));
      const [, draft] = await loadDrafts(['draft.docx', 'draft.docx'], { cwd: dir });
      expect(draft!.files).toHaveLength(1);
      const messages = draft!.files[0]!.messages;
      expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
        ['diff/duplicate-number', 4, 1],
        ['diff/point-outside-chapter', 5, 1],
      ]);
      expect(messages[0]!.reason).toBe(
        'Unexpected second point numbered `1.2`, expected each number once (first used in paragraph 3) (paragraph 4, “1.2 A typed duplicate.”)',
      );
      expect(messages[1]!.reason).toBe('Unexpected number `2.5` in chapter 1, expected a number starting with `1.` (paragraph 5, “2.5 A stray point.”)');
      expect(draft!.files[0]!.path).toBe('draft.docx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the bookmarks each paragraph holds, or that stand just before it, for cross-references to it', () => {
    const start = (id: number, name: string) => `<w:bookmarkStart w:id="${id}" w:name="${name}"/>`;
    const body = numbered(start(1, '_in_first') + run('First point.')) + start(2, '_between') + numbered(run('Second point.')) + numbered(run('Third point.'));
    const read = readDocx(listDocx(body), 'anchors.docx');
    const anchors = read.tree.children.map((node) => node.data?.anchors ?? []);
    expect(anchors).toEqual([['_in_first'], ['_between'], []]);
  });

  it('formats counters as Word does', () => {
    expect([1, 4, 9, 27].map((n) => formatCounter(n, 'lowerRoman'))).toEqual(['i', 'iv', 'ix', 'xxvii']);
    expect([1, 26, 27, 28].map((n) => formatCounter(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect(formatCounter(3, 'upperLetter')).toBe('C');
    expect(formatCounter(7, 'decimalZero')).toBe('07');
  });
});

describe('bad input', () => {
  const cases: [string, RegExp][] = [
    ['empty.docx', /the file is empty, expected a Word document/u],
    ['truncated.docx', /a damaged or truncated zip archive/u],
    ['not-word.docx', /a zip archive without `word\/document\.xml`/u],
    ['bad-xml.docx', /part `word\/document\.xml` is not well-formed XML at 2:\d+/u],
    ['old-format.doc', /a Word 97–2003 document \(\.doc\).*save it as "Word Document \(\*\.docx\)"/u],
    ['encrypted.docx', /password-protected \(encrypted\); remove the password in Word/u],
  ];
  for (const [name, message] of cases) {
    it(`${name}: one clear line`, () => {
      let error: unknown;
      try {
        read(name);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('refuses a zip whose parts would inflate beyond the cap, before inflating them', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    // A small part whose sizes, as a zip bomb's, claim `claim` bytes (in the local and the central header).
    const claiming = (claim: number) => {
      const zip = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
      zip.writeUInt32LE(claim, zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])) + 22);
      zip.writeUInt32LE(claim, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
      return zip;
    };
    expect(MAX_UNCOMPRESSED).toBe(1024 * 1024 * 1024);
    expect(() => readDocx(claiming(3 * 1024 * 1024 * 1024), 'bomb.docx')).toThrow(/more than 1024 MB uncompressed/u);
    expect(() => readDocx(claiming(600 * 1024 * 1024), 'bomb.docx')).toThrow(
      /would take 600 MB uncompressed, more than the 512 MB a Word draft's part may have/u,
    );
  });
});
