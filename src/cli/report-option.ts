/** The `--format` option shared by every command that reports findings, and the report of validate and check. */
import { InvalidArgumentError, Option } from 'commander';
import type { VFile } from 'vfile';
import { formatReport, humanSummary, REPORT_FORMATS, type ReportFormat, type ReportOptions } from '../report/index.js';
import { plural, severityOf } from '../core/messages.js';
import { VERSION } from '../version.js';
import { VALIDATE_DOCS_URL } from './docs-url.js';
import { EXIT, useColor, type Io } from './io.js';
import { streamsReport } from './progress.js';
import { repositoryRoot } from './repository-root.js';

/**
 * `--format human|json|github|sarif`. `outputs` are what the command writes
 * (`opinion build`: md, html, docx…): asking for one of them with `--format`
 * is answered with the option that does it.
 */
export function reportFormatOption(flags = '-f, --format <format>', outputs?: { option: string; values: readonly string[] }): Option {
  const choices = REPORT_FORMATS as readonly string[];
  return new Option(flags, 'how to report findings: human (coloured on a terminal), json, github (workflow annotations) or sarif (2.1.0)')
    .choices(choices)
    .argParser((value: string) => {
      if (choices.includes(value)) return value;
      if (outputs?.values.includes(value))
        throw new InvalidArgumentError(`--format says how findings are reported (${choices.join(', ')}); to write ${value}, use ${outputs.option} ${value}.`);
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    })
    .default('human');
}

/**
 * The findings report of a run over opinions (validate, check). When the
 * format allows (`stream`: see src/cli/progress.ts), `part` prints the files
 * of each turn as they come; `end` prints the whole report, or the human
 * summary after the parts, and gives the exit code.
 */
export function findingsReport(io: Io, options: { format: ReportFormat; quiet?: boolean | undefined }) {
  const stream = streamsReport(options.format);
  const root = repositoryRoot(io);
  // --quiet: errors only; what it leaves out is counted for the summary line.
  const hidden = { warnings: 0, infos: 0 };
  const quietly = (files: readonly VFile[]): readonly VFile[] => {
    if (options.quiet) {
      for (const file of files) {
        for (const message of file.messages) if (severityOf(message) !== 'error') hidden[severityOf(message) === 'warning' ? 'warnings' : 'infos']++;
        file.messages = file.messages.filter((message) => severityOf(message) === 'error');
      }
    }
    return files;
  };
  return {
    stream,
    part(files: readonly VFile[]): void {
      const text = formatReport(quietly(files), options.format, { color: useColor(io), cwd: io.cwd, root, summary: false });
      if (text) io.stdout(text);
    },
    /** `checked`: said after the counts of opinions and files in the summary; `more`: the rest of the report's options. */
    end(files: VFile[], opinions: number, checked = '', more: ReportOptions = {}): number {
      quietly(files);
      const reportOptions = {
        hidden,
        color: useColor(io),
        cwd: io.cwd,
        root,
        defaultHelpUri: VALIDATE_DOCS_URL,
        checked: `${plural(opinions, 'opinion')}, ${plural(files.length, 'file')}${checked}`,
        version: VERSION,
        ...more,
      };
      io.stdout(!stream ? formatReport(files, options.format, reportOptions) : options.format === 'human' ? humanSummary(files, reportOptions) : '');
      return files.some((f) => f.messages.some((m) => m.fatal === true)) ? EXIT.findings : EXIT.ok;
    },
  };
}

export type { ReportFormat };
