/**
 * The appendix the Official Journal prints with an adopted opinion, from
 * amendments.yaml: the plenary amendments that were rejected but received at
 * least the appendix share of the votes cast (point, amended text shown as
 * in the sheet, reason, vote), and the section text that the plenary
 * replaced by an adopted amendment while that text itself received the
 * share (the votes against the amendment), with the vote. Nothing when
 * there is nothing to append. Shares and the rule cited are data
 * (`procedure:`), see core/amendments.ts.
 */
import type { BlockContent, PhrasingContent } from 'mdast';
import type { AppendixAmendment } from './closing.js';
import type { RenderContext } from './context.js';
import { fillText } from '../labels/labels.js';
import { missingText, parseBlocks, pick } from './source-text.js';
import { amendmentCell } from '../diff/format/amendments.js';
import { report } from '../core/messages.js';
import { tokenize } from '../diff/text/tokenize.js';
import { wordDiff } from '../diff/compare/word-diff.js';
import type { Change } from '../diff/types.js';
import { appendixAmendments, procedureOf, tabledBy, type TabledAmendment } from '../core/amendments.js';
import { textOrder } from '../validate/amendments/order.js';
import { indexPoints } from '../validate/amendments/points.js';
import { plainOf } from './amendment-text.js';

export function amendmentsAppendix(ctx: RenderContext, numbers: ReadonlyMap<string, string>): AppendixAmendment[] {
  const opinion = ctx.opinion;
  if (opinion.meta.stage !== 'adopted' || opinion.amendments.length === 0) return [];
  const { rejected, replaced } = appendixAmendments(opinion);
  if (rejected.length === 0 && replaced.length === 0) return [];
  const procedure = procedureOf(opinion.amendmentSettings);
  const file = ctx.yamlFile('amendments');
  const labels = ctx.labels.text as Record<string, string | undefined>;
  const label = (
    key: 'amendments.rejected-intro' | 'amendments.section-text-intro' | 'amendments.rule' | 'amendments.insert-before',
    values: Record<string, string>,
  ): string => {
    const template = labels[key];
    if (template === undefined) {
      report(file, `Missing label \`${key}\` for language \`${ctx.lang}\`, expected it in the label file to print the appendix of amendments`, {
        ruleId: 'labels/missing',
        place: { line: 1, column: 1 },
      });
      return `[${key}]`;
    }
    return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
  const rule = (value: unknown, field: string): string => {
    if (value === undefined) return '';
    const picked = pick(ctx, value, { kind: 'amendments', pointer: `/procedure/${field}`, what: `\`procedure.${field}\`` });
    return label('amendments.rule', { rule: picked?.text ?? missingText(ctx) });
  };
  const points = indexPoints(opinion);
  const numberOf = (id: string) => numbers.get(id) ?? points.points.get(id)?.number;
  const at = (a: TabledAmendment) => `/amendments/${opinion.amendments.indexOf(a)}`;
  /** The text or reason of an amendment in the language built (reported where it is missing). */
  const inLang = (a: TabledAmendment, field: 'text' | 'reason') =>
    pick(ctx, a[field], { kind: 'amendments', pointer: `${at(a)}/${field}`, what: `\`${field}\` of amendment \`${a.id}\`` });
  const vote = (a: TabledAmendment) => fillText(ctx.labels, 'appendix.vote', { for: a.vote!.for, against: a.vote!.against, abstentions: a.vote!.abstentions });
  const result: AppendixAmendment[] = [];

  textOrder(rejected, points).forEach((a, i) => {
    const shown = numberOf(a.target) ?? a.target;
    const before = points.points.get(a.target)?.texts.get(ctx.lang) ?? (ctx.lang === ctx.original ? a.against : undefined);
    const proposed = a.action === 'delete' || a.text === undefined ? '' : (inLang(a, 'text')?.text ?? missingText(ctx));
    const oldPlain = before !== undefined ? plainOf(before, ctx.lang, numberOf) : missingText(ctx);
    const newPlain = plainOf(proposed, ctx.lang, numberOf);
    const side = (text: string) => ({ number: shown, text });
    const change: Change =
      a.action === 'delete'
        ? { kind: 'deleted', element: 'point', old: [side(oldPlain)], new: [], ops: [], words: { added: 0, deleted: 0 } }
        : a.action === 'amend'
          ? {
              kind: 'modified',
              element: 'point',
              old: [side(oldPlain)],
              new: [side(newPlain)],
              ...wordDiff(tokenize(oldPlain, ctx.lang), tokenize(newPlain, ctx.lang)),
            }
          : { kind: 'added', element: 'point', old: [], new: [side(newPlain)], ops: [], words: { added: 0, deleted: 0 } };
    const action =
      a.action === 'delete'
        ? ctx.labels.text['appendix.delete']
        : a.action === 'amend'
          ? ctx.labels.text['appendix.amend']
          : a.action === 'insert-after'
            ? fillText(ctx.labels, 'appendix.add-after', { number: shown })
            : label('amendments.insert-before', { number: shown });
    // The reason is Markdown (emphasis, links, `:ref{#id}`), parsed as the other texts of the appendix are.
    const reason = inLang(a, 'reason');
    const entry: AppendixAmendment = {
      id: a.id,
      number: i + 1,
      heading: fillText(ctx.labels, 'appendix.point', { number: shown }),
      action,
      text: [{ type: 'paragraph', children: breaks(amendmentCell(change)) }],
      reason: reason ? parseBlocks(reason) : a.reason === undefined ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: missingText(ctx) }] }],
      tabledBy: fillText(ctx.labels, 'appendix.tabled-by', { names: tabledBy(a) }),
      vote: vote(a),
      file,
      part: 'rejected',
      plain: newPlain,
    };
    if (i === 0) entry.intro = label('amendments.rejected-intro', { rule: rule(procedure.ruleRejected, 'rule_rejected') });
    result.push(entry);
  });

  textOrder(replaced, points).forEach((a, i) => {
    const shown = numberOf(a.target) ?? numberOf(a.new_id ?? '') ?? a.target;
    const sectionText = ctx.lang === ctx.original ? a.against : undefined;
    if (sectionText === undefined && ctx.lang === ctx.original) {
      report(
        file,
        `Missing \`against\` on amendment \`${a.id}\`, expected the section text it replaced (it goes to the appendix: the text received ${a.vote!.against} votes)`,
        {
          ruleId: 'amendments/missing-against',
          place: ctx.locate('amendments', at(a))?.position,
        },
      );
    } else if (sectionText === undefined) {
      report(
        file,
        `Missing the \`${ctx.lang}\` section text replaced by amendment \`${a.id}\`, expected it for the appendix (only the original language's is recorded, in \`against\`)`,
        {
          ruleId: 'lang/missing-translation',
          severity: 'warning',
          place: ctx.locate('amendments', at(a))?.position,
        },
      );
    }
    const text = sectionText !== undefined ? plainOf(sectionText, ctx.lang, numberOf) : missingText(ctx);
    const entry: AppendixAmendment = {
      id: a.id,
      number: rejected.length + i + 1,
      heading: fillText(ctx.labels, 'appendix.point', { number: shown }),
      action: '',
      text: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
      reason: [],
      vote: vote(a),
      file,
      part: 'section-text',
    };
    if (i === 0) entry.intro = label('amendments.section-text-intro', { rule: rule(procedure.ruleSectionText, 'rule_section_text') });
    result.push(entry);
  });
  return result;
}

/** The sheet's cell phrasing with its `<br>` as Markdown breaks. */
function breaks(content: PhrasingContent[]): PhrasingContent[] {
  return content.flatMap((node): PhrasingContent[] =>
    node.type === 'html' ? (node.value === '<br><br>' ? [{ type: 'break' }, { type: 'break' }] : [{ type: 'break' }]) : [node],
  );
}

export type { BlockContent };
