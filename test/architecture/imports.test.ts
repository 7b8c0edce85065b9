/**
 * The import graph between the top-level folders of src/: data flows one way
 * (paths → sources → validated opinion → per-language text → draft → outputs),
 * so no folder may reach back into one that depends on it. The graph is read
 * with the TypeScript compiler's own pre-processor (static imports, re-exports,
 * type-only imports and dynamic `import()` alike: a cycle hidden behind a
 * dynamic import is still a cycle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Arrows the architecture forbids (docs/architecture.md says why), between folders of src/ at any depth. */
const FORBIDDEN: ReadonlyArray<readonly [from: string, to: string]> = [
  ['import', 'diff'],
  ['diff', 'render'],
  ['word', 'diff'],
  ['drafts', 'diff'],
  ['drafts', 'import'],
  ['render', 'drafts'],
  ['render', 'check'],
  ['validate', 'render'],
  ['labels', 'render'],
  ['labels', 'validate'],
  ['render', 'translate'],
  ['validate', 'translate'],
  // The opinion pipeline (opinion/) sits above render/: rendering takes data, never an opened opinion.
  ['render', 'opinion'],
  ['validate', 'opinion'],
  ['text', 'opinion'],
  ['labels', 'opinion'],
  // Inside diff/: the comparison is pure data for every output; no format feeds it.
  ['diff/compare', 'diff/format'],
];

/** Folders below every other: they import no other folder of src/ (generated code aside). */
const BOTTOM = ['core'];

/** Folders just above the bottom: they import nothing of src/ but these (the on-disk result cache needs only the atomic writer). */
const ABOVE_BOTTOM: ReadonlyArray<readonly [folder: string, allowed: readonly string[]]> = [['cache', ['core']]];

/** Entry points loaded by path, never imported (worker.ts: the worker-pool thread, bundled as dist/worker.cjs and run by bin/worker.js, which core/worker-pool.ts starts). */
const ENTRIES = ['index.ts', 'worker.ts'];

/**
 * Folders at the top, under the command line: nothing but `cli/` and
 * `index.ts` imports them (the amendments commands use render, check, diff,
 * drafts and validate; the source kind, the appendix, the rules and the
 * attribution live in those folders, not here).
 */
const TOP = ['cli', 'amendments'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|mts)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top-level part of src/ a file belongs to: its folder, or the file itself (index.ts, version.ts). */
function topOf(path: string): string {
  return path.split(sep)[0] as string;
}

/** Every import of one file of src/ by another, as paths relative to src/. */
function fileArrows(): [from: string, to: string][] {
  return sourceFiles(SRC).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? resolve(dirname(file), fileName) : ''))
      .filter((target) => target.startsWith(SRC + sep))
      .map((target): [string, string] => [relative(SRC, file), relative(SRC, target)]),
  );
}

/** Whether a path relative to src/ lies in `folder` (a path of folders: "diff", "diff/compare"). */
const inside = (path: string, folder: string): boolean => path.split(sep).slice(0, folder.split('/').length).join('/') === folder;

/** Folder-level arrows, each with one file-level example. */
function folderGraph(arrows: readonly [string, string][]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const [file, target] of arrows) {
    const from = topOf(file);
    const to = topOf(target);
    if (to === from || to === 'generated') continue;
    const out = graph.get(from) ?? new Map<string, string>();
    if (!out.has(to)) out.set(to, `${file} → ${target}`);
    graph.set(from, out);
  }
  return graph;
}

/** Every cycle between folders, each as the folders it passes through (found by depth-first search). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at !== -1) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        found.push([...cycle, node]);
      }
      return;
    }
    for (const next of graph.get(node)?.keys() ?? []) visit(next, [...path, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

describe('the import graph of src/', () => {
  const arrows = fileArrows();
  const graph = folderGraph(arrows);

  it('is read from the sources (the reader sees the arrows it is meant to police)', () => {
    expect(graph.get('cli')?.has('diff')).toBe(true);
    expect(graph.get('diff')?.has('word')).toBe(true);
    expect(graph.get('import')?.has('drafts')).toBe(true);
    expect(graph.get('cli')?.has('amendments')).toBe(true);
    expect(arrows.some(([file, target]) => inside(file, 'diff/format') && inside(target, 'diff/compare'))).toBe(true);
    expect(
      cycles(
        new Map([
          ['a', new Map([['b', 'x']])],
          ['b', new Map([['a', 'y']])],
        ]),
      ),
    ).toEqual([['a', 'b', 'a']]);
  });

  it('has no cycle between top-level folders', () => {
    const described = cycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${cycle[i]} → ${to} (${graph.get(cycle[i] as string)?.get(to)})`)
        .join(', '),
    );
    expect(described).toEqual([]);
  });

  it('has none of the forbidden arrows', () => {
    const present = FORBIDDEN.flatMap(([from, to]) => {
      const found = arrows.find(([file, target]) => inside(file, from) && inside(target, to));
      return found ? [`${from} → ${to}: ${found.join(' → ')}`] : [];
    });
    expect(present).toEqual([]);
  });

  it('keeps the bottom folders free of imports from the rest of src/', () => {
    const present = BOTTOM.flatMap((from) => [...(graph.get(from) ?? new Map<string, string>())].map(([to, example]) => `${from} → ${to}: ${example}`));
    expect(present).toEqual([]);
    const beyond = ABOVE_BOTTOM.flatMap(([from, allowed]) =>
      [...(graph.get(from) ?? new Map<string, string>())].filter(([to]) => !allowed.includes(to)).map(([to, example]) => `${from} → ${to}: ${example}`),
    );
    expect(beyond).toEqual([]);
  });

  it('is imported by nothing but the command line and the library entry at the top', () => {
    for (const top of TOP) {
      const intoTop = [...graph]
        .filter(([from, arrows]) => from !== 'index.ts' && from !== 'cli' && arrows.has(top))
        .map(([from, arrows]) => `${from}: ${arrows.get(top)}`);
      expect(intoTop, `imports of ${top}/`).toEqual([]);
    }
    const intoEntries = [...graph].flatMap(([from, arrows]) => ENTRIES.filter((entry) => arrows.has(entry)).map((entry) => `${from}: ${arrows.get(entry)}`));
    expect(intoEntries).toEqual([]);
  });
});
