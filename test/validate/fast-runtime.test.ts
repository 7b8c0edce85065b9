/**
 * The helpers the compiled validators use in place of ajv's
 * (src/scripts/generate-validators.mjs) give the same answers as ajv's: the
 * `uri` format (a small expression for plain http(s) URLs in front of
 * ajv-formats' full one) and `ucs2length` (what `minLength`/`maxLength` count).
 */
import ajvLength from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { ucs2length, uri_format } from '../../src/generated/fast-runtime.js';

const full = fullFormats.uri as (text: string) => boolean;
const URLS = [
  'https://www.ciriec.org/',
  'http://example.org',
  'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52016DC0377&from=EN',
  'https://example.org/a%20b/c?d=e#f',
  'https://example.org/a%2',
  'https://example.org/a b',
  'https://exa mple.org/',
  'https://user:pw@example.org/',
  'https://[::1]:8080/x',
  'https://192.168.0.1/x',
  'HTTPS://EXAMPLE.ORG/X',
  'https://example.org:/x',
  'https://example.org:99999/x',
  'https://example.org/é',
  'https://example.org/<x>',
  'https://example.org/x#a#b',
  'https://example.org/x?a[]=1',
  'https://',
  'https:/x',
  'http:example',
  'ftp://example.org/file.txt',
  'mailto:someone@example.org',
  'urn:isbn:0451450523',
  'example.org',
  '/relative/path',
  '',
  'https://example.org/\n',
  'https://example.org/x\u0000',
  'https://-.org/',
  "https://example.org/~user/(a)!$&'*+,;=:@",
];

describe('uri format', () => {
  it('agrees with ajv-formats on every URL', () => {
    for (const url of URLS) expect(uri_format(url), JSON.stringify(url)).toBe(full(url));
  });
});

describe('ucs2length', () => {
  const ajv = (ajvLength as unknown as { default: (text: string) => number }).default ?? (ajvLength as unknown as (text: string) => number);
  it('counts as ajv does: pairs as one, lone surrogates as one each', () => {
    const cases = ['', 'a', 'Équipe', '😀', 'a😀b', '\uD800', '\uDC00', '\uD800\uD800\uDC00', '\uDC00\uD800', 'x\uD83D', '\uD83D\uDE00\uDE00', '𠀀𠀁 数'];
    for (const text of cases) expect(ucs2length(text), JSON.stringify(text)).toBe(ajv(text));
  });
  it('counts as ajv does on random strings of surrogates and other characters', () => {
    const alphabet = ['a', ' ', 'é', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '\uFFFF'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: n % 13 }, () => alphabet[next()]).join('');
      expect(ucs2length(text), JSON.stringify(text)).toBe(ajv(text));
    }
  });
});
