/** A scratch copy of the sample opinion for the amendments tests. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const SAMPLE = join(ROOT, 'opinions', 'see-migrants');

/** A scratch folder holding a copy of the sample as `opinions/see-migrants` (so schema links resolve as in the repository). */
export function scratch(): { root: string; sample: string } {
  const root = mkdtempSync(join(tmpdir(), 'opinion-amendments-'));
  cpSync(join(ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
  cpSync(SAMPLE, join(root, 'opinions', 'see-migrants'), { recursive: true });
  return { root, sample: join(root, 'opinions', 'see-migrants') };
}

/** Append amendments (YAML list items, indented as in the file) to the copy's `amendments.yaml`. */
export function appendAmendments(sample: string, items: string): void {
  const file = join(sample, 'amendments.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}${items}`);
}
