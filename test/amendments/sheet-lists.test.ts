/**
 * An amendment to a point that holds a list: the sheet shows the point's
 * paragraph and each item as a paragraph of the cell, never a line break
 * followed by a stray space (the plain text folded a blank line into "\n ").
 * A table: each row a paragraph, its cells apart (they ran together,
 * "CountrySEEsItaly12").
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { plainParsed } from '../../src/render/amendment-text.js';
import { scratch } from './scratch.js';

describe('a point holding a list, on the sheet', () => {
  it('reads as one paragraph per item, without a leading space', () => {
    const numberOf = () => undefined;
    expect(plainParsed('Installers are short:\n\n- in remote\n  regions;\n- in the islands.', 'en', numberOf)).toBe(
      'Installers are short:\n\nin remote regions;\n\nin the islands.',
    );
  });

  it('reads a table as one paragraph per row, its cells apart', () => {
    expect(plainParsed('Figures:\n| Country | SEEs |\n| --- | --- |\n| Italy | 12 |', 'en', () => undefined)).toBe('Figures:\n\nCountry | SEEs\n\nItaly | 12');
  });

  it('shows each item as a paragraph of both columns', async () => {
    const { root } = scratch();
    const dir = join(root, 'opinions', 'list');
    expect((await runMain(['init', dir, '--title', 'List', '--stage', 'section'])).code).toBe(0);
    writeFileSync(
      join(dir, 'text', 'en', '02-general-comments.md'),
      '# General comments\n\n{#g-first} The point names two things:\n\n- the first thing\n- the second thing\n',
    );
    writeFileSync(
      join(dir, 'amendments.yaml'),
      'amendments:\n  - id: am-s1\n    number: 1\n    stage: section\n    by: [Jan KOWALSKI]\n    target: g-first\n    action: amend\n    text: |-\n      The point names two things:\n      - the first thing\n      - the other thing\n',
    );
    const sheet = await runMain(['amendments', 'sheet', dir, '--quiet']);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain(
      '| The point names two things:<br><br>the first thing<br><br>the second thing | The point names two things:<br><br>the first thing<br><br>the ~~second~~**other** thing |',
    );
  });
});
