/** The `--format` option shared by every command that reports findings. */
import { Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';

export function reportFormatOption(flags = '-f, --format <format>'): Option {
  return new Option(flags, 'how to report findings: human (coloured on a terminal), json, github (workflow annotations) or sarif (2.1.0)')
    .choices(REPORT_FORMATS as unknown as string[])
    .default('human');
}

export type { ReportFormat };
