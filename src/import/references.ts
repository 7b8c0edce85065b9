/**
 * "point 3.2" in the text as a cross-reference (`:ref{#id}`) when its target
 * is certain: a Word cross-reference to the bookmark of an imported point
 * (whatever number Word last printed for it), or else exactly one imported
 * point has that number in the draft and the build gives it the same number.
 * Each one is reported.
 */
import type { PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { escapeRegExp } from '../core/regexp.js';
import type { Labels } from '../labels/labels.js';
import type { Chapter, Item } from './structure.js';

export function linkReferences(chapters: Chapter[], labels: Labels, file: VFile): void {
  const byNumber = new Map<string, Item | null>();
  for (const chapter of chapters) {
    for (const item of chapter.items) {
      if (!item.number || !item.id || item.kind !== 'point') continue;
      byNumber.set(item.number, byNumber.has(item.number) || item.built !== item.number ? null : item);
    }
  }
  // The points a Word draft's cross-references point at, by the bookmarks their paragraphs hold.
  const byAnchor = new Map<string, Item>();
  for (const chapter of chapters)
    for (const item of chapter.items) if (item.id && item.kind === 'point') for (const anchor of item.node.data?.anchors ?? []) byAnchor.set(anchor, item);
  const [before = '', after = ''] = labels.text['refs.point'].split('{number}');
  const pattern = new RegExp(`${escapeRegExp(before)}(\\d+(?:\\.\\d+)+)${escapeRegExp(after)}(?![.\\d])`, 'gu');
  const rewrite = (nodes: PhrasingContent[], where: Item): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    for (const node of nodes) {
      if (node.type !== 'text') {
        if ('children' in node && node.type !== 'link')
          (node as { children: PhrasingContent[] }).children = rewrite((node as { children: PhrasingContent[] }).children, where);
        out.push(node);
        continue;
      }
      let last = 0;
      const anchored = node.data?.opinionRef === undefined ? undefined : byAnchor.get(node.data.opinionRef);
      for (const match of node.value.matchAll(pattern)) {
        const target = anchored ?? byNumber.get(match[1] as string);
        if (!target?.id) continue;
        out.push({ type: 'text', value: node.value.slice(last, match.index) });
        out.push({ type: 'textDirective', name: 'ref', attributes: { id: target.id }, children: [] } as unknown as PhrasingContent);
        last = (match.index ?? 0) + match[0].length;
        const stale =
          anchored && match[1] !== target.number
            ? ` (Word showed the number it had before the points were renumbered; the draft numbers it ${target.number})`
            : '';
        report(
          file,
          `Recognised \`${match[0]}\` as a cross-reference to \`${target.id}\`${anchored ? ', by its Word bookmark' : ''}: written \`:ref{#${target.id}}\`, which follows renumbering${stale}`,
          { ruleId: 'import/reference', severity: 'info', place: where.node.position },
        );
      }
      if (last === 0) out.push(node);
      else if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
    }
    return out.filter((node) => !(node.type === 'text' && node.value === ''));
  };
  for (const chapter of chapters) {
    for (const item of chapter.items) item.phrasing = rewrite(item.phrasing, item);
  }
}
