/**
 * Shell completion scripts for bash, zsh and fish, made from the commander
 * program itself: its commands (and the subcommands of `amendments` and
 * `translate`), each command's options, and the values of options with a
 * fixed list (`--format`, `--kind`…). Arguments complete as file names.
 */
import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandSpec {
  name: string;
  summary: string;
  options: { short?: string; long?: string; takesValue: boolean; choices?: readonly string[]; description: string }[];
  /** A command made of subcommands (`amendments list`…): theirs. */
  subcommands: CommandSpec[];
}

function specs(program: Command): CommandSpec[] {
  return program.commands
    .filter((command) => command.name() !== 'help')
    .map((command) => ({
      name: command.name(),
      summary: command.summary() || command.description().split('\n')[0]!,
      options: [...command.options, helpOption()].map((option: Option) => ({
        ...(option.short ? { short: option.short } : {}),
        ...(option.long ? { long: option.long } : {}),
        takesValue: option.required || option.optional,
        ...(option.argChoices ? { choices: option.argChoices } : {}),
        description: option.description,
      })),
      subcommands: specs(command),
    }));
}

function helpOption(): Option {
  return { short: '-h', long: '--help', required: false, optional: false, description: 'show help for the command' } as Option;
}

/** Words safe inside single quotes in every shell. */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
const plain = (text: string) =>
  text
    .replace(/[\[\]:'"`\\$]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function completionScript(program: Command, shell: Shell): string {
  const commands = specs(program);
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  return fish(commands);
}

/** A bash `case` branch for a command (`at`: the word its name is, 1 or 2 for a subcommand's). */
function bashCase(command: CommandSpec, at: number, indent: string): string {
  if (command.subcommands.length > 0) {
    const names = command.subcommands.map((c) => c.name);
    return [
      `${indent}${command.name})`,
      `${indent}  if [ "$COMP_CWORD" -eq ${at + 1} ]; then COMPREPLY=($(compgen -W ${quote([...names, 'help'].join(' '))} -- "$cur")); return; fi`,
      `${indent}  case "\${COMP_WORDS[${at + 1}]}" in`,
      ...command.subcommands.map((sub) => bashCase(sub, at + 1, `${indent}    `)),
      `${indent}    *) return ;;`,
      `${indent}  esac`,
      `${indent}  ;;`,
    ].join('\n');
  }
  const words = command.options.flatMap((o) => [o.short, o.long].filter(Boolean)).join(' ');
  const valued = command.options
    .filter((o) => o.takesValue && !o.choices)
    .flatMap((o) => [o.short, o.long].filter(Boolean))
    .join('|');
  const choices = command.options
    .filter((o) => o.choices)
    .map((o) => `${indent}    ${[o.short, o.long].filter(Boolean).join('|')}) COMPREPLY=($(compgen -W ${quote(o.choices!.join(' '))} -- "$cur")); return ;;`)
    .join('\n');
  return [
    `${indent}${command.name})`,
    `${indent}  opts=${quote(words)}`,
    `${indent}  case "$prev" in`,
    ...(choices ? [choices] : []),
    ...(valued ? [`${indent}    ${valued}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
    `${indent}  esac`,
    `${indent}  ;;`,
  ].join('\n');
}

function bash(commands: CommandSpec[]): string {
  const cases = commands.map((command) => bashCase(command, 1, '    '));
  return `# bash completion for opinion: add to ~/.bashrc
#   source <(opinion completion bash)
_opinion() {
  local cur prev opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W ${quote([...commands.map((c) => c.name), 'help', '--help', '--version'].join(' '))} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
    help)
      COMPREPLY=($(compgen -W ${quote(commands.map((c) => c.name).join(' '))} -- "$cur"))
      return ;;
    *) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _opinion opinion
`;
}

/** A zsh `case` branch for a command (`at`: the index of its name in `$words`, 2 or 3 for a subcommand's). */
function zshCase(command: CommandSpec, at: number, indent: string): string {
  if (command.subcommands.length > 0) {
    return [
      `${indent}${command.name})`,
      `${indent}  if (( CURRENT == ${at + 1} )); then`,
      `${indent}    local -a subcommands`,
      `${indent}    subcommands=(${command.subcommands.map((c) => quote(`${c.name}:${plain(c.summary)}`)).join(' ')})`,
      `${indent}    _describe 'subcommand' subcommands`,
      `${indent}    return`,
      `${indent}  fi`,
      `${indent}  case $words[${at + 1}] in`,
      ...command.subcommands.map((sub) => zshCase(sub, at + 1, `${indent}    `)),
      `${indent}  esac ;;`,
    ].join('\n');
  }
  const specsOf = command.options.map((o) => {
    const names = [o.short, o.long].filter(Boolean) as string[];
    const value = o.takesValue ? (o.choices ? `:value:(${o.choices.join(' ')})` : ':value:_files') : '';
    const spec = (name: string) => `${name}[${plain(o.description)}]${value}`;
    return names.length === 2 ? `'(${names.join(' ')})'{${names.join(',')}}'[${plain(o.description)}]${value}'` : quote(spec(names[0]!));
  });
  return `${indent}${command.name})\n${indent}  _arguments -s ${specsOf.join(` \\\n${indent}    `)} \\\n${indent}    '*:file:_files' ;;`;
}

function zsh(commands: CommandSpec[]): string {
  const cases = commands.map((command) => zshCase(command, 2, '    '));
  return `#compdef opinion
# zsh completion for opinion: add to ~/.zshrc (after compinit)
#   source <(opinion completion zsh)
_opinion() {
  local -a commands
  commands=(
${commands.map((c) => `    ${quote(`${c.name}:${plain(c.summary)}`)}`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
}
compdef _opinion opinion
`;
}

function fish(commands: CommandSpec[]): string {
  const lines = [
    '# fish completion for opinion: save as ~/.config/fish/completions/opinion.fish',
    '#   opinion completion fish > ~/.config/fish/completions/opinion.fish',
    'complete -c opinion -f',
    ...commands.map((c) => `complete -c opinion -n __fish_use_subcommand -a ${c.name} -d ${quote(plain(c.summary))}`),
  ];
  const optionsOf = (command: CommandSpec, condition: string) => {
    for (const o of command.options) {
      const parts = [`complete -c opinion -n ${quote(condition)}`];
      if (o.short) parts.push(`-s ${o.short.slice(1)}`);
      if (o.long) parts.push(`-l ${o.long.slice(2)}`);
      if (o.choices) parts.push(`-x -a ${quote(o.choices.join(' '))}`);
      else if (o.takesValue) parts.push('-r -F');
      parts.push(`-d ${quote(plain(o.description))}`);
      lines.push(parts.join(' '));
    }
    lines.push(`complete -c opinion -n ${quote(condition)} -F`);
  };
  for (const command of commands) {
    const seen = `__fish_seen_subcommand_from ${command.name}`;
    if (command.subcommands.length === 0) {
      optionsOf(command, seen);
      continue;
    }
    const names = command.subcommands.map((c) => c.name).join(' ');
    for (const sub of command.subcommands) {
      lines.push(`complete -c opinion -n ${quote(`${seen}; and not __fish_seen_subcommand_from ${names}`)} -a ${sub.name} -d ${quote(plain(sub.summary))}`);
      optionsOf(sub, `${seen}; and __fish_seen_subcommand_from ${sub.name}`);
    }
  }
  return lines.join('\n') + '\n';
}
