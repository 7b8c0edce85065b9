/**
 * The human format: messages grouped by file, each with its place, severity,
 * text and rule id, the offending source line underlined, and a summary.
 * Colour only when asked (the CLI decides: a TTY, NO_COLOR honoured).
 */
import { Chalk } from 'chalk';
import { eastAsianWidth } from 'get-east-asian-width';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { countMessages, plural, severityOf } from '../core/messages.js';
import { displayPath } from './paths.js';
import type { ReportOptions } from './index.js';

export function formatHuman(files: readonly VFile[], options: ReportOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const file of files) {
    if (file.messages.length === 0) {
      if (options.verbose) out.push(`${c.underline(displayPath(file.path, options.cwd))}: ${c.green('no issues')}`, '');
      continue;
    }
    out.push(c.underline(displayPath(file.path, options.cwd)));
    const lines = typeof file.value === 'string' ? file.value.split('\n') : [];
    for (const message of file.messages) {
      const severity = severityOf(message);
      const label = severity === 'error' ? c.red('error') : severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`  ${c.dim(place(message))}  ${label}  ${message.reason}  ${c.dim(message.ruleId ?? '')}`.trimEnd());
      const frame = codeFrame(message, lines, c);
      if (frame) out.push(frame);
      if (message.note) out.push(...message.note.split('\n').map((line) => `    ${c.dim(line)}`));
    }
    out.push('');
  }
  if (options.summary === false) return out.length > 0 ? out.join('\n') + '\n' : '';
  out.push(summary(files, options, c));
  return out.join('\n') + '\n';
}

/** The summary line alone, ending a report printed in parts (`summary: false`). */
export function humanSummary(files: readonly VFile[], options: ReportOptions = {}): string {
  return summary(files, options, new Chalk({ level: options.color ? 1 : 0 })) + '\n';
}

function place(message: VFileMessage): string {
  if (!message.line) return '1:1';
  const end = message.place && 'start' in message.place ? message.place.end : undefined;
  const start = `${message.line}:${message.column ?? 1}`;
  return end && (end.line !== message.line || end.column !== message.column) ? `${start}-${end.line}:${end.column}` : start;
}

/** The source line of the message with `^^^` under the span (first line of a multi-line span); long lines are cut around it. */
function codeFrame(message: VFileMessage, lines: string[], c: InstanceType<typeof Chalk>): string | undefined {
  if (!message.line || !message.column) return undefined;
  const full = lines[message.line - 1];
  if (full === undefined || full.trim() === '') return undefined;
  const end = message.place && 'start' in message.place ? message.place.end : undefined;
  let from = message.column - 1;
  let to = end && end.line === message.line ? Math.max(end.column - 1, from + 1) : full.length;
  // Show at most ~100 characters: the span and some context, with … where cut.
  const start = full.length > 100 ? Math.max(0, Math.min(from - 30, full.length - 100)) : 0;
  const stop = Math.min(full.length, start + 100);
  const text = (start > 0 ? '…' : '') + full.slice(start, stop) + (stop < full.length ? '…' : '');
  const shift = start > 0 ? start - 1 : 0;
  from -= shift;
  to = Math.min(to - shift, text.length + 1);
  const gutter = `    ${message.line} | `;
  // As wide as the terminal shows the text (a CJK character takes two columns, an accent typed apart none);
  // tabs stay tabs under the line so the carets line up in any terminal.
  const pad = text
    .slice(0, from)
    .split('\t')
    .map((part) => ' '.repeat(columns(part)))
    .join('\t');
  const carets = '^'.repeat(Math.max(1, columns(text.slice(from, to))));
  const marker = severityOf(message) === 'error' ? c.red(carets) : c.yellow(carets);
  return `${c.dim(gutter)}${text}\n${' '.repeat(gutter.length)}${pad}${marker}`;
}

/** What is printed without taking a column: accents typed apart, format characters (a soft hyphen, a zero-width space). */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * The columns a terminal gives `text` (no tabs): two for a wide or fullwidth
 * character (CJK, most emoji), none for a control or zero-width one, one
 * otherwise. By code point, from the East Asian Width table: not
 * string-width, which builds an Intl.Segmenter when it is loaded (10 ms of
 * every command on Node 20, 30 ms on Node 24) for the rare emoji sequences
 * a code frame could hold.
 */
function columns(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x7f) width += code >= 0x20 ? 1 : 0;
    else if (code < 0xa0 || ZERO_WIDTH.test(character)) continue;
    else width += eastAsianWidth(code);
  }
  return width;
}

function summary(files: readonly VFile[], options: ReportOptions, c: InstanceType<typeof Chalk>): string {
  const counts = countMessages(files);
  const parts: string[] = [];
  if (counts.errors) parts.push(c.red(plural(counts.errors, 'error')));
  if (counts.warnings) parts.push(c.yellow(plural(counts.warnings, 'warning')));
  if (counts.infos) parts.push(plural(counts.infos, 'info'));
  const checked = options.checked ? ` (${options.checked})` : '';
  const notShown = hiddenNote(options.hidden);
  if (parts.length === 0) return `${c.green('✔')} ${notShown ? 'no errors' : 'no problems'}${checked}${notShown}`;
  const mark = counts.errors ? c.red('✖') : c.yellow('⚠');
  return `${mark} ${parts.join(', ')}${checked}${notShown}`;
}

/** "; 3 warnings, 1 info not shown (--quiet)": what `--quiet` left out, or nothing. */
function hiddenNote(hidden: ReportOptions['hidden']): string {
  const parts: string[] = [];
  if (hidden?.warnings) parts.push(plural(hidden.warnings, 'warning'));
  if (hidden?.infos) parts.push(plural(hidden.infos, 'info'));
  return parts.length > 0 ? `; ${parts.join(', ')} not shown (--quiet)` : '';
}
