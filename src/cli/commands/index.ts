import type { Command } from 'commander';
import type { Io } from '../io.js';
import { validateCommand } from './validate.js';
import { initCommand } from './init.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { statsCommand } from './stats.js';
import { diffCommand } from './diff.js';
import { importCommand } from './import.js';
import { translateCommand } from './translate.js';
import { amendmentsCommand } from './amendments.js';
import { completionCommand } from './completion.js';
import { previewCommand } from './preview.js';

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
