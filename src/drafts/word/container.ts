/**
 * The .docx container: a zip archive of XML parts. Everything that is not a
 * readable .docx is told apart here with one clear message: an empty file, a
 * Word 97–2003 `.doc` or a password-protected .docx (both OLE compound files,
 * told apart by their stream names), an RTF or OpenDocument file, a corrupt
 * or truncated zip, a zip without a Word document, and a zip whose parts
 * would inflate beyond a sane size (a zip bomb).
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../core/errors.js';
import { withThousands } from '../../core/messages.js';

/** The XML parts a reader needs, together (images are never inflated). */
export const MAX_UNCOMPRESSED = 24 * 1024 * 1024;

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

/** Uncompressed size of one XML part: the text of a long opinion is well under 2 MB of XML; the parser needs ~70 times a part's size in memory. */
export const MAX_PART = 6 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * The central directory of a zip archive: every entry with its sizes, CRC
 * and the offset of its local header. Throws on a damaged archive or one
 * that names an entry twice (readers disagree on which copy counts: one
 * could show a reviewer a text the tool never read).
 */
function centralDirectory(bytes: Uint8Array, shown: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) =>
    new InputError(`cannot read \`${shown}\`: a damaged or truncated zip archive (${why}), expected a complete .docx; save it again from Word`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff)
    throw new InputError(`cannot read \`${shown}\`: a ZIP64 archive, which no Word document needs (a damaged or hostile file)`);
  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged('bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw damaged('bad central directory entry');
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (names.has(name)) {
      throw new InputError(
        `cannot read \`${shown}\`: the zip archive holds \`${name}\` twice, and programs disagree on which copy counts; expected each part once — save the document again from Word`,
      );
    }
    names.add(name);
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry, inflated with a bound on the bytes actually
 * produced (not the size the archive declares, which a zip bomb lies
 * about), checked against the declared size and CRC-32.
 */
function inflateEntry(bytes: Uint8Array, entry: Entry, shown: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string) =>
    new InputError(`cannot read \`${shown}\`: part \`${entry.name}\` ${why}; the file is damaged (or a zip bomb), save it again from Word`);
  if (entry.flags & 1) throw new InputError(`cannot read \`${shown}\`: part \`${entry.name}\` is encrypted; remove the password in Word and save again`);
  if (entry.size > MAX_PART) {
    throw new InputError(
      `cannot read \`${shown}\`: part \`${entry.name}\` would take ${(entry.size / 1048576).toFixed(0)} MB uncompressed, more than the ${MAX_PART / 1048576} MB a Word draft's part may have (see docs/limits.md)`,
    );
  }
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw bad('has no local header');
  const begin = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const end = begin + entry.compressedSize;
  if (end > bytes.length) throw bad('is truncated');
  const raw = bytes.subarray(begin, end);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      // At most one byte more than declared: enough to know the declaration was a lie, never more.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw bad(`inflates to more than the ${withThousands(entry.size)} bytes it declares`);
      throw bad(`cannot be inflated (${(error as Error).message.split('\n')[0]})`);
    }
  } else throw bad(`uses compression method ${entry.method}, expected deflate`);
  if (data.length !== entry.size) throw bad(`inflates to ${withThousands(data.length)} bytes, not the ${withThousands(entry.size)} it declares`);
  if (crc32(data) !== entry.crc) throw bad('fails its CRC check');
  return data;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip archives use (`zlib.crc32` needs Node 20.15). */
function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The parts of a .docx, by name, with only the parts `wanted` says to keep inflated. */
export function openDocx(bytes: Uint8Array, shown: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (bytes.length === 0) throw new InputError(`cannot read \`${shown}\`: the file is empty, expected a Word document (.docx)`);
  if (startsWith(bytes, OLE_MAGIC)) throw new InputError(oleProblem(bytes, shown));
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
    if (head.startsWith('{\\rtf'))
      throw new InputError(`cannot read \`${shown}\`: an RTF file, expected a .docx; open it in Word and save it as "Word Document (*.docx)"`);
    throw new InputError(`cannot read \`${shown}\`: not a Word document (a .docx is a zip archive, and this file is not one)`);
  }
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of centralDirectory(bytes, shown)) {
    if (!wanted(entry.name)) continue;
    total += entry.size;
    if (total > MAX_UNCOMPRESSED) {
      throw new InputError(
        `cannot read \`${shown}\`: its parts would take more than ${MAX_UNCOMPRESSED / 1048576} MB uncompressed, which no Word draft needs (a damaged file or a zip bomb)`,
      );
    }
    parts.set(entry.name, inflateEntry(bytes, entry, shown));
  }
  return parts;
}

/** All names in the archive (for telling a .docx from an .odt or .xlsx), without inflating anything. */
export function partNames(bytes: Uint8Array): string[] {
  try {
    return centralDirectory(bytes, '').map((entry) => entry.name);
  } catch {
    return [];
  }
}
