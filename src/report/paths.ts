import { isAbsolute, relative, sep } from 'node:path';

/** A file or folder path as shown to the user: relative to `cwd` when inside it (`.` for `cwd` itself), with `/` separators. */
export function displayPath(path: string | undefined, cwd: string | undefined): string {
  if (!path) return '(unknown file)';
  let shown = path;
  // A normalised path under cwd (thousands of them in a corpus report): no need for relative().
  if (
    cwd &&
    sep === '/' &&
    path.startsWith(cwd) &&
    path[cwd.length] === '/' &&
    cwd !== '/' &&
    !/\/\.{0,2}(?:\/|$)/.test(path) &&
    !/\/\.{0,2}(?:\/|$)/.test(cwd)
  )
    return path.slice(cwd.length + 1);
  if (cwd && isAbsolute(path)) {
    const rel = relative(cwd, path);
    if (rel === '') shown = '.';
    else if (!rel.startsWith('..') && !isAbsolute(rel)) shown = rel;
  }
  return sep === '/' ? shown : shown.split(sep).join('/');
}
