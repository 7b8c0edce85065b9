/** The process boundary: the only place that reads `process`. */
import { main } from './main.js';

export function run(): Promise<number> {
  return main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns ?? (Number(process.env.COLUMNS) || undefined),
  });
}
