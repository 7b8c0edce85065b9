/**
 * `validate`: load opinion folders and check them (syntax, schema, ids,
 * references, dates, stage, languages). Returns the files with their
 * messages; never throws for bad input.
 */
import type { VFile } from 'vfile';
import { loadOpinion, type LoadOptions } from '../core/load.js';
import { sortMessages } from '../core/messages.js';
import type { Opinion } from '../core/model.js';
import type { IdIndex } from '../core/ids.js';
import { checkSemantics, type SemanticsOptions } from './semantics.js';

export interface ValidatedOpinion {
  opinion?: Opinion;
  /** The id index (definitions and references), when the opinion could be loaded. */
  index?: IdIndex;
  files: VFile[];
}

/** Load one opinion folder and run every check on it (`markdown: false`: see LoadOptions). */
export async function validateOpinion(dir: string, options: LoadOptions & SemanticsOptions = {}): Promise<ValidatedOpinion> {
  const { opinion, files } = await loadOpinion(dir, options);
  const index = opinion ? checkSemantics(opinion, options) : undefined;
  sortMessages(files);
  return { opinion, index, files };
}

export { checkSemantics } from './semantics.js';
export { findOpinionFolders, type FoundFolders } from './find.js';
export { validateOpinions, type ManyOptions } from './many.js';
