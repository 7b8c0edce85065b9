/**
 * Footnotes as a page of the Official Journal copied from EUR-Lex gives
 * them: a call is a number in brackets after a space ("Third Countries (1),
 * which"), and the notes are paragraphs at the end of the document, each
 * opening with its number ("(1)  Regulation (EU) No 234/2014 …"). They are
 * made Markdown footnotes only when every note at the end is called, in
 * order (1, 2, 3 … as the Journal numbers them), from the text before it;
 * otherwise nothing is changed, and the paragraphs are read as text (nothing
 * is left out).
 */
import type { FootnoteDefinition, FootnoteReference, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../../core/messages.js';
import { inlineText } from '../../render/plain-text.js';

/** A note: "(12)" and white space, at the start of a paragraph. */
const NOTE = /^\((\d{1,3})\)\s+(?=\S)/u;

/** A call: the number in brackets after a space, before white space, punctuation or the end. */
const callOf = (n: number) => new RegExp(`(?<=\\S) \\(${n}\\)(?=$|[\\s.,;:!?…)\\]’”'"»])`, 'u');

/**
 * Pairs the notes at the end of `tree` with their calls: the calls become
 * footnote references, the notes footnote definitions, in the tree. Returns
 * how many were paired.
 */
export function pairJournalFootnotes(tree: Root, file?: VFile): number {
  // The notes: the paragraphs at the very end that open with a number in brackets, numbered 1, 2, 3 …
  let start = tree.children.length;
  while (start > 0) {
    const node = tree.children[start - 1]!;
    if (node.type === 'html' || node.type === 'footnoteDefinition' || node.type === 'definition') {
      start--;
      continue;
    }
    if (node.type !== 'paragraph' || !NOTE.test(inlineText(node.children).text)) break;
    start--;
  }
  const notes = tree.children.slice(start).filter((node): node is Paragraph => node.type === 'paragraph');
  const numbers = notes.map((note) => NOTE.exec(inlineText(note.children).text)!);
  if (notes.length === 0 || numbers.some((number, i) => Number(number[1]) !== i + 1)) return 0;
  // Markdown footnotes of the same labels: the draft has footnotes of its own.
  if (tree.children.some((node) => node.type === 'footnoteDefinition' && /^\d+$/u.test(node.identifier))) return 0;

  // Their calls, in order, in the text before them: found all first, so that nothing changes when one is missing.
  const body: Root = { type: 'root', children: tree.children.slice(0, start) };
  const calls: { node: Text; parent: Parent; at: number }[] = [];
  let next = callOf(1);
  visit(body, 'text', (node, _index, parent) => {
    let from = 0;
    for (;;) {
      const match = calls.length < notes.length ? next.exec(node.value.slice(from)) : null;
      if (!match || !parent) return;
      calls.push({ node, parent, at: from + match.index });
      next = callOf(calls.length + 1);
      from += match.index + match[0].length;
    }
  });
  if (calls.length < notes.length) return 0;

  // Each text node cut at its calls, from the last: the node keeps the text before, so the earlier offsets hold.
  for (let i = calls.length - 1; i >= 0; i--) {
    const { node, parent, at } = calls[i]!;
    const label = String(i + 1);
    const rest = node.value.slice(at + ` (${label})`.length);
    const reference: FootnoteReference = { type: 'footnoteReference', identifier: label, label };
    const after: PhrasingContent[] = rest === '' ? [reference] : [reference, { type: 'text', value: rest }];
    (parent.children as PhrasingContent[]).splice(parent.children.indexOf(node) + 1, 0, ...after);
    node.value = node.value.slice(0, at);
  }
  notes.forEach((note, i) => {
    const label = String(i + 1);
    const skip = numbers[i]![0].length;
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: label,
      label,
      children: [{ type: 'paragraph', children: stripLeading(note.children, skip), position: note.position }],
      position: note.position,
    };
    tree.children[tree.children.indexOf(note)] = definition;
  });
  if (file)
    report(
      file,
      `Read the ${notes.length === 1 ? 'note' : `${notes.length} notes`} at the end of the draft, numbered as the Official Journal numbers them, as footnotes: each called where the text has its number in brackets (“ (1)”)`,
      { ruleId: 'import/journal-footnotes', severity: 'info', place: notes[0]!.position },
    );
  return notes.length;
}

/** Phrasing without its first `skip` characters of text (the number and the spaces after it). */
export function stripLeading(nodes: readonly PhrasingContent[], skip: number): PhrasingContent[] {
  let rest = skip;
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (rest <= 0) {
      out.push(node);
      continue;
    }
    if (node.type === 'text') {
      if (node.value.length <= rest) {
        rest -= node.value.length;
        continue;
      }
      out.push({ ...node, value: node.value.slice(rest) });
      rest = 0;
    } else if ('children' in node) {
      const length = inlineText(node.children as PhrasingContent[]).text.length;
      if (length <= rest) {
        rest -= length;
        continue;
      }
      out.push({ ...node, children: stripLeading(node.children as PhrasingContent[], rest) } as PhrasingContent);
      rest = 0;
    } else out.push(node);
  }
  const first = out[0];
  if (first?.type === 'text') {
    const value = first.value.trimStart();
    if (value === '') out.shift();
    else out[0] = { ...first, value };
  }
  return out;
}
