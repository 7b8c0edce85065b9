/**
 * The library as a TypeScript user gets it: the ```ts example of
 * docs/library.md, importing `eesc-opinion`, type-checks (strict, without
 * skipLibCheck) against the declarations `npm run build` emits into
 * dist/types/; every name the page lists is a real export.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import * as library from '../../src/index.js';

const page = readFileSync(join(ROOT, 'docs', 'library.md'), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(page)![1]!;

/** A strict tsconfig for a user's project next to `file`. */
export function userTsconfig(typeRoots: string): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2023',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023'],
      types: ['node'],
      typeRoots: [typeRoots],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files: ['example.ts'],
  });
}

describe('library for TypeScript users', () => {
  it('the example of docs/library.md type-checks against dist/types', () => {
    expect(existsSync(join(ROOT, 'dist', 'types', 'index.d.ts')), 'run `npm run build` first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'opinion-types-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'eesc-opinion'));
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(dir, 'example.ts'), example + '\nexport { opinion, markdown, html, document, docx, length, redline, sheet, checked, stats };\n');
      writeFileSync(join(dir, 'tsconfig.json'), userTsconfig(join(ROOT, 'node_modules', '@types')));
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8', timeout: 300_000 });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);

      // And a mistake is caught: the declarations are real types, not `any`.
      writeFileSync(join(dir, 'example.ts'), "import { diffDrafts } from 'eesc-opinion';\nconst n: number = diffDrafts;\nexport { n };\n");
      const wrong = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8', timeout: 300_000 });
      expect(wrong.stdout).toMatch(/example\.ts\(2,7\): error TS2322/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('every function the page names is exported', () => {
    const named = new Set<string>();
    // The table's "entry" column and the example's import list.
    for (const row of page.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| module'))) {
      for (const match of (row.split(' | ')[1] ?? '').matchAll(/`([A-Za-z]+)/g)) named.add(match[1]!);
    }
    for (const match of /import \{([\s\S]*?)\} from 'eesc-opinion'/.exec(example)![1]!.matchAll(/[A-Za-z]+/g)) named.add(match[0]);
    const exported = new Set(Object.keys(library));
    const functions = [...named];
    expect(functions.length).toBeGreaterThan(20);
    expect(functions.filter((name) => !exported.has(name))).toEqual([]);
  });
});
