/**
 * The build manifest, `<out>/<opinion>/.opinion-build.json`: the SHA-256 of
 * every file the last build wrote. A file whose content no longer matches
 * was edited by hand since, and is not overwritten without `--force`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_NAME = '.opinion-build.json';

export interface Manifest {
  /** Paths relative to the opinion's output folder, with `/`. */
  files: Record<string, { sha256: string }>;
}

export type ManifestRead = { manifest: Manifest; problem?: undefined } | { manifest: Manifest; problem: string };

/** Read synchronously, as the rest of the write path (`transaction.ts`). */
export function readManifest(dir: string): ManifestRead {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: { files: {} } };
    return { manifest: { files: {} }, problem: (error as Error).message };
  }
  try {
    const data = JSON.parse(text) as Partial<Manifest>;
    if (!data || typeof data !== 'object' || typeof data.files !== 'object' || data.files === null) throw new Error('no `files`');
    const files: Manifest['files'] = {};
    for (const [path, entry] of Object.entries(data.files)) {
      if (entry && typeof entry.sha256 === 'string') files[path] = { sha256: entry.sha256 };
    }
    return { manifest: { files } };
  } catch (error) {
    return { manifest: { files: {} }, problem: `unreadable manifest (${(error as Error).message})` };
  }
}

export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ tool: 'opinion build', note: 'Hashes of the files written by the last build; do not edit.', files }, null, 2) + '\n';
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
