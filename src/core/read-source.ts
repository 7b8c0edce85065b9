/**
 * Reading one source file safely: whatever is on disk (nothing, a folder, a
 * binary, a huge file, a BOM, CRLF line endings) becomes either text in a
 * VFile or a clear message on it — never an exception.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { VFile } from 'vfile';
import { report } from './messages.js';

/** Source files larger than this are refused: an opinion's longest file is a few tens of kB. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  file: VFile;
  /** False when the text could not be read; `file` then holds the reason. */
  ok: boolean;
}

export async function readSource(path: string): Promise<ReadResult> {
  const file = new VFile({ path });
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    report(file, `Cannot read \`${basename(path)}\`: ${describeFsError(error)}`, { ruleId: 'source/unreadable' });
    return { file, ok: false };
  }
  if (info.isDirectory()) {
    report(file, `Unexpected folder \`${basename(path)}\`, expected a file`, { ruleId: 'source/not-a-file' });
    return { file, ok: false };
  }
  if (!info.isFile()) {
    report(file, `Unexpected special file \`${basename(path)}\`, expected a regular file`, { ruleId: 'source/not-a-file' });
    return { file, ok: false };
  }
  if (info.size > MAX_SOURCE_BYTES) {
    report(file, `Unexpected file size of ${formatBytes(info.size)}, expected at most ${formatBytes(MAX_SOURCE_BYTES)}`, {
      ruleId: 'source/too-large',
      note: 'Split long prose into one Markdown file per chapter',
    });
    return { file, ok: false };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    report(file, `Cannot read \`${basename(path)}\`: ${describeFsError(error)}`, { ruleId: 'source/unreadable' });
    return { file, ok: false };
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    report(file, 'Unexpected binary content, expected UTF-8 text', {
      ruleId: 'source/binary',
      note: 'Is this a Word or PDF file saved under a text name? Save it as plain text (UTF-8)',
    });
    return { file, ok: false };
  }
  file.value = text;
  return { file, ok: true };
}

/** UTF-8 text without its BOM, CRLF/CR normalised to LF; undefined for binary content. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
