import { Command, Option } from 'commander';
import { LANGUAGE_CODES } from '../../core/languages.js';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import type { Draft } from '../../core/draft.js';
import type { Opinion } from '../../core/model.js';
import type { DiffResult } from '../../diff/types.js';
import type { VFile } from 'vfile';
import { EXIT, UsageError, useColor } from '../io.js';

import { DIFF_FORMATS, WORD_OUTPUTS, type DiffFormat, type WordFormat } from '../../diff/format/formats.js';
import { parseIsoDate } from '../../render/dates.js';
import { describeFsError } from '../../core/safe-read.js';

/** The text formats, and the Word redline (`docx`), which needs --out. */
const FORMATS = [...DIFF_FORMATS, ...(Object.keys(WORD_OUTPUTS) as WordFormat[]).filter((name) => !(DIFF_FORMATS as string[]).includes(name))];
type Format = DiffFormat | WordFormat;

interface DiffCliOptions {
  format?: Format;
  out?: string;
  lang?: string;
  from?: string;
  to?: string;
  similarity?: string;
  color?: boolean;
  quiet?: boolean;
  author?: string;
  date?: string;
  ignoreTypography?: boolean;
  amendTypography?: boolean;
}

function similarityOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > 1)
    throw new UsageError(`unexpected --similarity \`${value}\`, expected a number above 0 and at most 1 (default 0.5)`);
  return number;
}

function dateOf(value: string | undefined): string | undefined {
  if (value !== undefined && !parseIsoDate(value)) throw new UsageError(`unexpected --date \`${value}\`, expected a date as YYYY-MM-DD`);
  return value;
}

function authorOf(value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError('unexpected empty --author, expected a name');
  return value?.trim();
}

/**
 * Whether the output is a Word file: `--format docx`, or `--out FILE.docx`
 * with the redline (by default) or the amendment sheet. A Word file is
 * never written to standard output.
 */
function wordOutput(format: Format | undefined, out: string | undefined, isWordFile: (path: string) => boolean): 'docx' | 'amendments' | undefined {
  const wordFile = out !== undefined && isWordFile(out);
  if (format === 'docx' && out === undefined)
    throw new UsageError('unexpected --format docx without --out, expected --out FILE.docx: a Word file is not written to standard output');
  if (format === 'docx' && !wordFile) throw new UsageError(`unexpected \`${out}\` for --format docx, expected a file name ending in .docx`);
  if (!wordFile) return undefined;
  if (format === undefined || format === 'docx' || format === 'amendments') return format ?? 'docx';
  throw new UsageError(`unexpected \`${out}\` for --format ${format}, expected a .docx file only with --format docx or amendments`);
}

/**
 * When the newer version is an opinion folder that records amendments applied
 * in it, attribute each change to its amendment; returns the lines reporting
 * changes no adopted amendment explains.
 */
async function attributeAmendments(result: DiffResult, newPath: string, cwd: string | undefined, read: Opinion | undefined): Promise<string[]> {
  if (cwd === undefined) return [];
  const dir = resolve(cwd, newPath);
  const { existsSync } = await import('node:fs');
  if (!existsSync(resolve(dir, 'amendments.yaml'))) return [];
  // The folder's opinion as the draft was made of it; read again (its data only) when the draft did not keep it.
  const [{ loadOpinion }, { attributeChanges, describeChange }] = await Promise.all([import('../../core/load.js'), import('../../diff/attribution.js')]);
  const opinion = read ?? (await loadOpinion(dir, { markdown: false })).opinion;
  if (!opinion) return [];
  const attribution = attributeChanges(result, opinion);
  if (!attribution) return [];
  return attribution.unexplained.map(
    (change) =>
      `opinion: ${newPath}: unexplained change: ${describeChange(change)}, expected only changes made by the amendments applied in version ${opinion.meta.version} (${attribution.applied.join(', ')})`,
  );
}

export const diffCommand: DefineCommand = (io, setExit) =>
  new Command('diff')
    .summary('compare two versions of an opinion: redline, change list or amendment sheet')
    .description(
      'Compare two versions of an opinion: two Markdown drafts (built by `opinion build` or\n' +
        'converted from Word), two opinion source folders, or one of them at two git revisions\n' +
        '(`opinion diff opinions/x --from v-hearing --to HEAD`; without --to, the working tree).\n\n' +
        'Points are aligned by id, otherwise by content: a point that only changed number is\n' +
        'renumbered, not modified, and a reference that changed only because its target was\n' +
        'renumbered is no change. Finds added, deleted, modified, moved (also moved and edited),\n' +
        'renumbered, split and merged points, word by word, and changes to the header.\n\n' +
        'Formats: terminal (default; coloured on a terminal, else [-deleted-]{+inserted+}),\n' +
        'markdown (CriticMarkup), html (standalone redline page), json (see\n' +
        'schemas/diff.schema.json), amendments (amendment sheet), docx (the whole new\n' +
        'version as a Word file with tracked changes; needs --out FILE.docx). With --out\n' +
        'FILE.docx the redline is written, or with --format amendments the amendment sheet\n' +
        'as a Word table; with --out FILE.pdf either of them printed to PDF by LibreOffice\n' +
        '(as `opinion build --to pdf`). Tracked changes are by --author (default: the rapporteur of the\n' +
        'new version, else "EESC secretariat") on --date (default: the new version\'s date).\n\n' +
        'Exit codes: 0 no differences, 1 differences, 2 could not compare.',
    )
    .argument('<old>', 'the old version: a Markdown draft or an opinion folder')
    .argument('[new]', 'the new version (with --from, default: the same path)')
    .addOption(new Option('-f, --format <format>', 'output format (default: terminal, or from the --out extension)').choices(FORMATS as unknown as string[]))
    .option('-o, --out <file>', 'write the output to this file (atomically) instead of standard output')
    .addOption(
      new Option(
        '-l, --lang <code>',
        "language of opinion folders to compare, and of an amendment sheet's wording (default: the original language; for drafts, theirs)",
      ).choices(LANGUAGE_CODES),
    )
    .option('--from <revision>', 'git revision of the old version (tag, branch, commit)')
    .option('--to <revision>', 'git revision of the new version (default: the working tree)')
    .option('--similarity <0-1>', 'how alike two points without a common id must be to count as one edited point (default 0.5)')
    .option('--ignore-typography', 'report no change where only typography changed (curly or straight quotes, dashes, ellipsis, kinds of space)')
    .option('--amend-typography', 'amendment sheets: list typographic-only changes too (left out by default)')
    .option('--color', 'colour the terminal format even when not on a terminal')
    .option('--no-color', 'never colour the terminal format')
    .option('-q, --quiet', 'do not report warnings about the drafts on standard error')
    .option('--author <name>', "Word formats: author of the tracked changes (default: the new version's rapporteur)")
    .option('--date <YYYY-MM-DD>', "Word formats: date of the tracked changes (default: the new version's date)")
    .action(async (oldPath: string, newPath: string | undefined, options: DiffCliOptions) => {
      const similarity = similarityOf(options.similarity);
      const author = authorOf(options.author);
      const date = dateOf(options.date);
      // Only what this run needs: the parser and comparison, and one formatter.
      const [{ loadDrafts }, { diffDrafts }, formats] = await Promise.all([
        import('../../drafts/load.js'),
        import('../../diff/diff-drafts.js'),
        import('../../diff/format/formats.js'),
      ]);
      // `--out FILE.pdf`: the Word redline (or amendment sheet) printed by LibreOffice, as `build --to pdf` prints the Word draft.
      const pdfOut = options.out !== undefined && /\.pdf$/i.test(options.out);
      const pdf = pdfOut ? await import('../../pdf/index.js') : undefined;
      const pdfEngine = pdf ? await pdf.findPdfEngine(io.env) : undefined;
      if (pdf && !pdfEngine) throw new UsageError(pdf.PDF_ENGINE_MISSING);
      if (pdfOut && options.format !== undefined && options.format !== 'docx' && options.format !== 'amendments') {
        throw new UsageError(
          `unexpected --format ${options.format} with \`${options.out}\`, expected no --format (the redline) or --format amendments (the amendment sheet): a PDF is the Word file printed by LibreOffice`,
        );
      }
      const word = pdfOut ? (options.format === 'amendments' ? 'amendments' : 'docx') : wordOutput(options.format, options.out, formats.isWordFile);
      const format = (options.format ?? (options.out ? formats.formatForFile(options.out) : undefined) ?? 'terminal') as DiffFormat;
      const color = options.out ? false : (options.color ?? useColor(io));
      const typography = options.amendTypography === true;
      const lang = options.lang ? { lang: options.lang } : {};
      const wordOptions = {
        ...(author !== undefined ? { author } : {}),
        ...(date !== undefined ? { date } : {}),
        ...(typography ? { typography } : {}),
        ...lang,
      };
      type Render = (result: DiffResult, drafts: { old: Draft; new: Draft }) => Promise<string | Uint8Array>;
      const [loaded, render] = await Promise.all([
        loadDrafts(newPath === undefined ? [oldPath] : [oldPath, newPath], {
          cwd: io.cwd,
          ...(options.lang ? { lang: options.lang } : {}),
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.to !== undefined ? { to: options.to } : {}),
        }),
        word
          ? formats.loadWordFormatter(word).then(
              (formatter): Render =>
                (result, drafts) =>
                  formatter(result, drafts, wordOptions),
            )
          : formats.loadFormatter(format).then(
              (formatter): Render =>
                async (result) =>
                  formatter(result, { color, ...(typography ? { typography } : {}), ...lang }),
            ),
      ]);
      const [old, neu] = loaded;
      if (!options.quiet) {
        // A file of the newer version with the very findings the older one had at the same path (the same
        // folder twice, or a file a revision did not change) is reported once.
        const findings = (file: VFile) => file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`).join('\n');
        const seen = new Set(old.files.map((file) => `${file.path}\n${findings(file)}`));
        const files = [...old.files, ...neu.files.filter((file) => !seen.has(`${file.path}\n${findings(file)}`))].filter((file) => file.messages.length > 0);
        if (files.length > 0) {
          const { formatHuman } = await import('../../report/index.js');
          io.stderr(formatHuman(files, { color: useColor(io, 'stderr'), cwd: io.cwd }));
        }
      }
      const result = diffDrafts(old.draft, neu.draft, {
        ...(similarity !== undefined ? { similarity } : {}),
        ...(options.lang ? { locale: options.lang } : {}),
        ...(options.ignoreTypography ? { ignoreTypography: true } : {}),
      });
      const unexplained = await attributeAmendments(
        result,
        newPath ?? oldPath,
        options.to === undefined && options.from === undefined ? io.cwd : undefined,
        neu.opinion,
      );
      let output = await render(result, { old: old.draft, new: neu.draft });
      if (pdf && pdfEngine) {
        const { defaultDate } = await import('../../diff/format/word/defaults.js');
        const printDate = date ?? defaultDate(neu.draft);
        try {
          output = (await pdf.docxToPdf([{ docx: output as Uint8Array, ...(printDate ? { date: printDate } : {}) }], pdfEngine))[0]!;
        } catch (error) {
          if (error instanceof pdf.PdfError) throw new UsageError(error.message);
          throw error;
        }
      }
      if (unexplained.length > 0 && !options.quiet) io.stderr(unexplained.join('\n') + '\n');
      if (options.out) {
        const { writeFileAtomic } = await import('../../core/atomic-write.js');
        try {
          // A missing folder is the user's typo to hear about, not one to create.
          writeFileAtomic(resolve(io.cwd, options.out), output, { createFolder: false });
        } catch (error) {
          throw new UsageError(`cannot write \`${options.out}\`: ${describeFsError(error)}`);
        }
        // On a terminal, say what was written (scripts and pipes get silence).
        if (!options.quiet && io.stderrIsTTY) {
          const { summaryLine } = await import('../../diff/format/summary-line.js');
          io.stderr(`${summaryLine(result)}\nWrote ${options.out}\n`);
        }
      } else {
        io.stdout(output as string);
      }
      setExit(result.identical ? EXIT.ok : EXIT.findings);
    });
