/**
 * How a reference reads in each built-in language, from its label file
 * (`refs.point`, `refs.chapter`, `refs.footnote`: `point {number}`,
 * `{number}. pont`), for the text model and the amendments' plain text,
 * which read the sources without loading the label files. A language
 * without a label file reads as English.
 */
import { REF_LABELS } from '../generated/ref-labels.js';

const KINDS = ['point', 'chapter', 'footnote'] as const;
export type RefKind = (typeof KINDS)[number];

/** `point 3.2`, `3.2. pont`; without a number the word alone (an unnumbered chapter). */
export function refText(lang: string, kind: RefKind, number: string | undefined): string {
  const template = (REF_LABELS[lang] ?? REF_LABELS.en!)[KINDS.indexOf(kind)]!;
  return number ? template.replace('{number}', number) : template.replace(/\{number\}\.?/u, '').trim();
}
