/** The stats as JSON: the same shape for one opinion or many (`opinions` and `totals`), paths relative to the working folder. */
import { displayPath } from '../report/paths.js';
import type { StatsReport } from './types.js';

export function formatStatsJson(report: StatsReport, options: { cwd?: string } = {}): string {
  const shown = { ...report, opinions: report.opinions.map((o) => ({ ...o, dir: displayPath(o.dir, options.cwd) })) };
  return JSON.stringify(shown, null, 2) + '\n';
}
