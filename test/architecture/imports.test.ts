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

/** Arrows the architecture forbids (docs/architecture.md says why). */
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
  return relative(SRC, path).split(sep)[0] as string;
}

/** Folder-level arrows, each with one file-level example. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = topOf(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName);
      if (!target.startsWith(SRC + sep)) continue;
      const to = topOf(target);
      if (to === from || to === 'generated') continue;
      const arrows = graph.get(from) ?? new Map<string, string>();
      if (!arrows.has(to)) arrows.set(to, `${relative(SRC, file)} → ${fileName}`);
      graph.set(from, arrows);
    }
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
  const graph = folderGraph();

  it('is read from the sources (the reader sees the arrows it is meant to police)', () => {
    expect(graph.get('cli')?.has('diff')).toBe(true);
    expect(graph.get('diff')?.has('word')).toBe(true);
    expect(graph.get('import')?.has('drafts')).toBe(true);
    expect(graph.get('cli')?.has('amendments')).toBe(true);
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
    const present = FORBIDDEN.filter(([from, to]) => graph.get(from)?.has(to)).map(([from, to]) => `${from} → ${to}: ${graph.get(from)?.get(to)}`);
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
