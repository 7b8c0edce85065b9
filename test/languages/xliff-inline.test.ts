/**
 * Inline markup in XLIFF as inline codes (XLIFF 1.2 `<ph>`, `<bpt>`/`<ept>`),
 * so that a CAT tool protects footnote calls, references, emphasis and links:
 * the codes hold the Markdown, the text and codes together are the segment,
 * and a translation that moves the tags comes back as Markdown.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initEnglishWithFrench, ROOT, runMain } from '../helpers.js';
import { displayText, inlinePieces, markdownText, piecesText, targetPieces } from '../../src/translate/inline.js';
import { buildOpinion } from '../../src/opinion/index.js';

/** A unit still to translate: its source, and the space before its empty target. */
const UNTRANSLATED = /<source>((?:(?!<\/source>)[\s\S])*)<\/source>(\s*)<target state="needs-translation"><\/target>/g;
/** Such a unit translated as `prefix` and its source, tags and all. */
const translatedAs = (prefix: string) => (_: string, source: string, space: string) =>
  `<source>${source}</source>${space}<target state="translated">${prefix}${source}</target>`;

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

describe('text as a translator sees and types it', () => {
  it('shows text pieces with their escapes and character references resolved', () => {
    expect(displayText('quoted \\[…] at 10\\:30, R\\&D, a \\* b, a\\_b, 50 \\% and \\\\ \\a')).toBe('quoted […] at 10:30, R&D, a * b, a_b, 50 % and \\ \\a');
    expect(displayText('R&amp;D &copy; &#65;&#x42; &#0; &bogus; & co')).toBe('R&D © AB \uFFFD &bogus; & co');
  });

  /** What Markdown reads `markdown` as: its one text piece, shown (and that no markup came of it). */
  const readBack = (markdown: string) => {
    const pieces = inlinePieces(markdown);
    expect(
      pieces.every((p) => p.type === 'text'),
      markdown,
    ).toBe(true);
    return displayText(piecesText(pieces));
  };

  it('writes what a translator typed as Markdown that reads as exactly that text, no markup made of it', () => {
    for (const typed of [
      'Le CESE cite la Commission : « […] les coopératives » et la R&D.',
      'un ratio de 3:1 à 10:30, note:this et ::leaf',
      '5 * 3 = 15, a_b, *pas d’accent*, __non__, ~~non~~, `code`',
      '<b>gras</b>, <https://example.org>, &amp; tel quel, &copy;',
      '[^1] pas un appel, [lien](https://example.org), ![image](x.png), {#id} pas un id',
      'une barre | au milieu, un \\ et un # et un !',
    ])
      expect(readBack(markdownText(typed, false)), typed).toBe(typed);
  });

  it('escapes running text only where it would be markup, and everything when that reads otherwise', () => {
    expect(markdownText('Il faut agir ! Voir #1, a_b, {x}, <3, [...], 5 * 3.', false, false)).toBe('Il faut agir ! Voir #1, a_b, {x}, <3, [...], 5 * 3.');
    expect(markdownText('*non*, _non_, [^1], [x](y), <b>, 10:30, &amp;, {#id}, fin #', false, false)).toBe(
      '\\*non\\*, \\_non\\_, \\[^1], [x\\](y), \\<b>, 10\\:30, \\&amp;, \\{#id}, fin \\#',
    );
    for (const typed of ['Il faut agir !', '*non*, _non_, [^1], [x](y), <b>, 10:30, &amp;, {#id}, fin #', '![image](x.png) et [a]: b'])
      expect(readBack(markdownText(typed, false, false)) === typed || readBack(markdownText(typed, false)) === typed, typed).toBe(true);
  });

  it('keeps a line of the translation from starting a list, heading or break', () => {
    const typed = 'Premier point :\n- un tiret\n+ un plus\n1. un numéro\n2) un autre\n# un dièse\n> une citation\n===\n---';
    const markdown = markdownText(typed, true);
    expect(markdown).toBe('Premier point :\n\\- un tiret\n\\+ un plus\n1\\. un numéro\n2\\) un autre\n\\# un dièse\n\\> une citation\n\\===\n\\---');
    // One paragraph, no list, heading or quote.
    expect(inlinePieces(markdown).every((p) => p.type === 'text')).toBe(true);
    expect(markdownText('1. au début', true)).toBe('1\\. au début');
    // Escaping running text only, a line's first mark too.
    expect(markdownText('Voir :\n# un dièse\n* une puce\n> une citation', false, false)).toBe('Voir :\n\\# un dièse\n\\* une puce\n\\> une citation');
    expect(markdownText('1. après un code', false)).toBe('1. après un code');
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
    writeFileSync(out, filled.replace(UNTRANSLATED, translatedAs('FR ')));
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

  it('escapes all that could be markup when escaping running text only would read otherwise (a `!` before a link)', async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'rt.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(
      out,
      readFileSync(out, 'utf8')
        .replace(
          /(<trans-unit id="[^"]*#\^inl"[\s\S]*?<target state=")needs-translation("><\/target>)/,
          '$1translated">Voir !<bpt id="1"/>ce lien<ept id="1"/> !</target>',
        )
        .replace(UNTRANSLATED, translatedAs('FR ')),
    );
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    // `![ce lien](…)` would be an image: every `!` is escaped then, the link kept.
    expect(readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8')).toContain(
      '[^inl]: Voir \\![ce lien](https://example.org/n) \\!\n',
    );
  });

  it("writes a cell's `\\|` and an emphasis a CAT tool spaced inside its tags so that they read as typed, and refuses tags around nothing", async () => {
    const { root, dir } = await englishWithFrench();
    const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n{#c-table} The figures:\n\n| Item | Value |\n| --- | --- |\n| A | 1 |\n`);
    const out = join(root, 'rt.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const exported = readFileSync(out, 'utf8');
    const cell = /<trans-unit id="([^"]*#c-table\/table-1\/1\.1)"/.exec(exported)?.[1];
    expect(cell).toBeDefined();
    const target = (id: string, text: string) => (xlf: string) =>
      xlf.replace(
        new RegExp(`(<trans-unit id="${id.replace(/[.^/]/g, '\\$&')}"[\\s\\S]*?<target state=")needs-translation("><\\/target>)`),
        `$1translated">${text}</target>`,
      );
    const fill = (inline: string) =>
      [target(cell!, 'a\\|b'), target('01-conclusions-and-recommendations.md#c-inline', inline)]
        .reduce((xlf, edit) => edit(xlf), exported)
        .replace(UNTRANSLATED, translatedAs('FR '));
    // The tags around nothing: refused at the unit, nothing written.
    writeFileSync(out, fill('Le CESE<ph id="2"/> soutient <bpt id="1"/><ept id="1"/>vivement :ref <ph id="3"/> et <bpt id="4"/>ceci<ept id="4"/>.'));
    const refused = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Unexpected tags in unit `01-conclusions-and-recommendations.md#c-inline` that do not read back as written');
    // The space a CAT tool leaves inside the closing tag goes outside it: emphasis, not `*` printed.
    writeFileSync(out, fill('Le CESE<ph id="2"/> soutient <bpt id="1"/>vivement <ept id="1"/>voir <ph id="3"/> et <bpt id="4"/>ceci<ept id="4"/>.'));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    const fr = readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8');
    expect(fr).toContain('Le CESE[^inl] soutient *vivement* voir :ref{#c-first} et **ceci**.');
    expect(fr).toContain('| a\\\\\\|b |');
    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.renders[0]!.html).toMatch(/<t[hd]>a\\\|b<\/t[hd]>/);
  });

  it("exports and writes back a field the draft prints as written (a hearing's place) as typed, nothing escaped or resolved", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'opinion-xliff-plain-')), 'o');
    cpSync(join(ROOT, 'opinions', 'see-migrants'), dir, { recursive: true });
    const hearings = join(dir, 'hearings.yaml');
    writeFileSync(
      hearings,
      readFileSync(hearings, 'utf8').replace('    date: to be completed\n', '    date: to be completed\n    place: "Rome, room *A*, 10:30 \\\\ R&amp;D"\n'),
    );
    const out = join(dir, '..', 'plain.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    expect(xlf).toContain('<source>Rome, room *A*, 10:30 \\ R&#x26;amp;D</source>');
    writeFileSync(
      out,
      xlf.replace(
        /(<trans-unit id="hearings\/h-preliminary-draft\/place"[\s\S]*?<target state=")needs-translation("><\/target>)/,
        '$1translated">Rome, salle *A*, 10:30</target>',
      ),
    );
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    expect(readFileSync(hearings, 'utf8')).toContain('fr: "Rome, salle *A*, 10:30"');
  });

  it("keeps a translation's own codes (a link to the page in its language, a line break) through a round trip", async () => {
    const { root, dir } = await englishWithFrench();
    const out = join(root, 'rt.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace(UNTRANSLATED, translatedAs('FR ')));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    const chapter = join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md');
    writeFileSync(
      chapter,
      readFileSync(chapter, 'utf8').replace('[link](https://example.org/n)', '[lien](https://example.org/n/fr)').replace('FR The EESC ', 'FR The EESC\\\n'),
    );
    const before = readFileSync(chapter, 'utf8');
    expect(before).toContain('[lien](https://example.org/n/fr)');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    // The translation's own closing tag, under an id the source's pair does not have.
    expect(xlf).toMatch(
      /<target state="translated">FR A note with a <bpt id="(\d+)" ctype="link">\[<\/bpt>lien<ept id="\1">\]\(https:\/\/example\.org\/n\/fr\)<\/ept>/,
    );
    expect(xlf).not.toMatch(/<bpt id="1" ctype="link">\[<\/bpt>lien/);
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    expect(readFileSync(chapter, 'utf8')).toBe(before);
  });

  it('leaves a translation imported untouched as it was written, escapes and all', async () => {
    const { root, dir } = await initEnglishWithFrench('opinion-xliff-untouched-');
    const out = join(root, 'rt.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    // Every unit translated, some with what Markdown escapes.
    writeFileSync(out, readFileSync(out, 'utf8').replace(UNTRANSLATED, translatedAs('FR ! #1 a_b &lt;3 ')));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    const chapter = join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md');
    expect(readFileSync(chapter, 'utf8')).toContain('FR ! #1 a_b <3 ');
    // The rapporteur's own escapes in the French text, then a round trip that changes nothing.
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('FR ! #1 a_b <3 ', 'FR \\! \\#1 a\\_b \\<3 &amp; '));
    const before = readFileSync(chapter, 'utf8');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    expect(readFileSync(chapter, 'utf8')).toBe(before);
  });

  it('shows escaped text as it reads, and writes typed text back so that it builds as typed', async () => {
    const { root, dir } = await initEnglishWithFrench('opinion-xliff-escapes-');
    const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(
      chapter,
      `${readFileSync(chapter, 'utf8')}\n{#c-quoted} The Commission wrote "\\[…] at 10\\:30" on R\\&D and 5 \\* 3[^q].\n\n[^q]: Note \\* one.\n`,
    );
    const out = join(root, 'esc.fr.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const xlf = readFileSync(out, 'utf8');
    expect(xlf).toContain('<source>The Commission wrote "[…] at 10:30" on R&#x26;D and 5 * 3<ph id="1" ctype="x-footnote-call">[^q]</ph>.</source>');
    const typed = 'La Commission a écrit « […] à 10:30 » sur la R&#x26;D, 3:1 et 5 * 3 = _15_';
    writeFileSync(
      out,
      xlf
        .replace(/(<trans-unit id="[^"]*#c-quoted"[\s\S]*?<target state=")needs-translation("><\/target>)/, `$1translated">${typed}<ph id="1"/>.</target>`)
        // A CAT tool's copy of the source (as shown), still to be translated: not a translation.
        .replace(/(<trans-unit id="[^"]*#\^q"[\s\S]*?<source>)([^<]*)(<\/source>\s*<target state="needs-translation">)(<\/target>)/, '$1$2$3$2$4')
        .replace(UNTRANSLATED, translatedAs('FR ')),
    );
    const imported = await runMain(['translate', 'import', out, '--opinion', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(1);
    expect(imported.stdout).toContain('Unit `01-conclusions-and-recommendations.md#^q` is not translated yet');
    writeFileSync(out, readFileSync(out, 'utf8').replace(/(<target state=")needs-translation(">Note \* one\.<\/target>)/, '$1translated$2'));
    expect((await runMain(['translate', 'import', out, '--opinion', dir])).code).toBe(0);
    const fr = readFileSync(join(dir, 'text', 'fr', '01-conclusions-and-recommendations.md'), 'utf8');
    // Escaped only where running text needs it: `[…]`, `R&D`, `5 * 3` stay as typed.
    expect(fr).toContain('{#c-quoted} La Commission a écrit « […] à 10\\:30 » sur la R&D, 3\\:1 et 5 * 3 = \\_15\\_[^q].');
    const build = await buildOpinion(dir, { langs: ['fr'] });
    expect(build.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line}:${m.column} ${m.reason}`))).toEqual([]);
    expect(build.renders[0]!.html).toContain('La Commission a écrit « […] à 10:30 » sur la R&#x26;D, 3:1 et 5 * 3 = _15_');
    // Exported again, the translation reads as typed.
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`<target state="translated">${typed}<ph id="1" ctype="x-footnote-call">[^q]</ph>.</target>`);
  });

  it('refuses a translation that leaves out a reference, whatever its form (a label too)', async () => {
    const { root, dir } = await englishWithFrench();
    const chapter = join(dir, 'text', 'en', '01-conclusions-and-recommendations.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\n{#c-labelled} See :ref[the first point]{#c-first}.\n`);
    const out = join(root, 'labelled.xlf');
    expect((await runMain(['translate', 'export', dir, '--to', 'fr', '--out', out])).code).toBe(0);
    const filled = readFileSync(out, 'utf8')
      .replace(/(<trans-unit id="[^"]*#c-labelled"[\s\S]*?<target state=")needs-translation("><\/target>)/, '$1translated">Voir le premier point.</target>')
      .replace(UNTRANSLATED, translatedAs('FR '));
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
