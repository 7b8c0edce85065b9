// Builds dist/: the CLI and the library bundled by esbuild (fast start-up: one
// file per entry instead of hundreds of small modules), with the JSON Schema
// validators compiled ahead of time by ajv (no schema compilation at run time).
// Run by `npm ci` / `npm install` through the `prepare` script.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateValidators } from './generate-validators.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(root + 'package.json', 'utf8'));

await generateValidators(root);
await rm(root + 'dist', { recursive: true, force: true });
try {
  await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts', 'validate-worker': 'src/validate/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  chunkNames: 'chunks/[name]-[hash]',
  define: { OPINION_VERSION: JSON.stringify(pkg.version) },
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "import { createRequire as __opinionCreateRequire } from 'node:module'; const require = __opinionCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
} catch {
  // esbuild has already printed the errors with their places.
  process.exitCode = 1;
}
