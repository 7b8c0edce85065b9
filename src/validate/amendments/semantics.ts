/**
 * What a JSON Schema cannot say about `amendments.yaml`: targets that exist
 * and are points, numbers unique per stage, vote figures only where there
 * was a vote, compromises that replace amendments of their stage, texts
 * where the action needs one, new ids that are new; and, for `opinion
 * check`, a target whose text changed since tabling, an adopted amendment
 * not applied, a tabling after the deadline. Each check returns findings
 * with their place in amendments.yaml; validate and check report them.
 */
import { textIn, type Located, type Opinion, type TabledAmendment } from '../../core/model.js';
import { didYouMean, suggest } from '../../core/suggest.js';
import { AMENDMENT_STAGES, amendmentsOf, isPending, isVoted, sameText, stageRank } from '../../core/amendments.js';
import { markdownIdentifier } from '../../core/markdown-syntax.js';
import { FOOTNOTE_CALL } from '../../core/inline-syntax.js';
import { yamlValueParts } from '../../core/align.js';
import { footnoteLabels } from '../../core/prose-outline.js';
import { basename } from 'node:path';
import type { PointIndex } from './points.js';

export interface Finding {
  ruleId: string;
  reason: string;
  at: Located | undefined;
  severity: 'error' | 'warning';
  note?: string;
  expected?: string[];
}

/**
 * The findings of one check, `add` to make one (an error unless `more` says
 * otherwise), and `locate` for the place of amendment `i` (of its `field`).
 */
function collect(opinion: Opinion) {
  const findings: Finding[] = [];
  const add = (ruleId: string, at: Located | undefined, reason: string, more: Partial<Finding> = {}) => {
    findings.push({ ruleId, reason, at, severity: 'error', ...more });
  };
  const locate = (i: number, field?: string, part?: 'key' | 'value'): Located | undefined =>
    opinion.locate('amendments', `/amendments/${i}${field ? `/${field}` : ''}`, part) ?? opinion.locate('amendments', `/amendments/${i}`);
  return { findings, add, locate };
}

const name = (a: TabledAmendment) => `\`${a.id}\` (AM ${a.number}, ${a.stage})`;

/** Targets: a point of the text (prose, recommendation or principle) that exists now. */
export function unknownTargets(opinion: Opinion, points: PointIndex): Finding[] {
  const inserted = new Set(amendmentsOf(opinion).flatMap((a) => (a.applied_in !== undefined && a.new_id ? [a.new_id] : [])));
  const { findings, add, locate } = collect(opinion);
  opinion.amendments.forEach((a, i) => {
    if (typeof a.target !== 'string' || points.points.has(a.target)) return;
    // A point an applied amendment deleted is gone by design.
    if (a.applied_in !== undefined && a.action === 'delete') return;
    if (opinion.amendments.some((b) => b.applied_in !== undefined && b.action === 'delete' && b.target === a.target)) return;
    if (inserted.has(a.target) && !points.points.has(a.target)) return;
    const other = points.others.get(a.target);
    if (other) {
      add(
        'amendments/unknown-target',
        locate(i, 'target'),
        `Unexpected target \`${a.target}\` of amendment ${name(a)}: it is a ${other}, expected the id of a point`,
        { note: 'Amendments target points (of the text, recommendations or principles) by their stable id' },
      );
      return;
    }
    // Recommendations, principles and chapters hold points: while one of their files cannot be read, an unknown
    // target is more likely one of its points than a typo (reported once the file is fixed), as for `:ref` (validate/semantics.ts).
    if (opinion.unreadable.includes('recommendations') || opinion.unreadable.includes('principles') || opinion.unreadable.includes('text')) return;
    const near = suggest(a.target, points.order, 3);
    add(
      'amendments/unknown-target',
      locate(i, 'target'),
      `Unknown target \`${a.target}\` of amendment ${name(a)}, expected the id of a point of the text${didYouMean(near)}`,
      { expected: near },
    );
  });
  return findings;
}

export function duplicateNumbers(opinion: Opinion): Finding[] {
  const seen = new Map<string, number>();
  const { findings, add, locate } = collect(opinion);
  opinion.amendments.forEach((a, i) => {
    if (typeof a.number !== 'number' || typeof a.stage !== 'string') return;
    const key = `${a.stage}|${a.number}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const at = locate(first, 'number');
    add(
      'amendments/duplicate-number',
      locate(i, 'number'),
      `Unexpected second amendment number ${a.number} at stage \`${a.stage}\` (\`${a.id}\`), expected each number once per stage (first: \`${opinion.amendments[first]!.id}\`${at ? ` at line ${at.position.start.line}` : ''})`,
    );
  });
  return findings;
}

export function voteFigures(opinion: Opinion): Finding[] {
  const { findings, add, locate } = collect(opinion);
  opinion.amendments.forEach((a, i) => {
    if (a.vote !== undefined && !isVoted(a)) {
      const why =
        a.without_vote === true
          ? 'it is recorded as decided without a vote (`without_vote: true`)'
          : a.outcome
            ? `its outcome is \`${a.outcome}\``
            : 'it has no outcome yet';
      add(
        'amendments/vote-figures',
        locate(i, 'vote', 'key'),
        `Unexpected vote figures on amendment ${name(a)}: ${why}, expected figures only on an amendment adopted or rejected by a vote`,
      );
    } else if (a.vote === undefined && isVoted(a)) {
      add(
        'amendments/vote-figures',
        locate(i, 'outcome'),
        `Missing vote figures on amendment ${name(a)}, ${a.outcome} by a vote: expected \`vote: { for, against, abstentions }\``,
        { note: 'If it was decided without a vote, say so with `without_vote: true`' },
      );
    }
  });
  return findings;
}

/** Ids, compromises, texts and new ids: the structure the other commands rely on. */
export function structure(opinion: Opinion, points: PointIndex, definedIds: ReadonlySet<string>): Finding[] {
  const { findings, add, locate } = collect(opinion);
  const byId = new Map<string, { a: TabledAmendment; i: number }>();
  const newIds = new Map<string, number>();
  const original = points.original;
  const unexpectedAddressees = (a: TabledAmendment, i: number) =>
    add(
      'amendments/unexpected-addressees',
      locate(i, 'addressees', 'key'),
      `Unexpected \`addressees\` on amendment ${name(a)}, expected them only on an amendment inserting a new recommendation`,
      { severity: 'warning' },
    );
  opinion.amendments.forEach((a, i) => {
    if (typeof a.id !== 'string') return;
    const first = byId.get(a.id);
    if (first) {
      add(
        'amendments/duplicate-id',
        locate(i, 'id'),
        `Unexpected duplicate amendment id \`${a.id}\`, expected each id once (first at line ${locate(first.i, 'id')?.position.start.line ?? '?'})`,
      );
    } else byId.set(a.id, { a, i });
  });
  opinion.amendments.forEach((a, i) => {
    if (typeof a.id !== 'string') return;
    const inserts = a.action === 'insert-after' || a.action === 'insert-before';
    if ((a.action === 'amend' || inserts) && textIn(a.text, original, original) === undefined) {
      add(
        'amendments/missing-text',
        a.text === undefined ? locate(i, 'action') : locate(i, 'text'),
        `Missing \`text\` in the original language (\`${original}\`) on amendment ${name(a)}, expected the ${a.action === 'amend' ? 'amended wording of the point' : 'new point'}`,
      );
    }
    if (a.action === 'delete' && a.text !== undefined) {
      add('amendments/unexpected-text', locate(i, 'text', 'key'), `Unexpected \`text\` on amendment ${name(a)}, which deletes the point: expected none`, {
        severity: 'warning',
      });
    }
    const original_ = textIn(a.text, original, original);
    if (original_ !== undefined && /\n[ \t]*\n/.test(original_.trim())) {
      add(
        'amendments/one-point',
        locate(i, 'text'),
        `Unexpected blank line in the text of amendment ${name(a)}, expected the text of one point (table one amendment per point)`,
      );
    }
    if (inserts) {
      if (typeof a.new_id !== 'string') {
        add(
          'amendments/missing-new-id',
          locate(i, 'action'),
          `Missing \`new_id\` on amendment ${name(a)}, expected the stable id of the new point (e.g. \`${a.target}-bis\`)`,
        );
      } else if (a.applied_in === undefined && (definedIds.has(a.new_id) || points.points.has(a.new_id))) {
        add(
          'amendments/new-id-taken',
          locate(i, 'new_id'),
          `Unexpected \`new_id\` \`${a.new_id}\` on amendment ${name(a)}: the id is already used in the opinion, expected a new id`,
        );
      } else if (newIds.has(a.new_id) && a.outcome !== 'rejected' && a.outcome !== 'withdrawn' && a.outcome !== 'fallen') {
        add(
          'amendments/new-id-taken',
          locate(i, 'new_id'),
          `Unexpected \`new_id\` \`${a.new_id}\` on amendment ${name(a)}: another amendment inserts a point with it, expected a new id`,
        );
      }
      const beside = points.points.get(a.target)?.from;
      if (beside === 'recommendation' && a.addressees === undefined) {
        add(
          'amendments/missing-addressees',
          locate(i, 'action'),
          `Missing \`addressees\` on amendment ${name(a)}, which inserts a new recommendation: expected whom it is addressed to, as in recommendations.yaml (e.g. \`addressees: [european-commission]\`)`,
        );
      } else if (beside !== undefined && beside !== 'recommendation' && a.addressees !== undefined) {
        unexpectedAddressees(a, i);
      }
      if (typeof a.new_id === 'string' && a.outcome !== 'rejected' && a.outcome !== 'withdrawn' && a.outcome !== 'fallen') newIds.set(a.new_id, i);
    } else if (a.new_id !== undefined || a.addressees !== undefined) {
      if (a.addressees !== undefined) unexpectedAddressees(a, i);
      if (a.new_id !== undefined)
        add(
          'amendments/unexpected-new-id',
          locate(i, 'new_id', 'key'),
          `Unexpected \`new_id\` on amendment ${name(a)}, expected it only with \`insert-after\` or \`insert-before\``,
          { severity: 'warning' },
        );
    }
    (Array.isArray(a.replaces) ? a.replaces : []).forEach((id, j) => {
      const replaced = byId.get(id);
      const at = locate(i, `replaces/${j}`);
      if (!replaced) {
        const near = suggest(id, [...byId.keys()], 3);
        add(
          'amendments/unknown-amendment',
          at,
          `Unknown amendment \`${id}\` replaced by compromise ${name(a)}, expected the id of an amendment in this file${didYouMean(near)}`,
          { expected: near },
        );
      } else if (replaced.a.id === a.id) {
        add('amendments/unknown-amendment', at, `Unexpected \`${id}\` in its own \`replaces\`, expected the amendments the compromise replaces`);
      } else if (replaced.a.stage !== a.stage) {
        add(
          'amendments/unknown-amendment',
          at,
          `Unexpected \`${id}\` (stage \`${replaced.a.stage}\`) replaced by compromise ${name(a)} (stage \`${a.stage}\`), expected an amendment of the same stage`,
        );
      } else if (a.outcome === 'adopted' && replaced.a.outcome === 'adopted') {
        add(
          'amendments/compromise-conflict',
          locate(replaced.i, 'outcome'),
          `Unexpected outcome \`adopted\` on both compromise ${name(a)} and \`${id}\`, which it replaces: expected the replaced amendment \`fallen\` or \`withdrawn\``,
        );
      }
    });
  });
  return findings;
}

/**
 * Footnote calls (`[^label]`) in the text of the amendments of the opinion's
 * stage (or a later one): a footnote belongs to the chapter file that calls
 * it, so each must be defined in the chapter file of the point the text goes
 * to, in the text's language (a recommendation or principle has none), or
 * `apply` would write a version that does not validate and the draft would
 * print the call as written.
 */
export function unknownFootnotes(opinion: Opinion, points: PointIndex): Finding[] {
  const { findings, add, locate } = collect(opinion);
  if (opinion.unreadable.length > 0) return findings;
  const defined = new Map<string, Set<string>>();
  const definedIn = (lang: string, file: string) => {
    let labels = defined.get(file);
    if (!labels) {
      const chapter = (opinion.chapters[lang] ?? []).find((c) => c.path === file);
      labels = chapter ? footnoteLabels(chapter.outline) : new Set<string>();
      defined.set(file, labels);
    }
    return labels;
  };
  opinion.amendments.forEach((a, i) => {
    if (!isPending(a, opinion)) return;
    const target = typeof a.target === 'string' ? points.points.get(a.target) : undefined;
    if (!target) return;
    const texts = textsOf(a.text);
    for (const [lang, text] of texts) {
      if (typeof text !== 'string' || !text.includes('[^')) continue;
      const place = target.places.get(lang || points.original);
      const file = place?.in === 'prose' ? place.file : undefined;
      const field = lang ? `text/${lang}` : 'text';
      // Each call at its own place in the text, found only when it is reported.
      const whole = opinion.locate('amendments', `/amendments/${i}/${field}`);
      const part = whole ? yamlValueParts(whole, text, opinion.files) : undefined;
      for (const call of text.matchAll(FOOTNOTE_CALL)) {
        if (file !== undefined && definedIn(lang || points.original, file).has(markdownIdentifier(call[1]!))) continue;
        add(
          'footnote/unknown',
          part?.(call.index, call.index + call[0].length) ?? locate(i, field),
          `Unknown footnote \`${call[0]}\` in the text of amendment ${name(a)}, expected ${
            file !== undefined
              ? `a footnote of \`${basename(file)}\`, the chapter file of its point`
              : `none: the text goes to a ${target.from}, which has no footnotes`
          }`,
          { note: 'A footnote belongs to the chapter file that calls it. For a source cited from several chapters, use `:cite{#id}`' },
        );
      }
    }
  });
  return findings;
}

/** A pending or adopted (not yet applied) amendment whose target no longer has the text it was tabled against. */
export function changedTargets(opinion: Opinion, points: PointIndex): Finding[] {
  const { findings, add, locate } = collect(opinion);
  opinion.amendments.forEach((a, i) => {
    if (typeof a.against !== 'string' || a.applied_in !== undefined) return;
    if (a.outcome !== undefined && a.outcome !== 'adopted') return;
    const point = points.points.get(a.target);
    if (!point || sameText(point.source, a.against)) return;
    add(
      'amendments/target-changed',
      locate(i, 'against'),
      `Unexpected text of point ${point.number ?? ''} (\`${a.target}\`): it changed since amendment ${name(a)} was tabled against it, expected the text in \`against\``,
      { note: `The point now reads: ${clip(point.source)}\nCheck the amendment against the new text, then update \`against\`` },
    );
  });
  return findings;
}

/** An adopted amendment of a stage the opinion has left, whose change is not in the text. */
export function notApplied(opinion: Opinion, points: PointIndex): Finding[] {
  const { findings, add, locate } = collect(opinion);
  const current = stageRank(opinion.meta.stage);
  const original = points.original;
  const all = amendmentsOf(opinion);
  all.forEach((a) => {
    if (a.outcome !== 'adopted' || !(AMENDMENT_STAGES as readonly string[]).includes(a.stage)) return;
    if (current <= stageRank(a.stage)) return;
    const i = opinion.amendments.indexOf(a);
    // A later adopted amendment on the same point supersedes this one.
    if (all.some((b) => b !== a && b.outcome === 'adopted' && stageRank(b.stage) > stageRank(a.stage) && (b.target === a.target || b.target === a.new_id)))
      return;
    const text = textIn(a.text, original, original);
    let missing: string | undefined;
    if (a.action === 'amend') {
      const point = points.points.get(a.target);
      if (point && text !== undefined && !sameText(point.source, text))
        missing = `point ${point.number ?? ''} (\`${a.target}\`) does not have the amended text`;
    } else if (a.action === 'delete') {
      const point = points.points.get(a.target);
      if (point) missing = `point ${point.number ?? ''} (\`${a.target}\`) is still there`;
    } else if (a.new_id) {
      const point = points.points.get(a.new_id);
      if (!point) missing = `there is no point \`${a.new_id}\``;
      else if (text !== undefined && !sameText(point.source, text)) missing = `point ${point.number ?? ''} (\`${a.new_id}\`) does not have the inserted text`;
    }
    if (a.applied_in === undefined && !missing) missing = 'it has no `applied_in`';
    if (!missing) return;
    add(
      'amendments/not-applied',
      locate(i, 'outcome'),
      `Unexpected adopted amendment ${name(a)} not applied: ${missing}, expected its change in this version (stage \`${opinion.meta.stage}\`)`,
      { note: '`opinion amendments apply` writes the next version with every adopted amendment applied' },
    );
  });
  return findings;
}

/** An amendment tabled after the recorded deadline of its stage. */
export function lateTablings(opinion: Opinion): Finding[] {
  const deadlines = opinion.amendmentSettings.deadlines ?? {};
  const { findings, add, locate } = collect(opinion);
  opinion.amendments.forEach((a, i) => {
    const deadline = deadlines[a.stage];
    if (typeof deadline !== 'string' || typeof a.tabled !== 'string') return;
    // A compromise is drafted after the amendments it replaces: the deadline is not for it.
    if (Array.isArray(a.replaces) && a.replaces.length > 0) return;
    if (a.tabled <= deadline.slice(0, 10)) return;
    add(
      'amendments/late',
      locate(i, 'tabled'),
      `Unexpected tabling date ${a.tabled} for amendment ${name(a)}, expected on or before the ${a.stage} deadline (${deadline.replace('T', ' ')})`,
      { severity: 'warning' },
    );
  });
  return findings;
}

/** A text's versions as `[language, text]` (language `''` for a plain string, the original's). */
function textsOf(value: unknown): (readonly [string, unknown])[] {
  return typeof value === 'string' ? [['', value]] : value && typeof value === 'object' ? Object.entries(value) : [];
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
