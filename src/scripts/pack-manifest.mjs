// The published package differs from the repository in two files, for
// `npm pack` / `npm publish` only (`prepack` strip, `postpack` restore):
//
// - package.json has no `prepare` script: dist/ is already built in the
//   tarball, and npm would otherwise ask every user installing a tarball or a
//   folder to approve the script (allowScripts).
// - README.md's relative links (docs/…, LICENSE) become absolute addresses of
//   the same files in this version of the published package on the npm CDN:
//   the registry's page shows the README without a repository to resolve
//   relative links against (package.json has no `repository`, as the project
//   has no public address yet). The docs themselves are shipped in the package
//   (docs/, links between them relative), so they also read in node_modules.
//
// `prepack` builds dist/ and saves both files aside; `postpack` puts them back
// (and `prepack` does too if a pack was interrupted).
import { readFile, rename, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = root + 'package.json';
const saved = root + '.package.json.before-pack';
const readme = root + 'README.md';
const savedReadme = root + '.README.md.before-pack';

/** Where a file of the published package is served: the npm CDN, at this exact version. */
export function packageFileUrl(name, version, path) {
  return `https://cdn.jsdelivr.net/npm/${name}@${version}/${path.replace(/^\.\//, '')}`;
}

/** Markdown links and `<img src>` whose target is relative (not `#…`, not `scheme:`), made absolute. */
export function absoluteLinks(text, url) {
  const relative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('/');
  const parts = text.split(/(^```[\s\S]*?^```)/m);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\]\(([^)\s]+)\)/g, (all, target) => (relative(target) ? `](${url(target)})` : all))
            .replace(/(<img\s[^>]*src=")([^"]+)"/g, (all, start, target) => (relative(target) ? `${start}${url(target)}"` : all)),
    )
    .join('');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (existsSync(saved)) await rename(saved, manifest);
  if (existsSync(savedReadme)) await rename(savedReadme, readme);
  if (process.argv[2] === 'strip') {
    const text = await readFile(manifest, 'utf8');
    const pkg = JSON.parse(text);
    await writeFile(saved, text);
    delete pkg.scripts.prepare;
    await writeFile(manifest + '.tmp', JSON.stringify(pkg, null, 2) + '\n');
    await rename(manifest + '.tmp', manifest);
    if (existsSync(readme)) {
      const original = await readFile(readme, 'utf8');
      await writeFile(savedReadme, original);
      await writeFile(
        readme + '.tmp',
        absoluteLinks(original, (target) => packageFileUrl(pkg.name, pkg.version, target)),
      );
      await rename(readme + '.tmp', readme);
    }
  } else {
    await rm(manifest + '.tmp', { force: true });
    await rm(readme + '.tmp', { force: true });
  }
}
