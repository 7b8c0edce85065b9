import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { countMessages, severityOf, type Counts, type MessageOptions, type Severity } from '../core/messages.js';
import { displayPath } from './paths.js';
import type { ReportOptions } from './index.js';

export interface JsonMessage extends Pick<MessageOptions, 'ruleId' | 'note' | 'expected' | 'actual' | 'url'> {
  severity: Severity;
  message: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
}

export interface JsonReport {
  files: { path: string; messages: JsonMessage[] }[];
  summary: { files: number } & Counts;
}

export function toJsonMessage(message: VFileMessage): JsonMessage {
  const end = message.place && 'start' in message.place ? message.place.end : undefined;
  return {
    ruleId: message.ruleId ?? 'unknown',
    severity: severityOf(message),
    message: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    ...(message.note ? { note: message.note } : {}),
    ...(message.expected && message.expected.length > 0 ? { expected: message.expected } : {}),
    ...(message.actual !== undefined ? { actual: message.actual } : {}),
    ...(message.url ? { url: message.url } : {}),
  };
}

export function jsonReport(files: readonly VFile[], options: ReportOptions): JsonReport {
  const counts = countMessages(files);
  return {
    files: files.map((file) => ({ path: displayPath(file.path, options.cwd), messages: file.messages.map(toJsonMessage) })),
    summary: { files: files.length, errors: counts.errors, warnings: counts.warnings, infos: counts.infos },
  };
}

export function formatJson(files: readonly VFile[], options: ReportOptions): string {
  return JSON.stringify(jsonReport(files, options), null, 2) + '\n';
}
