import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { EXIT, UsageError, useColor } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { LANGUAGE_CODES } from '../../core/languages.js';
import { describeFsError } from '../../core/safe-read.js';

interface ImportCliOptions {
  out?: string;
  lang?: string;
  format: 'human' | 'json';
}

export const importCommand: DefineCommand = (io, setExit) =>
  new Command('import')
    .summary('turn a Word (.docx) or Markdown draft into an opinion source folder')
    .description(
      'Turn an existing draft — a Word document (.docx) or a Markdown draft — into an opinion\n' +
        'source folder: opinion.yaml from the header, one Markdown file per chapter with a stable\n' +
        'id on every point, footnotes kept, recommendations the text makes clear in\n' +
        'recommendations.yaml. Reports, at its paragraph, everything it guessed or could not map;\n' +
        'no text is dropped silently. Never writes into an existing folder.\n\n' +
        'Exit codes: 0 imported (warnings allowed), 2 could not import.',
    )
    .argument('<file>', 'the draft: a .docx or a Markdown (.md) file')
    .option('-o, --out <folder>', 'the new opinion folder (default: named from the reference, e.g. int-871)')
    .addOption(new Option('-l, --lang <code>', "the draft's language (default: from the document, or guessed)").choices(LANGUAGE_CODES))
    .addOption(new Option('-f, --format <format>', 'report format').choices(['human', 'json']).default('human'))
    .action(async (path: string, options: ImportCliOptions) => {
      const [{ importDraft }, { writeImportedFolder }, { formatReport }] = await Promise.all([
        import('../../import/index.js'),
        import('../../import/write.js'),
        import('../../report/index.js'),
      ]);
      const absolute = resolve(io.cwd, path);
      let bytes: Buffer;
      try {
        bytes = await readFile(absolute);
      } catch (error) {
        throw new UsageError(`cannot read \`${path}\`: ${describeFsError(error)}`);
      }
      const result = await importDraft(bytes, path, options.lang ? { lang: options.lang } : {});
      const out = options.out ?? result.folderName;
      const target = resolve(io.cwd, out);
      await writeImportedFolder(target, result.files, { shown: out });
      const report = formatReport([result.report], options.format, { color: useColor(io, options.format === 'json' ? 'stdout' : 'stderr'), cwd: io.cwd });
      if (options.format === 'json') io.stdout(report);
      else {
        if (result.report.messages.length > 0) io.stderr(report);
        const rel = displayPath(target, io.cwd);
        io.stdout(`Imported ${path} (${result.lang}) into ${rel}/ with ${result.files.length} files:\n`);
        for (const file of result.files) io.stdout(`  ${file.path}\n`);
        io.stdout(`\nNext: run \`opinion validate ${rel}\`, then \`opinion build ${rel}\`.\n`);
      }
      setExit(EXIT.ok);
    });
