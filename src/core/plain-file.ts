/**
 * VFiles with their messages as plain data, to cross a worker-thread
 * boundary and come back as VFiles, unchanged.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type PlainMessage = Pick<VFileMessage, 'reason'> &
  Partial<Pick<VFileMessage, 'place' | 'ruleId' | 'source' | 'fatal' | 'note' | 'expected' | 'actual' | 'url'>>;

export interface PlainFile {
  path: string;
  /** The text, kept only when there are messages (for code frames). */
  value?: string;
  messages: PlainMessage[];
}

export function toPlainFile(file: VFile): PlainFile {
  return {
    path: file.path,
    ...(file.messages.length > 0 && typeof file.value === 'string' ? { value: file.value } : {}),
    messages: file.messages.map((m) => ({
      reason: m.reason,
      ...(m.place ? { place: m.place } : {}),
      ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      ...(m.source ? { source: m.source } : {}),
      fatal: m.fatal ?? null,
      ...(m.note ? { note: m.note } : {}),
      ...(m.expected ? { expected: m.expected } : {}),
      ...(m.actual !== undefined ? { actual: m.actual } : {}),
      ...(m.url ? { url: m.url } : {}),
    })),
  };
}

/**
 * `plain` with a `value` computed when first read (then kept), for a text that
 * is costly to get and seldom needed; fromPlainFile passes the laziness on to
 * the VFile.
 */
export function withLazyValue(plain: Omit<PlainFile, 'value'>, value: () => string | undefined): PlainFile {
  return Object.defineProperty(plain, 'value', lazyValue(value)) as PlainFile;
}

function lazyValue(get: () => string | undefined): PropertyDescriptor {
  let done = false;
  let text: string | undefined;
  return {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) [done, text] = [true, get()];
      return text;
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, 'value', { value, writable: true, enumerable: true, configurable: true });
    },
  };
}

export function fromPlainFile(plain: PlainFile): VFile {
  const lazy = Object.getOwnPropertyDescriptor(plain, 'value')?.get;
  const file = new VFile({ path: plain.path, ...(!lazy && plain.value !== undefined ? { value: plain.value } : {}) });
  if (lazy) Object.defineProperty(file, 'value', lazyValue(lazy as () => string | undefined));
  // A VFileMessage is an Error, whose stack vfile-message sets to '' anyway:
  // capturing one for each of thousands of messages is wasted time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    addMessages(file, plain.messages);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return file;
}

function addMessages(file: VFile, messages: readonly PlainMessage[]): void {
  for (const m of messages) {
    const message = file.message(m.reason, { place: m.place, ruleId: m.ruleId, source: m.source });
    message.fatal = m.fatal ?? undefined;
    if (m.note) message.note = m.note;
    if (m.expected) message.expected = m.expected;
    if (m.actual !== undefined) message.actual = m.actual;
    if (m.url) message.url = m.url;
  }
}
