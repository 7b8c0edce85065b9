/**
 * Reading one source file safely: whatever is on disk (nothing, a folder, a
 * binary, a huge file, a BOM, CRLF line endings) becomes either text in a
 * VFile or a clear message on it — never an exception.
 */
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { VFile } from 'vfile';
import { report } from './messages.js';
import { readBytes, type ReadScope } from './safe-read.js';

/** Source files larger than this are refused: an opinion's longest file is a few tens of kB. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  file: VFile;
  /** False when the text could not be read; `file` then holds the reason. */
  ok: boolean;
}

export async function readSource(path: string, scope?: ReadScope): Promise<ReadResult> {
  const file = new VFile({ path });
  const read = await readBytes(path, { maxBytes: MAX_SOURCE_BYTES, scope });
  if (!read.ok) {
    switch (read.code) {
      case 'outside':
        report(file, read.reason, {
          ruleId: 'source/outside',
          note: "It is not read: everything a draft holds comes from the opinion folder, the package's templates, or files named on the command line",
        });
        break;
      case 'folder':
        report(file, `Unexpected folder \`${basename(path)}\`, expected a file`, { ruleId: 'source/not-a-file' });
        break;
      case 'special':
        report(file, `Unexpected special file \`${basename(path)}\`, expected a regular file`, { ruleId: 'source/not-a-file' });
        break;
      case 'too-large':
        report(file, `Unexpected file size of ${read.reason}`, {
          ruleId: 'source/too-large',
          note: 'Split long prose into one Markdown file per chapter',
        });
        break;
      default:
        report(file, `Cannot read \`${basename(path)}\`: ${read.reason}`, { ruleId: 'source/unreadable' });
    }
    return { file, ok: false };
  }
  const text = decodeText(read.bytes);
  const form = formOf(read.bytes);
  if (form) FORMS.set(file, form);
  const notUtf8 = text === undefined && !read.bytes.includes(0) ? utf8Problem(read.bytes) : undefined;
  if (notUtf8) {
    // Text in a legacy encoding (Windows-1252, "ANSI" in Notepad): not binary, but its dashes, quotes and accented letters would be lost.
    report(file, `Unexpected byte 0x${notUtf8.byte}, expected UTF-8 text`, {
      ruleId: 'source/encoding',
      place: { line: notUtf8.line, column: notUtf8.column },
      note: 'Save the file as UTF-8 (in your editor: Save As, Encoding "UTF-8")',
    });
    return { file, ok: false };
  }
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

/**
 * How a file's text was written, when not as the tool writes it: with a BOM,
 * with CRLF line endings (what decides is its first line ending). Its text is
 * read without them; a file the tool rewrites gets them back (`inFormOf`).
 */
interface TextForm {
  bom: boolean;
  crlf: boolean;
}

const FORMS = new WeakMap<VFile, TextForm>();

function formOf(bytes: Uint8Array): TextForm | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const lf = bytes.indexOf(0x0a);
  const crlf = lf > 0 && bytes[lf - 1] === 0x0d;
  return bom || crlf ? { bom, crlf } : undefined;
}

/**
 * A new text of a source file read by `readSource`, written as the file
 * was: a file with CRLF line endings keeps them, one with a BOM keeps it
 * (a Windows editor's file stays as it saves it; only the lines that change,
 * change).
 */
export function inFormOf(file: VFile | undefined, text: string): string {
  const form = file ? FORMS.get(file) : undefined;
  if (!form) return text;
  return (form.bom ? '\ufeff' : '') + (form.crlf ? text.replace(/\r?\n/g, '\r\n') : text);
}

/** UTF-8 text without its BOM, CRLF/CR normalised to LF; undefined for binary content. */
export function decodeText(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Well-formed UTF-8 as the WHATWG decoder with `fatal` accepts it, checked and decoded without a decoder object per file.
  if (buffer.includes(0) || !isUtf8(buffer)) return undefined;
  let text = buffer.toString('utf8');
  // The decoder's BOM handling, then ours: up to two leading BOMs go.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Where bytes stop being UTF-8: the line and column of the first byte that
 * belongs to no well-formed sequence (counted in the text before it), and
 * that byte in hexadecimal; undefined for UTF-8.
 */
export function utf8Problem(bytes: Uint8Array): { line: number; column: number; byte: string } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return undefined;
  let at = 0;
  while (at < buffer.length) {
    const lead = buffer[at] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || (length > 1 && !isUtf8(buffer.subarray(at, at + length)))) break;
    at += length;
  }
  const before = buffer.subarray(0, at).toString('utf8');
  return {
    line: (before.match(/\n/g)?.length ?? 0) + 1,
    column: before.length - before.lastIndexOf('\n'),
    byte: (buffer[at] ?? 0).toString(16).toUpperCase().padStart(2, '0'),
  };
}

/** The one describer of file-system errors (defined beside the safe reader, which uses it too). */
export { describeFsError } from './safe-read.js';
