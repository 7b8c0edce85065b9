import { defineRule, describeBlock } from '../rule.js';
import { allBlocks, type TextBlock } from '../../text/model.js';
import type { Mark } from '../../text/model.js';

export default defineRule(
  {
    id: 'refs/cycle',
    description: 'Report circular "see point" chains',
    rationale:
      'When point 1.2 says "see point 3.4" and point 3.4 says "see point 1.2", the reader goes round in circles ' +
      'and neither point says the thing itself. Cross-references (`:ref{#id}`) between points, headings, and the ' +
      'principles and recommendations placed in the text form a graph; each cycle is reported once, at the ' +
      'reference that starts it in reading order. Self-references are `refs/self-reference`.',
    severity: 'warning',
    examples: [
      {
        title: 'Two points referring to each other',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-funding} Funding must be stable (see :ref{#sc-funding}).\n',
          'text/en/02-specific-comments.md': '# Specific comments\n\n{#sc-funding} Integration takes years (see :ref{#c-funding}).\n',
        },
        findings: [
          'text/en/01-conclusions.md:3:42-3:59: Unexpected circular references point 1.1 (`c-funding`) → point 2.1 (`sc-funding`) → point 1.1 (`c-funding`), expected a chain of references that ends',
        ],
      },
      {
        title: 'References that lead somewhere',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-funding} Funding must be stable (see :ref{#sc-funding}).\n',
          'text/en/02-specific-comments.md': '# Specific comments\n\n{#sc-funding} Integration takes years.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { text } = context;
    const inOriginal = new Set<string>();
    for (const lang of text.langs) {
      const blocks = allBlocks(text.byLang.get(lang)).filter((b) => b.id && b.kind !== 'footnote' && b.kind !== 'title');
      const byId = new Map<string, TextBlock>();
      for (const block of blocks) if (!byId.has(block.id!)) byId.set(block.id!, block);
      const edges = new Map<string, Mark[]>();
      for (const block of blocks)
        edges.set(
          block.id!,
          block.refs.filter((r) => r.id !== block.id && byId.has(r.id)),
        );
      for (const component of stronglyConnected([...byId.keys()], (id) => (edges.get(id) ?? []).map((r) => r.id))) {
        if (component.length < 2) continue;
        const members = new Set(component);
        const start = blocks.find((b) => members.has(b.id!))!;
        const path = cycleFrom(start.id!, members, (id) => (edges.get(id) ?? []).map((r) => r.id));
        const key = [...component].sort().join(' ');
        if (lang === text.original) inOriginal.add(key);
        else if (inOriginal.has(key)) continue;
        const firstRef = (edges.get(start.id!) ?? []).find((r) => r.id === path[1]);
        const chain = path.map((id) => describeBlock(byId.get(id)!)).join(' → ');
        report(firstRef?.at ?? start.at, `Unexpected circular references ${chain}, expected a chain of references that ends`);
      }
    }
  },
);

/** Tarjan's strongly connected components, in a deterministic order. */
function stronglyConnected(nodes: string[], next: (id: string) => string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      result.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}

/** A shortest path from `start` back to itself inside a component (breadth first). */
function cycleFrom(start: string, members: Set<string>, next: (id: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next(v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = previous.get(u)) path.splice(1, 0, u);
        path.push(start);
        return path;
      }
      if (!previous.has(w) && w !== start) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
