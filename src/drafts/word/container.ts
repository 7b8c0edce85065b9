/**
 * The .docx container: a zip archive of XML parts. Everything that is not a
 * readable .docx is told apart here with one clear message: an empty file, a
 * Word 97–2003 `.doc` or a password-protected .docx (both OLE compound files,
 * told apart by their stream names), an RTF or OpenDocument file, a corrupt
 * or truncated zip, a zip without a Word document, and a zip whose parts
 * would inflate beyond a sane size (a zip bomb).
 */
import * as zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { InputError } from '../../core/errors.js';
import { withThousands } from '../../core/messages.js';

/**
 * The XML parts a reader needs, together, as their headers declare them
 * (images are never inflated). Reading streams, so memory does not grow with
 * this; time does (reading alone: about 13 s per 100 MB of XML).
 */
export const MAX_UNCOMPRESSED = 1024 * 1024 * 1024;

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

/** Uncompressed size of one XML part as declared (and then produced): a long report with heavy run formatting can have 100 MB of XML for 2 MB of text. */
export const MAX_PART = 512 * 1024 * 1024;

/** `zlib.crc32` (Node 20.15 and later). */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export interface Entry {
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

/** A part of the archive, checked but not inflated yet. */
export interface Part {
  readonly name: string;
  readonly entry: Entry;
  /** Its bytes as stored (deflated). */
  readonly raw: Uint8Array;
}

/** Input slice fed to the inflater at a time: one slice inflates to at most about 16 MB (deflate's ratio is at most 1:1032). */
const SLICE = 16 * 1024;

function damagedPart(shown: string, entry: Entry, why: string): InputError {
  return new InputError(`cannot read \`${shown}\`: part \`${entry.name}\` ${why}; the file is damaged (or a zip bomb), save it again from Word`);
}

/** A part's stored bytes, after checking what its headers say (encryption, declared size, method). */
function partOf(bytes: Uint8Array, entry: Entry, shown: string): Part {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new InputError(`cannot read \`${shown}\`: part \`${entry.name}\` is encrypted; remove the password in Word and save again`);
  if (entry.size > MAX_PART) {
    throw new InputError(
      `cannot read \`${shown}\`: part \`${entry.name}\` would take ${(entry.size / 1048576).toFixed(0)} MB uncompressed, more than the ${MAX_PART / 1048576} MB a Word draft's part may have (see docs/limits.md)`,
    );
  }
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw damagedPart(shown, entry, 'has no local header');
  const begin = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const end = begin + entry.compressedSize;
  if (end > bytes.length) throw damagedPart(shown, entry, 'is truncated');
  if (entry.method !== 0 && entry.method !== 8) throw damagedPart(shown, entry, `uses compression method ${entry.method}, expected deflate`);
  return { name: entry.name, entry, raw: bytes.subarray(begin, end) };
}

/**
 * Inflate a part as a stream, handing each piece to `sink` as it is produced,
 * with a bound on the bytes actually produced (not the size the archive
 * declares, which a zip bomb lies about: inflation stops one slice past
 * it), then checked against the declared size and CRC-32. What `sink`
 * throws (the XML is not well-formed…) is thrown only once the whole part
 * has inflated correctly, so that a damaged or lying archive is named as
 * such rather than hidden behind what its garbage looks like.
 */
export function streamPart(part: Part, shown: string, sink: (chunk: Uint8Array) => void): void {
  const { entry, raw } = part;
  let produced = 0;
  let crc = 0;
  let failed: { error: unknown } | undefined;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    produced += chunk.length;
    if (produced > entry.size) throw damagedPart(shown, entry, `inflates to more than the ${withThousands(entry.size)} bytes it declares`);
    crc = crc32(chunk, crc);
    if (failed) return;
    try {
      sink(chunk);
    } catch (error) {
      failed = { error };
    }
  };
  if (entry.method === 0) {
    for (let at = 0; at < raw.length; at += SLICE) take(raw.subarray(at, at + SLICE));
  } else {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      for (let at = 0; at < raw.length; at += SLICE) inflater.push(raw.subarray(at, Math.min(raw.length, at + SLICE)), at + SLICE >= raw.length);
      if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw damagedPart(shown, entry, `cannot be inflated (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (produced !== entry.size)
    throw damagedPart(shown, entry, `inflates to ${withThousands(produced)} bytes, not the ${withThousands(entry.size)} it declares`);
  if (crc !== entry.crc) throw damagedPart(shown, entry, 'fails its CRC check');
  if (failed) throw failed.error;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip archives use, continued from `previous` (`zlib.crc32` when Node has it: 20.15 and later). */
function crc32(data: Uint8Array, previous: number): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, previous) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The parts of a .docx that `wanted` names, checked (sizes, methods,
 * encryption) but not inflated: `streamPart` inflates one as it is read.
 */
export function openDocx(bytes: Uint8Array, shown: string, wanted: (name: string) => boolean): Map<string, Part> {
  if (bytes.length === 0) throw new InputError(`cannot read \`${shown}\`: the file is empty, expected a Word document (.docx)`);
  if (startsWith(bytes, OLE_MAGIC)) throw new InputError(oleProblem(bytes, shown));
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
    if (head.startsWith('{\\rtf'))
      throw new InputError(`cannot read \`${shown}\`: an RTF file, expected a .docx; open it in Word and save it as "Word Document (*.docx)"`);
    throw new InputError(`cannot read \`${shown}\`: not a Word document (a .docx is a zip archive, and this file is not one)`);
  }
  const parts = new Map<string, Part>();
  let total = 0;
  for (const entry of centralDirectory(bytes, shown)) {
    if (!wanted(entry.name)) continue;
    total += entry.size;
    if (total > MAX_UNCOMPRESSED) {
      throw new InputError(
        `cannot read \`${shown}\`: its parts would take more than ${MAX_UNCOMPRESSED / 1048576} MB uncompressed, which no Word draft needs (a damaged file or a zip bomb)`,
      );
    }
    parts.set(entry.name, partOf(bytes, entry, shown));
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
