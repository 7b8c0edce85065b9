/**
 * The commander program over a list of commands. `main` runs it with every
 * command; the bin runs a one-command bundle (see src/scripts/bundle.mjs)
 * when argv names a command, so that a command loads none of the others' code.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../core/errors.js';
import { describeFsFailure } from '../core/safe-read.js';
import { type Io, EXIT } from './io.js';
import { VERSION } from '../version.js';
import type { DefineCommand } from './commands/index.js';
import { withHelp } from './help.js';

export async function runProgram(argv: readonly string[], io: Io, commands: readonly DefineCommand[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  // Help wraps to the terminal's width (80 columns when not on a terminal).
  const width = io.columns && io.columns >= 40 ? io.columns : 80;
  const output = { writeOut: io.stdout, writeErr: io.stderr, getOutHelpWidth: () => width, getErrHelpWidth: () => width };
  const program = new Command('opinion')
    .description('Draft, build, diff and analyse EESC opinions from structured sources.')
    .version(VERSION, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .configureOutput(output)
    .exitOverride();
  for (const define of commands) {
    const command = define(io, (code) => {
      exitCode = Math.max(exitCode, code);
    });
    // Usage errors of sub-commands too (`amendments apply` without --out) are exit 2, not commander's 1.
    const override = (c: Command): void => {
      c.exitOverride().configureOutput(output);
      c.commands.forEach(override);
    };
    override(command);
    program.addCommand(withHelp(command));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.trouble;
    }
    if (error instanceof InputError) {
      io.stderr(`opinion: ${error.message}\n`);
      return EXIT.trouble;
    }
    // A place the command could not write or read (a read-only folder, a file where a folder should be) is the user's to fix.
    const fileSystem = describeFsFailure(error);
    if (fileSystem !== undefined) {
      io.stderr(`opinion: ${fileSystem}\n`);
      return EXIT.trouble;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`opinion: internal error: ${reason}\nPlease report this with the command you ran.\n`);
    if (io.env.OPINION_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT.trouble;
  }
  return exitCode;
}
