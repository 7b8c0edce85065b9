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
import type { Labels } from '../labels/labels.js';

/** Check the labels of every declared language against the opinion's own label files (`own`, read by validation); messages go on those files and on `opinionFile`. */
export async function checkLanguageLabels(opinion: Opinion, opinionFile: VFile, own: readonly LabelFile[]): Promise<void> {
  const meta = opinion.meta;
  const declared = (Array.isArray(meta.languages) && meta.languages.length > 0 ? meta.languages : [meta.language]).filter(
    (lang): lang is string => typeof lang === 'string',
  );
  const langs = ['en', ...declared];
  // The English labels, for label files of the opinion's own in another language.
  const english = own.some((layer) => layer.lang !== 'en')
    ? await shippedOnly('en', ['en'], (files) => resolveLabels('en', files, { file: new VFile() }))
    : undefined;
  for (const [i, lang] of declared.entries()) {
    const pointer = Array.isArray(meta.languages) ? `/languages/${i}` : '/language';
    // A lazy place: its position is read only when reported.
    const resolve = (shipped: LabelFile[]) => resolveLabels(lang, [...shipped, ...own], { file: opinionFile, at: opinion.locate('opinion', pointer) });
    const labels = own.some((layer) => layer.lang === lang) ? resolve(await builtinLabelFiles(langs)) : await shippedOnly(lang, langs, resolve);
    checkAgainstEnglish(lang, own, english);
    reportProseGaps(opinion.chapters[lang] ?? [], labels?.text['values.to-be-completed']);
  }
}

/**
 * Labels resolved from the shipped label files alone (`resolve` given the
 * shipped files of `langs`), kept for the process as those files are: an
 * opinion without label files of its own then costs no merge. What cannot
 * be resolved is resolved (and reported) each time.
 */
const resolvedShipped = new Map<string, Labels>();
async function shippedOnly(lang: string, langs: string[], resolve: (files: LabelFile[]) => Labels | undefined): Promise<Labels | undefined> {
  const key = `${lang}\0${[...new Set(langs)].join('\0')}`;
  const known = resolvedShipped.get(key);
  if (known) return known;
  const labels = resolve(await builtinLabelFiles(langs));
  if (labels) resolvedShipped.set(key, labels);
  return labels;
}
