/**
 * `opinion stats`: what an opinion contains — length and words per chapter
 * and language, points and footnotes, readability per language,
 * recommendations per addressee and priority, the principle ×
 * recommendation matrix and what cites each principle and evidence item —
 * and totals over a corpus. Returns data; never prints.
 */
import type { VFile } from 'vfile';
import { LENGTH_LIMIT } from '../core/model.js';
import { pointsOf } from '../text/model.js';
import { openOpinion, type OpenOpinion } from '../opinion/open.js';
import { countLanguage } from './counts.js';
import { readability } from './readability.js';
import { recommendationStats } from './recommendations.js';
import { citedBy, coverage } from './coverage.js';
import type { CorpusTotals, LanguageStats, OpinionStats, StatsReport } from './types.js';

export interface StatsResult {
  /** Absent when the sources do not validate: `files` says why. */
  stats?: OpinionStats;
  files: VFile[];
}

export interface StatsOptions {
  /**
   * Count on the sources instead of rendering each language's draft: several
   * times faster over a corpus, but acronyms are not spelled out and
   * citations count as their source's fields, so lengths are a little short
   * of what `opinion build` counts.
   */
  quick?: boolean;
}

/** Count an opinion folder, or an opened opinion (opened with the default validation). */
export async function statsOfOpinion(source: string | OpenOpinion, options: StatsOptions = {}): Promise<StatsResult> {
  const opened = await openOpinion(source);
  const { opinion, files } = opened;
  if (!opinion || !opened.sound) return { files };
  const text = await opened.text();
  const languages: LanguageStats[] = [];
  const numbers = new Map<string, string>();
  for (const lang of text.langs) {
    const model = text.byLang.get(lang);
    if (lang !== text.original && (model?.chapters.length ?? 0) === 0) continue;
    const rendered = !options.quick && model && model.chapters.length > 0 ? (await opened.resolved(lang))?.resolved : undefined;
    const { stats, points } = countLanguage(lang, lang === text.original, model, rendered?.draft, opinion.evidence);
    const score = readability(points, lang);
    languages.push(score ? { ...stats, readability: score } : stats);
    if (lang === text.original) {
      for (const block of pointsOf(model)) if (block.id && block.number) numbers.set(block.id, block.number);
      for (const chapter of rendered?.draft.chapters ?? []) for (const point of chapter.points) if (point.id) numbers.set(point.id, point.number);
    }
  }
  const numberOf = (id: string) => numbers.get(id);
  const meta = opinion.meta;
  return {
    files,
    stats: {
      name: opinion.name,
      dir: opinion.dir,
      ...(typeof meta.reference === 'string' ? { reference: meta.reference } : {}),
      ...(typeof meta.stage === 'string' ? { stage: meta.stage } : {}),
      original: text.original,
      limit: LENGTH_LIMIT,
      languages,
      principles: opinion.principles.length,
      evidence: opinion.evidence.length,
      recommendations: recommendationStats(opinion),
      coverage: coverage(opinion, numberOf),
      citedBy: citedBy(opinion, text.byLang.get(text.original), numberOf),
    },
  };
}

/** Totals over opinions, counting each in its original language. */
export function corpusTotals(opinions: readonly OpinionStats[]): CorpusTotals {
  const totals: CorpusTotals = {
    opinions: opinions.length,
    charactersNoSpaces: 0,
    words: 0,
    points: 0,
    footnotes: 0,
    recommendations: 0,
    principles: 0,
    evidence: 0,
    overLimit: 0,
  };
  for (const stats of opinions) {
    const original = stats.languages.find((l) => l.original);
    if (original) {
      totals.charactersNoSpaces += original.total.charactersNoSpaces;
      totals.words += original.total.words;
      totals.points += original.total.points;
      totals.footnotes += original.total.footnotes;
      if (original.total.charactersNoSpaces > stats.limit) totals.overLimit++;
    }
    totals.recommendations += stats.recommendations.total;
    totals.principles += stats.principles;
    totals.evidence += stats.evidence;
  }
  return totals;
}

export function statsReport(opinions: readonly OpinionStats[]): StatsReport {
  return { opinions: [...opinions], totals: corpusTotals(opinions) };
}

export { readability } from './readability.js';
export { syllables } from './syllables.js';
export { formatStatsTable } from './format-table.js';
export { formatStatsJson } from './format-json.js';
export type * from './types.js';
