/**
 * Long runs over many opinions: a progress line on stderr when it is a
 * terminal (never when piped, never with --format json), erased before each
 * result, which is printed as soon as its opinion is done — the same bytes on
 * stdout as when everything is printed at the end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';
import { turnSize } from '../../src/cli/progress.js';

const NAMES = ['first', 'second', 'third'];

/** The CLI in-process, every write recorded in order as [stream, text]. */
async function record(
  args: string[],
  cwd: string,
  tty: boolean,
  env: Record<string, string> = {},
): Promise<{ code: number; events: ['out' | 'err', string][] }> {
  const events: ['out' | 'err', string][] = [];
  const code = await main(args, {
    stdout: (text) => void events.push(['out', text]),
    stderr: (text) => void events.push(['err', text]),
    cwd,
    env,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    columns: 100,
  });
  return { code, events };
}
const text = (events: ['out' | 'err', string][], stream: 'out' | 'err') =>
  events
    .filter(([s]) => s === stream)
    .map(([, t]) => t)
    .join('');

describe('progress over many opinions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'opinion-progress-'));
    for (const name of NAMES) cpSync(join(ROOT, 'opinions', 'see-migrants-preliminary'), join(dir, 'opinions', name), { recursive: true });
  });

  it.each([
    ['validate', 'validating'],
    ['check', 'checking'],
  ])(
    "%s: progress on a terminal, each opinion's findings as soon as it is done, the same stdout as when piped",
    async (command, verb) => {
      const tty = await record([command, 'opinions', '--format', 'human'], dir, true, { NO_COLOR: '1' });
      const piped = await record([command, 'opinions', '--format', 'human'], dir, false);
      expect(tty.code).toBe(piped.code);
      expect(text(tty.events, 'out')).toBe(text(piped.events, 'out'));
      expect(text(piped.events, 'err')).toBe('');
      const err = text(tty.events, 'err');
      expect(err).toContain(`\r\x1b[K[1/3] ${verb} opinions/first…`);
      expect(err).toContain(`\r\x1b[K[3/3] ${verb} opinions/third…`);
      expect(err).not.toContain('\x1b[2m'); // NO_COLOR: not dimmed
      // The first opinion's findings are printed before the progress line of the third, and the line is erased before each.
      const firstFindings = tty.events.findIndex(([s, t]) => s === 'out' && t.includes('opinions/first/'));
      const thirdProgress = tty.events.findIndex(([s, t]) => s === 'err' && t.includes('[3/3]'));
      expect(firstFindings).toBeGreaterThan(-1);
      expect(firstFindings).toBeLessThan(thirdProgress);
      for (const [i, [stream]] of tty.events.entries()) {
        if (stream === 'out' && i > 0 && tty.events[i - 1]![0] === 'err') expect(tty.events[i - 1]![1]).toBe('\r\x1b[K');
      }
    },
    60_000,
  );

  it('no progress line with --format json, even on a terminal', async () => {
    for (const command of ['validate', 'check']) {
      const run = await record([command, 'opinions', '--format', 'json'], dir, true);
      expect(text(run.events, 'err')).toBe('');
      expect(() => JSON.parse(text(run.events, 'out'))).not.toThrow();
    }
    const stats = await record(['stats', 'opinions', '--format', 'json'], dir, true);
    expect(text(stats.events, 'err')).toBe('');
  }, 60_000);

  it("stats shows progress for the table; build prints each opinion's line as it is built", async () => {
    const stats = await record(['stats', 'opinions', '--format', 'table'], dir, true, { NO_COLOR: '1' });
    expect(text(stats.events, 'err')).toContain('[2/3] counting opinions/second…');
    const build = await record(['build', 'opinions', '--out', 'out', '--quiet'], dir, true, { NO_COLOR: '1' });
    expect(build.code).toBe(0);
    const firstLine = build.events.findIndex(([s, t]) => s === 'out' && t.startsWith('first en:'));
    const secondProgress = build.events.findIndex(([s, t]) => s === 'err' && t.includes('[2/3] building opinions/second…'));
    expect(firstLine).toBeGreaterThan(-1);
    expect(firstLine).toBeLessThan(secondProgress);
  }, 120_000);

  it('hands opinions over one at a time in this thread, in turns that keep workers busy otherwise', () => {
    expect(turnSize(3, undefined)).toBe(1);
    expect(turnSize(100, 1)).toBe(1);
    expect(turnSize(30, undefined)).toBe(24);
    expect(turnSize(1000, undefined)).toBe(100);
  });
});
