import { LABELS_OPTION, parseLangs, projectDefaults, sourceFiles, TEMPLATE_OPTION, type RenderCliOptions } from '../render-options.js';
import { repositoryRoot } from '../repository-root.js';
import { DOCS_BASE } from '../docs-url.js';
import { Command } from 'commander';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { VFile } from 'vfile';
import type { DefineCommand } from './index.js';
import { commaList, EXIT, opinionFolders, UsageError, useColor } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { reportFormatOption, type ReportFormat } from '../report-option.js';
import { VERSION } from '../../version.js';
import { progressLine, reportable, streamsReport } from '../progress.js';

import { BUILD_OUTPUTS, OUTPUTS, type Output } from '../../render/outputs.js';
import { withThousands } from '../../core/messages.js';

interface BuildCliOptions extends RenderCliOptions {
  to: string;
  out: string;
  notes?: boolean;
  force?: boolean;
  watch?: boolean;
  cache: boolean;
  format: ReportFormat;
  quiet?: boolean;
}

export const buildCommand: DefineCommand = (io, setExit) =>
  new Command('build')
    .summary('build drafts (Markdown, HTML, JSON, Word) from opinion sources, in one or all languages')
    .description(
      'Build the draft of one opinion folder, several, or a tree of them (e.g. `opinions/`): numbered points, ' +
        'resolved cross-references, footnotes and citations, the header block and labels of each language, ' +
        'through a Markdown template.\n\n' +
        'Writes <out>/<opinion>/<lang>/opinion.md, opinion.html and opinion.json (and opinion.docx, the Word draft, with --to docx), atomically. A built file edited ' +
        'by hand since is never overwritten without --force (which keeps a backup). Every build prints the length: ' +
        'characters without spaces against the 18,000 limit. Parsed chapters are kept in <out>/.cache/ so that ' +
        'unchanged files are not parsed again.\n\n' +
        'Exit codes: 0 built (warnings allowed), 1 errors in the sources or a hand-edited output ' +
        '(nothing written for that opinion), 2 could not run.',
    )
    .argument('[paths...]', 'opinion folders or folders holding them (default: the current folder)')
    .option('-l, --lang <codes>', 'language(s) to build: a code (fr), a list (en,fr) or "all" (default: the original language)')
    .option('-t, --to <outputs>', 'outputs to write, comma-separated: md, html, json, docx (Word), pdf (the Word draft printed by LibreOffice)', 'md,html,json')
    .option('-o, --out <dir>', 'output folder', 'build')
    .option('--notes', "include the rapporteur's internal notes, clearly marked")
    .option('--force', 'overwrite outputs edited by hand since the last build, keeping a backup')
    .option('-w, --watch', 'rebuild when a source changes (Ctrl-C to stop)')
    .option(...TEMPLATE_OPTION)
    .option(...LABELS_OPTION)
    .option('--no-cache', 'parse every chapter again instead of reusing the trees kept in <out>/.cache/')
    .addOption(reportFormatOption(undefined, { option: '--to', values: OUTPUTS }))
    .option('-q, --quiet', 'report errors only, not warnings')
    .action(async (paths: string[], options: BuildCliOptions, command: Command) => {
      await projectDefaults(io, command, options, ['lang', 'to', 'out', 'template', 'labels']);
      const langs = parseLangs(options.lang);
      const outputs = parseOutputs(options.to);
      const { template, labels } = await sourceFiles(io, options);
      // The PDF is the Word draft printed by LibreOffice: find it before building anything.
      const pdf = outputs.includes('pdf') ? await import('../../pdf/index.js') : undefined;
      const pdfEngine = pdf ? await pdf.findPdfEngine(io.env) : undefined;
      if (pdf && !pdfEngine) throw new UsageError(pdf.PDF_ENGINE_MISSING);
      const formats = [...new Set(outputs.map((output) => (output === 'pdf' ? BUILD_OUTPUTS.pdf.printedFrom : output)))];
      const [{ buildOpinion }, { writeOutputs, watchOpinions, LENGTH_LIMIT }, { formatReport, humanSummary }] = await Promise.all([
        import('../../opinion/build.js'),
        import('../../render/index.js'),
        import('../../report/index.js'),
      ]);
      const folders = await opinionFolders(io, paths);
      const out = resolve(io.cwd, options.out);
      const show = (path: string) => displayPath(path, io.cwd);
      refuseClashes(folders, out, show);
      // Findings go to stdout like `opinion validate`; the build lines too, unless stdout is a machine format.
      const say = options.format === 'human' ? io.stdout : io.stderr;

      const buildOne = async (folder: string): Promise<{ files: VFile[]; failed: boolean; lines: string[] }> => {
        const build = await buildOpinion(folder, {
          ...(langs ? { langs } : {}),
          formats,
          notes: options.notes ?? false,
          ...(template ? { template } : {}),
          labels,
          ...(options.cache ? { cacheDir: join(out, '.cache') } : {}),
        });
        const lines: string[] = [];
        if (!build.ok && build.renders.length === 0) {
          const errors = build.files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === true).length, 0);
          lines.push(`${build.name}: not built, ${errors} error${errors === 1 ? '' : 's'} in the sources (nothing written)`);
          return { files: build.files, failed: true, lines };
        }
        if (pdf && pdfEngine) {
          const meta = build.opinion?.meta as { version_date?: string; adopted_at_plenary?: string; adopted_in_section?: string } | undefined;
          const date = meta?.version_date ?? meta?.adopted_at_plenary ?? meta?.adopted_in_section;
          try {
            const pdfs = await pdf.docxToPdf(
              build.renders.map((render) => ({ docx: render.docx!, ...(date ? { date } : {}) })),
              pdfEngine,
            );
            build.renders.forEach((render, i) => {
              render.pdf = pdfs[i];
              if (!outputs.includes('docx')) delete render.docx;
            });
          } catch (error) {
            if (error instanceof pdf.PdfError) throw new UsageError(error.message);
            throw error;
          }
        }
        const written = await writeOutputs(build, { out, force: options.force ?? false });
        for (const render of build.renders) {
          const { characters, exceeded } = render.length;
          const where = show(resolve(out, build.name, render.lang, `opinion.${outputs.length === 1 ? outputs[0] : `{${outputs.join(',')}}`}`));
          lines.push(
            `${build.name} ${render.lang}: ${withThousands(characters)} / ${withThousands(LENGTH_LIMIT)} characters without spaces` +
              `${exceeded ? ' (over the limit)' : ''}${written.refused.length ? '' : ` → ${where}`}`,
          );
        }
        if (build.failed.length > 0) {
          lines.push(`${build.name} ${build.failed.join(', ')}: not built, see the errors above (the other languages were written)`);
        }
        if (written.refused.length > 0)
          lines.push(
            `${build.name}: not written, ${written.refused.length} output${written.refused.length === 1 ? ' was' : 's were'} edited by hand (see above; --force overwrites, keeping a backup)`,
          );
        for (const backup of written.backups) lines.push(`${build.name}: kept a copy of the hand-edited ${show(backup.file)} in ${show(backup.backup)}`);
        return { files: [...build.files, ...written.files], failed: !build.ok || written.refused.length > 0, lines };
      };

      const runAll = async (folders: string[]): Promise<boolean> => {
        // Over many opinions on a terminal: a progress line, and each opinion's findings and lines as soon as it is built (src/cli/progress.ts).
        const stream = folders.length > 1 && streamsReport(options.format);
        const progress = progressLine(io, folders.length, 'building', options.format !== 'json' && options.format !== 'sarif');
        const reportOptions = {
          color: useColor(io),
          cwd: io.cwd,
          root: repositoryRoot(io),
          defaultHelpUri: `${DOCS_BASE}/commands/build.md`,
          checked: `${folders.length} opinion${folders.length === 1 ? '' : 's'}`,
          version: VERSION,
        };
        const files: VFile[] = [];
        const lines: string[] = [];
        let failed = false;
        for (const [i, folder] of folders.entries()) {
          progress.show(i + 1, show(folder));
          const result = await buildOne(folder);
          progress.clear();
          failed ||= result.failed;
          if (stream) {
            const text = formatReport(
              reportable(result.files, options.quiet).filter((f) => f.messages.length > 0),
              options.format,
              { ...reportOptions, summary: false },
            );
            if (text) io.stdout(text);
            if (result.lines.length > 0) say(result.lines.join('\n') + '\n');
          }
          files.push(...result.files);
          lines.push(...result.lines);
        }
        progress.clear();
        if (options.quiet) for (const file of files) file.messages = file.messages.filter((m) => m.fatal === true);
        const reported = files.filter((f) => f.messages.length > 0);
        if (stream) {
          if (reported.length > 0 && options.format === 'human') io.stdout(humanSummary(reported, reportOptions));
          return failed;
        }
        if (reported.length > 0 || options.format !== 'human') io.stdout(formatReport(reported, options.format, reportOptions));
        say(lines.join('\n') + '\n');
        return failed;
      };

      const failed = await runAll(folders);
      setExit(failed ? EXIT.findings : EXIT.ok);
      if (!options.watch) return;

      say(`Watching ${folders.length} opinion${folders.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)…\n`);
      await watchOpinions(
        folders,
        async (folder) => {
          say(`\n${new Date().toTimeString().slice(0, 8)} ${show(folder)} changed\n`);
          await runAll([folder]);
        },
        {
          shared: [...(template ? [template] : []), ...labels],
          ignore: [out],
          onError: (path, error) => io.stderr(`opinion: cannot watch ${show(path)}: ${error.message}\n`),
        },
      );
    });

function parseOutputs(value: string): Output[] {
  const outputs = [...new Set(commaList(value))];
  const bad = outputs.filter((f) => !(OUTPUTS as readonly string[]).includes(f));
  if (outputs.length === 0 || bad.length > 0) {
    throw new UsageError(`unexpected output \`${bad[0] ?? value}\` for --to, expected md, html, json, docx or pdf (comma-separated)`);
  }
  return OUTPUTS.filter((f) => outputs.includes(f));
}

/**
 * Refuse, before anything is written, a run whose outputs would collide:
 * two opinions with the same folder name (both would go to `<out>/<name>/`,
 * the second overwriting the first), or an output folder inside an opinion's
 * sources (the build's files would become part of what the next run reads).
 * Refused rather than renamed: `<out>/<name>/` is where people and scripts
 * look for a draft, and a silently suffixed name would be found by nobody.
 */
function refuseClashes(folders: readonly string[], out: string, show: (path: string) => string): void {
  const byName = new Map<string, string[]>();
  for (const folder of folders) {
    const name = basename(folder.replace(/[\\/]+$/, '')) || folder;
    byName.set(name, [...(byName.get(name) ?? []), folder]);
  }
  for (const [name, same] of byName) {
    if (same.length < 2) continue;
    throw new UsageError(
      `${same.length} opinions are named \`${name}\` (${same.map((f) => `\`${show(f)}\``).join(', ')}): each would be written to \`${show(join(out, name))}\`, one over the other; ` +
        'expected distinct folder names — build them in separate runs with different --out folders',
    );
  }
  for (const folder of folders) {
    const rel = relative(folder, out);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new UsageError(
        `unexpected --out \`${show(out)}\` inside the opinion folder \`${show(folder)}\`, expected an output folder outside the sources (e.g. \`build\` next to them)`,
      );
    }
  }
}
