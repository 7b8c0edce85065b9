/**
 * The stats as tables for a terminal: for one opinion, its chapters,
 * languages, recommendations, coverage matrix and citations; for several,
 * one row per opinion and the totals. Colour only when asked.
 */
import { Chalk } from 'chalk';
import { displayPath } from '../report/paths.js';
import { columns, table, n, truncate, wrapText } from './table.js';
import type { OpinionStats, StatsReport, TextCounts } from './types.js';

export interface TableOptions {
  color?: boolean;
  cwd?: string;
  /** The terminal's width: long text columns and notes wrap to it (none: lines are as long as they need). */
  width?: number;
}

export function formatStatsTable(report: StatsReport, options: TableOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  if (report.opinions.length === 1) return opinionTables(report.opinions[0]!, c, options).join('\n') + '\n';
  return corpusTable(report, c, options).join('\n') + '\n';
}

type C = InstanceType<typeof Chalk>;

/** A line of explanation under a table, wrapped to the terminal. */
function note(text: string, c: C, options: TableOptions): string[] {
  return (options.width ? wrapText(text, options.width) : [text]).map((line) => c.dim(line));
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)} %`;
}

function opinionTables(stats: OpinionStats, c: C, options: TableOptions): string[] {
  const out: string[] = [];
  const heading = (text: string) => out.push('', c.bold(text));
  const details = [stats.reference, stats.stage && `stage ${stats.stage}`, `original ${stats.original}`, displayPath(stats.dir, options.cwd)]
    .filter(Boolean)
    .join(' · ');
  // On a narrow terminal the details go under the name, wrapped.
  if (!options.width || [...`${stats.name}  ${details}`].length <= options.width) out.push(c.bold(`${stats.name}`) + c.dim(`  ${details}`));
  else out.push(c.bold(`${stats.name}`), ...wrapText(details, Math.max(options.width - 2, 20)).map((line) => c.dim(`  ${line}`)));

  const original = stats.languages.find((l) => l.original);
  if (original) {
    const empty = original.chapters.length === 0;
    heading(
      `Text (${original.lang})${empty ? c.dim(' — no chapters yet') : original.counted === 'sources' ? c.dim(' — counted on the sources, not on the rendered draft: acronyms not spelled out') : ''}`,
    );
    const chapterTable = (titleWidth: number) => {
      const counts = (x: TextCounts, points = '', footnotes = '') => [n(x.characters), n(x.charactersNoSpaces), n(x.words), points, footnotes];
      const rows = original.chapters.map((ch) => [ch.number ?? '', truncate(ch.title, titleWidth), ...counts(ch, String(ch.points), String(ch.footnotes))]);
      rows.push(['', 'Footnotes', ...counts(original.footnotes)]);
      rows.push(['', c.bold('Total'), ...counts(original.total, String(original.total.points), String(original.total.footnotes))]);
      return table(columns(['', 'Chapter'], ['Characters', 'No spaces', 'Words', 'Points', 'Footnotes']), rows, { header: c.dim });
    };
    let lines = chapterTable(44);
    // On a narrow terminal, chapter titles give way (down to 12 characters) so that the counts stay on the line.
    const over = options.width ? Math.max(...lines.map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length)) - options.width : 0;
    const widest = Math.min(44, Math.max(9, ...original.chapters.map((ch) => [...ch.title].length)));
    if (over > 0) lines = chapterTable(Math.max(12, widest - over));
    out.push(...lines);
    const used = original.total.charactersNoSpaces;
    const mark = used > stats.limit ? c.red('over the limit') : used > stats.limit * 0.9 ? c.yellow('near the limit') : c.green('within the limit');
    out.push(`Length: ${n(used)} of ${n(stats.limit)} characters without spaces (${percent(used, stats.limit)}), ${mark}`);
  }

  if (stats.languages.length > 0) {
    heading('Languages');
    out.push(
      ...table(
        columns(['Language'], ['No spaces', 'Words', 'Points', 'Footnotes', 'Readability'], ['']),
        stats.languages.map((l) => [
          `${l.lang}${l.original ? ' (original)' : ''}`,
          n(l.total.charactersNoSpaces),
          n(l.total.words),
          String(l.total.points),
          String(l.total.footnotes),
          l.readability ? l.readability.score.toFixed(1) : '–',
          l.readability ? `${l.readability.name}: ${l.readability.band}` : l.total.words === 0 ? 'no text' : 'no formula for this language',
        ]),
        { header: c.dim, maxWidth: options.width },
      ),
    );
    const formulas = [
      ...new Map(
        stats.languages.filter((l) => l.readability).map((l) => [l.readability!.formula, `${l.readability!.name}, ${l.readability!.source}`]),
      ).values(),
    ];
    if (formulas.length) out.push(...note(`Readability over the points' text, higher is easier: ${formulas.join('; ')}.`, c, options));
  }

  const recs = stats.recommendations;
  heading(`Recommendations (${recs.total})`);
  if (recs.total > 0) {
    const rows = recs.byAddressee.map((a) => [a.addressee, String(a.high), String(a.medium), String(a.low), String(a.none), String(a.total)]);
    const p = recs.byPriority;
    rows.push([c.bold('All recommendations'), String(p.high), String(p.medium), String(p.low), String(p.none), String(recs.total)]);
    out.push(...table(columns(['Addressee'], ['High', 'Medium', 'Low', 'No priority', 'Total']), rows, { header: c.dim, maxWidth: options.width }));
    out.push(c.dim('A recommendation with several addressees counts once for each.'));
  }

  const cov = stats.coverage;
  if (cov.rows.length > 0) {
    heading('Coverage: what each recommendation rests on');
    const keys = cov.principles.map((_, i) => `P${i + 1}`);
    out.push(
      ...table(
        columns(['Recommendation', 'Point', ...keys, 'Evidence']),
        cov.rows.map((r) => [
          r.recommendation,
          r.number ?? '',
          ...cov.principles.map((p) => (r.principles.includes(p) ? '●' : c.dim('·'))),
          r.evidence.join(', ') || c.dim('none'),
        ]),
        { header: c.dim, maxWidth: options.width },
      ),
    );
    if (keys.length) out.push(...note(cov.principles.map((p, i) => `${keys[i]} ${p}`).join('  '), c, options));
  }

  const cited = stats.citedBy;
  if (cited.principles.length + cited.evidence.length > 0) {
    heading('Cited by');
    const describe = (x: { recommendations: string[]; principles: string[]; points: string[] }) =>
      [
        x.recommendations.length ? `recommendations ${x.recommendations.join(', ')}` : '',
        x.principles.length ? `principles ${x.principles.join(', ')}` : '',
        x.points.length ? `points ${x.points.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ') || c.yellow('nothing');
    out.push(
      ...table(
        columns(['Item', 'Kind', 'Cited by']),
        [...cited.principles.map((p) => [p.id, 'principle', describe(p)]), ...cited.evidence.map((e) => [e.id, 'evidence', describe(e)])],
        { header: c.dim, maxWidth: options.width },
      ),
    );
  }
  return out;
}

function corpusTable(report: StatsReport, c: C, options: TableOptions): string[] {
  const rows = report.opinions.map((o) => {
    const l = o.languages.find((x) => x.original);
    const used = l?.total.charactersNoSpaces ?? 0;
    const share = percent(used, o.limit);
    return [
      o.name,
      o.reference ?? '',
      o.stage ?? '',
      o.original,
      n(used),
      used > o.limit ? c.red(share) : used > o.limit * 0.9 ? c.yellow(share) : share,
      n(l?.total.words ?? 0),
      String(l?.total.points ?? 0),
      String(l?.total.footnotes ?? 0),
      String(o.recommendations.total),
      String(o.principles),
      String(o.evidence),
      l?.readability ? `${l.readability.score.toFixed(1)}` : '–',
    ];
  });
  const t = report.totals;
  rows.push([
    c.bold(`Total (${t.opinions})`),
    '',
    '',
    '',
    n(t.charactersNoSpaces),
    '',
    n(t.words),
    n(t.points),
    n(t.footnotes),
    n(t.recommendations),
    n(t.principles),
    n(t.evidence),
    '',
  ]);
  const lines = table(
    columns(
      ['Opinion', 'Reference', 'Stage', 'Lang'],
      ['No spaces', 'Of limit', 'Words', 'Points', 'Footnotes', 'Recs', 'Principles', 'Evidence', 'Readability'],
    ),
    rows,
    { header: c.dim, maxWidth: options.width },
  );
  const quick = report.opinions.some((o) => o.languages.some((l) => l.counted === 'sources'));
  lines.push(
    c.dim(
      `Counted in each opinion's original language${quick ? ", on the sources (acronyms not spelled out: lengths a little short of the build's)" : ''}. ${t.overLimit ? `${t.overLimit} over the limit of 18,000 characters without spaces. ` : ''}Readability: the formula of the original language (see \`opinion stats <folder>\`).`,
    ),
  );
  return lines;
}
