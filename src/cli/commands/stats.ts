import { Command, Option } from 'commander';
import type { DefineCommand } from './index.js';
import { EXIT, opinionFolders, useColor } from '../io.js';
import { VERSION } from '../../version.js';
import { parseJobs } from './check.js';
import { addCacheOptions, cachedResults, type CacheCliOptions } from '../cache-option.js';
import { inTurns } from '../progress.js';

export const statsCommand: DefineCommand = (io, setExit) =>
  addCacheOptions(
    new Command('stats')
      .summary('what opinions contain: length, words, points, footnotes, readability, recommendations, coverage')
      .description(
        'For one opinion: characters (with and without spaces), words, points and footnotes per chapter; ' +
          'the same per language with a readability score (Flesch reading ease for English, Kandel & Moles ' +
          'for French, Gulpease for Italian, Flesch–Amstad for German); recommendations per addressee and ' +
          'priority; the principle × recommendation matrix; and what cites each principle and evidence item. ' +
          'For several opinions (or a folder of them): one row per opinion and the totals.\n\n' +
          'Sources that do not validate are reported on stderr and left out.\n\n' +
          'Exit codes: 0 done, 1 some opinions did not validate, 2 could not run.',
      )
      .argument('[paths...]', 'opinion folders or folders holding them (default: the current folder)')
      .addOption(new Option('-f, --format <format>', 'table (default on a terminal) or json (default otherwise)').choices(['table', 'json']))
      .option(
        '--quick',
        'count on the sources without rendering drafts: faster over many opinions, but acronyms are not spelled out, so lengths fall a little short',
      )
      .option('-j, --jobs <n>', 'worker threads for many opinions (default: one per core from 24 opinions on; never more than the cores)'),
  ).action(async (paths: string[], options: { format?: 'table' | 'json'; jobs?: string; quick?: boolean } & CacheCliOptions) => {
    const [{ statsReport, formatStatsTable, formatStatsJson }, { countOpinions }, { formatReport }] = await Promise.all([
      import('../../stats/index.js'),
      import('../../corpus/worker.js'),
      import('../../report/index.js'),
    ]);
    const folders = await opinionFolders(io, paths);
    const format = options.format ?? (io.stdoutIsTTY ? 'table' : 'json');
    const jobs = parseJobs(options.jobs);
    // A progress line on a terminal for the table (src/cli/progress.ts); the table needs every row, so it comes at the end.
    const counting = { ...(jobs ? { jobs } : {}), ...(options.quick ? { quick: true } : {}) };
    const results = await inTurns(io, folders, { verb: 'counting', progress: format === 'table', jobs }, (folders) =>
      cachedResults(io, options, { command: 'stats', settings: { quick: Boolean(options.quick) } }, folders, (rest) => countOpinions(rest, counting)),
    );
    const failed = results.filter((r) => !r.stats);
    if (failed.length > 0) {
      const files = failed.flatMap((r) => r.files).filter((f) => f.messages.length > 0);
      io.stderr(
        formatReport(files, 'human', {
          color: useColor(io, 'stderr'),
          cwd: io.cwd,
          checked: `left out of the stats: ${failed.length === 1 ? '1 opinion that does' : `${failed.length} opinions that do`} not validate`,
          version: VERSION,
        }),
      );
    }
    const report = statsReport(results.flatMap((r) => (r.stats ? [r.stats] : [])));
    if (report.opinions.length > 0) {
      io.stdout(
        format === 'json'
          ? formatStatsJson(report, { cwd: io.cwd })
          : formatStatsTable(report, { color: useColor(io), cwd: io.cwd, ...(io.stdoutIsTTY && io.columns ? { width: io.columns } : {}) }),
      );
    }
    setExit(failed.length > 0 ? EXIT.findings : EXIT.ok);
  });
