import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { EXIT, UsageError, useColor } from '../io.js';

const FORMATS = ['terminal', 'markdown', 'html', 'json', 'amendments'] as const;
type Format = (typeof FORMATS)[number];

interface DiffCliOptions {
  format?: Format;
  out?: string;
  lang?: string;
  from?: string;
  to?: string;
  similarity?: string;
  color?: boolean;
  quiet?: boolean;
}

function similarityOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > 1) throw new UsageError(`unexpected --similarity \`${value}\`, expected a number above 0 and at most 1 (default 0.5)`);
  return number;
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
        'schemas/diff.schema.json), amendments (amendment sheet).\n\n' +
        'Exit codes: 0 no differences, 1 differences, 2 could not compare.',
    )
    .argument('<old>', 'the old version: a Markdown draft or an opinion folder')
    .argument('[new]', 'the new version (with --from, default: the same path)')
    .addOption(new Option('-f, --format <format>', 'output format (default: terminal, or from the --out extension)').choices(FORMATS as unknown as string[]))
    .option('-o, --out <file>', 'write the output to this file (atomically) instead of standard output')
    .option('-l, --lang <code>', 'language of opinion folders to compare (default: the original language)')
    .option('--from <revision>', 'git revision of the old version (tag, branch, commit)')
    .option('--to <revision>', 'git revision of the new version (default: the working tree)')
    .option('--similarity <0-1>', 'how alike two points without a common id must be to count as one edited point (default 0.5)')
    .option('--color', 'colour the terminal format even when not on a terminal')
    .option('--no-color', 'never colour the terminal format')
    .option('-q, --quiet', 'do not report warnings about the drafts on standard error')
    .action(async (oldPath: string, newPath: string | undefined, options: DiffCliOptions) => {
      const similarity = similarityOf(options.similarity);
      // Only what this run needs: the parser and comparison, and one formatter.
      const [{ loadDrafts }, { DiffInputError }, { diffDrafts }, formats] = await Promise.all([
        import('../../diff/load/inputs.js'),
        import('../../diff/load/errors.js'),
        import('../../diff/diff-drafts.js'),
        import('../../diff/format/formats.js'),
      ]);
      const troubleAsUsage = (error: unknown): never => {
        throw error instanceof DiffInputError ? new UsageError(error.message) : error;
      };
      const format: Format = options.format ?? (options.out ? formats.formatForFile(options.out) : undefined) ?? 'terminal';
      const [loaded, formatter] = await Promise.all([
        loadDrafts(newPath === undefined ? [oldPath] : [oldPath, newPath], {
          cwd: io.cwd,
          ...(options.lang ? { lang: options.lang } : {}),
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.to !== undefined ? { to: options.to } : {}),
        }).catch(troubleAsUsage),
        formats.loadFormatter(format),
      ]);
      const [old, neu] = loaded;
      if (!options.quiet) {
        const files = [...old.files, ...neu.files].filter((file) => file.messages.length > 0);
        if (files.length > 0) {
          const { formatHuman } = await import('../../report/index.js');
          io.stderr(formatHuman(files, { color: useColor(io, 'stderr'), cwd: io.cwd }));
        }
      }
      const result = diffDrafts(old.draft, neu.draft, {
        ...(similarity !== undefined ? { similarity } : {}),
        ...(options.lang ? { locale: options.lang } : {}),
      });
      const text = formatter(result, { color: options.out ? false : (options.color ?? useColor(io)) });
      if (options.out) {
        const { writeFileAtomic } = await import('../../diff/load/write-atomic.js');
        await writeFileAtomic(resolve(io.cwd, options.out), text, options.out).catch(troubleAsUsage);
      } else {
        io.stdout(text);
      }
      setExit(result.identical ? EXIT.ok : EXIT.findings);
    });
