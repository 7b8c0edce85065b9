/**
 * `opinion check`: validate an opinion, then run the rules that see its
 * structure (coverage, glossary, references, recommendations, clear
 * writing, consistency, length) with the project's and the opinion's
 * configuration. Returns the files with their messages; never prints.
 */
import { mayHoldGapMarks, reportProseGaps } from '../validate/prose-gaps.js';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { openOpinion, type OpenOpinion, type OpenOptions } from '../opinion/open.js';
import { sortMessages } from '../core/messages.js';
import type { Opinion } from '../core/model.js';
import { resolveConfig, type ConfigLayer } from './config.js';
import { ConfigFiles, OPINION_CONFIG } from './config-file.js';
import { createContext } from './context.js';
import { runRules } from './run.js';
import { lengthThreshold } from './rules/length-limit.js';

export interface CheckOptions {
  /** A configuration file to use instead of the nearest `opinion-check.yaml`. */
  config?: string;
  /** Settings over every configuration file (e.g. from the command line). */
  rules?: ConfigLayer;
  /** Configuration files already read in this run (pass one instance when checking many opinions). */
  configFiles?: ConfigFiles;
  /** The previous version's folder, for `amendments/unexplained-change` (over the rule's `previous` option). */
  previous?: string;
  /** How to name the previous version in messages (default: `previous` as given). */
  previousLabel?: string;
}

export interface CheckResult {
  opinion?: Opinion;
  /** The source files with the validation and rule messages, then the configuration files read. */
  files: VFile[];
  /** Whether the rules ran: they do not when the sources have validation errors. */
  checked: boolean;
}

/**
 * How `check` opens an opinion: unknown targets, duplicate numbers and vote
 * figures of amendments are rules here (configurable), not validation errors.
 */
export const CHECK_VALIDATION: OpenOptions = { amendmentRules: false, positions: 'lazy' };

/** Check an opinion folder, or an opinion opened with `CHECK_VALIDATION`. */
export async function checkOpinion(source: string | OpenOpinion, options: CheckOptions = {}): Promise<CheckResult> {
  const opened = await openOpinion(source, CHECK_VALIDATION);
  const { opinion, files, dir } = opened;
  if (!opinion || !opened.index || !opened.sound) return { ...(opinion ? { opinion } : {}), files, checked: false };
  const configs = options.configFiles ?? new ConfigFiles();
  const projectPath = options.config ?? configs.findProject(dir);
  const project = projectPath ? await configs.load(projectPath) : undefined;
  const own = await configs.load(join(dir, OPINION_CONFIG));
  const settings = resolveConfig([project?.layer, own?.layer, options.rules]);
  const length = settings.get('length/limit');
  const draftFrom = !length || length.severity === 'off' ? Infinity : lengthThreshold(length.options);
  const context = await createContext(opened, { draftFrom });
  // As `opinion validate` does with the labels: the gap marks each language's prose still holds
  // (its labels loaded only when the prose may hold a shipped mark, or the opinion has labels of its own).
  // The rules are told the marks too (a translated point that is only its mark has nothing to compare yet).
  const gapMarks = new Map<string, string>();
  for (const [lang, chapters] of Object.entries(opinion.chapters)) {
    if (!mayHoldGapMarks(chapters) && !opened.validated.labels?.some((layer) => layer.lang === lang)) continue;
    const mark = (await opened.labels(lang))?.text['values.to-be-completed'];
    if (mark) gapMarks.set(lang, mark);
    reportProseGaps(chapters, mark);
  }
  if (gapMarks.size > 0) context.gapMarks = gapMarks;
  const unexplained = settings.get('amendments/unexplained-change');
  const previousPath = options.previous ?? (unexplained?.options as { previous?: string } | undefined)?.previous;
  if (previousPath && unexplained?.severity !== 'off') {
    // Loaded only here: the comparison brings the diff and the build, which a plain check never runs.
    const { comparePrevious } = await import('./previous.js');
    const previous = await comparePrevious(opinion, resolve(dir, previousPath), options.previousLabel ?? previousPath, files);
    if (previous) context.previous = previous;
  }
  runRules(context, settings);
  sortMessages(files);
  const configFiles = [project?.file, own?.file].filter((f): f is VFile => f !== undefined);
  sortMessages(configFiles);
  return { opinion, files: [...files, ...configFiles], checked: true };
}

export { RULES, RULES_BY_ID } from './rules/index.js';
export { ConfigFiles } from './config-file.js';
export { parseRuleArgument, type ConfigLayer } from './config.js';
export { configSchema } from './config-schema.js';
