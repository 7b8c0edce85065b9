import { isAbsolute, relative, sep } from 'node:path';

/** A file path as shown to the user: relative to `cwd` when inside it, with `/` separators. */
export function displayPath(path: string | undefined, cwd: string | undefined): string {
  if (!path) return '(unknown file)';
  let shown = path;
  if (cwd && isAbsolute(path)) {
    const rel = relative(cwd, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) shown = rel;
  }
  return sep === '/' ? shown : shown.split(sep).join('/');
}
