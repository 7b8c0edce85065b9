/**
 * Output is the same on every machine: no comparison or case mapping in src/
 * may follow the user's locale (LC_ALL=sv_SE sorts "ä" after "z"; a Turkish
 * locale lower-cases "I" to "ı"). Each names its locale, or uses the
 * locale-free form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** `a.localeCompare(b)` with one argument, `toLocaleLowerCase()` / `toLocaleUpperCase()` / `toLocaleString()` with none. */
const LOCALE_DEPENDENT = /\.localeCompare\((?:[^(),]|\([^()]*\))*\)|\.toLocale(?:Lower|Upper)Case\(\)|\.toLocaleString\(\)/g;

describe('no locale-dependent text operation', () => {
  it('in any source file', () => {
    const found = sources(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(LOCALE_DEPENDENT)].map((match) => `${relative(SRC, file)}: ${match[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('would see one', () => {
    expect('x.sort((a, b) => a.name.localeCompare(b.name))'.match(LOCALE_DEPENDENT)).toEqual(['.localeCompare(b.name)']);
    expect("a.localeCompare(String(b), 'en')".match(LOCALE_DEPENDENT)).toBeNull();
    expect('word.toLocaleLowerCase()'.match(LOCALE_DEPENDENT)).toEqual(['.toLocaleLowerCase()']);
  });
});
