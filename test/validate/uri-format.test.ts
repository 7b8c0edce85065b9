/**
 * The validators' `uri` format (src/scripts/generate-validators.mjs): a small
 * expression for plain http(s) URLs in front of ajv-formats' full one must
 * give the same answer as the full one alone.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { uri_format } from '../../src/generated/uri-format.js';

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
