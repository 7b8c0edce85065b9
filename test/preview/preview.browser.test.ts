/**
 * `opinion preview`: the real bin serves a copy of the sample on 127.0.0.1;
 * Chromium (Debian's `chromium`, through playwright-core) opens it. Editing a
 * chapter reloads the page with the change; breaking opinion.yaml shows the
 * error (file, line, column) in the page and on the terminal; fixing it
 * brings the draft back. The page keeps the file's policy, plus the reload
 * channel only, and runs nothing the policy refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, hasChromium, launchChromium, ROOT, skipWithout } from '../helpers.js';
import { HTML_CSP } from '../../src/render/to-html.js';

describe.skipIf(skipWithout(hasChromium))('opinion preview in Chromium', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'opinion-preview-')), 'see-migrants');
  const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
  const meta = join(dir, 'opinion.yaml');
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let url = '';
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    cpSync(join(ROOT, 'opinions', 'see-migrants'), dir, { recursive: true });
    child = spawn(process.execPath, [BIN, 'preview', dir], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8').on('data', (text: string) => void (stdout += text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = /Serving see-migrants at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
        if (found) {
          clearInterval(timer);
          resolve(found);
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`preview exited with ${code}: ${stderr}`));
      });
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    child?.kill();
  });

  it('serves the draft, reloads it after an edit, shows errors in the page and the terminal', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(url);
    expect(new URL(page.url()).pathname).toBe('/en/');
    await expect.poll(() => page.textContent('body')).toContain('one of the main drivers of the inclusion of migrants');

    // The file's policy, plus the reload channel's two directives, nothing else.
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/^default-src 'none'; .*; script-src 'sha256-[A-Za-z0-9+/=]+'; connect-src 'self'$/);
    expect(policy!.replace(/; script-src .*$/, '')).toBe(HTML_CSP);

    // An edit: the page reloads by itself with the new text.
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('one of the main drivers', 'one of the strongest drivers'));
    await expect.poll(() => page.textContent('body'), { timeout: 20_000 }).toContain('one of the strongest drivers of the inclusion');

    // A mistake: the page shows it with its place, and so does the terminal.
    const good = readFileSync(meta, 'utf8');
    writeFileSync(meta, good.replace(/^language: en\b/m, 'language: [en'));
    await expect
      .poll(() => page.textContent('h1.preview-error').catch(() => null), { timeout: 20_000 })
      .toMatch(/^see-migrants: not built, \d+ errors? in the sources$/);
    const report = await page.textContent('pre.preview-report');
    expect(report).toMatch(/opinion\.yaml\n\s+\d+:\d+/);
    expect(stderr).toMatch(/see-migrants: not built, \d+ errors? in the sources \(shown in the page\)/);
    expect(stderr).toMatch(/opinion\.yaml/);

    // Fixed: the draft is back.
    writeFileSync(meta, good);
    await expect.poll(() => page.textContent('body'), { timeout: 20_000 }).toContain('one of the strongest drivers of the inclusion');
    expect(await page.$('h1.preview-error')).toBeNull();
    // The policy let the reload script run and refused nothing.
    expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  }, 90_000);

  it('listens on the loopback interface only', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
  });
});
