/**
 * A rule is a plain function over the analysed opinion that reports
 * findings, and its documentation: id, one-line description, rationale,
 * default severity, options and examples (which are also its tests).
 * `defineRule` wraps it once: it merges the options with their defaults and
 * stamps every finding with the rule id, the severity and the source, on
 * the file the finding is in.
 */
import { relative } from 'node:path';
import type { Draft } from '../core/draft.js';
import type { IdIndex } from '../core/ids.js';
import type { Located, Opinion } from '../core/model.js';
import { report as addMessage, type MessageOptions } from '../core/messages.js';
import type { OpinionText } from '../text/model.js';

export type Severity = 'warning' | 'error';
export type Setting = Severity | 'off';
/** A JSON Schema fragment describing one option (draft 2020-12). */
export interface OptionSchema {
  type: 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'object';
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: string[];
  items?: Record<string, unknown>;
  additionalProperties?: Record<string, unknown> | boolean;
  propertyNames?: Record<string, unknown>;
  uniqueItems?: boolean;
}

export interface OptionSpec<T> {
  title: string;
  description: string;
  default: T;
  schema: OptionSchema;
}

/** One documented case: an opinion (the example's files over a minimal valid opinion) and what the rule finds in it. */
export interface RuleExample {
  title: string;
  /** Files written over the base opinion: path in the opinion folder → content. */
  files: Record<string, string>;
  /** Options for this example (merged with the defaults). */
  options?: Record<string, unknown>;
  /** Findings as `path:line:column-line:column: message`, in report order; none for a valid example. */
  findings: string[];
}

export interface RuleMeta<O> {
  id: string;
  description: string;
  rationale: string;
  severity: Severity;
  options: { [K in keyof O]: OptionSpec<O[K]> };
  examples: RuleExample[];
}

/** What every rule sees. */
export interface CheckContext {
  opinion: Opinion;
  index: IdIndex;
  text: OpinionText;
  /** The original language version as the build renders it, when it can be rendered. */
  draft?: Draft;
  /** Its characters without spaces, as the build counts them. */
  length?: number;
  /** With a previous version (`--previous`): the changes from it to this version, attributed to the amendments applied in this one. */
  previous?: PreviousVersion;
  /** Each language's gap mark (`values.to-be-completed`, `[à compléter]`), for the languages whose prose may hold one. */
  gapMarks?: Map<string, string>;
}

/** The comparison with the previous version of the opinion, for `amendments/unexplained-change`. */
export interface PreviousVersion {
  /** The previous version's folder, as given. */
  path: string;
  changes: import('../diff/types.js').Change[];
  /** Ids of the amendments applied in this version (none: no change is explained). */
  applied: string[];
}

export interface FindingExtra extends Pick<MessageOptions, 'note' | 'expected' | 'actual'> {
  /** A lower severity than the rule's for this finding (e.g. a warning near a limit). */
  severity?: Severity;
}

export type Report = (place: Located | undefined, reason: string, extra?: FindingExtra) => void;

export interface Rule<O = unknown> {
  meta: RuleMeta<O>;
  defaults: O;
  run(context: CheckContext, severity: Severity, options?: Partial<O>): void;
}

/** A rule's documentation as written: a rule without options leaves them out. */
export type RuleDefinition<O> = Omit<RuleMeta<O>, 'options'> & Partial<Pick<RuleMeta<O>, 'options'>>;

export function defineRule<O extends object>(definition: RuleDefinition<O>, check: (context: CheckContext, report: Report, options: O) => void): Rule<O> {
  const meta: RuleMeta<O> = { ...definition, options: definition.options ?? ({} as RuleMeta<O>['options']) };
  const defaults = Object.fromEntries(Object.entries(meta.options).map(([key, spec]) => [key, (spec as OptionSpec<unknown>).default])) as O;
  return {
    meta,
    defaults,
    run(context, severity, options) {
      const merged = { ...defaults, ...options } as O;
      // A YAML text shared by every language version (a source's title) is reported once, not once per language.
      const seen = new Set<string>();
      const report: Report = (place, reason, extra = {}) => {
        const located = place ?? context.opinion.locate('opinion', '', 'value');
        const file =
          (located && context.text.sources.file(located.file)) ??
          context.opinion.files.find((f) => f.path?.endsWith('opinion.yaml')) ??
          context.opinion.files[0];
        if (!file) return;
        const key = `${file.path}|${located?.position.start.offset ?? located?.position.start.line}:${located?.position.start.column}|${reason}`;
        if (seen.has(key)) return;
        seen.add(key);
        const own = severity === 'error' && extra.severity === 'warning' ? 'warning' : severity;
        addMessage(file, reason, {
          ruleId: meta.id,
          severity: own,
          place: located && file.path === located.file ? located.position : { line: 1, column: 1 },
          ...(extra.note ? { note: extra.note } : {}),
          ...(extra.expected ? { expected: extra.expected } : {}),
          ...(extra.actual !== undefined ? { actual: extra.actual } : {}),
        });
      };
      check(context, report, merged);
    },
  };
}

/** `text/en/02-general-comments.md:3:14`: a place as shown in notes, relative to the opinion folder. */
export function shortPlace(context: CheckContext, place: Located | undefined): string {
  if (!place) return 'opinion.yaml';
  const path = relative(context.opinion.dir, place.file).split('\\').join('/');
  return `${path}:${place.position.start.line}:${place.position.start.column}`;
}

/** A point as a reader names it: `point 3.2 (\`sc-sprar\`)`. */
export function describeBlock(block: { number?: string; id?: string; kind: string }): string {
  const name = block.kind === 'footnote' ? 'footnote' : block.kind === 'heading' ? 'heading' : 'point';
  if (block.number && block.id) return `${name} ${block.number} (\`${block.id}\`)`;
  if (block.number) return `${name} ${block.number}`;
  if (block.id) return `${name} \`${block.id}\``;
  return name;
}
