/**
 * Inline markup in XLIFF as inline codes (XLIFF 1.2 `<ph>`, `<bpt>`/`<ept>`),
 * so that a CAT tool protects footnote calls, references, emphasis and links:
 * the codes hold the Markdown, the text and codes together are the segment,
 * and a translation that moves the tags comes back as Markdown.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initEnglishWithFrench, runMain } from '../helpers.js';
import { inlinePieces, piecesText, targetPieces } from '../../src/translate/inline.js';
import { buildOpinion } from '../../src/opinion/index.js';

const summary = (text: string) =>
  inlinePieces(text)
    .map((p) => (p.type === 'text' ? p.value : `<${p.kind} ${p.id}${p.kind === 'ept' ? '' : ` ${p.ctype}`}>${p.native}</>`))
    .join('');

describe('inline codes of a segment', () => {
  it('makes footnote calls, directives, code, emphasis, strong, strikethrough and links codes, and nothing else', () => {
    const text = 'The EESC *strongly* supports[^1] the aim of :ref{#c-first}, **all** of ~~it~~ [the plan](https://example.org/p) and `x|y`.';
    expect(summary(text)).toBe(
      'The EESC <bpt 1 italic>*</>strongly<ept 1>*</> supports<ph 2 x-footnote-call>[^1]</> the aim of <ph 3 x-directive>:ref{#c-first}</>, ' +
        '<bpt 4 bold>**</>all<ept 4>**</> of <bpt 5 x-strikethrough>~~</>it<ept 5>~~</> <bpt 6 link>[</>the plan<ept 6>](https://example.org/p)</> and <ph 7 x-code>`x|y`</>.',
    );
  });

  it('gives back the text byte for byte, whatever it holds', () => {
    for (const text of [
      'Plain text.',
      '- a list-like start',
      '1. numbered *start*',
      'a *b **c** d* e[^n-2]',
      'escaped \\*not emphasis\\*',
      '# not a heading',
      'x  \ny',
      '<abbr>EU</abbr> & co',
      '',
    ]) {
      expect(piecesText(inlinePieces(text))).toBe(text);
    }
  });

  it('gives a translation the ids of the source codes it shares, wherever they moved', () => {
    const source = inlinePieces('The EESC *strongly* supports[^1] **this**');
    const target = targetPieces('Le CESE[^1] soutient **ceci** *fortement*', source);
    expect(target.filter((p) => p.type === 'code').map((p) => p.type === 'code' && `${p.kind}${p.id}`)).toEqual(['ph2', 'bpt3', 'ept3', 'bpt1', 'ept1']);
  });
});

async function englishWithFrench(): Promise<{ root: string; dir: string }> {
  const { root, dir } = await initEnglishWithFrench('opinion-xliff-inline-');
  const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
  writeFileSync(
    chapter,
    `${readFileSync(chapter, 'utf8')}\n{#c-inline} The EESC *strongly* supports[^inl] the aim of :ref{#c-first} and **this**.\n\n[^inl]: A note with a [link](https://example.org/n).\n`,
  );
  return { root, dir };
}

describe('opinion translate: inline codes round trip', () => {
  it('exports codes, and a translation that moves them imports and builds', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'rt.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    expect(xlf).toContain(
      '<source>The EESC <bpt id="1" ctype="italic">*</bpt>strongly<ept id="1">*</ept> supports<ph id="2" ctype="x-footnote-call">[^inl]</ph> the aim of <ph id="3" ctype="x-directive">:ref{#c-first}</ph> and <bpt id="4" ctype="bold">**</bpt>this<ept id="4">**</ept>.</source>',
    );
    expect(xlf).toContain('<source>A note with a <bpt id="1" ctype="link">[</bpt>link<ept id="1">](https://example.org/n)</ept>.</source>');
    // As a CAT tool does: the tags moved, and the Markdown in them left out (it is the source's).
    const filled = xlf
      .replace(
        /(<trans-unit id="[^"]*#c-inline"[\s\S]*?<target state=")needs-translation("><\/target>)/,
        '$1translated">Le CESE soutient<ph id="2"/> <bpt id="4"/>ceci<ept id="4"/> <bpt id="1"/>fortement<ept id="1"/>, voir <ph id="3"></ph>.</target>',
      )
      .replace(
        /(<trans-unit id="[^"]*#\^inl"[\s\S]*?<target state=")needs-translation("><\/target>)/,
        '$1translated">Une note avec un <bpt id="1">[</bpt>lien<ept id="1">](https://example.org/n)</ept>.</target>',
      );
    // Every other unit: "FR " and the source, tags and all.
    writeFileSync(
      out,
      filled.replace(
        /<source>((?:(?!<\/source>)[\s\S])*)<\/source>(\s*)<target state="needs-translation"><\/target>/g,
        (_, source: string, space: string) => `<source>${source}</source>${space}<target state="translated">FR ${source}</target>`,
      ),
    );
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout).toBe(0);
    const fr = readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8');
    expect(fr).toContain('{#c-inline} Le CESE soutient[^inl] **ceci** *fortement*, voir :ref{#c-first}.');
    expect(fr).toContain('[^inl]: Une note avec un [lien](https://example.org/n).');
    // The second export shows the translation with the source's ids.
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      '<target state="translated">Le CESE soutient<ph id="2" ctype="x-footnote-call">[^inl]</ph> <bpt id="4" ctype="bold">**</bpt>ceci<ept id="4">**</ept>',
    );
    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line}:${m.column} ${m.reason}`))).toEqual([]);
    expect(build.renders[0]!.markdown).toMatch(/Le CESE soutient\[\^1\] \*\*ceci\*\* \*fortement\*/);
  });

  it('refuses a translation that leaves out a reference, whatever its form (a label too)', async () => {
    const { root, dir } = await englishWithFrench();
    const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n{#c-labelled} See :ref[the first point]{#c-first}.\n`);
    const out = join(root, 'labelled.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const filled = readFileSync(out, 'utf8')
      .replace(/(<trans-unit id="[^"]*#c-labelled"[\s\S]*?<target state=")needs-translation("><\/target>)/, '$1translated">Voir le premier point.</target>')
      .replace(
        /<source>((?:(?!<\/source>)[\s\S])*)<\/source>(\s*)<target state="needs-translation"><\/target>/g,
        (_, source: string, space: string) => `<source>${source}</source>${space}<target state="translated">FR ${source}</target>`,
      );
    writeFileSync(out, filled);
    const run = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Unexpected markup in the translation of `01-conclusions-and-recommendations.md#c-labelled`');
    expect(run.stdout).toContain('nothing written');
  });

  it('reports, positioned, an unknown code, a pair left open or closed first, and writes nothing', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'bad.xlf');
    await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out]);
    const bad = readFileSync(out, 'utf8')
      .replace(
        /(<trans-unit id="[^"]*#c-inline"[\s\S]*?<target state=")needs-translation("><\/target>)/,
        '$1translated">Le CESE<ph id="9"/> <ept id="1"/>x<bpt id="1"/> <bpt id="4"/>ceci</target>',
      )
      .replace(/(<trans-unit id="[^"]*#\^inl"[\s\S]*?<target state=")needs-translation("><\/target>)/, '$1translated">Une <g id="1">note</g>.</target>');
    writeFileSync(out, bad);
    const run = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(run.code).toBe(1);
    const line = bad.split('\n').findIndex((l) => l.includes('<ph id="9"/>')) + 1;
    expect(run.stdout).toContain(`${line}:`);
    expect(run.stdout).toContain('Unexpected `<ph id="9">` in unit `01-conclusions-and-recommendations.md#c-inline`');
    expect(run.stdout).toContain('Unexpected `<ept id="1">` before its `<bpt>`');
    expect(run.stdout).toContain('Unexpected `<bpt id="4">` without its `<ept>`');
    expect(run.stdout).toContain('Unexpected `<g>` in unit `01-conclusions-and-recommendations.md#^inl`');
    expect(run.stdout).toContain('nothing written');
  });
});
