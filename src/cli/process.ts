/** The process boundary: the only place that reads `process`. */
import { runProgram } from './program.js';
import type { DefineCommand } from './commands/index.js';

/** Run the program with `commands` on this process's argv, streams and environment. */
export function runCommands(commands: readonly DefineCommand[]): Promise<number> {
  return runProgram(
    process.argv.slice(2),
    {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      columns: process.stdout.columns ?? (Number(process.env.COLUMNS) || undefined),
    },
    commands,
  );
}
