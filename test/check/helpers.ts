/** Writing rule examples to disk as opinion folders, and describing findings as the examples write them. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import type { VFile } from 'vfile';

/** The minimal valid opinion every example starts from. */
export const BASE_OPINION = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: study-group\n';

export function writeOpinion(files: Record<string, string>, base: Record<string, string> = { 'opinion.yaml': BASE_OPINION }): string {
  const dir = mkdtempSync(join(tmpdir(), 'opinion-check-'));
  for (const [path, content] of Object.entries({ ...base, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** `path:line:column-line:column: message` for every message of `ruleId` (or every message). */
export function findings(files: VFile[], dir: string, ruleId?: string): string[] {
  const lines: string[] = [];
  for (const file of files) {
    for (const m of file.messages) {
      if (ruleId && m.ruleId !== ruleId) continue;
      const end = m.place && 'start' in m.place ? `-${m.place.end.line}:${m.place.end.column}` : '';
      const path = relative(dir, file.path).split('\\').join('/');
      lines.push(`${path}:${m.line ?? 1}:${m.column ?? 1}${end}: ${m.reason}`);
    }
  }
  return lines;
}
