/**
 * Reporters: pure functions from files with messages to text. The same four
 * formats serve every command that reports findings (validate, check, build).
 */
import type { VFile } from 'vfile';
import { formatHuman } from './human.js';
import { formatJson } from './json.js';
import { formatGithub } from './github.js';
import { formatSarif } from './sarif.js';

export interface ReportOptions {
  /** Colour (human format only). */
  color?: boolean;
  /** Paths are shown relative to this folder. */
  cwd?: string;
  /** The repository's root: `github` and `sarif` paths are relative to it (default: `cwd`). */
  root?: string;
  /** Show files without messages too (human format: "ok" lines). */
  verbose?: boolean;
  /** What was checked, for the summary line (e.g. "2 opinions"). */
  checked?: string;
  /** Warnings and infos that `--quiet` left out: the human summary says how many, so that "no problems" is never said over them. */
  hidden?: { warnings: number; infos: number };
  /** Rule descriptions for SARIF's rule table, by rule id: a one-line description, the rationale, the docs' address. */
  rules?: Record<string, { description: string; rationale?: string; url?: string }>;
  /** For a rule without an entry in `rules`: the address of the docs describing it. */
  defaultHelpUri?: string;
  /** The tool version for JSON / SARIF. */
  version?: string;
  /** Human format: `false` leaves out the summary line (a part of a report printed as results come; `humanSummary` ends it). */
  summary?: boolean;
}

export type Reporter = (files: readonly VFile[], options: ReportOptions) => string;

/** The reporters, each listed once (a new one is a module and a line here). */
const REPORTERS = { human: formatHuman, json: formatJson, github: formatGithub, sarif: formatSarif } as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export function formatReport(files: readonly VFile[], format: ReportFormat, options: ReportOptions = {}): string {
  return REPORTERS[format](files, options);
}

export { formatHuman, formatJson, formatGithub, formatSarif };
export { humanSummary } from './human.js';
