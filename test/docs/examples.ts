/**
 * The ```console examples of README.md and docs/**\/*.md, parsed and run as a
 * reader would type them: each `$ ` line is a command (a line ending in ` \`
 * goes on), the lines up to the next command are what it prints (standard
 * output and standard error, in order). A line holding only `…` stands for
 * any number of lines. `opinion` and `npx opinion` are the real bin.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export interface Step {
  /** The command as written after `$ ` (continuation lines joined). */
  command: string;
  /** The expected output, one entry per line. */
  expected: string[];
}

export interface Example {
  /** 1-based line of the opening fence. */
  line: number;
  /** Line index (0-based) of the first and one past the last content line. */
  start: number;
  end: number;
  steps: Step[];
}

/** The ```console blocks of a Markdown text. */
export function consoleExamples(text: string): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})console\s*$/.exec(lines[i]!);
    if (!open) {
      const other = /^(\s*)(`{3,}|~{3,})/.exec(lines[i]!);
      if (other) {
        // Skip any other fenced block whole, so that a ```console inside it is not read.
        const fence = other[2]!;
        for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence); i++);
      }
      continue;
    }
    const indent = open[1]!;
    const fence = open[2]!;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== fence) end++;
    const body = lines.slice(start, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    const steps: Step[] = [];
    for (let j = 0; j < body.length; j++) {
      const line = body[j]!;
      if (line.startsWith('$ ')) {
        let command = line.slice(2);
        while (command.endsWith('\\') && j + 1 < body.length) command = command.slice(0, -1) + '\n' + body[++j]!;
        steps.push({ command, expected: [] });
      } else if (steps.length > 0) {
        steps[steps.length - 1]!.expected.push(line);
      } else if (line.trim() !== '') {
        throw new Error(`line ${start + j + 1}: a console example must start with a \`$ \` command`);
      }
    }
    examples.push({ line: i + 1, start, end, steps });
    i = end;
  }
  return examples;
}

/** Whether the actual lines match the expected ones, `…` standing for any number of lines. */
export function matches(expected: readonly string[], actual: readonly string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (e: number, a: number): boolean => {
    const key = `${e},${a}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (e === expected.length) result = a === actual.length;
    else if (expected[e]!.trim() === '…') result = go(e + 1, a) || (a < actual.length && go(e, a + 1));
    else result = a < actual.length && expected[e] === actual[a] && go(e + 1, a + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** Lines of output as the docs show them: no trailing spaces, no trailing empty lines. */
export function outputLines(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A sandbox a page's examples run in: a clone of the repository sharing its
 * objects (so git revisions exist), with the working tree's uncommitted
 * files copied over; nothing a page does touches the repository.
 */
export function makeSandbox(root: string): string {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'opinion-docs-')));
  const dir = join(base, 'repo');
  const git = (args: string[], cwd = root) => {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  git(['clone', '--quiet', '--shared', '--no-checkout', root, dir]);
  git(['checkout', '--quiet', 'HEAD'], dir);
  // Tracked files changed in the working tree, and new files not ignored.
  const changed = git(['ls-files', '-z', '--modified', '--others', '--exclude-standard']).split('\0').filter(Boolean);
  for (const file of changed) {
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(root, file), join(dir, file));
    } catch {
      // A file listed as modified may be deleted in the working tree.
      rmSync(join(dir, file), { force: true });
    }
  }
  return dir;
}

export function removeSandbox(dir: string): void {
  rmSync(dirname(dir), { recursive: true, force: true });
}

/** A fixed git identity and clock, so commits made by an example are reproducible. */
export function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Secretariat',
    GIT_AUTHOR_EMAIL: 'secretariat@example.org',
    GIT_COMMITTER_NAME: 'Secretariat',
    GIT_COMMITTER_EMAIL: 'secretariat@example.org',
    GIT_AUTHOR_DATE: '2018-04-10T12:00:00Z',
    GIT_COMMITTER_DATE: '2018-04-10T12:00:00Z',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
}

const MARK = '\x1eSTEP ';

/** Runs one example's commands in one shell, in `cwd`; the output of each command. */
export function runExample(example: Example, cwd: string, bin: string): { outputs: string[][]; error?: string } {
  const script = [
    'opinion() { node "$OPINION_BIN" "$@"; }',
    'npx() { if [ "$1" = opinion ]; then shift; node "$OPINION_BIN" "$@"; else command npx "$@"; fi; }',
    '__rc=0',
    ...example.steps.map((step, i) => `printf '\\n${MARK}${i}\\x1e\\n'; (exit $__rc); ${step.command}\n__rc=$?`),
    "printf '\\n'",
  ].join('\n');
  const env = { ...gitEnv(), OPINION_BIN: bin, NO_COLOR: '1', COLUMNS: '100', TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  delete (env as Record<string, string | undefined>).FORCE_COLOR;
  delete (env as Record<string, string | undefined>).CI;
  delete (env as Record<string, string | undefined>).GITHUB_ACTIONS;
  const result = spawnSync('bash', ['-c', `exec 2>&1\n${script}`], { cwd, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { outputs: [], error: String(result.error) };
  const parts = result.stdout.split(new RegExp(`\\n?${MARK}(\\d+)\\x1e\\n`));
  const outputs: string[][] = example.steps.map(() => []);
  for (let k = 1; k < parts.length; k += 2) outputs[Number(parts[k])] = outputLines(normalise(parts[k + 1] ?? '', cwd));
  return { outputs };
}

/** What must be normalised: the sandbox's own path. */
export function normalise(text: string, cwd: string): string {
  return text
    .split(cwd + '/')
    .join('')
    .split(cwd)
    .join('.');
}

/** Every Markdown file whose console examples are run: README.md and docs/**\/*.md. */
export function documentedPages(root: string): string[] {
  const pages = ['README.md'];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(relative(root, path));
    }
  };
  walk(join(root, 'docs'));
  return pages;
}
