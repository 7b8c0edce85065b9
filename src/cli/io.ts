import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';

/**
 * What a command needs from the outside world, injected so that the CLI can
 * run in-process in tests exactly as it runs from the real bin.
 */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout / stderr are terminals (colour, progress lines). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width in columns, when known (help wraps to it). */
  columns?: number;
}

/** A problem with how the command was called: an `InputError` like any other (exit code 2, no stack trace). */
export class UsageError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

/** Whether colour may be used on a stream: a TTY, and NO_COLOR / FORCE_COLOR honoured. */
export function useColor(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream === 'stdout' ? io.stdoutIsTTY : io.stderrIsTTY;
}

/** The opinion folders the command line names, or holds (default: the current folder); a path that cannot be read stops the command. */
export async function opinionFolders(io: Io, paths: readonly string[]): Promise<string[]> {
  const { findOpinionFolders } = await import('../validate/index.js');
  const found = await findOpinionFolders((paths.length > 0 ? paths : ['.']).map((p) => resolve(io.cwd, p)));
  if (found.problems.length > 0) throw new UsageError(found.problems.map((p) => p.reason.replace(io.cwd + '/', '')).join('\nopinion: '));
  return found.folders;
}

/** The items of a comma-separated option value (`--lang`, `--to`, `--languages`), trimmed, empty ones left out. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
