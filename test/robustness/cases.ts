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
  { name: 'a table of 100,000 rows', apply: addToChapter('| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(100_000)) },
  { name: 'a table of 50,000 columns', apply: addToChapter('|a'.repeat(50_000) + '|\n' + '|-'.repeat(50_000) + '|\n' + '|x'.repeat(50_000) + '|') },
  {
    name: '20,000 footnotes',
    apply: addToChapter(Array.from({ length: 20_000 }, (_, i) => `{#p-f${i}} Point.[^f${i}]\n\n[^f${i}]: Note ${i}.`).join('\n\n')),
  },
  { name: '2,000 nested quotes', apply: addToChapter('>'.repeat(2_000) + ' deep') },
  { name: '2,000 nested lists', apply: addToChapter(Array.from({ length: 2_000 }, (_, i) => '  '.repeat(i) + '- x').join('\n')) },
  {
    name: 'a 100 KB YAML title of `*_`',
    apply: (dir) => {
      const path = join(dir, 'opinion.yaml');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title:.*$/m, `title: "${'*_'.repeat(50_000)}"`));
    },
  },
  { name: 'YAML flow nested 20,000 deep', apply: (dir) => writeFileSync(join(dir, 'glossary.yaml'), 'glossary: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n') },
  { name: 'YAML block sequence nested 3,000 deep', apply: (dir) => writeFileSync(join(dir, 'glossary.yaml'), 'glossary:\n  ' + '- '.repeat(3_000) + 'x\n') },
  {
    name: 'a plural rule that backtracks catastrophically',
    apply: (dir) => labelFile(dir, "lang: en\nglossary:\n  plural-rules:\n    - ['^(a+)+b$', 'x']\n"),
  },
  { name: 'an invalid locale in a label file', apply: (dir) => labelFile(dir, 'lang: en\nlocale: zz-!!-invalid\n') },
];
