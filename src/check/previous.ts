/**
 * The comparison of an opinion with its previous version, for `opinion
 * check --previous`: both folders as drafts (the build's), their diff, and
 * each change attributed to the amendments applied in this version.
 */
import type { VFile } from 'vfile';
import type { PreviousVersion } from './rule.js';
import type { Opinion } from '../core/model.js';
import { diffDrafts } from '../diff/diff-drafts.js';
import { draftFromSources } from '../opinion/draft.js';
import { report } from '../core/messages.js';
import { attributeChanges } from '../diff/attribution.js';

export async function comparePrevious(opinion: Opinion, previousDir: string, shown: string, files: VFile[]): Promise<PreviousVersion | undefined> {
  const [before, after] = await Promise.all([draftFromSources(previousDir, {}), draftFromSources(opinion.dir, {})]);
  if (!before.draft || !after.draft) {
    const meta = files.find((f) => /(^|[\\/])opinion\.yaml$/.test(f.path ?? '')) ?? files[0];
    if (meta)
      report(meta, `Cannot compare with the previous version \`${shown}\`: it is not a readable opinion folder, expected the folder of the previous version`, {
        ruleId: 'amendments/unexplained-change',
        place: { line: 1, column: 1 },
      });
    return undefined;
  }
  const result = diffDrafts(before.draft, after.draft);
  const attribution = attributeChanges(result, opinion);
  if (!attribution) for (const change of result.changes) if (change.kind !== 'renumbered') change.unexplained = true;
  return { path: shown, changes: result.changes, applied: attribution?.applied ?? [] };
}
