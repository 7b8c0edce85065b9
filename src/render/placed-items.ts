/**
 * `::principles` and `::recommendations` in a chapter: the items from YAML,
 * placed as points at that spot (ids kept, so `:ref{#rec-funding}` renders
 * "point 1.9"). Each item is placed once, at the first slot that takes it;
 * `::recommendations{addressee=member-states}` takes only those addressed to
 * the Member States, `{group=addressee}` places them under one numbered
 * sub-heading per addressee (an item with several addressees under its
 * first).
 */
import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { ADDRESSEES, textIn, type Addressee, type Position } from '../core/model.js';
import type { RenderContext } from './context.js';
import type { Block, PointBlock } from './ir.js';
import { missingText, parseBlocks, parsePhrasing, pick } from './source-text.js';
import { GROUPINGS, type RecommendationGrouping } from '../core/template.js';

export { ADDRESSEES };

/** Ids already placed in this language's chapters. */
export type Placed = Set<string>;

export function placePrinciples(ctx: RenderContext, directive: LeafDirective, file: VFile, placed: Placed): Block[] {
  checkAttributes(directive, file, []);
  const blocks: Block[] = [];
  ctx.opinion.principles.forEach((principle, i) => {
    if (typeof principle.id !== 'string' || placed.has(principle.id)) return;
    placed.add(principle.id);
    const base = `/principles/${i}`;
    const titlePicked = pick(ctx, principle.title, { kind: 'principles', pointer: `${base}/title`, what: `\`title\` of principle \`${principle.id}\`` });
    const title: PhrasingContent[] = titlePicked ? parsePhrasing(titlePicked, '`title`') : [{ type: 'text', value: missingText(ctx) }];
    const { paragraph, more } = pointBody(ctx, principle.text, 'principles', `${base}/text`, `\`text\` of principle \`${principle.id}\``);
    paragraph.children = [{ type: 'strong', children: title }, { type: 'text', value: ctx.labels.text['principle-separator'] }, ...paragraph.children];
    blocks.push(point(ctx, 'principle', principle.id, paragraph, more, 'principles', base));
  });
  return blocks;
}

export function placeRecommendations(
  ctx: RenderContext,
  directive: LeafDirective,
  file: VFile,
  placed: Placed,
  defaultGrouping: RecommendationGrouping,
  level: number,
): Block[] {
  checkAttributes(directive, file, ['group', 'addressee']);
  const attributes = directive.attributes ?? {};
  let grouping = defaultGrouping;
  if (attributes.group !== undefined && attributes.group !== null) {
    if ((GROUPINGS as readonly string[]).includes(attributes.group)) grouping = attributes.group as RecommendationGrouping;
    else {
      report(file, `Unexpected \`group=${attributes.group}\`, expected ${GROUPINGS.map((g) => `\`${g}\``).join(' or ')}`, {
        ruleId: 'slot/attribute',
        place: directive.position,
        expected: [...GROUPINGS],
      });
    }
  }
  const only = attributes.addressee ?? undefined;
  if (only !== undefined && !(ADDRESSEES as readonly string[]).includes(only)) {
    report(file, `Unexpected addressee \`${only}\`, expected one of ${ADDRESSEES.map((a) => `\`${a}\``).join(', ')}`, {
      ruleId: 'slot/attribute',
      place: directive.position,
      expected: [...ADDRESSEES],
    });
  }

  const chosen: PointBlock[] = [];
  const firstAddressee = new Map<PointBlock, Addressee | undefined>();
  ctx.opinion.recommendations.forEach((recommendation, i) => {
    if (typeof recommendation.id !== 'string' || placed.has(recommendation.id)) return;
    const addressees = Array.isArray(recommendation.addressees) ? recommendation.addressees : [];
    if (only !== undefined && !addressees.includes(only as Addressee)) return;
    placed.add(recommendation.id);
    const base = `/recommendations/${i}`;
    const { paragraph, more } = pointBody(ctx, recommendation.text, 'recommendations', `${base}/text`, `\`text\` of recommendation \`${recommendation.id}\``);
    const block = point(ctx, 'recommendation', recommendation.id, paragraph, more, 'recommendations', base);
    // Not rendered in the draft (it feeds amendment sheets): taken when written for this language, on one line.
    const reason = textIn(recommendation.reason, ctx.lang, ctx.original)
      ?.replace(/\s*\n\s*/g, ' ')
      .trim();
    if (reason) block.reason = reason;
    chosen.push(block);
    firstAddressee.set(block, only !== undefined ? (only as Addressee) : addressees[0]);
  });
  if (grouping === 'none' || chosen.length === 0) return chosen;

  const blocks: Block[] = [];
  const yamlFile = ctx.yamlFile('recommendations');
  for (const addressee of [...ADDRESSEES, undefined]) {
    const group = chosen.filter((block) => firstAddressee.get(block) === addressee);
    if (group.length === 0) continue;
    if (addressee) {
      blocks.push({
        type: 'heading',
        level: level + 1,
        number: '',
        title: [{ type: 'text', value: ctx.labels.text[`addressees.${addressee}`] }],
        file: yamlFile,
      });
    }
    blocks.push(...group);
  }
  blocks.push({ type: 'group-end', level });
  return blocks;
}

function pointBody(
  ctx: RenderContext,
  value: unknown,
  kind: 'principles' | 'recommendations',
  pointer: string,
  what: string,
): { paragraph: Paragraph; more: BlockContent[] } {
  const picked = pick(ctx, value, { kind, pointer, what });
  const blocks = picked ? parseBlocks(picked) : [];
  const first = blocks[0];
  if (first && first.type === 'paragraph') return { paragraph: first, more: blocks.slice(1) };
  const paragraph: Paragraph = { type: 'paragraph', children: picked ? [] : [{ type: 'text', value: missingText(ctx) }] };
  return { paragraph, more: blocks };
}

function point(
  ctx: RenderContext,
  kind: 'principle' | 'recommendation',
  id: string,
  paragraph: Paragraph,
  more: BlockContent[],
  yaml: 'principles' | 'recommendations',
  base: string,
): PointBlock {
  const at: Position | undefined = ctx.locate(yaml, `${base}/id`)?.position;
  return { type: 'point', kind, id, number: '', paragraph, more, file: ctx.yamlFile(yaml), at };
}

function checkAttributes(directive: LeafDirective, file: VFile, allowed: string[]): void {
  for (const name of Object.keys(directive.attributes ?? {})) {
    if (allowed.includes(name)) continue;
    report(
      file,
      `Unexpected attribute \`${name}\` on \`::${directive.name}\`, expected ${allowed.length ? allowed.map((a) => `\`${a}\``).join(', ') : 'none'}`,
      {
        ruleId: 'slot/attribute',
        severity: 'warning',
        place: directive.position,
        expected: allowed,
      },
    );
  }
}
