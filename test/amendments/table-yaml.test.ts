/** The YAML `opinion amendments table` appends to amendments.yaml. */
import { describe, it, expect } from 'vitest';
import { appendItems, type TabledItem } from '../../src/amendments/table.js';

describe('the items table appends', () => {
  it('leave the blank line of a point holding a list empty, with no trailing spaces', () => {
    const item: TabledItem = {
      id: 'am-s9',
      number: 9,
      stage: 'section',
      by: ['Eva NOVÁK'],
      target: 'c-skills',
      action: 'amend',
      against: 'Installers are short:\n\n- in remote regions;\n- in the islands.',
      text: 'Installers are short:\n\n- in remote regions;\n- in the mountains.',
    };
    const yaml = appendItems('amendments:\n  - id: am-s1\n    number: 1\n', [item]);
    expect(yaml).toContain('    against: |-\n      Installers are short:\n\n      - in remote regions;\n');
    expect(yaml.split('\n').filter((line) => /[ \t]$/.test(line))).toEqual([]);
  });
});
