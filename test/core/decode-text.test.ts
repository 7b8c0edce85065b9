/**
 * `decodeText` (core/read-source.ts) checks and decodes UTF-8 without a
 * decoder object per file: it must accept, refuse and decode exactly as the
 * WHATWG decoder with `fatal` (the one it replaced) does, BOMs and line
 * endings included.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/read-source.js';
import { seededRandom } from '../helpers.js';

function reference(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

describe('decodeText', () => {
  it('decodes and refuses as the fatal WHATWG decoder does', () => {
    const fixed = ['plain text\n', '\ufeffa BOM\r\nthen CRLF\r\n', '\ufeff\ufeffa BOM twice\n', 'CR only\rline\r', 'é ü 😀 — “quotes”', ''].map((text) =>
      new TextEncoder().encode(text),
    );
    const broken = [
      [0xc0, 0x80], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xe2, 0x82], // truncated
      [0x61, 0x00, 0x62], // NUL
      [0xff],
    ].map((bytes) => Uint8Array.from(bytes));
    // Random bytes, mostly ASCII with some of the bytes that start or continue a sequence.
    const random = seededRandom(11);
    const pool = [0x61, 0x20, 0x0a, 0x0d, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x80, 0x94, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xf4, 0x90, 0xff];
    const fuzz = Array.from({ length: 10_000 }, () =>
      Uint8Array.from({ length: 1 + Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]!),
    );
    let decoded = 0;
    for (const bytes of [...fixed, ...broken, ...fuzz]) {
      expect(decodeText(bytes), Array.from(bytes).join(' ')).toBe(reference(bytes));
      if (reference(bytes) !== undefined) decoded++;
    }
    for (const bytes of broken) expect(decodeText(bytes)).toBeUndefined();
    expect(decoded).toBeGreaterThan(200);
    // A view into a larger buffer reads only its own bytes.
    const whole = new TextEncoder().encode('xxabcxx');
    expect(decodeText(whole.subarray(2, 5))).toBe('abc');
  });
});
