/**
 * Header fields (rapporteur, dates, stage, vote…) and the title, compared by
 * their stable key. Several rows with the same key (two referrals) are
 * compared in order. Dates compare equal whatever their layout
 * ("23.5.2018", "23/05/2018", "2018-05-23").
 */
import type { Draft, DraftHeaderField } from '../../core/draft.js';
import type { HeaderChange } from '../types.js';
import { normalise } from '../align/units.js';

const DATE_DMY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A value as compared: whitespace collapsed, dates as ISO dates. */
export function comparable(value: string): string {
  const text = normalise(value);
  const dmy = DATE_DMY.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  const iso = DATE_ISO.exec(text);
  if (iso) return `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  return text;
}

/** Each field with its key: the field and its rank among the rows of that field. */
export function keyedFields(fields: readonly DraftHeaderField[]): { key: string; field: DraftHeaderField }[] {
  const seen = new Map<string, number>();
  return fields.map((field) => {
    const nth = seen.get(field.field) ?? 0;
    seen.set(field.field, nth + 1);
    return { key: `${field.field}\u0000${nth}`, field };
  });
}

function keyed(draft: Draft): Map<string, DraftHeaderField> {
  const title: [string, DraftHeaderField][] = draft.title ? [['title\u00000', { field: 'title', label: 'Title', value: draft.title }]] : [];
  return new Map([...title, ...keyedFields(draft.header).map(({ key, field }): [string, DraftHeaderField] => [key, field])]);
}

export function compareHeaders(old: Draft, neu: Draft): HeaderChange[] {
  const before = keyed(old);
  const after = keyed(neu);
  const changes: HeaderChange[] = [];
  for (const [key, field] of after) {
    const previous = before.get(key);
    if (!previous) changes.push({ kind: 'added', field: field.field, label: field.label, new: field.value });
    else if (comparable(previous.value) !== comparable(field.value)) {
      changes.push({ kind: 'modified', field: field.field, label: field.label || previous.label, old: previous.value, new: field.value });
    }
  }
  for (const [key, field] of before) {
    if (!after.has(key)) changes.push({ kind: 'deleted', field: field.field, label: field.label, old: field.value });
  }
  return changes;
}
