import { ruleDocsUrl } from '../docs-url.js';
import { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { DefineCommand } from './index.js';
import { EXIT, opinionFolders, UsageError } from '../io.js';
import { findingsReport, reportFormatOption, type ReportFormat } from '../report-option.js';
import { plural } from '../../core/messages.js';
import { addCacheOptions, cachedResults, type CacheCliOptions } from '../cache-option.js';
import type { CheckedOpinion } from '../../corpus/worker.js';
import { inTurns } from '../progress.js';

interface CheckCliOptions extends CacheCliOptions {
  jobs?: string;
  format: ReportFormat;
  quiet?: boolean;
  config?: string;
  rule?: string[];
  listRules?: boolean;
  previous?: string;
}

export const checkCommand: DefineCommand = (io, setExit) =>
  addCacheOptions(
    new Command('check')
      .summary('lint opinions: length, coverage, glossary, references, recommendations, clear writing, consistency')
      .description(
        'Validate one opinion folder, several, or a tree of them, then run the rules that see the ' +
          "opinion's structure: the 18,000-character limit, principles and evidence nothing rests on, " +
          'acronyms not in the glossary, circular references, recommendations without an addressee or an ' +
          'action, long sentences and points, repeated text, terms written two ways, metadata the stage ' +
          'contradicts, translations whose structure differs. Sources that do not validate are reported ' +
          'with the validation messages only.\n\n' +
          "Rules are set in opinion-check.yaml (the nearest one above each opinion) and in an opinion's " +
          'own check.yaml; `--list-rules` lists them.\n\n' +
          'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.',
      )
      .argument('[paths...]', 'opinion folders or folders holding them (default: the current folder)')
      .addOption(reportFormatOption())
      .option('-q, --quiet', 'report errors only, not warnings')
      .option('-c, --config <file>', 'use this configuration file instead of the nearest opinion-check.yaml')
      .option(
        '-r, --rule <id=severity>',
        'set a rule to off, warning or error (e.g. writing/sentence-length=off); repeatable',
        (value: string, list: string[] | undefined) => [...(list ?? []), value],
      )
      .option(
        '--previous <folder>',
        'the previous version of the opinion: report changes no amendment applied in this version explains (amendments/unexplained-change)',
      )
      .option('--list-rules', 'list the rules with their default severity, then exit')
      .option('-j, --jobs <n>', 'worker threads for many opinions (default: one per core from 24 opinions on; never more than the cores)'),
  ).action(async (paths: string[], options: CheckCliOptions) => {
    const [check, { checkOpinions }, { PROJECT_CONFIG }, { filesAbove }] = await Promise.all([
      import('../../check/index.js'),
      import('../../corpus/worker.js'),
      import('../../check/config-file.js'),
      import('../../cache/results.js'),
    ]);
    if (options.listRules) {
      io.stdout(listRules(check.RULES));
      setExit(EXIT.ok);
      return;
    }
    const overrides: import('../../check/index.js').ConfigLayer = {};
    for (const argument of options.rule ?? []) {
      const parsed = check.parseRuleArgument(argument);
      if (!parsed || !check.RULES_BY_ID.has(parsed.id)) {
        throw new UsageError(`unexpected --rule \`${argument}\`, expected \`<rule id>=off|warning|error\` with a rule from \`opinion check --list-rules\``);
      }
      overrides[parsed.id] = { severity: parsed.setting };
    }
    let config: string | undefined;
    if (options.config) {
      config = resolve(io.cwd, options.config);
      const info = await stat(config).catch(() => undefined);
      if (!info?.isFile()) throw new UsageError(`cannot read --config \`${options.config}\`: no such file`);
    }
    const folders = await opinionFolders(io, paths);
    const jobs = parseJobs(options.jobs);
    if (options.previous !== undefined && folders.length !== 1)
      throw new UsageError(`unexpected --previous with ${folders.length} opinion folders, expected one opinion folder`);
    const previous = options.previous !== undefined ? resolve(io.cwd, options.previous) : undefined;
    // Printed as each opinion is checked on a terminal (src/cli/progress.ts); the same bytes as all at once.
    // A project configuration file comes back with every opinion it applies to: report it once.
    const report = findingsReport(io, options);
    const files: VFile[] = [];
    const seen = new Set<string>();
    const collect = (turn: CheckedOpinion[]) => {
      const fresh = turn.flatMap((r) => r.files).filter((file) => !seen.has(file.path) && seen.add(file.path));
      files.push(...fresh);
      if (report.stream) report.part(fresh);
    };
    const checkOptions = {
      ...(config ? { config } : {}),
      rules: overrides,
      ...(jobs ? { jobs } : {}),
      ...(previous ? { previous, previousLabel: options.previous! } : {}),
    };
    const run = (folders: string[]) => checkOpinions(folders, checkOptions);
    // With --previous the results depend on another folder's files too: they are not cached.
    const compute = (folders: string[]) =>
      previous
        ? run(folders)
        : cachedResults(
            io,
            options,
            // Results depend on the configuration files: --config, or the nearest opinion-check.yaml above each opinion.
            {
              command: 'check',
              settings: { config: config ?? null, rules: overrides },
              extraInputs: async (folder) => (config ? [config] : filesAbove(folder, PROJECT_CONFIG)),
            },
            folders,
            run,
          );
    const results = await inTurns(io, folders, { verb: 'checking', progress: report.stream, jobs }, compute, collect);
    const skipped = results.filter((r) => !r.checked).length;
    const rules = Object.fromEntries(
      check.RULES.map((rule) => [rule.meta.id, { description: rule.meta.description, rationale: rule.meta.rationale, url: ruleDocsUrl(rule.meta.id) }]),
    );
    setExit(report.end(files, folders.length, skipped ? `; rules not run on ${plural(skipped, 'opinion')} with validation errors` : '', { rules }));
  });

/** `--jobs`: a whole number of at least 1. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`unexpected --jobs \`${value}\`, expected a whole number of at least 1`);
  return jobs;
}

function listRules(rules: readonly { meta: { id: string; severity: string; description: string } }[]): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = rules.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}`);
  return [`${'Rule'.padEnd(width)}  Default  Reports`, ...lines, '', 'Details and examples: docs/check-rules.md', ''].join('\n');
}
