/**
 * The human report's code frame: the carets stand under the span as a
 * terminal shows the line, whatever the characters before it take there.
 */
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { formatHuman } from '../../src/report/human.js';

/** The frame's two lines for a message on `line` from `column` to `end` (JavaScript string columns, as the readers give them). */
function frame(line: string, column: number, end: number): string[] {
  const file = new VFile({ path: 'x.md', value: `${line}\n` });
  file.message('Unexpected thing', { start: { line: 1, column }, end: { line: 1, column: end } });
  return formatHuman([file]).split('\n').slice(2, 4);
}

describe('the code frame', () => {
  it('puts the carets under the span after wide characters, combining accents and tabs', () => {
    // Two CJK characters take two columns each.
    expect(frame('中文 bad word', 4, 7)).toEqual(['    1 | 中文 bad word', '             ^^^']);
    // "é" typed as e + a combining accent is one column.
    expect(frame('Caf\u0065\u0301 bad', 7, 10)).toEqual(['    1 | Cafe\u0301 bad', '             ^^^']);
    // A tab stays a tab.
    expect(frame('\tbad', 2, 5)).toEqual(['    1 | \tbad', '        \t^^^']);
    // A wide span has carets as wide as it.
    expect(frame('a 中文', 3, 5)).toEqual(['    1 | a 中文', '          ^^^^']);
  });
});
