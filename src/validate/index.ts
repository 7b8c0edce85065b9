/**
 * `validate`: load opinion folders and check them (syntax, schema, ids,
 * references, dates, stage, languages). Returns the files with their
 * messages; never throws for bad input.
 */
import type { VFile } from 'vfile';
import { loadOpinion } from '../core/load.js';
import { sortMessages } from '../core/messages.js';
import type { Opinion } from '../core/model.js';
import type { IdIndex } from '../core/ids.js';
import { join } from 'node:path';
import { checkSemantics } from './semantics.js';
import { checkLanguageLabels } from './languages.js';

export interface ValidatedOpinion {
  opinion?: Opinion;
  /** The id index (definitions and references), when the opinion could be loaded. */
  index?: IdIndex;
  files: VFile[];
}

export interface ValidateOptions {
  /**
   * Also check that every declared language has its labels (shipped or in
   * `labels/`), as `build` needs them. `opinion validate` does; `build` and
   * `check` resolve the labels themselves and report there.
   */
  labels?: boolean;
}

/** Load one opinion folder and run every check on it. */
export async function validateOpinion(dir: string, options: ValidateOptions = {}): Promise<ValidatedOpinion> {
  const { opinion, files } = await loadOpinion(dir);
  const index = opinion ? checkSemantics(opinion) : undefined;
  if (opinion && options.labels) {
    const opinionFile = files.find((f) => f.path === join(dir, 'opinion.yaml'));
    if (opinionFile) for (const file of await checkLanguageLabels(opinion, opinionFile)) if (!files.includes(file)) files.push(file);
  }
  sortMessages(files);
  return { opinion, index, files };
}

export { checkSemantics } from './semantics.js';
export { findOpinionFolders, type FoundFolders } from './find.js';
export { validateOpinions, type ManyOptions } from './many.js';
