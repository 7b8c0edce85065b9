import { Command, Option } from 'commander';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { DefineCommand } from './index.js';
import type { Io } from '../io.js';
import { commaList, EXIT, UsageError, useColor } from '../io.js';
import { VERSION } from '../../version.js';
import { checkLanguage } from '../render-options.js';
import { reportFormatOption, type ReportFormat } from '../report-option.js';
import { reportable } from '../progress.js';
import { parseIsoDate } from '../../render/dates.js';

const STAGES = ['section', 'plenary'];
const SHEET_FORMATS = ['md', 'html', 'docx'];

/** How `table` and `apply` report findings: `--format` (human on stderr, the others on stdout) and `--quiet`. */
interface Reporting {
  format?: ReportFormat;
  quiet?: boolean;
}

/**
 * Load and validate an opinion. Its messages are reported by `show`: on
 * stderr (human), or as the one report on stdout (`--format json`, github,
 * sarif). Undefined (exit set) when it cannot be used.
 */
async function loadValid(io: Io, setExit: (code: number) => void, path: string, reporting: Reporting = {}) {
  const [{ openOpinion }, { formatReport }, amendments] = await Promise.all([
    import('../../opinion/open.js'),
    import('../../report/index.js'),
    import('../../amendments/index.js'),
  ]);
  const dir = resolve(io.cwd, path);
  // Positions are built only for what is reported (a sound opinion reports little): the
  // YAML files are read by the fast path, and parsed with positions on first use.
  const opened = await openOpinion(dir, { positions: 'lazy' });
  const { opinion, index, files } = opened;
  const format = reporting.format ?? 'human';
  const show = (list: readonly VFile[]) => {
    const withMessages = reportable(list, reporting.quiet).filter((f) => f.messages.length > 0);
    if (format !== 'human') io.stdout(formatReport(withMessages, format, { cwd: io.cwd, version: VERSION }));
    else if (withMessages.length > 0) io.stderr(formatReport(withMessages, 'human', { color: useColor(io, 'stderr'), cwd: io.cwd, version: VERSION }));
  };
  /** What the command says it did: on stdout, or on stderr when stdout holds a machine-readable report. */
  const say = format === 'human' ? io.stdout : io.stderr;
  if (!opinion || !index) {
    show(files);
    setExit(EXIT.trouble);
    return undefined;
  }
  if (!opened.sound) {
    show(files);
    setExit(EXIT.findings);
    return undefined;
  }
  const points = amendments.indexPoints(opinion, undefined, { originalOnly: true });
  const allPoints = () => amendments.indexPoints(opinion);
  return {
    opened,
    opinion,
    index,
    files,
    labelFiles: opened.validated.labels ?? [],
    points,
    allPoints,
    dir,
    amendments,
    show,
    say,
  };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadValid>>>;

/** The `--lang` option: an official language code (default: the opinion's original language). */
function langOption(): Option {
  return new Option('-l, --lang <code>', "language of the wording (and of the texts, where translated; default: the opinion's original language)");
}

/**
 * The labels of the sheet's language, with the label files they come from;
 * undefined (exit 1, reported) when a label is missing or a label file is
 * broken. The sheet's and the list's wording is the tool's (working documents
 * the Official Journal never prints), so nothing here warns about unverified
 * labels, unlike `build` (docs/languages.md).
 */
async function wording(loaded: Loaded, lang: string, setExit: (code: number) => void) {
  const opinionFile = loaded.files.find((f) => f.path === join(loaded.dir, 'opinion.yaml')) ?? loaded.files[0]!;
  const { labels, layers } = await loaded.amendments.sheetLabels(lang, loaded.labelFiles, {
    file: opinionFile,
    at: loaded.opinion.locate('opinion', '/language'),
  });
  const files = [...loaded.files, ...layers.map((layer) => layer.file).filter((file) => !loaded.files.includes(file))];
  const broken = layers.some((layer) => layer.file.messages.some((m) => m.fatal === true));
  if (labels && !broken) return { files, labels };
  loaded.show(files);
  setExit(EXIT.findings);
  return undefined;
}

/** A `--date` that is not a real date written YYYY-MM-DD (`2018-02-30` is not) could not run (exit 2). */
function checkDate(date: string | undefined): void {
  if (date !== undefined && !parseIsoDate(date)) throw new UsageError(`unexpected --date \`${date}\`, expected YYYY-MM-DD`);
}

function stageOption(): Option {
  return new Option('--stage <stage>', 'only the amendments of this stage').choices(STAGES);
}

export const amendmentsCommand: DefineCommand = (io, setExit) => {
  const command = new Command('amendments')
    .summary('list, sheet, table and apply the amendments of an opinion (amendments.yaml)')
    .description(
      'The amendments cycle of an opinion, from its amendments.yaml (see docs/amendments.md):\n' +
        '  list   the amendments in text order (table, or --format json)\n' +
        '  sheet  the amendment sheet (two columns, word-level changes) as Markdown, HTML or Word\n' +
        "  table  a member's edited copy (.docx or .md) → new tabled amendments\n" +
        '  apply  the next version with every adopted amendment applied, as a new folder\n\n' +
        'Exit codes: 0 done, 1 problems in the sources (reported at file:line:column), 2 could not run.',
    );

  command
    .command('list')
    .description('the amendments in text order: number, point (as numbered now), action, tabled by, position, outcome, vote')
    .argument('<opinion>', 'the opinion folder')
    .addOption(stageOption())
    .addOption(new Option('-f, --format <format>', 'table (default) or json').choices(['table', 'json']).default('table'))
    .addOption(langOption())
    .option('-q, --quiet', 'do not report warnings about the sources on standard error')
    .action(async (path: string, options: { stage?: string; format: string; lang?: string; quiet?: boolean }) => {
      checkLanguage(options.lang, '--lang');
      const loaded = await loadValid(io, setExit, path);
      if (!loaded) return;
      const rows = loaded.amendments.listAmendments(loaded.opinion, loaded.points, options.stage);
      if (options.format === 'json') {
        io.stdout(JSON.stringify(rows, null, 2) + '\n');
        if (!options.quiet) loaded.show(loaded.files);
        setExit(EXIT.ok);
        return;
      }
      // The table's headings and values in the language asked for (the JSON keeps the data's own values).
      const words = await wording(loaded, options.lang ?? loaded.points.original, setExit);
      if (!words) return;
      io.stdout(loaded.amendments.formatListTable(rows, loaded.points, loaded.opinion, words.labels));
      if (!options.quiet) loaded.show(words.files);
      setExit(EXIT.ok);
    });

  command
    .command('sheet')
    .description("the amendment sheet in text order (by default, of the opinion's stage): Markdown on standard output, or files with --out")
    .argument('<opinion>', 'the opinion folder')
    .addOption(stageOption())
    .option('--to <formats>', `formats to write with --out, comma-separated (${SHEET_FORMATS.join(', ')}; default: md)`)
    .option('-o, --out <dir>', 'write amendments.<format> files into this folder (atomically)')
    .option('--date <YYYY-MM-DD>', 'date of the Word document (default: a fixed date)')
    .addOption(langOption())
    .option('-q, --quiet', 'do not report warnings about the sources on standard error')
    .action(async (path: string, options: { stage?: string; to?: string; out?: string; date?: string; lang?: string; quiet?: boolean }) => {
      const formats = commaList(options.to ?? 'md');
      const bad = formats.find((f) => !SHEET_FORMATS.includes(f));
      if (bad) throw new UsageError(`unexpected --to \`${bad}\`, expected ${SHEET_FORMATS.join(', ')}`);
      if (!options.out && formats.some((f) => f !== 'md'))
        throw new UsageError('unexpected --to html or docx without --out, expected --out <dir>: only Markdown goes to standard output');
      checkDate(options.date);
      checkLanguage(options.lang, '--lang');
      const loaded = await loadValid(io, setExit, path);
      if (!loaded) return;
      const { amendments, opinion } = loaded;
      const lang = options.lang ?? loaded.points.original;
      const words = await wording(loaded, lang, setExit);
      if (!words) return;
      // A translation's texts are in the index of every language.
      const points = lang === loaded.points.original ? loaded.points : loaded.allPoints();
      // A meeting works on its own stage's amendments: by default the opinion's stage (all of them at any other stage).
      const sheet = amendments.sheetOf(opinion, points, words.labels, options.stage ?? amendments.stageOfOpinion(opinion.meta.stage));
      const warnings = () => {
        if (!options.quiet) loaded.show(words.files);
      };
      if (!options.out) {
        io.stdout(amendments.sheetMarkdown(sheet));
        warnings();
        setExit(EXIT.ok);
        return;
      }
      const { writeFileAtomic } = await import('../../core/atomic-write.js');
      const out = resolve(io.cwd, options.out);
      const contents: [string, string | Uint8Array][] = [];
      for (const format of formats) {
        const content =
          format === 'md'
            ? amendments.sheetMarkdown(sheet)
            : format === 'html'
              ? await amendments.sheetHtml(sheet)
              : await amendments.sheetDocx(sheet, {
                  reference: String(opinion.meta.reference ?? ''),
                  ...(options.date ? { date: options.date } : {}),
                });
        contents.push([join(out, `amendments.${format}`), content]);
      }
      for (const [file, content] of contents) writeFileAtomic(file, content, { createFolder: true });
      warnings();
      io.stderr(contents.map(([file]) => `wrote ${file.startsWith(io.cwd + '/') ? file.slice(io.cwd.length + 1) : file}`).join('\n') + '\n');
      setExit(EXIT.ok);
    });

  command
    .command('table')
    .description(
      "turn a member's edited copy of the draft (Word, tracked changes or plain edits, or Markdown) into new tabled amendments, one per changed point, appended to amendments.yaml",
    )
    .argument('<opinion>', 'the opinion folder')
    .argument('<copy>', "the member's copy: a .docx or a Markdown draft")
    .requiredOption('--by <name>', 'the member who tables them (surname in capitals)')
    .addOption(new Option('--group <group>', "the member's group").choices(['I', 'II', 'III']))
    .addOption(new Option('--stage <stage>', "the stage they are tabled at (default: the opinion's stage)").choices(STAGES))
    .option('--date <YYYY-MM-DD>', 'the date they are tabled (default: not recorded)')
    .option('--reason <text>', 'the reason, for every amendment tabled (default: none; add it in amendments.yaml)')
    .addOption(reportFormatOption())
    .option('-q, --quiet', 'report errors only, not warnings')
    .action(
      async (
        path: string,
        copyPath: string,
        options: { by: string; group?: 'I' | 'II' | 'III'; stage?: 'section' | 'plenary'; date?: string; reason?: string } & Reporting,
      ) => {
        checkDate(options.date);
        if (options.by.trim() === '') throw new UsageError('unexpected empty --by, expected the name of the member');
        const loaded = await loadValid(io, setExit, path, options);
        if (!loaded) return;
        const { amendments, opinion, points } = loaded;
        const stage = options.stage ?? amendments.stageOfOpinion(opinion.meta.stage);
        if (!stage) throw new UsageError(`unexpected stage \`${opinion.meta.stage}\` of the opinion, expected section or plenary: say which with --stage`);
        const [{ diffDrafts }, { loadDrafts }, { writeFileAtomic }, { inFormOf }] = await Promise.all([
          import('../../diff/index.js'),
          import('../../drafts/index.js'),
          import('../../core/atomic-write.js'),
          import('../../core/read-source.js'),
        ]);
        const [before, copy] = await loadDrafts([path, copyPath], { cwd: io.cwd });
        const copyFile = copy.files.find((f) => f.path !== undefined) ?? new (await import('vfile')).VFile({ path: copyPath });
        if (!copy.files.includes(copyFile)) copy.files.push(copyFile);
        const result = diffDrafts(before.draft, copy.draft);
        const file = resolve(loaded.dir, 'amendments.yaml');
        // amendments.yaml as the opinion was loaded (no such file yet: a new one), written back in its form (BOM, CRLF).
        const source = loaded.files.find((f) => f.path === file && f.value !== undefined);
        const existing = source === undefined ? undefined : String(source.value);
        const tabled = amendments.tableAmendments(opinion, points, before.draft, result.changes, copyFile, existing, {
          by: options.by.trim(),
          stage,
          ...(options.group ? { group: options.group } : {}),
          ...(options.date ? { date: options.date } : {}),
          ...(options.reason ? { reason: options.reason } : {}),
        });
        loaded.show(copy.files);
        if (tabled.content !== undefined) writeFileAtomic(file, inFormOf(source, tabled.content));
        const lines = tabled.items.map(
          (item) =>
            `  AM ${item.number} (${item.id}): ${item.action} ${points.points.get(item.target)?.number ?? item.target} (${item.target})${item.new_id ? ` → ${item.new_id}` : ''}`,
        );
        loaded.say(
          tabled.items.length === 0
            ? `No amendment tabled: ${
                tabled.unmapped > 0
                  ? 'none of its changes can be tabled from the copy (each is reported as a warning)'
                  : tabled.repeated > 0
                    ? 'the changes of the copy are tabled already'
                    : 'the copy changes no point'
              }.\n`
            : `Tabled ${tabled.items.length} ${stage} amendment${tabled.items.length === 1 ? '' : 's'} by ${options.by.trim()} in ${path.replace(/\/$/, '')}/amendments.yaml:\n${lines.join('\n')}\n`,
        );
        setExit(tabled.unmapped > 0 ? EXIT.findings : EXIT.ok);
      },
    );

  command
    .command('apply')
    .description('write the next version of the opinion as a new folder, with every adopted amendment of the stage applied and nothing else changed')
    .argument('<opinion>', 'the opinion folder')
    .requiredOption('-o, --out <folder>', 'the new opinion folder (must not exist)')
    .addOption(new Option('--stage <stage>', "whose adopted amendments to apply (default: the opinion's stage)").choices(STAGES))
    .option('--date <YYYY-MM-DD>', 'version_date of the new version')
    .addOption(reportFormatOption())
    .option('-q, --quiet', 'report errors only, not warnings')
    .action(async (path: string, options: { out: string; stage?: 'section' | 'plenary'; date?: string } & Reporting) => {
      checkDate(options.date);
      const loaded = await loadValid(io, setExit, path, options);
      if (!loaded) return;
      const { amendments, opinion } = loaded;
      const result = amendments.applyAmendments(opinion, loaded.allPoints(), {
        ...(options.stage ? { stage: options.stage } : {}),
        ...(options.date ? { date: options.date } : {}),
        index: loaded.index,
      });
      loaded.show(opinion.files);
      if (result.refused) {
        io.stderr('opinion: nothing written\n');
        setExit(EXIT.findings);
        return;
      }
      await amendments.writeNextVersion(loaded.dir, resolve(io.cwd, options.out), result.changes, options.out);
      const ids = result.applied.map((a) => `AM ${a.number} (${a.id})`).join(', ');
      loaded.say(
        `Applied ${result.applied.length} adopted ${result.stage} amendment${result.applied.length === 1 ? '' : 's'}${ids ? `: ${ids}` : ''}\nWrote ${options.out}: stage ${result.nextStage}, version ${result.version}\n`,
      );
      setExit(EXIT.ok);
    });

  return command;
};
