/**
 * The .docx container: a zip archive of XML parts. Everything that is not a
 * readable .docx is told apart here with one clear message: an empty file, a
 * Word 97–2003 `.doc` or a password-protected .docx (both OLE compound files,
 * told apart by their stream names), an RTF or OpenDocument file, a corrupt
 * or truncated zip, a zip without a Word document, and a zip whose parts
 * would inflate beyond a sane size (a zip bomb).
 */
import { unzipSync } from 'fflate';
import { InputError } from '../../core/errors.js';

/** The parts a reader ever needs are a few MB; a huge draft with images is still far below this. */
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Whether `bytes` hold `name` as UTF-16LE, as the directory entries of an OLE compound file store stream names. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const pattern = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/** What an OLE compound file is: an encrypted OOXML package, a Word 97–2003 document, or something else. */
function oleProblem(bytes: Uint8Array, shown: string): string {
  if (hasStreamName(bytes, 'EncryptedPackage') || hasStreamName(bytes, 'EncryptionInfo')) {
    return `cannot read \`${shown}\`: the document is password-protected (encrypted); remove the password in Word (File › Info › Protect Document › Encrypt with Password, clear it), save, and import again`;
  }
  if (hasStreamName(bytes, 'WordDocument')) {
    return `cannot read \`${shown}\`: a Word 97–2003 document (.doc), expected a .docx; open it in Word and save it as "Word Document (*.docx)"`;
  }
  return `cannot read \`${shown}\`: an OLE compound file (an old Office format), expected a Word document (.docx)`;
}

/** The parts of a .docx, by name, with only the parts `wanted` says to keep inflated. */
export function openDocx(bytes: Uint8Array, shown: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (bytes.length === 0) throw new InputError(`cannot read \`${shown}\`: the file is empty, expected a Word document (.docx)`);
  if (startsWith(bytes, OLE_MAGIC)) throw new InputError(oleProblem(bytes, shown));
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
    if (head.startsWith('{\\rtf')) throw new InputError(`cannot read \`${shown}\`: an RTF file, expected a .docx; open it in Word and save it as "Word Document (*.docx)"`);
    throw new InputError(`cannot read \`${shown}\`: not a Word document (a .docx is a zip archive, and this file is not one)`);
  }
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        const keep = wanted(file.name);
        if (keep) {
          total += file.originalSize;
          if (total > MAX_UNCOMPRESSED) {
            throw new InputError(`cannot read \`${shown}\`: its parts would take more than ${MAX_UNCOMPRESSED / 1048576} MB uncompressed, which no Word draft needs (a damaged file or a zip bomb)`);
          }
        }
        return keep;
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read \`${shown}\`: a damaged or truncated zip archive (${(error as Error).message}), expected a complete .docx; save it again from Word`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    parts.set(name, data);
  }
  return parts;
}

/** All names in the archive (for telling a .docx from an .odt or .xlsx), without inflating anything. */
export function partNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    // Reported by openDocx.
  }
  return names;
}
