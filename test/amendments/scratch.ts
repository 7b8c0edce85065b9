/** A scratch copy of the sample opinion for the amendments tests. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const SAMPLE = join(ROOT, 'opinions', 'see-migrants');

/** A scratch folder holding a copy of the sample as `opinions/see-migrants` (so schema links resolve as in the repository). */
export function scratch(): { root: string; sample: string } {
  const root = mkdtempSync(join(tmpdir(), 'opinion-amendments-'));
  cpSync(join(ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
  cpSync(SAMPLE, join(root, 'opinions', 'see-migrants'), { recursive: true });
  return { root, sample: join(root, 'opinions', 'see-migrants') };
}

/** Append amendments (YAML list items, indented as in the file) to the copy's `amendments.yaml`. */
export function appendAmendments(sample: string, items: string): void {
  const file = join(sample, 'amendments.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}${items}`);
}

/**
 * An amendment on every point `ids` names, in the manner of the benchmark's
 * (bench/amendments.mjs): each action in turn, the point's wording replaced
 * by `text(n)` (long struck and bold runs), a reason of `reason(n)`.
 */
export function rewritingAmendments(ids: readonly string[], text: (n: number) => string, reason: (n: number) => string): Record<string, unknown>[] {
  return ids.map((target, i) => ({
    id: `am-x${i}`,
    number: i + 1,
    stage: 'section',
    by: [`Member ${String.fromCharCode(65 + (i % 26))}MEMBER`],
    target,
    action: ['amend', 'delete', 'insert-after', 'insert-before'][i % 4]!,
    ...(i % 4 === 2 || i % 4 === 3 ? { new_id: `p-new-${i}` } : {}),
    ...(i % 4 === 1 ? {} : { text: text(i + 1) }),
    reason: reason(i + 1),
    position: i % 3 === 0 ? 'accept' : 'reject',
  }));
}

/** Every Markdown file under `dir` (node_modules and dot folders left out). */
export function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Words and Markdown markers that random texts are made of, for the differential tests of the fast paths. */
export const MARKDOWN_PIECES: readonly string[] = [
  'word',
  'é',
  '1',
  ' ',
  ' ',
  '\n',
  '*',
  '**',
  '_',
  '__',
  '.',
  ',',
  '(',
  ')',
  '‘',
  '’',
  '-',
  ':',
  ':ref{#c-known}',
  '#',
  '>',
  '1.',
  '€',
  '\t',
  '[^1]',
  '~',
  '\\',
];
