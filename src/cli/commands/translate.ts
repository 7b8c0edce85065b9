import { Command } from 'commander';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { EXIT, UsageError, useColor } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { reportFormatOption, type ReportFormat } from '../report-option.js';
import { VERSION } from '../../version.js';
import { checkLanguage } from '../render-options.js';

export const translateCommand: DefineCommand = (io, setExit) => {
  const command = new Command('translate')
    .summary('export an opinion to XLIFF for translation tools, and import the translations back')
    .description(
      'The translation round trip through XLIFF 1.2, the version the major translation (CAT) tools import.\n\n' +
        '`export` writes one unit per chapter title, point, heading, footnote and YAML text, keyed by its stable id, ' +
        'with the original text and the current translation; `import` writes the translations back into the ' +
        "language's sources (text/<lang>/ and the YAML `<lang>:` entries), or, if any unit does not match, reports " +
        'each one with its position and writes nothing.',
    );

  command
    .command('export')
    .summary('write an XLIFF 1.2 file to translate an opinion into one language')
    .argument('<opinion>', 'the opinion folder')
    .requiredOption('--to <lang>', "the target language (one of the opinion's languages)")
    .option('--since <revision>', 'only what changed in the original since this git revision')
    .option('-o, --out <file>', 'where to write the XLIFF file (default: <opinion>.<lang>.xlf in the current folder)')
    .action(async (dir: string, options: { to: string; since?: string; out?: string }) => {
      checkLanguage(options.to, '--to');
      const [{ loadOpinion }, { exportXliff, isRevision, labelledTexts }, { writeFileAtomic }] = await Promise.all([
        import('../../core/load.js'),
        import('../../translate/xliff.js'),
        import('../../core/atomic-write.js'),
      ]);
      const folder = resolve(io.cwd, dir);
      const { opinion } = await loadOpinion(folder);
      if (!opinion) throw new UsageError(`cannot read the opinion in \`${dir}\` (run \`opinion validate ${dir}\`)`);
      const original = opinion.meta.language;
      if (options.to === original)
        throw new UsageError(`unexpected --to \`${options.to}\`: it is the original language, expected the language to translate into`);
      if (!(opinion.meta.languages ?? [original]).includes(options.to)) {
        throw new UsageError(`unexpected --to \`${options.to}\`, expected one of the opinion's \`languages\` (add it there first)`);
      }
      if (options.since !== undefined && !(await isRevision(folder, options.since))) {
        throw new UsageError(`unexpected --since \`${options.since}\`, expected a git revision of the repository holding ${displayPath(folder, io.cwd)}`);
      }
      const result = await exportXliff(opinion, {
        to: options.to,
        labelled: await labelledTexts(original),
        ...(options.since !== undefined ? { since: options.since } : {}),
      });
      const out = resolve(io.cwd, options.out ?? `${opinion.name}.${options.to}.xlf`);
      writeFileAtomic(out, result.xml);
      io.stdout(
        `${displayPath(out, io.cwd)}: ${result.units} unit${result.units === 1 ? '' : 's'}, ${result.toTranslate} to translate${result.toReview > 0 ? `, ${result.toReview} to review (the original changed since the translation)` : ''} (XLIFF 1.2, ${original} → ${options.to})\n`,
      );
      setExit(EXIT.ok);
    });

  command
    .command('import')
    .summary("write the translations of an XLIFF file back into the opinion's sources")
    .argument('<file>', 'the translated XLIFF file')
    .option('--opinion <dir>', "the opinion folder (default: the folder named by the file's `original`, next to the file)")
    .addOption(reportFormatOption())
    .action(async (path: string, options: { opinion?: string; format: ReportFormat }) => {
      const [{ loadOpinion }, { importXliff, labelledTexts }, { writeFileAtomic }, { readSource }, { formatReport }] = await Promise.all([
        import('../../core/load.js'),
        import('../../translate/xliff.js'),
        import('../../core/atomic-write.js'),
        import('../../core/read-source.js'),
        import('../../report/index.js'),
      ]);
      const read = await readSource(resolve(io.cwd, path));
      if (!read.ok) throw new UsageError(`cannot read \`${path}\`: no such file`);
      const original = /<file\b[^>]*\boriginal="([^"]+)"/.exec(String(read.file.value))?.[1];
      const dir = options.opinion ?? original;
      if (!dir) throw new UsageError(`cannot tell which opinion \`${path}\` translates: give it with --opinion <dir>`);
      const { opinion } = await loadOpinion(resolve(io.cwd, options.opinion ?? resolve(path, '..', dir)));
      if (!opinion) throw new UsageError(`cannot read the opinion \`${dir}\` (give its folder with --opinion, or run \`opinion validate\`)`);
      const result = importXliff(opinion, read.file, await labelledTexts(opinion.meta.language));
      for (const [file, content] of result.writes) writeFileAtomic(file, content, { createFolder: true });
      const failed = result.file.messages.some((m) => m.fatal);
      if (result.file.messages.length > 0 || options.format !== 'human') {
        io.stdout(formatReport([result.file], options.format, { color: useColor(io), cwd: io.cwd, checked: '1 file', version: VERSION }));
      }
      const say = options.format === 'human' ? io.stdout : io.stderr;
      say(
        failed
          ? `${displayPath(read.file.path ?? path, io.cwd)}: nothing written (see the problems above)\n`
          : `${displayPath(read.file.path ?? path, io.cwd)}: ${result.translated} unit${result.translated === 1 ? '' : 's'} written into ${result.writes.size} file${result.writes.size === 1 ? '' : 's'} (${result.lang})\n`,
      );
      setExit(failed ? EXIT.findings : EXIT.ok);
    });
  return command;
};
