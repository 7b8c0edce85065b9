/**
 * The end of a draft: the closing block ("Brussels, 23 May 2018." and the
 * President's signature) and the appendix of rejected amendments that
 * received at least a quarter of the votes cast.
 */
import { cloneNodes } from './clone.js';
import type { BlockContent, PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import { didYouMeanNearest, report, suggest } from '../core/messages.js';
import type { RenderContext } from './context.js';
import { formatClosingDate } from './dates.js';
import { fillPhrasing, fillText, presidentTitle } from '../labels/labels.js';
import { gapNode } from './front-matter.js';
import { isToBeCompleted } from '../core/placeholders.js';
import { missingText, parseBlocks, parsePhrasing, pick } from './source-text.js';
import { amendmentsAppendix } from './amendments-appendix.js';

export interface Closing {
  /** "Brussels, 23 May 2018."; absent without a date. */
  placeDate?: PhrasingContent[];
  /** The place alone ("Brussels"). */
  place?: PhrasingContent[];
  president?: string;
  /** "The President of the European Economic and Social Committee", in the form `closing.president_form` asks for. */
  presidentTitle?: string;
}

export function closingBlock(ctx: RenderContext): Closing | undefined {
  // "Brussels, <date>" and the President's signature belong to the text as
  // adopted: no earlier version carries them.
  if (ctx.opinion.meta.stage !== 'adopted') return undefined;
  const closing = ctx.opinion.meta.closing;
  const date = closing?.date ?? ctx.opinion.meta.adopted_at_plenary;
  if (!closing && !date) return undefined;
  const result: Closing = {};
  if (date) {
    const picked =
      closing?.place !== undefined
        ? pick(ctx, closing.place, { kind: 'opinion', pointer: '/closing/place', what: '`closing.place`' }, { known: ['values.brussels'] })
        : undefined;
    const place: PhrasingContent[] =
      closing?.place === undefined
        ? [{ type: 'text', value: ctx.labels.text['values.brussels'] }]
        : picked
          ? parsePhrasing(picked, '`closing.place`')
          : [{ type: 'text', value: missingText(ctx) }];
    result.place = place;
    result.placeDate = fillPhrasing(ctx.labels, 'closing.place-date', {
      place: cloneNodes(place),
      date: isToBeCompleted(date) ? [gapNode(ctx)] : formatClosingDate(date, ctx.labels),
    });
  }
  if (typeof closing?.president === 'string' && !isToBeCompleted(closing.president)) result.president = closing.president;
  result.presidentTitle = presidentTitle(ctx.labels, closing?.president_form);
  return result;
}

export interface AppendixAmendment {
  id: string;
  number: number;
  /** "Point 1.3"; the point's id when it is not in the text. */
  heading: string;
  /** "Amend as follows:", "Add a new point after point 1.3:", "Delete the point." */
  action: string;
  text: BlockContent[];
  reason: BlockContent[];
  tabledBy?: string;
  vote?: string;
  file: VFile;
  /** From amendments.yaml: a rejected amendment, or section text replaced at plenary (src/render/amendments-appendix.ts). */
  part?: 'rejected' | 'section-text';
  /** The sentence that opens this part of the appendix, on its first entry. */
  intro?: string;
  /** The text as plain text when `text` shows changes (struck deletions): the amended text alone. */
  plain?: string;
}

export function appendixAmendments(ctx: RenderContext, numbers: ReadonlyMap<string, string>): AppendixAmendment[] {
  // An opinion with amendments.yaml has its appendix made from it (src/render/amendments-appendix.ts).
  if (ctx.opinion.amendments.length > 0) return amendmentsAppendix(ctx, numbers);
  const amendments = ctx.opinion.meta.appendix?.amendments;
  if (!Array.isArray(amendments)) return [];
  const file = ctx.yamlFile('opinion');
  return amendments.map((amendment, i) => {
    const base = `/appendix/amendments/${i}`;
    const number = numbers.get(String(amendment.point));
    if (number === undefined) {
      const near = suggest(String(amendment.point), numbers.keys());
      report(
        file,
        `Unexpected unknown point \`${amendment.point}\` in amendment \`${amendment.id}\`${didYouMeanNearest(near, ', expected the id of a numbered point of the text')}`,
        {
          ruleId: 'ref/unknown-id',
          place: ctx.locate('opinion', `${base}/point`)?.position,
          expected: near,
        },
      );
    }
    const shown = number ?? String(amendment.point);
    const blocks = (value: unknown, field: string): BlockContent[] => {
      if (value === undefined) return [];
      const picked = pick(ctx, value, { kind: 'opinion', pointer: `${base}/${field}`, what: `\`${field}\` of amendment \`${amendment.id}\`` });
      return picked ? parseBlocks(picked) : [{ type: 'paragraph', children: [{ type: 'text', value: missingText(ctx) }] }];
    };
    const action =
      amendment.action === 'add-after'
        ? fillText(ctx.labels, 'appendix.add-after', { number: shown })
        : amendment.action === 'delete'
          ? ctx.labels.text['appendix.delete']
          : ctx.labels.text['appendix.amend'];
    const result: AppendixAmendment = {
      id: String(amendment.id),
      number: i + 1,
      heading: fillText(ctx.labels, 'appendix.point', { number: shown }),
      action,
      text: amendment.action === 'delete' ? [] : blocks(amendment.text, 'text'),
      reason: blocks(amendment.reason, 'reason'),
      file,
    };
    if (Array.isArray(amendment.tabled_by) && amendment.tabled_by.length > 0) {
      result.tabledBy = fillText(ctx.labels, 'appendix.tabled-by', { names: amendment.tabled_by.join(', ') });
    }
    // The vote's figures fill the label's {for}, {against} and {abstentions}.
    if (amendment.vote) result.vote = fillText(ctx.labels, 'appendix.vote', { ...amendment.vote });
    return result;
  });
}
