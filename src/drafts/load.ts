/**
 * The two versions to compare, from what the command line names: two
 * Markdown drafts, two opinion source folders (or one of each), or one path
 * at two git revisions (`--from`, and `--to` or the working tree).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeFsError } from '../core/read-source.js';
import { InputError } from '../core/errors.js';
import { readOpinionFolder, type FolderDraft } from './folder.js';
import { displayPath } from '../report/paths.js';
import { relocate } from './relocate.js';
import { draftFromDocx, isWordDocument } from './word-file.js';
import { interruptedBuildOf } from '../render/transaction.js';

/** A version to compare; `opinion` only for an opinion folder in the working tree (not one at a git revision). */
export type LoadedDraft = FolderDraft;

export interface InputOptions {
  /** Folder the paths are relative to. */
  cwd: string;
  /** Language of folder sources (default: the opinion's original language). */
  lang?: string;
  /** Git revision of the old version. */
  from?: string;
  /** Git revision of the new version (default: the working tree). */
  to?: string;
}

/** A draft from a path in the working tree: a Markdown file or an opinion folder. */
async function loadPath(cwd: string, path: string, lang: string | undefined): Promise<LoadedDraft> {
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  const cannotRead = (error: unknown): never => {
    throw new InputError(`cannot read \`${shown}\`: ${describeFsError(error)}`);
  };
  const info = await stat(absolute).catch(cannotRead);
  if (info.isDirectory()) {
    const { draft, files, opinion } = await readOpinionFolder(absolute, shown, lang);
    return { draft: relocate(draft, (file) => displayPath(resolve(cwd, file), cwd), shown), files, ...(opinion ? { opinion } : {}) };
  }
  const journal = await interruptedBuildOf(absolute);
  if (journal) {
    throw new InputError(
      `cannot read \`${shown}\`: the build that wrote it was interrupted (its journal \`${displayPath(journal, cwd)}\` is still there), so the outputs next to it may be part old, part new; run \`opinion build\` again to finish it`,
    );
  }
  if (isWordDocument(absolute)) {
    return draftFromDocx(await readFile(absolute).catch(cannotRead), shown);
  }
  // The Markdown draft reader (remark, GFM) is loaded only for a Markdown draft: comparing two folders needs none.
  const { readMarkdownDraft } = await import('./markdown-file.js');
  const parsed = await readMarkdownDraft(absolute, shown);
  return { draft: parsed.draft, files: [parsed.file] };
}

/** A draft from a path at a git revision. */
async function loadRevision(cwd: string, path: string, revision: string, lang: string | undefined): Promise<LoadedDraft> {
  const { commitOf, extractAt, readAt, removeTemporary, repoPath, typeAt } = await import('./git.js');
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  const origin = `${shown}@${revision}`;
  const { root, path: inRepo } = await repoPath(absolute, shown);
  const commit = await commitOf(root, revision);
  const type = await typeAt(root, commit, inRepo);
  if (!type) throw new InputError(`cannot read \`${shown}\` at revision \`${revision}\`: it does not exist there`);
  if (type === 'blob' && isWordDocument(inRepo)) return draftFromDocx(await readAt(root, commit, inRepo), shown, origin);
  if (type === 'blob') {
    const [{ parseMarkdownDraft }, { draftText }] = await Promise.all([import('./markdown/markdown-draft.js'), import('./markdown-file.js')]);
    const parsed = parseMarkdownDraft(draftText(await readAt(root, commit, inRepo), shown), origin);
    return { draft: parsed.draft, files: [parsed.file] };
  }
  const temporary = await extractAt(root, commit, inRepo, shown);
  try {
    const extracted = inRepo ? join(temporary, inRepo) : temporary;
    const { draft, files } = await readOpinionFolder(extracted, origin, lang);
    const rename = (file: string): string => {
      const inside = displayPath(resolve(extracted, file), extracted);
      return inside.startsWith('/') ? file : `${origin}/${inside}`;
    };
    for (const file of files) {
      file.path = rename(file.path);
      // A schema link is for editing the working tree; at a revision only this folder was
      // extracted, so a relative link cannot resolve and saying so would be noise.
      file.messages = file.messages.filter((message) => message.ruleId !== 'source/schema-link');
    }
    return { draft: relocate(draft, rename, origin), files };
  } finally {
    await removeTemporary(temporary);
  }
}

export async function loadDrafts(paths: readonly string[], options: InputOptions): Promise<[LoadedDraft, LoadedDraft]> {
  const { cwd, lang, from, to } = options;
  if (to !== undefined && from === undefined) throw new InputError('--to needs --from: the revision of the old version');
  if (paths.length === 0 || paths.length > 2) throw new InputError(`expected two drafts to compare, or one with --from, got ${paths.length}`);
  if (from === undefined && paths.length !== 2) {
    throw new InputError('expected a second draft to compare with, or --from <revision> to compare this one with an earlier version');
  }
  const oldPath = paths[0] as string;
  const newPath = paths[1] ?? oldPath;
  const old = from === undefined ? await loadPath(cwd, oldPath, lang) : await loadRevision(cwd, oldPath, from, lang);
  const neu = to === undefined ? await loadPath(cwd, newPath, lang) : await loadRevision(cwd, newPath, to, lang);
  return [old, neu];
}
