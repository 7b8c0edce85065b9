/**
 * Footnotes, numbered 1, 2… in order of first reference over the whole
 * draft: GFM footnotes of the chapters (`[^fn-sprar]`, local to their file)
 * and citations (`:cite{#camelot}`), which become footnotes holding the
 * source. Citing the same source twice (an item, or facts of an item that
 * have no source of their own) refers to the same footnote. References
 * inside footnotes are numbered after the body's, as readers meet them.
 *
 * References are rewritten to the footnote's number (`[^3]`), so that the
 * Markdown output reads like the draft and the HTML footnote numbers match.
 */
import type { BlockContent, FootnoteDefinition, FootnoteReference, Nodes, PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { didYouMeanNearest, report, suggest } from '../core/messages.js';
import type { RenderContext } from './context.js';
import { citationContent } from './citations.js';
import type { Chapter, Footnote } from './ir.js';
import { chapterUnits, type Unit } from './units.js';

export interface FootnoteResult {
  footnotes: Footnote[];
  /** Footnote label (as written in the source) → footnote, for `:ref{#fn-…}`. */
  byLabel: Map<string, Footnote>;
}

export function numberFootnotes(ctx: RenderContext, chapters: Chapter[], definitions: Map<VFile, Map<string, FootnoteDefinition>>): FootnoteResult {
  // The text as published (OJ layout) places calls identically in every language version, before any
  // punctuation (Interinstitutional Style Guide, 8.1); drafts follow the language's label `footnote-call`.
  const placement = ctx.numbering === 'oj' ? 'before-punctuation' : ctx.labels.text['footnote-call'];
  const footnotes: Footnote[] = [];
  const byKey = new Map<string, Footnote>();
  const byLabel = new Map<string, Footnote>();

  const add = (key: string, make: (number: string) => Footnote): Footnote => {
    let footnote = byKey.get(key);
    if (!footnote) {
      footnote = make(String(footnotes.length + 1));
      byKey.set(key, footnote);
      footnotes.push(footnote);
    }
    return footnote;
  };

  const visitUnit = (unit: Unit) => {
    const scan = (node: Nodes) => {
      if (!('children' in node)) return;
      const children = node.children as Nodes[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'footnoteReference') {
          const definition = definitions.get(unit.file)?.get(child.identifier);
          if (!definition) continue;
          const footnote = add(`${unit.file.path}#${child.identifier}`, (number) => ({
            number,
            id: child.identifier,
            kind: 'footnote',
            content: structuredClone(definition.children) as BlockContent[],
            file: unit.file,
            at: definition.position,
          }));
          if (!byLabel.has(child.identifier)) byLabel.set(child.identifier, footnote);
          child.identifier = footnote.number;
          child.label = footnote.number;
          i = placeCall(children, i, placement);
        } else if (child.type === 'textDirective' && child.name === 'cite') {
          const reference = citation(ctx, child, unit.file, add);
          if (reference) {
            trimBefore(children, i);
            children[i] = reference;
            i = placeCall(children, i, placement);
          }
        } else scan(child);
      }
    };
    scan({ type: 'paragraph', children: unit.nodes as PhrasingContent[] });
  };

  for (const unit of chapterUnits(chapters)) visitUnit(unit);
  // Footnotes that refer to further footnotes or cite: in number order, as a reader meets them.
  for (let i = 0; i < footnotes.length; i++) {
    const footnote = footnotes[i]!;
    visitUnit({ nodes: footnote.content, file: footnote.file, role: 'footnote' });
  }

  return { footnotes, byLabel };
}

function citation(
  ctx: RenderContext,
  directive: TextDirective,
  file: VFile,
  add: (key: string, make: (number: string) => Footnote) => Footnote,
): FootnoteReference | undefined {
  const id = directive.attributes?.id;
  if (typeof id !== 'string' || id === '') {
    report(file, 'Missing id in `:cite`, expected `:cite{#evidence-id}`', { ruleId: 'ref/malformed', place: directive.position });
    return undefined;
  }
  const found = findCited(ctx, id);
  if (!found) {
    const known = ctx.opinion.evidence.flatMap((e) => [e.id, ...(Array.isArray(e.facts) ? e.facts.map((f) => f.id) : [])]);
    const near = suggest(
      id,
      known.filter((k): k is string => typeof k === 'string'),
    );
    report(file, `Unexpected unknown evidence \`${id}\` in \`:cite\`${didYouMeanNearest(near, ', expected the id of an evidence item or fact')}`, {
      ruleId: 'ref/unknown-id',
      place: directive.position,
      expected: near,
    });
    return undefined;
  }
  // Facts without a source of their own share their item's footnote: the same source, cited once.
  const shared = !found.fact?.fact.source;
  const footnote = add(shared ? `cite:${found.evidence.id}` : `cite:${id}`, (number) => ({
    number,
    id: shared ? found.evidence.id : id,
    kind: 'citation',
    content: [{ type: 'paragraph', children: citationContent(ctx, found.evidence, found.index, found.fact) }],
    file: ctx.yamlFile('evidence'),
    at: ctx.locate('evidence', found.fact ? `/evidence/${found.index}/facts/${found.fact.index}/id` : `/evidence/${found.index}/id`)?.position,
  }));
  return { type: 'footnoteReference', identifier: footnote.number, label: footnote.number, position: directive.position };
}

function findCited(ctx: RenderContext, id: string) {
  for (const [index, evidence] of ctx.opinion.evidence.entries()) {
    if (evidence.id === id) return { evidence, index, fact: undefined };
    const facts = Array.isArray(evidence.facts) ? evidence.facts : [];
    for (const [j, fact] of facts.entries()) {
      if (fact?.id === id) return { evidence, index, fact: { fact, index: j } };
    }
  }
  return undefined;
}

/** A footnote mark follows its word: drop the space written before `:cite`. */
function trimBefore(children: Nodes[], index: number): void {
  const previous = children[index - 1] as PhrasingContent | undefined;
  if (previous && previous.type === 'text') previous.value = previous.value.replace(/[ \t]+$/, '');
}

/** Punctuation a footnote call moves across, by the language's convention. */
const CALL_PUNCTUATION = /^[.,;:]+/u;

/**
 * The call at `children[i]` placed by the language's convention (label
 * `footnote-call`): after `.,;:` ("migrants.¹", English, German) or before it
 * ("migrants¹.", French, Italian); `as-written` leaves it. The text as
 * published in the Official Journal (OJ layout) puts it before in every
 * language. Citations and hand-written footnotes are placed alike. Returns
 * the call's new index.
 */
function placeCall(children: Nodes[], i: number, placement: string): number {
  if (placement === 'after-punctuation') {
    const next = children[i + 1];
    if (next?.type !== 'text') return i;
    let moved = CALL_PUNCTUATION.exec(next.value)?.[0];
    if (!moved) return i;
    next.value = next.value.slice(moved.length);
    if (next.value === '') children.splice(i + 1, 1);
    const previous = children[i - 1];
    // `e.g. :cite{#x}.`: the abbreviation's dot ends the sentence too (`e.g.¹`, not `e.g..¹`).
    if (previous?.type === 'text' && moved.startsWith('.') && /\.\s*$/u.test(previous.value)) moved = moved.slice(1);
    if (moved === '') return i;
    if (previous?.type === 'text') previous.value = previous.value.replace(/\s+$/u, '') + moved;
    else {
      children.splice(i, 0, { type: 'text', value: moved });
      return i + 1;
    }
    return i;
  }
  if (placement === 'before-punctuation') {
    const previous = children[i - 1];
    if (previous?.type !== 'text') return i;
    // `zob. :cite{#x}.`: the call is before the sentence's punctuation already; the dot before it is an abbreviation's.
    const next = children[i + 1];
    if (next?.type === 'text' && CALL_PUNCTUATION.test(next.value)) return i;
    const moved = /[.,;:]+$/u.exec(previous.value)?.[0];
    if (!moved) return i;
    previous.value = previous.value.slice(0, -moved.length);
    if (next?.type === 'text') next.value = moved + next.value;
    else children.splice(i + 1, 0, { type: 'text', value: moved });
    return i;
  }
  return i;
}
