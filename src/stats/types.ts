/** What `opinion stats` reports about an opinion, and about a corpus of them. */
import type { Readability } from './readability.js';
import type { Counts } from '../text/words.js';

/** Characters, characters without spaces (what the 18,000 limit counts) and words, as the text model counts them. */
export type TextCounts = Counts;

export interface ChapterStats extends TextCounts {
  /** "1", "2"…; absent for an unnumbered chapter. */
  number?: string;
  id: string;
  title: string;
  /** Numbered points (placed principles and recommendations included). */
  points: number;
  /** Numbered sub-headings. */
  headings: number;
  /** Footnotes first referred to in this chapter (citations included). */
  footnotes: number;
}

export interface LanguageStats {
  lang: string;
  original: boolean;
  /** `draft`: counted on the text as the build renders it; `sources`: on the sources (no draft could be rendered). */
  counted: 'draft' | 'sources';
  chapters: ChapterStats[];
  /** The footnotes' own text. */
  footnotes: TextCounts & { count: number };
  /** Chapters and footnotes together. */
  total: TextCounts & { points: number; headings: number; footnotes: number };
  /** Absent when no published formula for the language is implemented. */
  readability?: Readability;
}

export interface AddresseeCount {
  addressee: string;
  high: number;
  medium: number;
  low: number;
  /** No priority given. */
  none: number;
  total: number;
}

export interface RecommendationStats {
  total: number;
  byAddressee: AddresseeCount[];
  byPriority: { high: number; medium: number; low: number; none: number };
}

export interface CoverageRow {
  recommendation: string;
  /** Number of the point it is placed as, in the original language. */
  number?: string;
  /** The principles it rests on (ids in the order of `principles.yaml`). */
  principles: string[];
  evidence: string[];
}

export interface Coverage {
  /** The columns: every principle id, in the order of `principles.yaml`. */
  principles: string[];
  rows: CoverageRow[];
}

export interface Citation {
  id: string;
  /** Recommendations resting on it (their `principles` / `evidence`). */
  recommendations: string[];
  /** Principles drawing on it (evidence only). */
  principles: string[];
  /** Points of the original language that refer to it (`:ref`) or cite it or one of its facts (`:cite`), by number. */
  points: string[];
}

export interface OpinionStats {
  name: string;
  dir: string;
  reference?: string;
  stage?: string;
  original: string;
  /** The length limit, characters without spaces. */
  limit: number;
  languages: LanguageStats[];
  principles: number;
  evidence: number;
  recommendations: RecommendationStats;
  coverage: Coverage;
  citedBy: { principles: Citation[]; evidence: Citation[] };
}

export interface CorpusTotals {
  opinions: number;
  /** Original languages only. */
  charactersNoSpaces: number;
  words: number;
  points: number;
  footnotes: number;
  recommendations: number;
  principles: number;
  evidence: number;
  /** Opinions over the length limit. */
  overLimit: number;
}

export interface StatsReport {
  opinions: OpinionStats[];
  totals: CorpusTotals;
}
