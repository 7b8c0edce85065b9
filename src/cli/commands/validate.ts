import { Command } from 'commander';
import type { DefineCommand } from './index.js';
import { opinionFolders } from '../io.js';
import { findingsReport, reportFormatOption, type ReportFormat } from '../report-option.js';
import { addCacheOptions, cachedResults, type CacheCliOptions } from '../cache-option.js';
import { inTurns } from '../progress.js';
import { parseJobs } from './check.js';

export const validateCommand: DefineCommand = (io, setExit) =>
  addCacheOptions(
    new Command('validate')
      .summary('check opinion sources: YAML syntax, schemas, ids, references, dates')
      .description(
        'Check one opinion folder, several, or a tree of them (e.g. `opinions/`). ' +
          'Reports every problem at file:line:column: YAML syntax, schema violations, duplicate or unknown ids, ' +
          'dates out of order, a vote before adoption…\n\nExit codes: 0 valid (warnings allowed), 1 problems found, 2 could not run.',
      )
      .argument('[paths...]', 'opinion folders or folders holding them (default: the current folder)')
      .addOption(reportFormatOption())
      .option('-q, --quiet', 'report errors only, not warnings')
      .option('-j, --jobs <n>', 'worker threads for many opinions (default: one per core from 24 opinions on; never more than the cores)'),
  ).action(async (paths: string[], options: { format: ReportFormat; quiet?: boolean; jobs?: string } & CacheCliOptions) => {
    const { validateOpinions } = await import('../../validate/index.js');
    const folders = await opinionFolders(io, paths);
    const jobs = parseJobs(options.jobs);
    // Printed as each opinion is validated on a terminal (src/cli/progress.ts); the same bytes as all at once.
    const report = findingsReport(io, options);
    const results = await inTurns(
      io,
      folders,
      { verb: 'validating', progress: report.stream, jobs },
      (folders) => cachedResults(io, options, { command: 'validate', settings: {} }, folders, (rest) => validateOpinions(rest, { jobs })),
      report.stream ? (turn) => report.part(turn.flat()) : undefined,
    );
    setExit(report.end(results.flat(), results.length));
  });
