/**
 * Help text that reads well at any terminal width: descriptions are written
 * as paragraphs (commander wraps them to the terminal), and each command ends
 * with a few examples a user can copy.
 */
import type { Command } from 'commander';

/** Two or three examples per command: what to type, and what it does. */
export const EXAMPLES: Record<string, readonly (readonly [string, string])[]> = {
  init: [
    ['opinion init opinions/platform-work', 'a new opinion folder, every file commented'],
    ['opinion init opinions/int-900 --reference INT/900 --title "Platform work" --language fr', 'with its reference and title, written in French'],
  ],
  validate: [
    ['opinion validate opinions/see-migrants', 'one opinion'],
    ['opinion validate opinions/', 'every opinion under a folder'],
    ['opinion validate opinions/ --format github', 'as annotations in a GitHub workflow'],
  ],
  build: [
    ['opinion build opinions/see-migrants', 'Markdown, HTML and JSON in build/see-migrants/en/'],
    ['opinion build opinions/see-migrants --lang all --to docx', 'the Word draft in every language'],
    ['opinion build opinions/ --watch', 'every opinion, again on each change'],
  ],
  preview: [
    ['opinion preview opinions/see-migrants', 'the HTML draft on http://127.0.0.1:<port>/, reloaded on every save'],
    ['opinion preview opinions/see-migrants --lang all --port 8080', 'every language, on a port of your choice'],
  ],
  check: [
    ['opinion check opinions/see-migrants', 'the rules on one opinion'],
    ['opinion check opinions/ --rule writing/sentence-length=off', 'every opinion, one rule turned off'],
    ['opinion check --list-rules', 'the rules and their default severity'],
  ],
  stats: [
    ['opinion stats opinions/see-migrants', 'what one opinion contains, as tables'],
    ['opinion stats opinions/ --format table', 'one row per opinion, and the totals'],
    ['opinion stats opinions/see-migrants --format json', 'the same as data'],
  ],
  diff: [
    ['opinion diff old/ new/', 'two versions on the terminal (two folders or two drafts)'],
    ['opinion diff opinions/x --from v1 --out redline.docx', 'since the tag v1, as Word tracked changes'],
    ['opinion diff old.docx new.docx --format amendments --out amendments.docx', 'an amendment sheet'],
  ],
  amendments: [
    ['opinion amendments list opinions/see-migrants', 'the amendments of the current stage and their state'],
    ['opinion amendments sheet opinions/see-migrants --stage plenary', 'the amendment sheet of a stage'],
    ['opinion amendments table opinions/see-migrants member-copy.md --by "Name SURNAME"', "the changes of a member's edited copy, tabled as amendments"],
  ],
  translate: [
    ['opinion translate export opinions/see-migrants --to fr', 'the chapters to translate into French, as XLIFF 1.2 for a CAT tool'],
    ['opinion translate import see-migrants.fr.xlf', 'the translation back into text/fr/'],
  ],
  completion: [
    ['opinion completion bash >> ~/.bash_completion', 'bash: complete commands, options and their values'],
    ['opinion completion fish > ~/.config/fish/completions/opinion.fish', 'fish'],
  ],
  import: [
    ['opinion import draft.docx', 'a Word draft into a new opinion folder, named from its reference'],
    ['opinion import draft.md --out opinions/platform-work', 'a Markdown draft, into a folder of your choice'],
  ],
};

/** The examples block shown after a command's options. */
export function examplesText(name: string): string {
  const examples = EXAMPLES[name];
  if (!examples) return '';
  return '\nExamples:\n' + examples.map(([command, what]) => `  $ ${command}\n      ${what}`).join('\n') + '\n';
}

/**
 * A description written across source lines as single line breaks becomes
 * paragraphs, so that commander wraps it to the terminal's width; blank lines
 * (paragraphs) and indented lines (lists) are kept.
 */
export function unwrap(text: string): string {
  return text.replace(/([^\n])\n(?=[^\n\s-])/g, '$1 ');
}

/** Applies both to a command: paragraphs in the description, examples at the end. */
export function withHelp(command: Command): Command {
  command.description(unwrap(command.description()));
  const examples = examplesText(command.name());
  if (examples) command.addHelpText('after', examples);
  return command;
}
