import { repositoryRoot } from '../repository-root.js';
import { VALIDATE_DOCS_URL } from '../docs-url.js';
import { Command } from 'commander';
import type { DefineCommand } from './index.js';
import { EXIT, opinionFolders, useColor } from '../io.js';
import { reportFormatOption, type ReportFormat } from '../report-option.js';
import { VERSION } from '../../version.js';
import { addCacheOptions, cachedResults, type CacheCliOptions } from '../cache-option.js';
import type { VFile } from 'vfile';
import { inTurns, reportable, streamsReport } from '../progress.js';
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
    const [{ validateOpinions }, { formatReport, humanSummary }, { toPlainFile, fromPlainFile }] = await Promise.all([
      import('../../validate/index.js'),
      import('../../report/index.js'),
      import('../../core/plain-file.js'),
    ]);
    const folders = await opinionFolders(io, paths);
    const jobs = parseJobs(options.jobs);
    // Printed as each opinion is validated on a terminal (src/cli/progress.ts); the same bytes as all at once.
    const stream = streamsReport(options.format);
    const root = repositoryRoot(io);
    const part = (turn: VFile[][]) => {
      const text = formatReport(reportable(turn.flat(), options.quiet), options.format, { color: useColor(io), cwd: io.cwd, root, summary: false });
      if (text) io.stdout(text);
    };
    const results = await inTurns(
      io,
      folders,
      { verb: 'validating', progress: stream, jobs },
      (folders) =>
        cachedResults(io, options, { command: 'validate', settings: {} }, folders, (rest) => validateOpinions(rest, { jobs }), {
          toPlain: (files) => files.map(toPlainFile),
          fromPlain: (files) => files.map(fromPlainFile),
        }),
      stream ? part : undefined,
    );
    const files = results.flat();
    if (options.quiet) for (const file of files) file.messages = file.messages.filter((m) => m.fatal === true);
    const errors = files.some((f) => f.messages.some((m) => m.fatal === true));
    const count = results.length;
    const reportOptions = {
      color: useColor(io),
      cwd: io.cwd,
      root,
      defaultHelpUri: VALIDATE_DOCS_URL,
      checked: `${count} opinion${count === 1 ? '' : 's'}, ${files.length} file${files.length === 1 ? '' : 's'}`,
      version: VERSION,
    };
    const text = !stream ? formatReport(files, options.format, reportOptions) : options.format === 'human' ? humanSummary(files, reportOptions) : '';
    io.stdout(text);
    setExit(errors ? EXIT.findings : EXIT.ok);
  });
