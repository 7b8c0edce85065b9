/** The process boundary: the only place that reads `process`. */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { runProgram } from './program.js';
import type { DefineCommand } from './commands/index.js';

/** Run the program with `commands` on this process's argv, streams and environment. */
export function runCommands(commands: readonly DefineCommand[]): Promise<number> {
  const stdout = standardStream(1);
  const stderr = standardStream(2);
  return runProgram(
    process.argv.slice(2),
    {
      stdout: stdout.write,
      stderr: stderr.write,
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: stdout.isTTY(),
      stderrIsTTY: stderr.isTTY(),
      columns: stdout.columns() ?? (Number(process.env.COLUMNS) || undefined),
    },
    commands,
  );
}

interface StandardStream {
  write: (text: string) => void;
  isTTY: () => boolean;
  columns: () => number | undefined;
}

/**
 * Standard output or error. A file or a pipe (what scripts, CI and editors
 * give; a pipe from a Node parent, `child_process` with `stdio: 'pipe'`, is a
 * socket) is written with `writeSync`, as Node writes them anyway on Linux,
 * without `process.stdout` / `process.stderr`: their first use loads Node's
 * stream and socket modules, a cost every one-shot command paid before
 * printing a line. So is the null device (`> /dev/null`). A terminal, anything else, and a pipe that would block
 * (EAGAIN) go through the process's stream, continuing where the direct
 * writes stopped. A reader that stops early (`opinion stats … | head`)
 * closes the pipe: the command stops quietly, as other tools do.
 */
function standardStream(fd: 1 | 2): StandardStream {
  let direct = false;
  try {
    const info = fstatSync(fd);
    direct = info.isFile() || info.isFIFO() || info.isSocket() || (info.isCharacterDevice() && isDevNull(info));
  } catch {
    direct = false;
  }
  let stream: NodeJS.WriteStream | undefined;
  const processStream = (): NodeJS.WriteStream => {
    if (stream) return stream;
    stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error && error.code === 'EPIPE') stopQuietly();
      throw error;
    });
    return stream;
  };
  const write = (text: string) => {
    if (!direct) {
      processStream().write(text);
      return;
    }
    const data = Buffer.from(text, 'utf8');
    let offset = 0;
    try {
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') stopQuietly();
      if (code !== 'EAGAIN') throw error;
      direct = false;
      processStream().write(data.subarray(offset));
    }
  };
  return {
    write,
    isTTY: () => !direct && Boolean(processStream().isTTY),
    columns: () => (direct ? undefined : processStream().columns),
  };
}

/** Whether a character device is the null device (no terminal: nothing to ask `tty` about). */
function isDevNull(info: { dev: number; ino: number; rdev: number }): boolean {
  try {
    const nul = statSync('/dev/null');
    return info.rdev === nul.rdev && info.rdev !== 0;
  } catch {
    return false;
  }
}

function stopQuietly(): never {
  process.exit(process.exitCode ?? 0);
}
