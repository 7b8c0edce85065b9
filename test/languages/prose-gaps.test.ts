/**
 * A scaffold in another language writes the language's gap mark where the
 * author's text goes. Each mark left in a printed heading, point or footnote
 * is a warning at its place (`text/to-be-completed`) in validate and check,
 * and the build highlights it like a fact `to be completed`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runMain, temporaryFolders } from '../helpers.js';

const folder = temporaryFolders('opinion-prose-gaps-');

async function scaffold(lang: string): Promise<string> {
  const dir = join(folder(), `gaps-${lang}`);
  const run = await runMain(['init', dir, '--language', lang]);
  expect(run.code, run.stderr).toBe(0);
  return dir;
}

interface JsonFile {
  path: string;
  messages: { ruleId: string; severity: string; line: number; column: number; endColumn: number }[];
}

const gapsIn = (stdout: string) =>
  (JSON.parse(stdout) as { files: JsonFile[] }).files.flatMap((file) =>
    file.messages
      .filter((m) => m.ruleId === 'text/to-be-completed')
      .map((m) => `${file.path.split('/').slice(-1)[0]} ${m.line}:${m.column}-${m.endColumn} ${m.severity}`),
  );

describe('gap marks left in the prose', () => {
  it('validate, check and build report each one at its place, as a warning', async () => {
    const dir = await scaffold('fr');
    const expected = [
      '01-conclusions-and-recommendations.md 3:12-25 warning',
      '02-general-comments.md 3:12-25 warning',
      '02-general-comments.md 14:14-27 warning',
      '03-specific-comments.md 3:4-17 warning',
      '03-specific-comments.md 5:12-25 warning',
    ];
    for (const command of ['validate', 'check', 'build']) {
      const args = command === 'build' ? ['--to', 'md', '--out', folder()] : [];
      const run = await runMain([command, dir, ...args, '--format', 'json']);
      expect(run.code, `${command}: ${run.stderr}`).toBe(0);
      expect(gapsIn(run.stdout), command).toEqual(expected);
    }
  });

  it('a mark in a note, in inline code or in another language is not a gap; writing the text removes the warning', async () => {
    const dir = await scaffold('de');
    const chapter = join(dir, 'text', 'de', '01-conclusions-and-recommendations.md');
    writeFileSync(
      chapter,
      '# Schlussfolgerungen\n\n{#c-first} Der Text steht hier; `[zu ergänzen]` ist die Lückenmarke, [à compléter] nicht.\n\n:::note\n[zu ergänzen]\n:::\n\n::recommendations\n',
    );
    const run = await runMain(['check', dir, '--format', 'json']);
    expect(gapsIn(run.stdout).filter((gap) => gap.startsWith('01-'))).toEqual([]);
    writeFileSync(chapter, '# Schlussfolgerungen\n\n{#c-first} Der `Text` steht hier: [zu ergänzen]\n\n::recommendations\n');
    const before = await runMain(['validate', dir, '--format', 'json']);
    expect(gapsIn(before.stdout).filter((gap) => gap.startsWith('01-'))).toEqual(['01-conclusions-and-recommendations.md 3:35-48 warning']);
    writeFileSync(chapter, '# Schlussfolgerungen\n\n{#c-first} Der Text steht hier.\n\n::recommendations\n');
    const after = await runMain(['validate', dir, '--format', 'json']);
    expect(gapsIn(after.stdout).filter((gap) => gap.startsWith('01-'))).toEqual([]);
  });

  it('an English scaffold has example text, not gap marks; the sample has none', async () => {
    const dir = await scaffold('en');
    expect(gapsIn((await runMain(['check', dir, '--format', 'json'])).stdout)).toEqual([]);
    expect(gapsIn((await runMain(['validate', 'opinions/see-migrants', '--format', 'json'])).stdout)).toEqual([]);
  });

  it('the build highlights each mark: a span.gap in HTML, a highlighted run in Word; Markdown keeps the text', async () => {
    const dir = await scaffold('it');
    const out = folder();
    const run = await runMain(['build', dir, '--to', 'md,html,docx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const base = join(out, 'gaps-it', 'it', 'opinion');
    const html = readFileSync(`${base}.html`, 'utf8');
    // Five in the prose, beside the facts of opinion.yaml that are to be completed.
    expect(html).toContain('<p class="reference"><span class="gap">[da completare]</span></p>');
    expect(html.match(/<span class="gap">\[da completare\]<\/span>/g)?.length).toBeGreaterThanOrEqual(5);
    const body = html.slice(html.indexOf('<body'));
    expect(body.split('[da completare]').length).toBe(body.split('<span class="gap">[da completare]</span>').length);
    expect(readFileSync(`${base}.md`, 'utf8')).toContain('\n1.1 \\[da completare]\n');
    const xml = strFromU8(unzipSync(readFileSync(`${base}.docx`))['word/document.xml'] as Uint8Array);
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<w:t).)*<w:t[^>]*>\[da completare\]<\/w:t>/s);
  });
});
