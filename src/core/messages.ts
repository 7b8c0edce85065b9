/**
 * One message type for every finding: a `VFileMessage` on the `VFile` of the
 * user's own source, with a place, a rule id and a severity.
 *
 * Severity follows vfile: `fatal: true` is an error, `false` a warning,
 * `undefined` an info.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Position, Point } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

export interface MessageOptions {
  /** Stable rule id, e.g. `schema/unknown-property`, `ref/unknown-id`. */
  ruleId: string;
  severity?: Severity;
  place?: Position | Point | undefined;
  /** Values that would have been accepted (enum values, suggestions). */
  expected?: string[];
  actual?: string;
  /** A longer explanation, shown under the message. */
  note?: string;
  url?: string;
  /** A second located message, e.g. "first defined here". */
  cause?: VFileMessage;
}

/** The origin of every message this tool reports. */
export const SOURCE = 'opinion';

/** Add a message to `file` and return it. Never throws. */
export function report(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const message = file.message(reason, {
    place: options.place,
    ruleId: options.ruleId,
    source: SOURCE,
    cause: options.cause,
  });
  const severity = options.severity ?? 'error';
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (options.expected) message.expected = options.expected;
  if (options.actual !== undefined) message.actual = options.actual;
  if (options.note) message.note = options.note;
  if (options.url) message.url = options.url;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

/** The count each severity adds to. */
const COUNTED_AS: Record<Severity, keyof Counts> = { error: 'errors', warning: 'warnings', info: 'infos' };

export function countMessages(files: readonly VFile[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const message of file.messages) counts[COUNTED_AS[severityOf(message)]]++;
  }
  return counts;
}

/** Sort messages of every file by position, then rule, so output is deterministic (in English order, whatever the user's locale). */
export function sortMessages(files: readonly VFile[]): void {
  for (const file of files) {
    file.messages.sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        String(a.ruleId).localeCompare(String(b.ruleId), 'en') ||
        a.reason.localeCompare(b.reason, 'en'),
    );
  }
}

/** "Did you mean" candidates: the closest of `candidates` to `actual`, by edit distance. */
export { didYouMean, didYouMeanNearest, suggest } from './suggest.js';

/**
 * A count with a comma between thousands, as the messages and summaries
 * write numbers ("18,000"): what `toLocaleString('en-GB')` gives for an
 * integer, without loading ICU's number data at start-up.
 */
export function withThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `1 error`, `2 errors`, `3 entries` (with `many`). */
export function plural(count: number, one: string, many = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}
