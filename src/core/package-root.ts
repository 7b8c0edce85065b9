/**
 * The package's own folder (holding package.json, schemas/, templates/,
 * dist/), found from this module's location: `dist/…` when bundled,
 * `src/core/` when run from source.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    dir = dirname(dir);
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
