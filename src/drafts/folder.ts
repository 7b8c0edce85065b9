/** An opinion source folder as a `Draft`, through the opinion pipeline (`draftFromSources` of `opinion/`). */
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { VFile } from 'vfile';
import type { Draft } from '../core/draft.js';
import type { Opinion } from '../core/model.js';
import { InputError } from '../core/errors.js';

export interface FolderDraft {
  draft: Draft;
  /** The source files read, with the messages found in them. */
  files: VFile[];
  /** The opinion the draft was made of (what `opinion diff` attributes changes to amendments by). */
  opinion?: Opinion;
}

export async function isOpinionFolder(dir: string): Promise<boolean> {
  const info = await stat(join(dir, 'opinion.yaml')).catch(() => undefined);
  return info?.isFile() ?? false;
}

export async function readOpinionFolder(dir: string, shown: string, lang: string | undefined): Promise<FolderDraft> {
  if (!(await isOpinionFolder(dir))) {
    throw new InputError(`cannot read \`${shown}\`: a folder without \`opinion.yaml\`, expected an opinion source folder or a Markdown draft`);
  }
  const { draftFromSources } = await import('../opinion/draft.js');
  const { draft, files, opinion } = await draftFromSources(dir, lang ? { lang } : {});
  if (!draft) {
    const first = files.flatMap((file) => file.messages).find((message) => message.fatal === true);
    // Name the file as the user named the folder: `shown/…`, not an absolute path.
    const file = first?.file ? (first.file.startsWith(dir) ? join(shown, relative(dir, first.file)) : first.file) : '';
    const where = first ? ` (${file ? `${file}:` : ''}${first.line ?? 1}:${first.column ?? 1}: ${first.reason})` : '';
    throw new InputError(`cannot make a draft of \`${shown}\`${lang ? ` in \`${lang}\`` : ''}${where}; run \`opinion validate ${shown}\` for details`);
  }
  return { draft, files, ...(opinion ? { opinion } : {}) };
}
