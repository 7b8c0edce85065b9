import { Argument, Command } from 'commander';
import type { DefineCommand } from './index.js';
import { EXIT } from '../io.js';
import { SHELLS, completionScript, type Shell } from '../completion.js';

export const completionCommand: DefineCommand = (io, setExit) =>
  new Command('completion')
    .summary('print the shell completion script for bash, zsh or fish')
    .description(
      'Print a script that completes commands, options and option values of `opinion` in your shell. ' +
        'bash: add `source <(opinion completion bash)` to ~/.bashrc. ' +
        'zsh: add `source <(opinion completion zsh)` to ~/.zshrc, after compinit. ' +
        'fish: `opinion completion fish > ~/.config/fish/completions/opinion.fish`.',
    )
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action((shell: Shell, _options: unknown, command: Command) => {
      io.stdout(completionScript(command.parent!, shell));
      setExit(EXIT.ok);
    });
