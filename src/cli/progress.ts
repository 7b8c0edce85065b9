/**
 * Long runs over many opinions (validate, check, stats, build): a progress
 * line on the terminal, and results printed as they come rather than all at
 * the end.
 *
 * - The progress line goes to stderr, only when stderr is a terminal (never
 *   when piped or redirected, nor for `TERM=dumb`), never for machine formats
 *   (the caller says so), dim only when colour is allowed (NO_COLOR).
 *   It is erased before anything else is printed, so that it never ends up
 *   in the middle of a result.
 * - The opinions are handed to the command's own computation in turns, in
 *   their order: one at a time when they are computed in this thread, in
 *   turns of several when they go to worker threads (so that the threads
 *   still share the work); what a turn returns is printed before the next
 *   turn starts. Output is the same bytes as when printed at the end.
 */
import type { VFile } from 'vfile';
import { useColor, type Io } from './io.js';
import { displayPath } from '../report/paths.js';
import { PARALLEL_THRESHOLD } from '../core/worker-pool.js';

export interface Progress {
  /** Shows `[n/total] verb what…` while the opinions up to the n-th are worked on (nothing when progress is off). */
  show(n: number, what: string): void;
  /** Erases the line, before printing anything else. */
  clear(): void;
}

/** The progress line of a run over `total` opinions; off unless stderr is a terminal and `enabled`. */
export function progressLine(io: Io, total: number, verb: string, enabled: boolean): Progress {
  const on = enabled && total > 1 && io.stderrIsTTY && io.env.TERM !== 'dumb';
  const dim = useColor(io, 'stderr') ? (text: string) => `\x1b[2m${text}\x1b[22m` : (text: string) => text;
  let shown = false;
  return {
    show(n, what) {
      if (!on) return;
      const width = Math.max(20, (io.columns ?? 80) - 1);
      let line = `[${n}/${total}] ${verb} ${what}…`;
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      io.stderr(`\r\x1b[K${dim(line)}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}

/**
 * How many opinions to hand over at a time: one when they are computed in
 * this thread (below the threshold, or `--jobs 1`), else turns large enough
 * to keep every worker busy (at least 24, a tenth of the run).
 */
export function turnSize(count: number, jobs: number | undefined): number {
  if (jobs === 1 || (jobs === undefined && count < PARALLEL_THRESHOLD)) return 1;
  return Math.max(PARALLEL_THRESHOLD, (jobs ?? 0) * 4, Math.ceil(count / 10));
}

/**
 * Runs `compute` over `folders` in turns (see `turnSize`), with a progress
 * line, calling `each` with each turn's results (in order) as soon as they
 * are there; returns every result, in order.
 */
export async function inTurns<T>(
  io: Io,
  folders: readonly string[],
  options: { verb: string; progress: boolean; jobs?: number | undefined },
  compute: (folders: string[]) => Promise<T[]>,
  each?: (results: T[], folders: string[]) => void,
): Promise<T[]> {
  const progress = progressLine(io, folders.length, options.verb, options.progress);
  // Turns are for a person watching; piped or in CI, one turn (worker threads start once, the cache is written once).
  const watched = (options.progress && io.stderrIsTTY) || io.stdoutIsTTY;
  const size = watched ? turnSize(folders.length, options.jobs) : Math.max(1, folders.length);
  const results: T[] = [];
  try {
    for (let start = 0; start < folders.length; start += size) {
      const turn = folders.slice(start, start + size);
      progress.show(start + turn.length, turn.length === 1 ? displayPath(turn[0]!, io.cwd) : `${turn.length} opinions`);
      const done = await compute(turn);
      progress.clear();
      each?.(done, turn);
      results.push(...done);
    }
  } finally {
    progress.clear();
  }
  return results;
}

/**
 * A findings report printed as results come: the human format's blocks
 * (its summary line at the end, over every file) and GitHub's annotations
 * can be; JSON and SARIF are one document, printed at the end.
 */
export function streamsReport(format: string): boolean {
  return format === 'human' || format === 'github';
}

/** The files of a turn whose messages are to be reported (`--quiet`: errors only). */
export function reportable(files: readonly VFile[], quiet: boolean | undefined): VFile[] {
  if (quiet) for (const file of files) file.messages = file.messages.filter((m) => m.fatal === true);
  return [...files];
}
