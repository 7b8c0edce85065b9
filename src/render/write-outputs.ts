/**
 * Writing a built opinion: `<out>/<opinion>/<lang>/opinion.{md,html,json,docx,pdf}`.
 *
 * Nothing is lost:
 * - the outputs of a build and its manifest are written together or not at
 *   all, one build of an opinion at a time (`transaction.ts`);
 * - a file edited by hand since the last build (its hash no longer the
 *   one in the manifest), or a file the build did not write, is never
 *   overwritten: the opinion's outputs are left as they are and an error
 *   names the file and says to use `--force`;
 * - with `force`, such a file is first copied to
 *   `<file>.<yyyymmdd-hhmmss>.bak` (never over an earlier backup), and the
 *   backup is reported.
 * Files whose content would not change are not rewritten.
 */
import { BUILD_OUTPUTS } from './outputs.js';
import { constants, copyFileSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { commitFiles, OutputBusyError, recoverInterrupted, withOutputLock } from './transaction.js';
import type { OpinionBuild } from './render.js';
import { entryOf, type ManifestEntry, manifestText, MANIFEST_NAME, matches, readManifest } from './manifest.js';

export interface WriteOptions {
  /** The output folder (`build` by default in the CLI). */
  out: string;
  /** Overwrite hand-edited outputs, keeping a backup. */
  force?: boolean;
  /** The time used in backup names (tests pass a fixed one). */
  now?: Date;
}

export interface WriteResult {
  /** Files written (new content). */
  written: string[];
  /** Files already holding the new content. */
  unchanged: string[];
  /** Hand-edited files kept as backups before being overwritten (`force`). */
  backups: { file: string; backup: string }[];
  /** Hand-edited files not overwritten (then nothing was written for the opinion). */
  refused: string[];
  /** One VFile per output with something to say (refusals, backups). */
  files: VFile[];
}

/** Where each output of a build goes; the Word output is bytes, the others text. */
export function outputPaths(build: OpinionBuild, out: string): { path: string; content: string | Uint8Array }[] {
  const targets: { path: string; content: string | Uint8Array }[] = [];
  for (const render of build.renders) {
    for (const { field, extension } of Object.values(BUILD_OUTPUTS)) {
      const content = render[field];
      if (content !== undefined) targets.push({ path: join(out, build.name, render.lang, `opinion.${extension}`), content });
    }
  }
  return targets;
}

export async function writeOutputs(build: OpinionBuild, options: WriteOptions): Promise<WriteResult> {
  const root = join(options.out, build.name);
  const targets = outputPaths(build, options.out);
  try {
    return await withOutputLock(root, async () => {
      recoverInterrupted(root, new Set(targets.map((target) => dirname(target.path))));
      return await writeLocked(options, root, targets);
    });
  } catch (error) {
    if (!(error instanceof OutputBusyError)) throw error;
    const file = new VFile({ path: root });
    report(file, `Cannot write the outputs: ${error.message}`, {
      ruleId: 'build/busy',
      note: 'Nothing was written for this opinion. Wait for the other build to finish, or stop it, and build again',
    });
    return { written: [], unchanged: [], backups: [], refused: [root], files: [file] };
  }
}

async function writeLocked(options: WriteOptions, root: string, targets: { path: string; content: string | Uint8Array }[]): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], backups: [], refused: [], files: [] };
  const { manifest, text: manifestBefore, problem } = readManifest(root);
  const key = (path: string) => relative(root, path).split(sep).join('/');

  const plan: { path: string; content: Uint8Array; entry: ManifestEntry; backup: boolean }[] = [];
  for (const { path, content: text } of targets) {
    // Encoded once, for the hash, the comparison and the write (each would encode a text again: 5-15 ms for 3 MB).
    const content = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const target = { path, content };
    const entry = await entryOf(content);
    let current: Buffer | undefined;
    try {
      current = readFileSync(target.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw error;
    }
    if (current === undefined) {
      plan.push({ ...target, entry, backup: false });
      continue;
    }
    if (current.equals(content)) {
      result.unchanged.push(target.path);
      manifest.files[key(target.path)] = entry;
      continue;
    }
    const known = manifest.files[key(target.path)];
    if (known && (await matches(known, current))) {
      plan.push({ ...target, entry, backup: false });
      continue;
    }
    // Edited by hand since the last build, or not written by a build at all.
    if (options.force) {
      plan.push({ ...target, entry, backup: true });
      continue;
    }
    result.refused.push(target.path);
    const file = new VFile({ path: target.path });
    report(
      file,
      known
        ? 'Unexpected changes to a built file: it was edited by hand since the last build, and is not overwritten'
        : `Unexpected file that the last build did not write${problem ? ` (${problem} in \`${MANIFEST_NAME}\`)` : ''}: it is not overwritten`,
      {
        ruleId: 'build/hand-edited',
        note: 'Nothing was written for this opinion. Move your edits into the sources, or run again with `--force` to overwrite it (a backup copy is kept next to it)',
      },
    );
    result.files.push(file);
  }
  if (result.refused.length > 0) return result;

  const stamp = timestamp(options.now ?? new Date());
  for (const item of plan) {
    if (item.backup) {
      const backup = backupCopy(item.path, stamp);
      result.backups.push({ file: item.path, backup });
      const file = new VFile({ path: item.path });
      report(file, `Kept a copy of the hand-edited file as \`${backup.split(/[\\/]/).pop()}\` before overwriting it`, {
        ruleId: 'build/backup',
        severity: 'info',
      });
      result.files.push(file);
    }
    manifest.files[key(item.path)] = item.entry;
    result.written.push(item.path);
  }
  // Every output and the manifest together, or none (see transaction.ts).
  const commit: { path: string; content: string | Uint8Array }[] = plan.map((item) => ({ path: item.path, content: item.content }));
  const manifestAfter = manifestText(manifest);
  if (plan.length > 0 || (result.unchanged.length > 0 && manifestAfter !== manifestBefore)) {
    commit.push({ path: join(root, MANIFEST_NAME), content: manifestAfter });
  }
  // Nothing to change (a rebuild of unchanged sources): no temporary, journal or flush.
  if (commit.length > 0) commitFiles(root, commit);
  return result;
}

/** Copy `path` to a backup name that does not exist yet. */
function backupCopy(path: string, stamp: string): string {
  for (let n = 1; ; n++) {
    const backup = `${path}.${stamp}${n > 1 ? `-${n}` : ''}.bak`;
    try {
      copyFileSync(path, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}
