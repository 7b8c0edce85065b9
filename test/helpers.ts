/**
 * The helpers every test area shares (one copy each):
 *
 * - running the CLI as a user does: the real bin in a child process
 *   (`runBin`; `dist/` is built first by test/global-setup.ts), or in-process
 *   through `main()` with an injected Io (`runMain`);
 * - golden files (`golden`): a missing golden FAILS unless `UPDATE_GOLDEN=1`
 *   is set, which (re)writes every golden a run meets — then review the git diff;
 * - messages as the golden files write them (`describeMessages`);
 * - external programs the tests read outputs back with (Chromium, pandoc):
 *   a test needing one is skipped where it is missing, except under `CI`,
 *   where a missing program fails the test (`.ci/run` installs both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseDocument } from 'yaml';
import { dirname, join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { afterEach } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { severityOf } from '../src/core/messages.js';
import { escapeRegExp } from '../src/core/regexp.js';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'opinion.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real bin in a child process, without colours (`NO_COLOR=1`, `FORCE_COLOR` removed). */
export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  delete (env as Record<string, string | undefined>).FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI in-process, its output collected. */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  // Loaded here, not at the top: the many tests that only need a fixture or seededRandom do not load the whole CLI.
  const { main } = await import('../src/cli/main.js');
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
  });
  return { code, stdout, stderr };
}

/** Set to (re)write golden files after an intended change (then review the git diff). */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/**
 * The expected content of a golden file, to compare `actual` with. With
 * `UPDATE_GOLDEN=1`, `actual` is written first; without it, a missing golden
 * is an error (a deleted golden must not pass).
 */
export function golden(path: string, actual: string): string {
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  } else if (!existsSync(path)) {
    throw new Error(`golden file ${relative(ROOT, path)} is missing: run the test with UPDATE_GOLDEN=1 to write it, and review it`);
  }
  return readFileSync(path, 'utf8');
}

/** Messages one per line, as the golden files hold them: `file:line:column[-line:column] severity rule-id reason`. */
export function describeMessages(files: readonly VFile[], base: string): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const m of file.messages) {
      const end = m.place && 'start' in m.place ? `-${m.place.end.line}:${m.place.end.column}` : '';
      const path = relative(base, file.path).split('\\').join('/') || '.';
      lines.push(`${path}:${m.line ?? 1}:${m.column ?? 1}${end} ${severityOf(m)} ${m.ruleId} ${m.reason}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Whether tests needing an external program skip (it is missing, outside CI) — under CI they run, and fail. */
export function skipWithout(available: boolean): boolean {
  return !available && !process.env.CI;
}

/** Debian's `chromium` (or `CHROMIUM_PATH`), driven by playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless Chromium with no network chatter; fails with a clear message when the browser is missing. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH, or install Debian's chromium)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

let pandocFound: boolean | undefined;
/** Whether pandoc runs here: asked once, by the tests that need it, not on every import of this module. */
export function hasPandoc(): boolean {
  return (pandocFound ??= spawnSync('pandoc', ['--version']).status === 0);
}

/**
 * What a screenshot shows: its size in pixels and how many pixels have each
 * of the given CSS colours (`rgb(r, g, b)`, as `getComputedStyle` gives them),
 * decoded by the browser itself in a blank page.
 */
export async function screenshotPixels(
  browser: import('playwright-core').Browser,
  png: Buffer,
  colours: readonly string[],
): Promise<{ width: number; height: number; counts: number[] }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ data, colours }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const wanted = colours.map((colour) => (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number));
        const counts = wanted.map(() => 0);
        for (let i = 0; i < pixels.length; i += 4) {
          wanted.forEach(([r, g, b], k) => {
            if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) counts[k]! += 1;
          });
        }
        return { width: image.width, height: image.height, counts };
      },
      { data: png.toString('base64'), colours: [...colours] },
    );
  } finally {
    await page.close();
  }
}

/** A fresh temporary folder per call, all removed after each test of the file that calls this once. */
export function temporaryFolders(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** An English opinion made by `init` (its title given) that declares French, with no French text yet: the start of the translation tests. */
export async function initEnglishWithFrench(prefix: string): Promise<{ root: string; dir: string }> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(root, 'rt');
  const run = await runMain(['init', dir, '--language', 'en', '--title', 'Title of the opinion']);
  if (run.code !== 0) throw new Error(`init failed: ${run.stdout}${run.stderr}`);
  const path = join(dir, 'opinion.yaml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  doc.set('languages', doc.createNode(['en', 'fr']));
  writeFileSync(path, doc.toString());
  return { root, dir };
}

/**
 * A reproducible pseudo-random generator of numbers in [0, 1) (mulberry32),
 * for the tests that feed generated inputs to a fast path and its reference:
 * the same inputs on every run; `FUZZ_SEED` overrides the seed to try others.
 */
export function seededRandom(seed: number): () => number {
  let state = Number(process.env.FUZZ_SEED ?? seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A built Word draft with a point typed after the one whose text ends with
 * `after`, as Word does: the list numbers it and the points after it, while
 * the cross-references to those (hyperlinks to their bookmarks) keep the
 * text Word last printed ("point 1.13" where the target is now 1.14).
 */
export function withTypedPoint(docx: Uint8Array, after: string, text: string): Uint8Array {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts['word/document.xml']!);
  const ends = escapeRegExp(after);
  const point = new RegExp(`<w:p>(<w:pPr><w:pStyle w:val="OpinionPoint"/>(?:(?!</w:pPr>).)*</w:pPr>)(?:(?!<w:p>).)*${ends}</w:t>(?:(?!<w:p>).)*</w:p>`).exec(
    xml,
  );
  if (!point) throw new Error(`no point ending with ${after}`);
  parts['word/document.xml'] = strToU8(xml.replace(point[0], `${point[0]}<w:p>${point[1]}<w:r><w:t>${text}</w:t></w:r></w:p>`));
  return zipSync(parts);
}
