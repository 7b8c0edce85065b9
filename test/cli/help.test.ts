/** `opinion <command> --help`: examples for each command, text wrapped to the terminal's width. */
import { describe, it, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, runMain } from '../helpers.js';
import { EXAMPLES } from '../../src/cli/help.js';

async function help(args: string[], columns?: number): Promise<string> {
  let stdout = '';
  const code = await main([...args, '--help'], {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    cwd: ROOT,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns,
  });
  expect(code).toBe(0);
  return stdout;
}

const COMMANDS = ['init', 'validate', 'build', 'preview', 'check', 'stats', 'diff', 'import', 'amendments', 'translate', 'completion'];

describe('help', () => {
  it.each(COMMANDS)('opinion %s --help ends with two or three examples of that command', async (name) => {
    const text = await help([name]);
    const examples = text.slice(text.indexOf('\nExamples:\n'));
    const commands = [...examples.matchAll(/^ {2}\$ (.*)$/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands.length).toBeLessThanOrEqual(3);
    for (const command of commands) expect(command.startsWith(`opinion ${name}`)).toBe(true);
  });

  it('every command has examples', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...COMMANDS].sort());
  });

  it('descriptions wrap to the terminal, not at a fixed width', async () => {
    const wide = await help(['diff'], 140);
    const narrow = await help(['diff'], 60);
    const description = (text: string) => text.slice(text.indexOf('\n\n') + 2, text.indexOf('\nArguments:'));
    expect(
      Math.max(
        ...description(wide)
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeGreaterThan(100);
    expect(
      Math.max(
        ...description(narrow)
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(60);
    // The same words either way: only the line breaks differ.
    expect(description(wide).replace(/\s+/g, ' ')).toBe(description(narrow).replace(/\s+/g, ' '));
  });

  it('not on a terminal, help is 80 columns wide', async () => {
    const text = await help(['build']);
    expect(
      Math.max(
        ...text
          .split('\n')
          .filter((l) => !l.startsWith('  $ '))
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(80);
  });

  it.each([
    [['translate', 'export', 'opinions/see-migrants'], "required option '--to <lang>' not specified"],
    [['translate', 'import'], "missing required argument 'file'"],
    [['amendments', 'apply', 'opinions/see-migrants'], "required option '-o, --out <folder>' not specified"],
    [['amendments', 'list', '--bogus'], "unknown option '--bogus'"],
  ])('a usage error of a sub-command (opinion %s) is exit 2, could not run, with the reason', async (args, reason) => {
    const run = await runMain(args);
    expect(run).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(reason) });
  });

  it('opinion translate export --help is exit 0', async () => {
    expect(await help(['translate', 'export'])).toContain('Usage: opinion translate export');
  });
});
