/**
 * A chapter that could not be read (past the Markdown bounds, not UTF-8) is
 * reported once, at its place: the references into it from other chapters
 * and the amendments that target its points are not reported as unknown ids
 * as well (they are, if still wrong, once the chapter is fixed), as for a
 * YAML file that cannot be read.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers.js';
import { copyBasic, tempDir } from '../robustness/helpers.js';

const AMENDMENT = 'amendments:\n  - id: am-s1\n    number: 1\n    stage: section\n    by: [Eva NOVÁK]\n    target: sc-funding\n    action: delete\n';

describe('a chapter that could not be read', () => {
  for (const [what, content, rule] of [
    ['a block past the Markdown bounds', `# Specific comments\n\n## Funding {#s-funding}\n\n{#sc-funding} ${'word '.repeat(5000)}.\n`, 'source/limit'],
    ['a byte that is not UTF-8', Buffer.from('# Specific comments\n\n## Funding {#s-funding}\n\n{#sc-funding} Caf\xe9.\n', 'latin1'), 'source/encoding'],
  ] as const) {
    it(`(${what}) is its one error: no unknown id for the references and amendment targets into it`, async () => {
      const dir = copyBasic(tempDir());
      writeFileSync(join(dir, 'text', 'en', '02-specific-comments.md'), content);
      writeFileSync(join(dir, 'amendments.yaml'), AMENDMENT);
      const run = await runMain(['validate', dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(rule);
      expect(run.stdout).not.toMatch(/Unknown (id|target)/);
      expect(run.stdout).toMatch(/✖ 1 error/);
    });
  }
});
