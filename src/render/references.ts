/**
 * Cross-references: `:ref{#id}` renders the current label of its target —
 * "point 3.2", "chapter 2", "footnote 4", an evidence item's title, a
 * principle's title when it is not placed in the text — so references follow
 * renumbering. `:ref[own words]{#id}` keeps the author's words and links
 * them. A reference to an unknown id is an error at its place.
 *
 * A resolved reference is a link (to the target's anchor in HTML) marked
 * with `data.opinionRef`; the Markdown writer keeps only its text.
 */
import { TO_BE_COMPLETED } from '../core/placeholders.js';
import type { Link, PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { didYouMeanNearest, report, suggest } from '../core/messages.js';
import type { RenderContext } from './context.js';
import { formatLongDate } from './dates.js';
import type { Chapter, Footnote, Target } from './ir.js';
import { fillPhrasing } from '../labels/labels.js';
import { footnoteAnchor } from './anchors.js';
import { replaceNodes } from './replace-nodes.js';
import { parsePhrasing, pick } from './source-text.js';
import type { Unit } from './units.js';
import './mdast-data.js';

export type Targets = Map<string, Target>;

/** Every id a reference may point to in this draft, with its label. */
export function collectTargets(ctx: RenderContext, chapters: Chapter[], footnotesByLabel: Map<string, Footnote>): Targets {
  const targets: Targets = new Map();
  const set = (id: string | undefined, target: Target) => {
    if (typeof id === 'string' && !targets.has(id)) targets.set(id, target);
  };
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];

  for (const chapter of chapters) {
    set(chapter.id, {
      kind: 'chapter',
      anchor: chapter.id,
      label: chapter.numbered ? fillPhrasing(ctx.labels, 'refs.chapter', { number: chapter.number }) : structuredClone(chapter.title),
    });
    for (const block of chapter.blocks) {
      if ((block.type === 'point' || block.type === 'heading') && block.id) {
        set(block.id, {
          kind: block.type === 'heading' ? 'heading' : block.kind,
          anchor: block.id,
          label: block.number ? fillPhrasing(ctx.labels, 'refs.point', { number: block.number }) : structuredClone(chapter.title),
        });
      }
    }
  }
  for (const [label, footnote] of footnotesByLabel) {
    set(label, { kind: 'footnote', anchor: footnoteAnchor(footnote.number), label: fillPhrasing(ctx.labels, 'refs.footnote', { number: footnote.number }) });
  }

  // Items that are not points of this draft: their own words.
  ctx.opinion.principles.forEach((principle, i) => {
    if (typeof principle.id !== 'string' || targets.has(principle.id)) return;
    const picked = pick(ctx, principle.title, { kind: 'principles', pointer: `/principles/${i}/title`, what: `\`title\` of principle \`${principle.id}\`` });
    if (picked) set(principle.id, { kind: 'principle', label: parsePhrasing(picked, '`title`') });
  });
  ctx.opinion.recommendations.forEach((recommendation) => {
    if (typeof recommendation.id === 'string' && !targets.has(recommendation.id)) set(recommendation.id, { kind: 'unplaced-recommendation', label: [] });
  });
  ctx.opinion.evidence.forEach((evidence, i) => {
    if (typeof evidence.id !== 'string') return;
    const picked = pick(ctx, evidence.title, { kind: 'evidence', pointer: `/evidence/${i}/title`, what: `\`title\` of evidence \`${evidence.id}\`` });
    if (picked) set(evidence.id, { kind: 'evidence', label: parsePhrasing(picked, '`title`') });
    (Array.isArray(evidence.facts) ? evidence.facts : []).forEach((fact, j) => {
      if (typeof fact?.id !== 'string') return;
      const factText = pick(ctx, fact.text, { kind: 'evidence', pointer: `/evidence/${i}/facts/${j}/text`, what: `\`text\` of fact \`${fact.id}\`` });
      if (factText) set(fact.id, { kind: 'fact', label: parsePhrasing(factText, '`text`').filter((n) => n.type !== 'footnoteReference') });
    });
  });
  ctx.opinion.hearings.forEach((hearing, i) => {
    if (typeof hearing.id !== 'string') return;
    const place = pick(ctx, hearing.place, { kind: 'hearings', pointer: `/hearings/${i}/place`, what: `\`place\` of hearing \`${hearing.id}\`` });
    const date = hearing.date === TO_BE_COMPLETED ? ctx.labels.text['values.to-be-completed'] : formatLongDate(String(hearing.date ?? ''), ctx.labels);
    const values: Record<string, string> = { date, place: place?.text ?? '', title: '' };
    set(hearing.id, { kind: 'hearing', label: fillPhrasing(ctx.labels, 'refs.hearing', values) });
    (Array.isArray(hearing.speakers) ? hearing.speakers : []).forEach((speaker) => {
      if (typeof speaker?.id === 'string' && typeof speaker.name === 'string') set(speaker.id, { kind: 'speaker', label: text(speaker.name) });
    });
  });
  ctx.opinion.glossary.forEach((entry) => {
    if (typeof entry.id === 'string' && typeof entry.term === 'string') set(entry.id, { kind: 'glossary', label: text(entry.term) });
  });
  const amendments = ctx.opinion.meta.appendix?.amendments;
  (Array.isArray(amendments) ? amendments : []).forEach((amendment, i) => {
    if (typeof amendment?.id === 'string') {
      set(amendment.id, { kind: 'amendment', anchor: amendment.id, label: fillPhrasing(ctx.labels, 'refs.amendment', { number: i + 1 }) });
    }
  });
  return targets;
}

/** Replace every `:ref` under the units by its label. */
export function resolveReferences(units: Iterable<Unit>, targets: Targets): void {
  // The unit's list is treated as the children of a parent, so that a `:ref` at its top level is replaced in place.
  for (const unit of units) {
    replaceNodes({ type: 'paragraph', children: unit.nodes as PhrasingContent[] }, (child) =>
      child.type === 'textDirective' && child.name === 'ref' ? [resolve(child, unit.file, targets)] : undefined,
    );
  }
}

function resolve(directive: TextDirective, file: VFile, targets: Targets): PhrasingContent {
  const id = directive.attributes?.id;
  if (typeof id !== 'string' || id === '') {
    report(file, 'Missing id in `:ref`, expected `:ref{#id}`', { ruleId: 'ref/malformed', place: directive.position });
    return { type: 'text', value: '[?]' };
  }
  const target = targets.get(id);
  if (!target) {
    const near = suggest(id, targets.keys());
    // A build that renders despite validation errors (`opinion diff` of a folder) has the finding already, from validation.
    const known = file.messages.some(
      (m) => m.ruleId === 'ref/unknown-id' && m.line === directive.position?.start.line && m.column === directive.position?.start.column,
    );
    if (!known)
      report(
        file,
        `Unexpected unknown id \`${id}\` in \`:ref\`${didYouMeanNearest(near, ', expected the id of a point, heading, chapter, footnote, principle, recommendation or evidence item')}`,
        {
          ruleId: 'ref/unknown-id',
          place: directive.position,
          expected: near,
        },
      );
    return { type: 'text', value: `[${id}]` };
  }
  if (target.kind === 'unplaced-recommendation') {
    report(file, `Unexpected reference to recommendation \`${id}\`, which is not in the text, expected a \`::recommendations\` slot that places it`, {
      ruleId: 'ref/not-placed',
      place: directive.position,
    });
    return { type: 'text', value: `[${id}]` };
  }
  const own = directive.children.length > 0 ? (directive.children as PhrasingContent[]) : structuredClone(target.label);
  const link: Link = {
    type: 'link',
    url: target.anchor ? `#${target.anchor}` : '',
    children: own,
    data: { opinionRef: id, hProperties: { className: ['ref'] } },
  };
  if (directive.position) link.position = directive.position;
  return link;
}
