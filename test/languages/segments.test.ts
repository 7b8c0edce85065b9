/**
 * The segments of a chapter file exported for translation: a heading's
 * trailing attributes (`{#id}`, `{-}`, `{.unnumbered}`) and a point's
 * leading `{#id}` are markup, kept in the file, never text to translate.
 */
import { describe, expect, it } from 'vitest';
import { markdownSegments } from '../../src/translate/segments.js';

describe('markdownSegments', () => {
  it('leaves the attributes of headings and the ids of points out of the text', () => {
    const text = [
      '# Foreword {-}',
      '',
      '## Background {#bg}',
      '',
      '{#p-one} The Committee considers.',
      '',
      '## Aside {#aside -}',
      '',
      '## Notes {.unnumbered}',
      '',
      '## Closing ##',
      '',
    ].join('\n');
    const segments = markdownSegments('text/en/01-foreword.md', text);
    expect(segments.map((s) => [s.key, s.kind, s.text])).toEqual([
      ['01-foreword.md#title', 'chapter-title', 'Foreword'],
      ['01-foreword.md#bg', 'heading', 'Background'],
      ['01-foreword.md#p-one', 'point', 'The Committee considers.'],
      ['01-foreword.md#aside', 'heading', 'Aside'],
      ['01-foreword.md#heading-1', 'heading', 'Notes'],
      ['01-foreword.md#heading-2', 'heading', 'Closing'],
    ]);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
