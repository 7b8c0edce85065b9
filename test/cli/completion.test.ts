/** `opinion completion bash|zsh|fish`: scripts made from the commands and their options. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin, runMain } from '../helpers.js';

/** What bash offers for the words typed so far (the last one being completed). */
function bashComplete(script: string, words: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-completion-'));
  writeFileSync(join(dir, 'opinion.bash'), script);
  const program = `source ${dir}/opinion.bash
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_opinion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', program], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean).sort();
}

describe('opinion completion', () => {
  it('bash completes commands, options and option values', async () => {
    const run = await runMain(['completion', 'bash']);
    expect(run.code).toBe(0);
    expect(bashComplete(run.stdout, ['opinion', 'b'])).toEqual(['build']);
    expect(bashComplete(run.stdout, ['opinion', ''])).toEqual(
      expect.arrayContaining(['build', 'check', 'completion', 'diff', 'import', 'init', 'stats', 'validate']),
    );
    expect(bashComplete(run.stdout, ['opinion', 'build', '--no'])).toEqual(['--no-cache', '--notes']);
    expect(bashComplete(run.stdout, ['opinion', 'validate', '--format', 'g'])).toEqual(['github']);
    expect(bashComplete(run.stdout, ['opinion', 'init', '--kind', 'ex'])).toEqual(['exploratory']);
    expect(bashComplete(run.stdout, ['opinion', 'diff', '--format', ''])).toEqual(['amendments', 'docx', 'html', 'json', 'markdown', 'terminal']);
  });

  it('the installed bin writes the same script, with every command (its bundle holds them all)', async () => {
    const bin = runBin(['completion', 'bash']);
    expect(bin.code).toBe(0);
    expect(bin.stdout).toBe((await runMain(['completion', 'bash'])).stdout);
    expect(bashComplete(bin.stdout, ['opinion', 'amendments', ''])).toEqual(['apply', 'help', 'list', 'sheet', 'table']);
    expect(bashComplete(bin.stdout, ['opinion', 'amendments', 'table', '--g'])).toEqual(['--group']);
  });

  it('zsh: a compdef function with every command and its options', async () => {
    const { stdout, code } = await runMain(['completion', 'zsh']);
    expect(code).toBe(0);
    expect(stdout.startsWith('#compdef opinion\n')).toBe(true);
    expect(stdout).toContain("'build:build drafts (Markdown, HTML, JSON, Word) from opinion sources, in one or all languages'");
    expect(stdout).toContain("'(-f --format)'{-f,--format}'[how to report findings");
    expect(stdout).toContain(':value:(human json github sarif)');
    expect(stdout).toContain("subcommands=('list:the amendments in text order");
    expect(stdout).toContain(
      "'(-f --format)'{-f,--format}'[how to report findings human (coloured on a terminal), json, github (workflow annotations) or sarif (2.1.0)]:value:(human json github sarif)'",
    );
    expect(stdout.trimEnd().endsWith('compdef _opinion opinion')).toBe(true);
    const zsh = spawnSync('zsh', ['-n', '-c', stdout]);
    if (!zsh.error) expect(zsh.status).toBe(0);
  });

  it('fish: complete lines per command and option, values of fixed lists', async () => {
    const { stdout, code } = await runMain(['completion', 'fish']);
    expect(code).toBe(0);
    expect(stdout).toContain("complete -c opinion -n __fish_use_subcommand -a diff -d 'compare two versions of an opinion");
    expect(stdout).toContain("complete -c opinion -n '__fish_seen_subcommand_from stats' -s f -l format -x -a 'table json'");
    expect(stdout).toContain("complete -c opinion -n '__fish_seen_subcommand_from translate; and not __fish_seen_subcommand_from export import' -a export");
    expect(stdout).toContain("complete -c opinion -n '__fish_seen_subcommand_from amendments; and __fish_seen_subcommand_from table' -l by -r -F");
    for (const line of stdout.trim().split('\n')) expect(line).toMatch(/^(#|complete -c opinion )/);
    const fish = spawnSync('fish', ['--no-execute', '-c', stdout]);
    if (!fish.error) expect(fish.status).toBe(0);
  });

  it('an unknown shell is a usage error, exit 2', async () => {
    const run = await runMain(['completion', 'powershell']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n");
  });
});
