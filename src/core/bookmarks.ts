import { ID_PATTERN } from './markdown-syntax.js';

/**
 * The Word bookmark of an id: letters, digits and `_`, at most 36
 * characters, starting with `_` so that Word lists it among its hidden
 * bookmarks (as cross-reference targets are). The Word build names its
 * bookmarks so (a second id with the same name gets `_2`…); the diff knows a
 * Word draft's cross-reference to an opinion's point by it.
 */
export function bookmarkOf(id: string): string {
  return id.startsWith('_') ? id : `_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, LONGEST);
}

/** Word's longest bookmark name. */
const LONGEST = 36;

/**
 * The id a bookmark `bookmarkOf` wrote stands for (`_c_networks` → `c-networks`):
 * ids have no `_`, so the name gives it back, unless it was cut at the
 * longest length. Not Word's own (`_Ref12…`, `_GoBack`: no ids) nor the
 * build's footnote marks (`_fnref2`).
 */
export function idOfBookmark(name: string): string | undefined {
  const id = name.slice(1).replace(/_/g, '-');
  return name.startsWith('_') && !name.startsWith('_fnref') && name.length < LONGEST && ID_PATTERN.test(id) ? id : undefined;
}
