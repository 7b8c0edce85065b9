// The published package.json has no `prepare` script: dist/ is already built
// in the tarball, and npm would otherwise ask every user installing a
// tarball or a folder to approve the script (allowScripts). `prepack` builds
// dist/ and saves package.json aside with that script removed; `postpack`
// puts the original back (and `prepack` does too if a pack was interrupted).
import { readFile, rename, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = root + 'package.json';
const saved = root + '.package.json.before-pack';

if (existsSync(saved)) await rename(saved, manifest);
if (process.argv[2] === 'strip') {
  const text = await readFile(manifest, 'utf8');
  const pkg = JSON.parse(text);
  await writeFile(saved, text);
  delete pkg.scripts.prepare;
  await writeFile(manifest + '.tmp', JSON.stringify(pkg, null, 2) + '\n');
  await rename(manifest + '.tmp', manifest);
} else {
  await rm(manifest + '.tmp', { force: true });
}
