import type { Command } from 'commander';
import type { Io } from '../io.js';
// In the order of `commands` (help lists them so): src/scripts/bundle.mjs reads the bin's commands from these lines.
import { initCommand } from './init.js';
import { validateCommand } from './validate.js';
import { buildCommand } from './build.js';
import { previewCommand } from './preview.js';
import { checkCommand } from './check.js';
import { statsCommand } from './stats.js';
import { diffCommand } from './diff.js';
import { importCommand } from './import.js';
import { amendmentsCommand } from './amendments.js';
import { translateCommand } from './translate.js';
import { completionCommand } from './completion.js';

/** A command factory: builds the commander command; `setExit` records its exit code. */
export type DefineCommand = (io: Io, setExit: (code: number) => void) => Command;

export const commands: DefineCommand[] = [
  initCommand,
  validateCommand,
  buildCommand,
  previewCommand,
  checkCommand,
  statsCommand,
  diffCommand,
  importCommand,
  amendmentsCommand,
  translateCommand,
  completionCommand,
];
