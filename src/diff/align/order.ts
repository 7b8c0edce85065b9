/**
 * Which aligned groups kept their relative order, and which moved: the
 * heaviest subsequence of groups increasing in both versions stays in place
 * (chapter titles and headings weigh a little more than points, so that when
 * a point crosses a heading it is the point that moved); every other group
 * moved. O(n log n) with a Fenwick tree of prefix maxima.
 */
import type { Group } from './groups.js';

export function inPlace(groups: readonly Group[], weight: (group: Group) => number, newLength: number): boolean[] {
  const order = groups.map((_, i) => i).sort((a, b) => (groups[a]?.old[0] ?? 0) - (groups[b]?.old[0] ?? 0));
  const size = newLength + 1;
  const treeScore = new Float64Array(size + 1);
  const treeGroup = new Int32Array(size + 1).fill(-1);
  const score = new Float64Array(groups.length);
  const previous = new Int32Array(groups.length).fill(-1);

  const query = (position: number): [number, number] => {
    let best = 0;
    let bestGroup = -1;
    for (let i = position; i > 0; i -= i & -i) {
      if ((treeScore[i] as number) > best) {
        best = treeScore[i] as number;
        bestGroup = treeGroup[i] as number;
      }
    }
    return [best, bestGroup];
  };
  const update = (position: number, value: number, group: number): void => {
    for (let i = position; i <= size; i += i & -i) {
      if (value > (treeScore[i] as number)) {
        treeScore[i] = value;
        treeGroup[i] = group;
      }
    }
  };

  let best = -1;
  for (const g of order) {
    const group = groups[g] as Group;
    const position = (group.new[0] ?? 0) + 1;
    const [before, from] = query(position - 1);
    score[g] = before + weight(group);
    previous[g] = from;
    update(position, score[g] as number, g);
    if (best === -1 || (score[g] as number) > (score[best] as number)) best = g;
  }
  const kept = new Array<boolean>(groups.length).fill(false);
  for (let g = best; g !== -1; g = previous[g] as number) kept[g] = true;
  return kept;
}
