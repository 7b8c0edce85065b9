/** The `--format` option shared by every command that reports findings. */
import { InvalidArgumentError, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';

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

export type { ReportFormat };
