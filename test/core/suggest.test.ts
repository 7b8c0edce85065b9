import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/core/suggest.js';

describe('suggest', () => {
  it('offers a key whose letters were typed in the wrong order', () => {
    expect(suggest('titel', ['title', 'stage', 'kind'])).toEqual(['title']);
    expect(suggest('stgae', ['title', 'stage', 'kind'])).toEqual(['stage']);
  });

  it('offers nothing for a word that is not a near miss', () => {
    expect(suggest('abcde', ['title', 'stage'])).toEqual([]);
    expect(suggest('tilte', ['title'])).toEqual(['title']);
    expect(suggest('etlti', ['title'])).toEqual([]);
  });
});
