/**
 * The PDF of a draft: the Word draft printed by LibreOffice (headless), so
 * the PDF looks exactly like the Word draft — A4, the header with the stage,
 * the footer with the reference, document number and page n/N, real
 * footnotes at the foot of their page — and a reader can check one against
 * the other. The bytes are made deterministic afterwards: LibreOffice writes
 * the clock into the creation date, the file identifier and a checksum; each
 * is replaced in place (same length, so the cross-reference offsets hold) by
 * the document's own date and a hash of the content.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What to install when no engine is found, in one line. */
export const PDF_ENGINE_MISSING =
  'cannot write PDF: LibreOffice, which prints the Word draft to PDF, is not installed; install it (Debian/Ubuntu: `apt-get install libreoffice-writer`, macOS: `brew install --cask libreoffice`) or set OPINION_SOFFICE to its `soffice` program';

/** The `soffice` program: `OPINION_SOFFICE`, else `soffice` or `libreoffice` on the PATH. */
export async function findPdfEngine(env: Record<string, string | undefined>): Promise<string | undefined> {
  const candidates = env.OPINION_SOFFICE
    ? [env.OPINION_SOFFICE]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((dir) => [join(dir, 'soffice'), join(dir, 'libreoffice')]);
  if (!env.OPINION_SOFFICE && process.platform === 'darwin') candidates.push('/Applications/LibreOffice.app/Contents/MacOS/soffice');
  for (const candidate of candidates) {
    const runnable = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (runnable) return candidate;
  }
  return undefined;
}

export class PdfError extends Error {}

/**
 * Word drafts (bytes) → PDFs (bytes), in one LibreOffice run with a profile
 * of its own (several runs at once do not share one).
 */
export async function docxToPdf(drafts: readonly { docx: Uint8Array; date?: string }[], engine: string): Promise<Uint8Array[]> {
  if (drafts.length === 0) return [];
  const work = await mkdtemp(join(tmpdir(), 'opinion-pdf-'));
  try {
    const inputs = drafts.map((_, i) => join(work, `draft-${i}.docx`));
    await Promise.all(drafts.map((draft, i) => writeFile(inputs[i]!, draft.docx)));
    const profile = pathToFileURL(join(work, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        engine,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          join(work, 'out'),
          ...inputs,
        ],
        { timeout: 300_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, HOME: work } },
        (error, _stdout, stderr) => {
          if (error) reject(new PdfError(`cannot write PDF: ${engine} failed (${String(stderr).trim().split('\n')[0] || error.message.split('\n')[0]})`));
          else resolve();
        },
      );
    });
    return await Promise.all(
      drafts.map(async (draft, i) => {
        let bytes: Buffer;
        try {
          bytes = await readFile(join(work, 'out', `draft-${i}.pdf`));
        } catch {
          throw new PdfError(`cannot write PDF: ${engine} wrote no PDF for the Word draft`);
        }
        return deterministicPdf(bytes, draft.date);
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The same PDF whatever the clock: the creation and modification dates become
 * `date` (YYYY-MM-DD, else 2000-01-01), the file identifier and LibreOffice's
 * checksum a hash of everything else. Every replacement keeps its length.
 */
export function deterministicPdf(bytes: Uint8Array, date?: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? date!.replace(/-/g, '') : '20000101';
  let fixed = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}/g, (_, key: string) => `${key}${day}000000`);
  const idPattern = /\/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]/g;
  const checksumPattern = /\/DocChecksum\s*\/([0-9A-Fa-f]{32})/g;
  const blank = (s: string) => s.replace(/[0-9A-Fa-f]{32}/g, (hex) => '0'.repeat(hex.length));
  const hash = createHash('sha256').update(fixed.replace(idPattern, blank).replace(checksumPattern, blank), 'latin1').digest('hex').toUpperCase();
  fixed = fixed.replace(idPattern, (whole) => whole.replace(/[0-9A-Fa-f]{32}/g, hash.slice(0, 32)));
  fixed = fixed.replace(checksumPattern, (whole) => whole.replace(/[0-9A-Fa-f]{32}/, hash.slice(32, 64)));
  return Buffer.from(fixed, 'latin1');
}
