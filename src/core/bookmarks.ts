/**
 * The Word bookmark of an id: letters, digits and `_`, at most 36
 * characters, starting with `_` so that Word lists it among its hidden
 * bookmarks (as cross-reference targets are). The Word build names its
 * bookmarks so (a second id with the same name gets `_2`…); the diff knows a
 * Word draft's cross-reference to an opinion's point by it.
 */
export function bookmarkOf(id: string): string {
  return id.startsWith('_') ? id : `_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 36);
}
