/**
 * The build manifest, `<out>/<opinion>/.opinion-build.json`: a hash of every
 * file the last build wrote. A file whose content no longer matches was
 * edited by hand since, and is not overwritten without `--force`.
 *
 * The hash is xxHash64 (`xxhash-wasm`): 64 bits detect an edit all but
 * certainly (a chance of 2⁻⁶⁴ to miss one), which is all the manifest is for,
 * and its WebAssembly starts in about 2 ms where loading `node:crypto` for a
 * SHA-256 cost 5 to 10 ms of every build. Manifests written before hold
 * SHA-256 entries, still read: a file is compared with the hash its entry has.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_NAME = '.opinion-build.json';

/** A file's hash as the build writes it (`xxh64`), or as builds before wrote it (`sha256`). */
export type ManifestEntry = { xxh64: string } | { sha256: string };

export interface Manifest {
  /** Paths relative to the opinion's output folder, with `/`. */
  files: Record<string, ManifestEntry>;
}

/** The manifest read, with its text as it stands (`text`: none when there is no manifest or it could not be read). */
export type ManifestRead = { manifest: Manifest; text?: string; problem?: undefined } | { manifest: Manifest; text?: string; problem: string };

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
    const data = JSON.parse(text) as { files?: Record<string, Partial<{ xxh64: unknown; sha256: unknown }>> };
    if (!data || typeof data !== 'object' || typeof data.files !== 'object' || data.files === null) throw new Error('no `files`');
    const files: Manifest['files'] = {};
    for (const [path, entry] of Object.entries(data.files)) {
      if (typeof entry?.xxh64 === 'string') files[path] = { xxh64: entry.xxh64 };
      else if (typeof entry?.sha256 === 'string') files[path] = { sha256: entry.sha256 };
    }
    return { manifest: { files }, text };
  } catch (error) {
    return { manifest: { files: {} }, text, problem: `unreadable manifest (${(error as Error).message})` };
  }
}

export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ tool: 'opinion build', note: 'Hashes of the files written by the last build; do not edit.', files }, null, 2) + '\n';
}

let hasher: Promise<(bytes: Uint8Array) => bigint> | undefined;

/** The manifest entry of `content`: its xxHash64, 16 hexadecimal digits. */
export async function entryOf(content: Uint8Array): Promise<{ xxh64: string }> {
  // Imported on first use: only a build's write needs it.
  hasher ??= import('xxhash-wasm').then(async ({ default: xxhash }) => (await xxhash()).h64Raw);
  return { xxh64: (await hasher)(content).toString(16).padStart(16, '0') };
}

/** Whether `entry` is the hash of `content`. */
export async function matches(entry: ManifestEntry, content: Uint8Array): Promise<boolean> {
  return 'xxh64' in entry ? entry.xxh64 === (await entryOf(content)).xxh64 : entry.sha256 === sha256(content);
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
