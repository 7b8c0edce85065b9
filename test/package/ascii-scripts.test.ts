/**
 * The command scripts are ASCII, so that the bin reads them as Latin-1 (a
 * copy) rather than decoding UTF-8 into a two-byte string; the build escapes
 * the non-ASCII characters that esbuild leaves in regular expression literals
 * (src/scripts/ascii-regexps.mjs), and an escaped expression must mean what the
 * original meant.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
// @ts-expect-error: a build script, plain JavaScript without types.
import { asciiRegExps, escapeLiteral } from '../../src/scripts/ascii-regexps.mjs';

const LITERALS = [
  String.raw`/[’‐‑]/u`,
  String.raw`/x’/g`,
  String.raw`/«\s*/`,
  String.raw`/[\s\-‐‑]+/`,
  String.raw`/['’]/g`,
  String.raw`/^[\u0000-\u024f\s’‐‑]*$/`,
  String.raw`/\’/`,
  String.raw`/\\’/`,
  String.raw`/😀+/`,
  String.raw`/😀+/u`,
  String.raw`/[😀é]/u`,
  String.raw`/[😀é]/`,
  String.raw`/[À-ɏ]+/iu`,
  String.raw`/[\p{L}’]+/v`,
  String.raw`/(?<nom>é+)\k<nom>/`,
];
const SUBJECTS = ['’', 'x’', '« a', '-‐‑ ', "'’", 'abc’', '\\’', '😀😀', '\u{1F600}', '\uDE00', 'é', 'ÀÉɏ', 'Lé’a', 'éé', 'ééé', 'plain', ''];

/** The RegExp a literal makes (the literals are the test's own constants). */
const evaluate = (literal: string) => new Function(`return ${literal};`)() as RegExp;

describe('ASCII command scripts', () => {
  it('escaped literals are ASCII and match exactly what the originals match', () => {
    for (const literal of LITERALS) {
      const escaped: string = escapeLiteral(literal);
      expect(isAscii(Buffer.from(escaped)), escaped).toBe(true);
      const [a, b] = [evaluate(literal), evaluate(escaped)];
      expect(b.flags).toBe(a.flags);
      for (const subject of SUBJECTS) {
        a.lastIndex = 0;
        b.lastIndex = 0;
        expect(JSON.stringify(subject.match(b)), `${escaped} on ${JSON.stringify(subject)}`).toBe(JSON.stringify(subject.match(a)));
      }
    }
  });

  it('changes only regular expression literals in a file', () => {
    const text = "const a = /[’]/g; const b = '’'; const c = `’${a}`; // ’\nconst d = x / y / z;\n";
    expect(asciiRegExps(text, 'file.ts')).toBe("const a = /[\\u2019]/g; const b = '’'; const c = `’${a}`; // ’\nconst d = x / y / z;\n");
    expect(asciiRegExps('const a = 1 / 2;', 'file.js')).toBeUndefined();
    expect(asciiRegExps("const a = '’';", 'file.js')).toBeUndefined();
  });

  it('every command script of dist/ is ASCII', () => {
    const dir = join(ROOT, 'dist', 'commands');
    const scripts = readdirSync(dir).filter((name) => name.endsWith('.cjs'));
    expect(scripts.length).toBeGreaterThan(5);
    for (const name of scripts) expect(isAscii(readFileSync(join(dir, name))), name).toBe(true);
  });
});
