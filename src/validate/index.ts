/**
 * `validate`: load opinion folders and check them (syntax, schema, ids,
 * references, dates, stage, languages). Returns the files with their
 * messages; never throws for bad input.
 */
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { checkMarkdownLimits, loadOpinion, type LoadOptions } from '../core/load.js';
import { readSource } from '../core/read-source.js';
import { opinionScope } from '../core/safe-read.js';
import { readLabelFolder, type LabelFile } from '../labels/load.js';
import { LABEL_KEYS } from '../labels/labels.js';
import { DEFAULT_TEMPLATE } from '../core/package-files.js';
import { readOpinionTemplate, readSlotOverrides, type SlotFiles } from '../core/template-load.js';
import type { Template } from '../core/template.js';
import { sortMessages } from '../core/messages.js';
import type { Opinion } from '../core/model.js';
import type { IdIndex } from '../core/ids.js';
import { checkSemantics, type SemanticsOptions } from './semantics.js';
import { checkLanguageLabels } from './languages.js';

export interface ValidatedOpinion {
  opinion?: Opinion;
  /** The id index (definitions and references), when the opinion could be loaded. */
  index?: IdIndex;
  files: VFile[];
  /**
   * What a build reads besides the sources, read and checked here so that
   * `validate` reports what `build` would refuse: the template (a VFile with
   * the reason when it cannot be read; undefined when `template:` is
   * refused), the `slots/` files and the opinion's `labels/` files.
   */
  template?: Template | VFile | undefined;
  slots?: SlotFiles;
  labels?: LabelFile[];
  /** The `notes/` files that could be read, for a build with `--notes`. */
  notes?: { path: string; file: VFile }[];
}

export interface ValidateOptions extends SemanticsOptions, LoadOptions {
  /** A template given explicitly (`--template`), used instead of the opinion's. */
  template?: string;
  /**
   * Also check that every declared language has its labels (shipped or in
   * `labels/`), as `build` needs them. `opinion validate` does; `build` and
   * `check` resolve the labels themselves and report there.
   */
  labels?: boolean;
}

/** Load one opinion folder and run every check on it (`markdown: false`: see LoadOptions). */
export async function validateOpinion(dir: string, options: ValidateOptions = {}): Promise<ValidatedOpinion> {
  const { opinion, files } = await loadOpinion(dir, options);
  const index = opinion ? checkSemantics(opinion, options) : undefined;
  if (!opinion) {
    sortMessages(files);
    return { opinion, index, files };
  }
  const opinionFile = files.find((f) => f.path === join(dir, 'opinion.yaml')) ?? files[0]!;
  const template = await readOpinionTemplate(opinion, opinionFile, LABEL_KEYS, options.template);
  const templateFile = template === undefined ? undefined : 'tree' in template ? template.file : template;
  if (templateFile && (templateFile.path !== DEFAULT_TEMPLATE || templateFile.messages.length > 0)) files.push(templateFile);
  const slots = await readSlotOverrides(dir, LABEL_KEYS);
  files.push(...slots.files);
  const labels = await readLabelFolder(join(dir, 'labels'), dir);
  files.push(...labels.map((layer) => layer.file));
  if (options.labels) await checkLanguageLabels(opinion, opinionFile, labels);
  // The notes go into a draft built with --notes: each must be readable text within the bounds.
  const notes: { path: string; file: VFile }[] = [];
  for (const path of opinion.notes) {
    const read = await readSource(path, opinionScope(dir));
    files.push(read.file);
    if (read.ok && (await checkMarkdownLimits(read.file, String(read.file.value)))) notes.push({ path, file: read.file });
  }
  sortMessages(files);
  return { opinion, index, files, template, slots, labels, notes };
}

export { checkSemantics } from './semantics.js';
export { findOpinionFolders, type FoundFolders } from './find.js';
export { validateOpinions, type ManyOptions } from './many.js';
