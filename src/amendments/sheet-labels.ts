/**
 * The wording of the amendment sheet and of the list's table in one
 * language: the shipped label file of that language, then the opinion's own
 * `labels/<lang>.yaml`, as `opinion build` layers them. The `sheet.` labels
 * are optional for a build, so a language that lacks them is reported here,
 * naming the keys, and never filled in from another language.
 */
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import type { Located } from '../core/model.js';
import { DIFF_SHEET_LABELS, LABEL_KEYS, type LabelKey, type Labels } from '../labels/labels.js';
import { builtinLabelFiles, resolveLabels, type LabelFile } from '../labels/load.js';
import { namedKeys } from '../labels/unverified.js';

export const SHEET_LABELS: readonly LabelKey[] = LABEL_KEYS.filter((key) => key.startsWith('sheet.') && !DIFF_SHEET_LABELS.has(key));

export interface SheetLabels {
  /** Undefined when a label is missing (reported on the label file, or on `fallback`). */
  labels?: Labels;
  /** The label files read, the most specific last (their messages are the caller's to show). */
  layers: LabelFile[];
}

export async function sheetLabels(lang: string, own: readonly LabelFile[], fallback: { file: VFile; at?: Located | undefined }): Promise<SheetLabels> {
  const layers = [...(await builtinLabelFiles([lang])), ...own.filter((layer) => layer.lang === lang)];
  const labels = resolveLabels(lang, layers, fallback);
  if (!labels) return { layers };
  const missing = SHEET_LABELS.filter((key) => labels.text[key] === undefined);
  if (missing.length > 0) {
    const last = layers[layers.length - 1];
    report(last?.file ?? fallback.file, `Missing labels of the amendment sheet for language \`${lang}\`: ${namedKeys(missing, 8)}`, {
      ruleId: 'labels/missing',
      place: last ? { line: 1, column: 1 } : fallback.at?.position,
      note: 'Add a `sheet:` block to the label file (see templates/languages/en.yaml); labels are never taken from another language',
    });
    return { layers };
  }
  return { labels, layers };
}
