/**
 * The hostile and accidental inputs of issue 18, each generated into a copy
 * of a small valid opinion: what the suite feeds every command.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MarkdownCase {
  name: string;
  /** Change the opinion at `dir`. */
  apply: (dir: string) => void;
}

function firstChapter(dir: string): string {
  const folder = join(dir, 'text', 'en');
  return join(folder, readdirSync(folder).sort()[0]!);
}

function labelFile(dir: string, text: string): void {
  mkdirSync(join(dir, 'labels'), { recursive: true });
  writeFileSync(join(dir, 'labels', 'en.yaml'), text);
}

const addToChapter = (text: string) => (dir: string) => appendFileSync(firstChapter(dir), `\n${text}\n`);

/** Markdown and YAML that made a build hang or blow up (item 7) or leak engine errors (item 11). */
export const PATHOLOGICAL: MarkdownCase[] = [
  { name: 'emphasis nested 10,000 deep', apply: addToChapter('*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000)) },
  { name: '`a:b ` × 100,000', apply: addToChapter('a:b '.repeat(100_000)) },
  { name: '`*_` × 200,000', apply: addToChapter('*_'.repeat(200_000)) },
  { name: '`](` × 200,000', apply: addToChapter(']('.repeat(200_000)) },
  { name: 'a table of 100,000 rows (past the limit of 100,000)', apply: addToChapter('| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(100_000)) },
  { name: 'a table of 50,000 columns', apply: addToChapter('|a'.repeat(50_000) + '|\n' + '|-'.repeat(50_000) + '|\n' + '|x'.repeat(50_000) + '|') },
  { name: '2,000 nested quotes', apply: addToChapter('>'.repeat(2_000) + ' deep') },
  { name: '2,000 nested lists', apply: addToChapter(Array.from({ length: 2_000 }, (_, i) => '  '.repeat(i) + '- x').join('\n')) },
  {
    name: 'a 100 KB YAML title of `*_`',
    apply: (dir) => {
      const path = join(dir, 'opinion.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title:.*$/m, `title: "${'*_'.repeat(50_000)}"`));
    },
  },
  {
    name: 'YAML flow nested 20,000 deep',
    apply: (dir) => writeFileSync(join(dir, 'glossary.yaml'), 'glossary: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n'),
  },
  { name: 'YAML block sequence nested 3,000 deep', apply: (dir) => writeFileSync(join(dir, 'glossary.yaml'), 'glossary:\n  ' + '- '.repeat(3_000) + 'x\n') },
  {
    name: 'a plural rule that backtracks catastrophically',
    apply: (dir) => labelFile(dir, "lang: en\nglossary:\n  plural-rules:\n    - ['^(a+)+b$', 'x']\n"),
  },
  { name: 'an invalid locale in a label file', apply: (dir) => labelFile(dir, 'lang: en\nlocale: zz-!!-invalid\n') },
];

/**
 * What a real user could write, however long: built in time and memory that
 * grow in proportion to the text (item 7). 20,000 footnotes and a 100,000-row
 * table are measured in bench/markdown-size.mjs; these are their smaller
 * siblings, so that the suite stays quick on a shared machine.
 */
export const LONG: MarkdownCase[] = [
  {
    name: '5,000 footnotes',
    apply: addToChapter(Array.from({ length: 5_000 }, (_, i) => `{#p-f${i}} Point.[^f${i}]\n\n[^f${i}]: Note ${i}.`).join('\n\n')),
  },
  { name: 'a table of 10,000 rows', apply: addToChapter('| Fund | Share |\n|---|---:|\n' + '| *AMIF* | 20 % |\n'.repeat(10_000)) },
  {
    name: 'a chapter of 1,500 points',
    apply: addToChapter(
      Array.from(
        { length: 1_500 },
        (_, i) =>
          `{#p-l${i}} The Committee *considers* that social economy enterprises, as set out in [the report](https://example.org/${i}), need **access** to finance; point ${i}.`,
      ).join('\n\n'),
    ),
  },
];
