/**
 * Whether every declared language can be built: it has labels (shipped in
 * `templates/languages/`, or in the opinion's `labels/<lang>.yaml`), every
 * label is there, the opinion's label files are sound, and no label was left
 * in English. Reported at the `languages` line, so that `validate` in CI
 * catches what `build` would refuse. With the labels come the gap marks left
 * in each language's prose (`prose-gaps.ts`).
 */
import { VFile } from 'vfile';
import type { Opinion } from '../core/model.js';
import { reportProseGaps } from './prose-gaps.js';
import { builtinLabelFiles, checkAgainstEnglish, resolveLabels, type LabelFile } from '../labels/load.js';

/** Check the labels of every declared language against the opinion's own label files (`own`, read by validation); messages go on those files and on `opinionFile`. */
export async function checkLanguageLabels(opinion: Opinion, opinionFile: VFile, own: readonly LabelFile[]): Promise<void> {
  const meta = opinion.meta;
  const declared = (Array.isArray(meta.languages) && meta.languages.length > 0 ? meta.languages : [meta.language]).filter(
    (lang): lang is string => typeof lang === 'string',
  );
  const layers = [...(await builtinLabelFiles(['en', ...declared])), ...own];
  const english = resolveLabels('en', await builtinLabelFiles(['en']), { file: new VFile() });
  declared.forEach((lang, i) => {
    const pointer = Array.isArray(meta.languages) ? `/languages/${i}` : '/language';
    // A lazy place: its position (which builds the YAML Document the fast path skips) is read only when reported.
    const labels = resolveLabels(lang, layers, { file: opinionFile, at: opinion.locate('opinion', pointer) });
    checkAgainstEnglish(lang, own, english);
    reportProseGaps(opinion.chapters[lang] ?? [], labels?.text['values.to-be-completed']);
  });
}
