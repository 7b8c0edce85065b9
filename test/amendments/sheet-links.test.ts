/**
 * An amendment that changes only a link's address: the sheet shows each
 * link's address after its text, so the two columns differ where the
 * address does (they read the same before). The appendix of the adopted
 * opinion keeps links as links.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { plainOf } from '../../src/render/amendment-text.js';
import { scratch } from './scratch.js';

describe('a link on the sheet', () => {
  it('reads as its text and its address', () => {
    const none = () => undefined;
    expect(plainOf('See [the plan](https://example.org/plan).', 'en', none, { urls: true })).toBe('See the plan (https://example.org/plan).');
    expect(plainOf('See [the plan](https://example.org/plan).', 'en', none)).toBe('See the plan.');
    // An autolink or a bare address is its address once.
    expect(plainOf('See <https://example.org>.', 'en', none, { urls: true })).toBe('See https://example.org.');
    expect(plainOf('See https://example.org now.', 'en', none, { urls: true })).toBe('See https://example.org now.');
  });

  it('shows an amendment that changes only an address as a change', async () => {
    const { root } = scratch();
    const dir = join(root, 'opinions', 'link');
    expect((await runMain(['init', dir, '--title', 'Link', '--stage', 'section'])).code).toBe(0);
    writeFileSync(join(dir, 'text', 'en', '02-general-comments.md'), '# General comments\n\n{#g-first} See [the plan](https://example.org/2023).\n');
    writeFileSync(
      join(dir, 'amendments.yaml'),
      'amendments:\n  - id: am-s1\n    number: 1\n    stage: section\n    by: [Jan KOWALSKI]\n    target: g-first\n    action: amend\n    text: See [the plan](https://example.org/2024).\n',
    );
    const sheet = await runMain(['amendments', 'sheet', dir, '--quiet']);
    expect(sheet.code, sheet.stderr).toBe(0);
    // (The sheet's Markdown escapes the colon so that no viewer makes a live link of an address.)
    expect(sheet.stdout).toContain('| See the plan (https\\://example.org/2023). | See the plan (https\\://example.org/~~2023~~**2024**). |');
  });
});
