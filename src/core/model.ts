/**
 * The data model of an opinion, as loaded from its source folder.
 *
 * Every item keeps where it came from (`at`), so that any later stage
 * (validate, build, check, diff) can report a problem at the user's own
 * file:line:column.
 */
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { ProseOutline } from './prose-outline.js';

/** 1-based line/column positions, as in unist / vfile. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}
export interface Position {
  start: Point;
  end: Point;
}
/** A place in a source file. `file` is the path as given to / found by the loader. */
export interface Located {
  file: string;
  position: Position;
}

/** Two-letter ISO 639-1 code of an official EU language. */
export type Lang = string;

/** Prose in YAML: a string in the original language, or a map of language → string. */
export type Text = string | Record<Lang, string>;

/** The text of a translatable value in `lang`; a plain string is the original language's. */
export function textIn(value: unknown, lang: string, original: string): string | undefined {
  if (typeof value === 'string') return lang === original ? value : undefined;
  const text = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[lang] : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** The EESC's length limit of an opinion, at every stage: characters without spaces (see render/length.ts for what counts). */
export const LENGTH_LIMIT = 18_000;

export const OPINION_KINDS = ['own-initiative', 'exploratory', 'referral', 'additional', 'information-report'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export const STAGES = ['preliminary-draft', 'study-group', 'section', 'plenary', 'adopted'] as const;
export type Stage = (typeof STAGES)[number];
export type RapporteurRole = 'rapporteur' | 'co-rapporteur' | 'rapporteur-general';
export type Addressee =
  | 'european-commission'
  | 'council'
  | 'european-parliament'
  | 'member-states'
  | 'regional-and-local-authorities'
  | 'social-economy-enterprises'
  | 'social-partners'
  | 'civil-society-organisations'
  | 'eesc'
  | 'eu-institutions';
/** The addressees, in the order the source format lists them. */
export const ADDRESSEES: readonly Addressee[] = [
  'european-commission',
  'council',
  'european-parliament',
  'member-states',
  'regional-and-local-authorities',
  'social-economy-enterprises',
  'social-partners',
  'civil-society-organisations',
  'eesc',
  'eu-institutions',
];
export type Priority = 'high' | 'medium' | 'low';
export type Numbering = 'eesc' | 'oj';

export interface Vote {
  for: number;
  against: number;
  abstentions: number;
}

export interface Referral {
  type: 'referral' | 'consultation';
  body: Text;
  date: string;
  document?: string;
}

/** The grammatical form of a person's title where the language has one (Berichterstatterin, Relatrice, Rapporteure). */
export type TitleForm = 'feminine' | 'masculine';

export interface Person {
  name: string;
  role?: RapporteurRole;
  /** Which form of the title the header prints: `feminine` (Berichterstatterin, Relatrice) or `masculine` (default). */
  form?: TitleForm;
  group?: 'I' | 'II' | 'III';
  organisation?: string;
}

export interface Amendment {
  id: string;
  point: string;
  action: 'amend' | 'add-after' | 'delete';
  text?: Text;
  reason?: Text;
  tabled_by?: string[];
  vote?: Vote;
}

export interface Metadata {
  /** `INT/871`, or the placeholder `not yet assigned` / `to be completed` (see core/placeholders.ts). */
  reference: string;
  document?: string;
  /** The Official Journal's number of the published text, e.g. `2018/C 283/01`. */
  oj_reference?: string;
  /** The EUR-Lex CELEX number, e.g. `52017IE4769`. */
  celex?: string;
  title: Text;
  kind: OpinionKind;
  requested_by?: Text;
  legal_basis?: Text;
  referrals?: Referral[];
  /** The documents the opinion is on, printed under the title (`COM(2023) 316 final`). */
  documents?: string[];
  /** Several referrals: one row each (default) or one row for all. */
  referral_rows?: 'each' | 'one';
  rapporteurs?: Person[];
  experts?: { name: string; assists?: string }[];
  section?: Text;
  study_group?: { president?: string; members?: string[] };
  decision?: { by: 'plenary' | 'bureau'; date: string };
  adopted_in_section?: string;
  adopted_at_plenary?: string;
  plenary_session?: number;
  vote?: Vote;
  language: Lang;
  languages?: Lang[];
  stage: Stage;
  version?: number;
  version_date?: string;
  numbering?: Numbering;
  /** `language`: straight apostrophes and quotes in the prose are written in the draft's language. */
  typography?: 'as-written' | 'language';
  template?: string;
  closing?: { place?: Text; date?: string; president?: string; president_form?: TitleForm };
  appendix?: { amendments?: Amendment[] };
}

export interface Principle {
  id: string;
  title: Text;
  text: Text;
  source?: Text;
  evidence?: string[];
}

export interface Recommendation {
  id: string;
  text: Text;
  addressees: Addressee[];
  principles?: string[];
  evidence?: string[];
  priority?: Priority;
  reason?: Text;
}

export interface Source {
  title: Text;
  publisher?: string;
  author?: string;
  url?: string;
  date?: string;
  accessed?: string;
}

export interface Fact {
  id: string;
  text: Text;
  source?: Source;
}

export interface Evidence {
  id: string;
  kind: 'case-study' | 'fact' | 'statistic' | 'study' | 'testimony';
  title: Text;
  summary?: Text;
  facts?: Fact[];
  source: Source;
}

export interface Speaker {
  id?: string;
  name: string;
  organisation?: string;
  role?: Text;
  said?: Text;
}

export interface Hearing {
  id: string;
  date: string;
  place?: Text;
  title?: Text;
  speakers: Speaker[];
}

/** A member who tabled an amendment: the name, or the name and group. */
export type Member = string | { name: string; group?: 'I' | 'II' | 'III' };

/** One amendment of `amendments.yaml` (see schemas/amendments.schema.json and core/amendments.ts). */
export interface TabledAmendment {
  id: string;
  number: number;
  stage: 'section' | 'plenary';
  by: Member[];
  group?: 'I' | 'II' | 'III';
  target: string;
  action: 'amend' | 'delete' | 'insert-after' | 'insert-before';
  new_id?: string;
  /** A new recommendation's addressees (insert next to a recommendation). */
  addressees?: string[];
  text?: Text;
  against?: string;
  tabled?: string;
  reason?: Text;
  position?: 'accept' | 'reject' | 'compromise';
  replaces?: string[];
  outcome?: 'adopted' | 'rejected' | 'withdrawn' | 'fallen';
  vote?: Vote;
  without_vote?: boolean;
  voted?: string;
  applied_in?: number;
}

/** The rest of `amendments.yaml`: procedural facts and deadlines. */
export interface AmendmentSettings {
  procedure?: {
    appendix_share?: number;
    abstentions_cast?: boolean;
    rule_rejected?: Text;
    rule_section_text?: Text;
  };
  deadlines?: { section?: string; plenary?: string };
}

export interface GlossaryEntry {
  id: string;
  term: string;
  expansion: Text;
  kind?: 'acronym' | 'term';
  variants?: string[];
  definition?: Text;
}

/** The kinds of YAML source file, each with its schema `schemas/<kind>.schema.json`. */
export type YamlKind = 'opinion' | 'principles' | 'recommendations' | 'evidence' | 'hearings' | 'glossary' | 'amendments';
export const YAML_KINDS: readonly YamlKind[] = ['opinion', 'principles', 'recommendations', 'evidence', 'hearings', 'glossary', 'amendments'];

/** One chapter of prose, in one language: `text/<lang>/NN-<id>.md`. */
export interface ChapterSource {
  /** From the file name: `02-general-comments.md` → `general-comments`. */
  id: string;
  lang: Lang;
  /** Path of the Markdown file. */
  path: string;
  /** The vfile holding the text (and the messages found in it). */
  file: VFile;
  /** The parsed tree (remark-parse + gfm + directive), positions in `file`; parsed on first use. */
  readonly tree: MdastRoot;
  /** The fast outline (top-level blocks, `:ref`/`:cite` directives) used by validation; made on first use. */
  readonly outline: ProseOutline;
  /**
   * The parsed tree handed over for the caller to own and change, when it is
   * parsed already (for the outline): `tree` then parses the text again if
   * read later. Undefined when nothing parsed it yet (copy or parse `tree`).
   */
  takeTree?(): MdastRoot | undefined;
}

/** Where an id is defined in the sources. */
export interface IdDefinition {
  id: string;
  kind: 'principle' | 'recommendation' | 'evidence' | 'fact' | 'hearing' | 'speaker' | 'glossary' | 'amendment' | 'chapter' | 'point' | 'heading' | 'footnote';
  at: Located;
  /** For prose ids: the language version it was found in. */
  lang?: Lang;
}

/** A use of an id (cross-reference, citation, YAML reference list…). */
export interface IdReference {
  id: string;
  /** What the use expects to find; `any` for `:ref`. */
  expects: IdDefinition['kind'][] | 'any';
  via: 'ref' | 'cite' | 'yaml';
  at: Located;
  lang?: Lang;
}

/** An opinion as loaded: data plus the files it came from. */
export interface Opinion {
  /** The folder. */
  dir: string;
  /** The folder's name, used as the opinion's name in outputs (`build/<name>/…`). */
  name: string;
  meta: Metadata;
  principles: Principle[];
  recommendations: Recommendation[];
  evidence: Evidence[];
  hearings: Hearing[];
  glossary: GlossaryEntry[];
  /** The amendments of `amendments.yaml` (none without the file). */
  amendments: TabledAmendment[];
  /** Procedure and deadlines of `amendments.yaml`. */
  amendmentSettings: AmendmentSettings;
  /** Chapters per language, in file-name order. */
  chapters: Record<Lang, ChapterSource[]>;
  /** Internal notes (`notes/*.md`): paths only, never rendered. */
  notes: string[];
  /** YAML kinds whose file exists but could not be read as a list (syntax, binary…), and `text` when a chapter could not be read: their ids are unknown. */
  unreadable: (YamlKind | 'text')[];
  /** Every source file read, with the messages found while loading it. */
  files: VFile[];
  /** Locate a YAML value by kind and JSON pointer (e.g. `('recommendations', '/recommendations/2/text')`). */
  locate(kind: YamlKind, pointer: string, part?: 'key' | 'value'): Located | undefined;
}
