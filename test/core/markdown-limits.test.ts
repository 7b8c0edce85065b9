/**
 * The per-line counts of core/markdown-limits.ts, made in one pass over the
 * characters, agree with the patterns that define them.
 */
import { describe, expect, it } from 'vitest';
import { countLine, MARKER } from '../../src/core/markdown-limits.js';
import { seededRandom } from '../helpers.js';

describe('countLine', () => {
  it('counts syntax characters, emphasis, nestable brackets, pipes and indentation as the patterns do', () => {
    const alphabet = [...'*_[]():^~`<>!\\{}|', ' ', ' ', '\t', 'a', 'é', '😀', '-', '#', '.'];
    const random = seededRandom(3);
    const lines = ['', '    indented', '\t\ttabs', '  \t mixed *a* _b_ [c](d)', 'plain prose, no syntax.'];
    for (let n = 0; n < 20_000; n++)
      lines.push(Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const line of lines) {
      const counts = countLine(line, { markers: 0, emphasis: 0, nestable: 0, pipes: 0, indent: 0 });
      expect(counts, JSON.stringify(line)).toEqual({
        markers: line.match(MARKER)?.length ?? 0,
        emphasis: line.match(/[*_]/g)?.length ?? 0,
        nestable: line.match(/[*_[]/g)?.length ?? 0,
        pipes: line.split('|').length - 1,
        indent: /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length,
      });
    }
  });
});
