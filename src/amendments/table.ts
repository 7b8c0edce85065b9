/**
 * `opinion amendments table`: a member's edited copy of the draft (a Word
 * file, tracked changes accepted as Word would, or a Markdown draft), read
 * with the project's draft readers and aligned with the opinion by the
 * project's diff, becomes one tabled amendment per changed point: a changed
 * point → `amend`, a deleted point → `delete`, a new point → `insert-after`
 * the point before it (or `insert-before` the next one). The member's words
 * are carried into the point's source by a three-way merge (merge.ts), so
 * references stay references. A change that is not one point's (a heading,
 * the header, a footnote, a move, a split or a merge) is reported at its
 * place in the member's copy and tabled as nothing. The new amendments are
 * appended to amendments.yaml as text: every byte already there stays.
 */
import type { VFile } from 'vfile';
import { InputError } from '../core/errors.js';
import { Document, isCollection, isSeq, type Node } from 'yaml';
import { textIn, type Opinion, type TabledAmendment } from '../core/model.js';
import { report } from '../core/messages.js';
import type { Change } from '../diff/types.js';
import type { Draft } from '../core/draft.js';
import { pointMarkdown } from './merge.js';
import { pointBlocks, mergeBlocks, newPointMarkdown } from './merge-blocks.js';
import { amendmentsOf, memberName, membersOf, sameText, type AmendmentStage } from '../core/amendments.js';
import type { PointIndex } from '../validate/amendments/points.js';
import { contentEnd, lineStart, parseForEdit } from '../core/yaml-edit.js';

export interface TableOptions {
  by: string;
  group?: 'I' | 'II' | 'III';
  stage: AmendmentStage;
  /** Date tabled (YYYY-MM-DD); none: not recorded. */
  date?: string;
  /** Reason, if the member gives one on the command line. */
  reason?: string;
}

/** A new amendment as written into amendments.yaml: its text and reason in the original language only. */
export interface TabledItem extends Pick<TabledAmendment, 'id' | 'number' | 'stage' | 'by' | 'target' | 'action' | 'new_id' | 'against' | 'tabled'> {
  text?: string;
  reason?: string;
}

export interface TableResult {
  items: TabledItem[];
  /** The new text of amendments.yaml (undefined when nothing is tabled). */
  content?: string;
  /** Changes that could not be mapped to a point (reported on the member's copy). */
  unmapped: number;
  /** Changes already tabled by the same member (reported, not tabled again). */
  repeated: number;
}

/**
 * What a point gained that its tabled text cannot carry. The draft readers give
 * a point as plain text blocks, without their Markdown: a new list item or
 * table row is carried as one beside the point's own (merge-blocks.ts), a new
 * point's list or table is written as such; anything else would run into the
 * text before it ("… Initiative. Country | SEEs Italy | 12").
 */
const NEW_BLOCK =
  "it holds a paragraph more than the draft, or a list item or table row beside none of the point's lists and tables, which an amendment read from the copy cannot keep apart (a new point needs its own number)";
const NEW_POINT_BLOCK =
  'it is a new point holding a second paragraph, or more than a list or a table after its text, which an amendment read from the copy cannot keep apart (a new point needs its own number)';

export function tableAmendments(
  opinion: Opinion,
  points: PointIndex,
  draft: Draft,
  changes: readonly Change[],
  copy: VFile,
  existing: string | undefined,
  options: TableOptions,
): TableResult {
  const all = amendmentsOf(opinion);
  let number = Math.max(0, ...all.filter((a) => a.stage === options.stage).map((a) => a.number ?? 0));
  // New ids are new to the points and to the amendments, new points of earlier amendments included.
  const ids = new Set([...all.flatMap((a) => (a.new_id ? [a.id, a.new_id] : [a.id])), ...points.points.keys()]);
  const prefix = options.stage === 'plenary' ? 'am-p' : 'am-s';
  const freshId = (base: string) => {
    let n = 1;
    while (ids.has(`${base}${n}`)) n++;
    ids.add(`${base}${n}`);
    return `${base}${n}`;
  };
  const byNumber = new Map<string, string>();
  const order: string[] = [];
  for (const chapter of draft.chapters)
    for (const point of chapter.points) if (!point.heading && point.id) byNumber.set(point.number, point.id), order.push(point.id);
  // A copy that keeps none of the points is some other file (another opinion, a note), not a member's edits:
  // tabling it would delete every point.
  const deleted = new Set(changes.flatMap((c) => (c.kind === 'deleted' && c.element === 'point' ? c.old.map((side) => side.id) : [])));
  if (order.length > 0 && order.every((id) => deleted.has(id)))
    throw new InputError(
      `\`${copy.path}\` has none of the ${order.length} points of the opinion, expected a member's copy of its draft (the Markdown or Word file \`opinion build\` writes): nothing tabled`,
    );
  const by = options.group ? [{ name: options.by, group: options.group }] : [options.by];
  const items: TabledItem[] = [];
  let unmapped = 0;
  let repeated = 0;
  /** A finding on the copy (a warning unless said otherwise), at the change's first new point where the copy has it. */
  const tell = (change: Change, reason: string, ruleId: string, more: { severity?: 'info'; note?: string } = {}) => {
    const place = change.new[0]?.at?.file === copy.path ? change.new[0].at.position : undefined;
    report(copy, reason, { ruleId, severity: 'warning', place, ...more });
  };
  const unmappable = (change: Change, why: string) => {
    unmapped++;
    const side = change.new[0] ?? change.old[0];
    tell(
      change,
      `Unexpected ${change.kind} ${change.element}${side?.number ? ` ${side.number}` : ''} in the member's copy: ${why}, expected changes to the wording of points, new points or deleted points`,
      'amendments/unmapped-change',
      { note: 'Nothing is tabled for it: table it by hand in amendments.yaml if it is meant as an amendment' },
    );
  };
  // The same change by the same member at the same stage is already in the file (the copy tabled twice): not again.
  const original = points.original;
  const tabledBefore = (change: Change, target: string, action: TabledItem['action'], text?: string): boolean => {
    const earlier = all.find((a) => {
      if (a.stage !== options.stage || a.target !== target || a.action !== action) return false;
      const theirs = textIn(a.text, original, original);
      return (
        (text === undefined ? theirs === undefined : theirs !== undefined && sameText(theirs, text)) &&
        membersOf(a).some((member) => memberName(member) === options.by)
      );
    });
    if (!earlier) return false;
    repeated++;
    const side = change.new[0] ?? change.old[0];
    tell(
      change,
      `Unexpected ${change.kind} point${side?.number ? ` ${side.number}` : ''} in the member's copy: it is already tabled by ${options.by} as AM ${earlier.number} (\`${earlier.id}\`), expected a change not tabled yet: not tabled again`,
      'amendments/already-tabled',
    );
    return true;
  };
  const base = (): Omit<TabledItem, 'target' | 'action'> => {
    number++;
    return {
      id: freshId(prefix),
      number,
      stage: options.stage,
      by,
      ...(options.date ? { tabled: options.date } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    };
  };
  // A footnote called only from a deleted point goes with it: not a change of its own.
  const goneNotes = new Set(
    changes.filter((c) => c.kind === 'deleted' && c.element === 'point').flatMap((c) => c.old.flatMap((s) => (s.notes ?? []).map((n) => n.number))),
  );
  for (const change of changes) {
    if (change.kind === 'renumbered') continue;
    if (change.element === 'footnote' && change.kind === 'deleted' && change.old.every((s) => goneNotes.has(s.number))) continue;
    if (change.element !== 'point') {
      unmappable(change, `a ${change.element} is not a point an amendment can target`);
      continue;
    }
    if (change.kind === 'modified' || change.kind === 'deleted') {
      const id = change.old[0]?.id;
      const point = id ? points.points.get(id) : undefined;
      if (!point || !id) {
        unmappable(change, 'the point has no stable id in the opinion');
        continue;
      }
      if (change.kind === 'deleted') {
        if (!tabledBefore(change, id, 'delete')) items.push({ ...base(), target: id, action: 'delete', against: point.source });
        continue;
      }
      const merged = mergeBlocks(change.old[0]!.text, point.source, change.new[0]!, points.original);
      if (!merged) {
        unmappable(change, NEW_BLOCK);
        continue;
      }
      if (merged.conflict) {
        tell(
          change,
          `Unexpected edit of point ${point.number ?? id} where the draft's text differs from its source (a reference, a footnote mark or a spelled-out acronym): the member's words are kept as written, expected a check of the amendment's text`,
          'amendments/merged-text',
        );
      }
      const text = pointMarkdown(merged.text);
      if (text === pointMarkdown(point.source)) {
        // The copy prints a reference as the draft did, while its own new or deleted
        // points moved the reference's target: the source's :ref follows the target anyway.
        tell(
          change,
          `Point ${change.new[0]?.number ?? point.number ?? id} of the member's copy differs from the draft only in a reference's number, which the copy's own new or deleted points shifted: nothing tabled for it`,
          'amendments/reference-only',
          {
            severity: 'info',
            note: "The source's `:ref` numbers its target wherever it ends up; if the member meant another point, table that by hand",
          },
        );
        continue;
      }
      if (!tabledBefore(change, id, 'amend', text)) items.push({ ...base(), target: id, action: 'amend', against: point.source, text });
    } else if (change.kind === 'added') {
      const text =
        change.new.length === 1 && change.new[0]!.blocks
          ? newPointMarkdown(pointBlocks(change.new[0]!.text, change.new[0]!.blocks))
          : change.new
              .map((s) => s.text)
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim();
      if (text === undefined || (change.new.length > 1 && change.new.some((side) => side.blocks))) {
        unmappable(change, NEW_POINT_BLOCK);
        continue;
      }
      if (text === '') {
        // A numbered paragraph left empty (Enter pressed twice in Word): no amendment, and none with an empty text.
        tell(
          change,
          `Unexpected empty point ${change.new[0]?.number ? `${change.new[0].number} ` : ''}in the member's copy (a numbered paragraph without text), expected its text: nothing tabled for it`,
          'amendments/empty-point',
        );
        continue;
      }
      const after = change.after?.element === 'point' ? byNumber.get(change.after.number) : undefined;
      let target = after;
      let action: TabledItem['action'] = 'insert-after';
      if (!target) {
        // At the start of a chapter or after a heading: before the point that follows there in the opinion.
        const next = nextPointAfter(draft, change.after);
        if (next) {
          target = next;
          action = 'insert-before';
        }
      }
      const point = target ? points.points.get(target) : undefined;
      if (!target || !point || point.from !== 'prose') {
        unmappable(
          change,
          target ? 'a new point next to a recommendation or principle is not tabled automatically' : 'no point of the opinion stands next to it',
        );
        continue;
      }
      if (tabledBefore(change, target, action, text)) continue;
      const item = base();
      items.push({ ...item, target, action, new_id: freshId(`${target}-new-`), against: point.source, text });
    } else {
      unmappable(change, `a ${change.kind} point is not one amendment to one point`);
    }
  }
  if (items.length === 0) return { items, unmapped, repeated };
  return { items, unmapped, repeated, content: appendItems(existing, items) };
}

/** `by: [{ name: …, group: … }]` on one line, as people write it. */
function flowMembers(doc: Document): Document {
  const by = doc.getIn([0, 'by'], true);
  if (isCollection(by)) {
    by.flow = true;
    for (const item of by.items) if (isCollection(item)) item.flow = true;
  }
  return doc;
}

function nextPointAfter(draft: Draft, after: Change['after']): string | undefined {
  let seen = after === undefined;
  for (const chapter of draft.chapters) {
    if (!seen && after?.element === 'chapter' && chapter.number === after.number) seen = true;
    for (const point of chapter.points) {
      if (seen && !point.heading && point.id) return point.id;
      if (!seen && point.number === after?.number) seen = true;
    }
  }
  return undefined;
}

const HEADER = '# Amendments tabled to this opinion (see schemas/amendments.schema.json and docs/amendments.md).\n';

/** The YAML of the items, appended after the last item of `amendments:` (or a new file). */
export function appendItems(existing: string | undefined, items: readonly TabledItem[]): string {
  const yamlOf = (indent: string) =>
    items
      .map((item) =>
        flowMembers(new Document([item]))
          .toString({ lineWidth: 96, flowCollectionPadding: true })
          .trimEnd()
          .split('\n')
          // A blank line of a block scalar (a point with a list) stays empty: no trailing spaces.
          .map((line) => (line === '' ? line : indent + line))
          .join('\n'),
      )
      .join('\n\n');
  if (existing === undefined || existing.trim() === '') return `${HEADER}amendments:\n${yamlOf('  ')}\n`;
  const doc = parseForEdit(existing);
  const seq = doc.get('amendments', true) as Node | undefined;
  if (isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.range) {
    const first = seq.items[0] as Node;
    const dash = existing.slice(lineStart(existing, first.range![0]), first.range![0]).replace(/-\s*$/, '');
    const lineEnd = existing.indexOf('\n', contentEnd(existing, seq.range[1]));
    const at = lineEnd < 0 ? existing.length : lineEnd;
    return `${existing.slice(0, at)}\n\n${yamlOf(dash)}${existing.slice(at) || '\n'}`;
  }
  if (isSeq(seq) && seq.items.length === 0 && seq.range) {
    // `amendments: []`: written as a block list in its place; a comment after it stays on its line.
    const start = lineStart(existing, seq.range[0]);
    const lineEnd = existing.indexOf('\n', seq.range[1]);
    const comment = /\s#.*$/.exec(existing.slice(seq.range[1], lineEnd < 0 ? existing.length : lineEnd).replace(/\r$/, ''))?.[0] ?? '';
    return `${existing.slice(0, start)}amendments:${comment}\n${yamlOf('  ')}${lineEnd < 0 ? '\n' : existing.slice(lineEnd)}`;
  }
  if (doc.has('amendments') || doc.errors.length > 0)
    throw new InputError('cannot append to amendments.yaml: its `amendments:` is not a block list, expected `amendments:` followed by `- id: …` items');
  return `${existing.replace(/\n*$/, '\n')}amendments:\n${yamlOf('  ')}\n`;
}
