/** The process boundary: the whole CLI on `process` (see ./process.ts). */
import { commands } from './commands/index.js';
import { runCommands } from './process.js';

export function run(): Promise<number> {
  return runCommands(commands);
}
