// What `npm run build` reads, as one hash: the sources, schemas, templates, package files and
// TypeScript configs. `npm run build` ends by writing it to dist/.build-inputs, and the tests'
// global setup (test/global-setup.ts) rebuilds only when the hash differs, so that CI, which
// builds at `npm ci` and then runs the tests on three Node versions, builds once.
// Run: node src/scripts/build-stamp.mjs   (writes the stamp; `--clear` removes it, which `npm run
// build` does first, so that a build that fails half-way never leaves a stamp that matches)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const INPUTS = ['src', 'schemas', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.types.json'];
export const STAMP = join(root, 'dist', '.build-inputs');

function files(path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = join(path, entry.name);
    // src/generated is written by the build itself.
    if (entry.isDirectory()) return relative(root, full) === join('src', 'generated') ? [] : files(full);
    return [full];
  });
}

export function inputsHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(root, input);
    const list = existsSync(path) && !input.includes('.') ? files(path) : existsSync(path) ? [path] : [];
    for (const file of list.sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function buildIsCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === inputsHash();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--clear')) rmSync(STAMP, { force: true });
  else writeFileSync(STAMP, `${inputsHash()}\n`);
}
