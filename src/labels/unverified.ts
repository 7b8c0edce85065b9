/**
 * Saying which printed labels no published EESC text confirmed: one warning
 * per language and document, naming them (rule `labels/unverified`), at the
 * first one's place in the label file that lists it as `unverified`. Used by
 * `opinion build`, which watches the keys it reads while writing (the
 * amendment sheet and list print only the tool's own wording: no warning).
 */
import { report } from '../core/messages.js';
import { isPublishedLabel, type LabelKey, type Labels } from './labels.js';
import type { LabelFile } from './load.js';

/** The labels, and the keys that rendering read from them. */
export function watchLabels(labels: Labels): { labels: Labels; used: Set<LabelKey> } {
  const used = new Set<LabelKey>();
  const text = new Proxy(labels.text, {
    get(target, key, receiver) {
      if (typeof key === 'string') used.add(key as LabelKey);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { labels: { ...labels, text }, used };
}

/**
 * One warning naming the printed labels that no published opinion confirmed,
 * on the label file that lists the first of them.
 */
export function warnUnverified(labels: Labels, used: ReadonlySet<LabelKey>, layers: readonly LabelFile[]): void {
  const printed = labels.unverified.filter((key) => used.has(key) && isPublishedLabel(key) && labels.text[key] !== '');
  if (printed.length === 0) return;
  const holder = [...layers].reverse().find((layer) => layer.lang === labels.lang && layer.meta.get('unverified')?.has(printed[0]!));
  if (!holder) return;
  const shown = namedKeys(printed, 10);
  report(
    holder.file,
    `Unverified ${printed.length === 1 ? 'label' : 'labels'} in this \`${labels.lang}\` draft: ${shown}, not yet confirmed in a published EESC opinion`,
    {
      ruleId: 'labels/unverified',
      severity: 'warning',
      place: holder.places.get(printed[0]!),
      note: 'Compare with the Official Journal text of an EESC opinion in that language; once confirmed, record the source and remove the label from `unverified:`',
    },
  );
}

/** "`a`, `b` and 3 more": at most `max` keys named. */
export function namedKeys(keys: readonly string[], max: number): string {
  const named = keys
    .slice(0, max)
    .map((key) => `\`${key}\``)
    .join(', ');
  return named + (keys.length > max ? ` and ${keys.length - max} more` : '');
}
