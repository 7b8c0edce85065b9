/** JSON pointers (RFC 6901), the addresses of values in a source, for modules that do not read YAML. */

/** Escape one JSON pointer segment (RFC 6901: `~` as `~0`, then `/` as `~1`). */
export function escapePointerSegment(segment: string): string {
  // Most segments (keys, indexes) hold neither: no new string for them.
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescape one JSON pointer segment (RFC 6901: `~1` is `/`, `~0` is `~`, in that order). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The unescaped segments of a pointer (`/a~1b/0` → `a/b`, `0`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  const segments = (pointer.charCodeAt(0) === 0x2f ? pointer.slice(1) : pointer).split('/');
  return pointer.includes('~') ? segments.map(unescapePointerSegment) : segments;
}

/** The value at a pointer in parsed `data` (own properties only), if any. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}
