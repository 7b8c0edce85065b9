/**
 * GitHub Actions workflow commands: each message becomes an annotation on
 * the changed line of the pull request.
 */
import type { VFile } from 'vfile';
import { severityOf } from '../core/messages.js';
import { displayPath } from './paths.js';
import type { ReportOptions } from './index.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(files: readonly VFile[], options: ReportOptions): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      const end = message.place && 'start' in message.place ? message.place.end : undefined;
      const properties: [string, string | number | undefined | null][] = [
        ['file', displayPath(file.path, options.root ?? options.cwd)],
        ['line', message.line],
        ['col', message.column],
        ['endLine', end?.line],
        ['endColumn', end?.column],
        ['title', message.ruleId ? `opinion ${message.ruleId}` : 'opinion'],
      ];
      const props = properties
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
      const text = message.note ? `${message.reason}\n${message.note}` : message.reason;
      lines.push(`::${COMMAND[severityOf(message)]} ${props}::${escapeData(text)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
