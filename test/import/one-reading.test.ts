/**
 * One reading of a draft for `opinion import` and `opinion diff` (issue 11):
 * headings before the first chapter, unnumbered headings after it,
 * sub-headings among points and the spaces of the title line, each read by
 * the same rule (`drafts/markdown/outline.ts`, `lineText`), so that a draft
 * imported and compared with its import shows no difference but those the
 * import reports, in Markdown and in Word.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { importDraft } from '../../src/import/index.js';
import { writeImportedFolder } from '../../src/import/write.js';
import { hasPandoc, ROOT, runMain, skipWithout, temporaryFolders } from '../helpers.js';

const folder = temporaryFolders('opinion-one-reading-');

/** A draft as `opinion build` writes it: imported and compared with its import, no difference. */
const BUILT = `**PRELIMINARY DRAFT**

\\[to be completed]

# Opinion of the European Economic and Social Committee on ‘Energy communities in rural areas’

(own-initiative opinion)

|             |                        |
| ----------- | ---------------------- |
| Rapporteur: | Marta NOWAK            |
| Legal basis | \\[to be completed]     |
|             | Own-initiative opinion |

## 1. Conclusions and recommendations

1.1 The EESC considers that energy communities give rural citizens a direct stake in the energy transition.

## 2. General comments

2.1 Rural areas host most of the renewable capacity installed since 2015.

2.2 Energy communities also face obstacles in access to finance.
`;

const CHAPTER_1 = '## 1. Conclusions and recommendations';
const POINT_2_2 = '2.2 Energy communities';
const TITLE = '‘Energy communities in rural areas’';

/** The built draft with `text` inserted before `at`. */
const inserted = (at: string, text: string): string => BUILT.replace(at, `${text}${at}`);

interface Case {
  name: string;
  draft: string;
  /** The heading's (or title's) text, and the same edited. */
  edit: [string, string];
  /** Files of the imported folder and what they hold. */
  files: Record<string, string[]>;
  /** What `diff draft edited` shows. */
  edited: string[];
  /** What `diff draft imported` shows: nothing, or the numbers the import reports the build changes. */
  imported: string[];
  /** A line of `diff draft imported --format markdown`. */
  markdown?: string;
  /** Warnings of the import, as `rule line:column`. */
  warnings?: string[];
}

const CASES: Case[] = [
  {
    name: '(a) a heading above the chapters after the title: an unnumbered chapter, not lines of the front',
    draft: inserted(CHAPTER_1, '# Executive summary\n\nThe EESC summarises its view here.\n\n'),
    edit: ['# Executive summary', '# Executive overview'],
    files: {
      'text/en/01-executive-summary.md': ['# Executive summary {-}', 'The EESC summarises its view here.'],
      'opinion.yaml': ['title: Energy communities in rural areas'],
    },
    edited: ['Executive overview', '  chapter ‘Executive overview’ modified', '    Executive [-summary-]{+overview+}'],
    imported: [],
  },
  {
    name: '(a) a heading below the chapters before the first: an unnumbered chapter of that title, not an untitled one',
    draft: inserted(CHAPTER_1, '### Executive summary\n\nThe EESC summarises its view here.\n\n'),
    edit: ['### Executive summary', '### Executive overview'],
    files: { 'text/en/01-executive-summary.md': ['# Executive summary {-}', 'The EESC summarises its view here.'] },
    edited: ['  chapter ‘Executive overview’ modified', '    Executive [-summary-]{+overview+}'],
    imported: [],
  },
  {
    name: '(a) a heading before the title line: a line of the front, kept as a comment and reported, not the title',
    draft: BUILT.replace('# Opinion of', '# Executive summary\n\nThe EESC summarises its view here.\n\n# Opinion of'),
    edit: ['# Executive summary', '# Executive overview'],
    files: { 'opinion.yaml': ['title: Energy communities in rural areas', '#   Executive summary', '#   The EESC summarises its view here.'] },
    edited: ['Header', '  Preamble: [-Executive summary-]{+Executive overview+}'],
    imported: ['Header', '  Preamble: [-Executive summary-]', '  Preamble: [-The EESC summarises its view here.-]'],
    warnings: ['import/unmapped-header 5:1', 'import/unmapped-header 7:1'],
  },
  {
    name: '(b) an unnumbered heading after the closing block: an unnumbered chapter (an appendix), reported, not closing lines',
    draft: `${BUILT}\nBrussels, 22 May 2024.\n\n### Appendix\n\nThe appendix lists the hearings held.\n`,
    edit: ['### Appendix', '### Appendix of hearings'],
    files: { 'text/en/03-appendix.md': ['# Appendix {-}', 'The appendix lists the hearings held.'] },
    edited: ['  chapter ‘Appendix of hearings’ modified', '    Appendix{+ of hearings+}'],
    // The closing block of a version not yet adopted: kept in opinion.yaml, printed once adopted (reported).
    imported: ['Header', '  Closing: [-Brussels, 22 May 2024.-]'],
    warnings: ['import/closing-before-adoption -:-', 'import/unmapped-header -:-', 'import/after-closing 27:1'],
  },
  {
    name: '(b) an unnumbered heading after the chapters: an unnumbered chapter, whose numbers are text',
    draft: `${BUILT}\n## Annex\n\n2.3 The annex lists the hearings held.\n`,
    edit: ['## Annex', '## Annex of hearings'],
    files: { 'text/en/03-annex.md': ['# Annex {-}', '2.3 The annex lists the hearings held.'] },
    edited: ['  chapter ‘Annex of hearings’ modified', '    Annex{+ of hearings+}'],
    imported: [],
  },
  {
    name: '(c) an unnumbered sub-heading among the points: a sub-heading of the chapter, which the build numbers',
    draft: inserted(POINT_2_2, '### Obstacles to growth\n\n'),
    edit: ['### Obstacles to growth', '### Obstacles to investment'],
    files: {
      'text/en/02-general-comments.md': ['## Obstacles to growth {#sec-obstacles-growth}', 'Energy communities also face obstacles in access to finance.'],
    },
    edited: ['2. General comments', '  unnumbered heading in ‘General comments’ modified', '    Obstacles to [-growth-]{+investment+}'],
    imported: ['2. General comments', '  renumbered: unnumbered → 2.2, 2.2 → 2.2.1'],
    markdown: '### 2.2 {>>renumbered, was unnumbered<<} Obstacles to growth',
    warnings: ['import/renumbered 23:1', 'import/renumbered 25:1'],
  },
  {
    name: '(d) narrow no-break and no-break spaces in the title: kept in the title, read alike from a heading and a paragraph',
    draft: BUILT.replace(TITLE, '‘Energy\u202fcommunities in\u00a0rural areas’'),
    edit: ['rural', 'remote'],
    files: { 'opinion.yaml': ['title: Energy\u202fcommunities in\u00a0rural areas'] },
    edited: [
      'Header',
      '  Title: [-Opinion of the European Economic and Social Committee on ‘Energy\u202fcommunities in\u00a0rural areas’-]{+Opinion of the European Economic and Social Committee on ‘Energy\u202fcommunities in\u00a0remote areas’+}',
    ],
    imported: [],
  },
];

/** The lines of a diff's output between its first line and its summary. */
function changes(stdout: string): string[] {
  const lines = stdout.trimEnd().split('\n');
  return lines.slice(1, lines.at(-1)?.startsWith('Summary:') ? -1 : undefined).filter((line) => line !== '');
}

async function check(test: Case, draft: string, edited: string, kind: 'md' | 'docx'): Promise<void> {
  const dir = folder();
  const path = join(dir, `draft.${kind}`);
  const editedPath = join(dir, `edited.${kind}`);
  writeFileSync(join(dir, 'draft.md'), draft);
  writeFileSync(join(dir, 'edited.md'), edited);
  if (kind === 'docx') for (const name of ['draft', 'edited']) execFileSync('pandoc', ['-f', 'gfm', join(dir, `${name}.md`), '-o', join(dir, `${name}.docx`)]);
  const result = await importDraft(readFileSync(path), path);
  const files = new Map(result.files.map((file) => [file.path, file.content]));
  for (const [name, lines] of Object.entries(test.files)) {
    expect(files.get(name)?.split('\n'), name).toEqual(expect.arrayContaining(lines.map((line) => expect.stringContaining(line))));
  }
  if (kind === 'md') {
    const warnings = result.report.messages.filter((m) => m.fatal === false);
    expect(warnings.map((m) => `${m.ruleId} ${m.line ?? '-'}:${m.column ?? '-'}`)).toEqual(test.warnings ?? []);
  }
  const imported = join(dir, 'imported');
  await writeImportedFolder(imported, result.files, { schemasDir: join(ROOT, 'schemas') });

  const againstEdit = await runMain(['diff', path, editedPath]);
  expect(changes(againstEdit.stdout)).toEqual(expect.arrayContaining(test.edited));
  expect(againstEdit.code).toBe(1);
  const self = await runMain(['diff', path, path]);
  expect(self.stdout).toContain('No differences.');
  const againstImport = await runMain(['diff', path, imported, '--quiet']);
  expect(changes(againstImport.stdout)).toEqual(test.imported.length === 0 ? ['No differences.'] : test.imported);
  if (test.markdown) expect((await runMain(['diff', path, imported, '--quiet', '--format', 'markdown'])).stdout.split('\n')).toContain(test.markdown);
}

describe('import and diff read a draft by one rule', () => {
  it('imports the built draft and compares it with its import as no difference', async () => {
    await check({ name: 'built', draft: BUILT, edit: ['', ''], files: {}, edited: [], imported: [] }, BUILT, BUILT.replace('rural citizens', 'citizens'), 'md');
  });
  for (const test of CASES) {
    it(`${test.name} (Markdown)`, async () => {
      await check(test, test.draft, test.draft.replace(...test.edit), 'md');
    });
    it(`${test.name} (Word)`, { skip: skipWithout(hasPandoc()) }, async () => {
      await check(test, test.draft, test.draft.replace(...test.edit), 'docx');
    });
  }

  it('(d) reads the title line alike whether it is a heading or a paragraph: its no-break spaces kept, its other spaces one space', () => {
    const title = 'Opinion of the European Economic and Social Committee on ‘Energy\u202fcommunities  in\u00a0rural\tareas’';
    const expected = 'Opinion of the European Economic and Social Committee on ‘Energy\u202fcommunities in\u00a0rural areas’';
    const heading = BUILT.replace(`# Opinion of the European Economic and Social Committee on ${TITLE}`, `# ${title}`);
    const paragraph = BUILT.replace(`# Opinion of the European Economic and Social Committee on ${TITLE}`, title);
    expect(parseMarkdownDraft(heading, 'heading.md').draft.title).toBe(expected);
    expect(parseMarkdownDraft(paragraph, 'paragraph.md').draft.title).toBe(expected);
  });

  it('(d) counts the words of a chapter heading written as a paragraph between spaces of any kind, as import does', async () => {
    // 21 words, two of them joined by a narrow no-break space: too long for a chapter's title, for both readers.
    const long = Array.from({ length: 21 }, (_, i) => `word${i}`)
      .join(' ')
      .replace('word3 word4', 'word3\u202fword4');
    const draft = BUILT.replace('## 2. General comments', `**2. ${long}**`);
    const { draft: read } = parseMarkdownDraft(draft, 'draft.md');
    const imported = await importDraft(Buffer.from(draft), 'draft.md');
    expect(read.chapters.map((chapter) => chapter.number)).toEqual(['1']);
    expect(imported.files.filter((file) => file.path.startsWith('text/')).map((file) => file.path)).toEqual(['text/en/01-conclusions-recommendations.md']);
  });

  it('(c) reads a sub-heading among the points as one of the chapter, the points after it keeping their numbers', () => {
    const { draft } = parseMarkdownDraft(CASES.find((test) => test.name.startsWith('(c)'))!.draft, 'draft.md');
    expect(draft.chapters.map((chapter) => chapter.title)).toEqual(['Conclusions and recommendations', 'General comments']);
    expect(draft.chapters[1]?.points.map((point) => [point.number, point.heading === true, point.text.slice(0, 22)])).toEqual([
      ['2.1', false, 'Rural areas host most '],
      ['', true, 'Obstacles to growth'],
      ['2.2', false, 'Energy communities als'],
    ]);
  });
});
