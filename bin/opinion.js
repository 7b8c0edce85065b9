#!/usr/bin/env node
// Launcher: the CLI is bundled into dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
let run;
try {
  ({ run } = await import(cli.href));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(cli))) throw error;
  // A clone where nothing was installed yet: say what to run, not a stack.
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`opinion: not built yet: run \`npm ci\` in ${root} first (it installs and builds dist/)\n`);
  process.exit(2);
}
process.exitCode = await run();
