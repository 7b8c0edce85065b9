/**
 * The walk that replaces nodes of an mdast tree in place (references,
 * template fields, directives left over, gap marks): each node below `node`
 * that `replace` gives nodes for stands replaced by them, not walked into;
 * every other node is walked into.
 */
import type { Nodes } from 'mdast';

export function replaceNodes(node: Nodes, replace: (child: Nodes) => readonly Nodes[] | undefined): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const replacement = replace(children[i]!);
    if (replacement === undefined) replaceNodes(children[i]!, replace);
    else {
      children.splice(i, 1, ...replacement);
      i += replacement.length - 1;
    }
  }
}
