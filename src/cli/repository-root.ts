/**
 * The repository around the current folder, for paths in `--format github`
 * and `--format sarif`: GitHub reads them relative to the repository's root,
 * whatever `working-directory` a workflow step runs in.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Io } from './io.js';

export function repositoryRoot(io: Io): string {
  // In a GitHub workflow the checkout is GITHUB_WORKSPACE (the repository's root).
  const workspace = io.env.GITHUB_WORKSPACE;
  if (workspace && isAbsolute(workspace)) {
    const inside = relative(workspace, io.cwd);
    if (!inside.startsWith('..') && !isAbsolute(inside)) return workspace;
  }
  for (let dir = io.cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return io.cwd;
  }
}
