/**
 * Facts nobody has entered yet. A draft never states a fact that nobody
 * gave: where `opinion.yaml` does not know a value yet, it says so with one
 * of two words instead of a plausible-looking value.
 *
 * - `to be completed`: a fact that exists but is not entered yet (a date, the
 *   section, the legal basis, a name). `validate` reports each one as a
 *   warning at its place; `build` prints it as a visible gap.
 * - `not yet assigned`: a `reference` or `document` number that the EESC has
 *   not given yet. It is a legitimate state of an early draft, printed as
 *   such; `validate` reports it from stage `plenary` on.
 */
import { escapePointerSegment } from './json-pointer.js';

export const TO_BE_COMPLETED = 'to be completed';
export const NOT_YET_ASSIGNED = 'not yet assigned';

export type PlaceholderWord = typeof TO_BE_COMPLETED | typeof NOT_YET_ASSIGNED;

/** Whether a YAML value is one of the two placeholder words (case and spacing as written in the docs). */
export function isPlaceholder(value: unknown): value is PlaceholderWord {
  return value === TO_BE_COMPLETED || value === NOT_YET_ASSIGNED;
}

export function isToBeCompleted(value: unknown): value is typeof TO_BE_COMPLETED {
  return value === TO_BE_COMPLETED;
}

export interface PlaceholderAt {
  /** JSON pointer of the value (`/decision/date`, `/title/fr`). */
  pointer: string;
  word: PlaceholderWord;
}

/** Every placeholder in a parsed YAML value, in document order. */
export function findPlaceholders(value: unknown, pointer = ''): PlaceholderAt[] {
  if (isPlaceholder(value)) return [{ pointer, word: value }];
  const out: PlaceholderAt[] = [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...findPlaceholders(item, `${pointer}/${i}`)));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...findPlaceholders(item, `${pointer}/${escapePointerSegment(key)}`));
  }
  return out;
}

/** A calendar date that is entered (not a placeholder, not missing). */
export function knownDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
