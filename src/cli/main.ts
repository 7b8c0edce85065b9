/**
 * The command line: commander wiring only. Each command lives in
 * `commands/<name>.ts` and calls the library; nothing here touches `process`.
 */
import type { Io } from './io.js';
import { runProgram } from './program.js';
import { commands } from './commands/index.js';

export function main(argv: readonly string[], io: Io): Promise<number> {
  return runProgram(argv, io, commands);
}
