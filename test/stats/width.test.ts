/** `opinion stats` on a terminal: the tables fit its width; piped, lines are as long as they need. */
import { describe, it, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

async function stats(columns: number | undefined, tty: boolean): Promise<string> {
  let stdout = '';
  const code = await main(['stats', 'opinions/see-migrants', '--format', 'table'], {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    ...(columns ? { columns } : {}),
  });
  expect(code).toBe(0);
  return stdout;
}

const longest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('stats tables and the terminal width', () => {
  it.each([80, 100])(
    'fit a terminal %i columns wide, with the same words',
    async (columns) => {
      const piped = await stats(undefined, false);
      const fitted = await stats(columns, true);
      expect(longest(piped)).toBeGreaterThan(columns);
      expect(longest(fitted)).toBeLessThanOrEqual(columns);
      // Text is wrapped, not cut: every word of the citations and notes is still there (chapter titles may be shortened).
      const citations = (text: string) => words(text.slice(text.indexOf('Readability over')));
      expect(citations(fitted)).toEqual(citations(piped));
    },
    60_000,
  );
});
