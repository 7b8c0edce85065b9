/**
 * `init`: the files of a new opinion folder, from the commented scaffold in
 * `templates/scaffold/`, with the user's values set through the YAML
 * document model (so comments stay and no value can break the syntax).
 */
import { SCHEMA_BASE } from '../core/schema-url.js';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { builtinLabelFiles, resolveLabels } from '../labels/load.js';
import { ownInitiativeRule, type LabelKey, type Labels } from '../labels/labels.js';
import { TO_BE_COMPLETED } from '../core/placeholders.js';

export interface ScaffoldOptions {
  /** Where the scaffold lives (`templates/scaffold` of the package). */
  scaffoldDir: string;
  /** Where the JSON Schemas live (`schemas/` of the package). */
  schemasDir?: string;
  /** The folder the opinion will be written to (for the relative `$schema` path). */
  targetDir: string;
  reference?: string;
  title?: string;
  kind?: string;
  rapporteur?: string;
  language?: string;
  /** Every language of the text (the original first); default: the original alone. */
  languages?: string[];
  section?: string;
  legalBasis?: string;
  /** Who decided to draw up the opinion (`plenary` | `bureau`) and when. */
  decidedBy?: string;
  decisionDate?: string;
  stage?: string;
  versionDate?: string;
}

export interface ScaffoldFile {
  /** Path relative to the opinion folder, `/`-separated. */
  path: string;
  content: string;
}

export async function scaffoldOpinion(options: ScaffoldOptions): Promise<ScaffoldFile[]> {
  const language = options.language ?? 'en';
  const languages = [language, ...(options.languages ?? []).filter((l) => l !== language)];
  // The fixed phrases of the scaffold (chapter titles, legal basis, section name) in each language.
  const labelFiles = await builtinLabelFiles(languages);
  const labelsOf = new Map(languages.map((l) => [l, resolveLabels(l, labelFiles, { file: new VFile() })]));
  const files: ScaffoldFile[] = [];
  for (const path of await listFiles(options.scaffoldDir)) {
    if (path.startsWith(GAPS_DIR)) continue;
    const source = await readFile(join(options.scaffoldDir, path), 'utf8');
    const targets = path.startsWith('text/LANG/')
      ? languages.map((l) => [l, path.replace(/^text\/LANG\//, `text/${l}/`)] as const)
      : [[language, path] as const];
    for (const [lang, target] of targets) {
      const labels = labelsOf.get(lang);
      // The scaffold's example prose is English: an English original keeps it; a translation, or an
      // original in another language, gets the same points and ids with gaps for their words.
      const text =
        (lang !== 'en' || language !== 'en') && labels && path.startsWith('text/LANG/') ? await gapChapter(options.scaffoldDir, path, labels) : source;
      const depth = target.split('/').length - 1;
      // A link that survives a move: the published schema, unless a local folder was asked for.
      const schemas =
        options.schemasDir === undefined
          ? SCHEMA_BASE
          : relative(join(options.targetDir, ...Array(depth).fill('x')), options.schemasDir)
              .split('\\')
              .join('/') || '.';
      let content = text.replace(/@SCHEMAS@/g, schemas);
      if (target === 'opinion.yaml') content = setMetadata(content, options, languages, labelsOf.get(language));
      else if (labels && target.startsWith(`text/${lang}/`)) content = chapterTitle(content, target, labels);
      else if (language !== 'en' && target in ENGLISH_EXAMPLES) content = withoutEnglishExamples(content, target);
      files.push({ path: target, content });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The chapters of a language other than English: the English chapters' points and ids, with gaps for their words. */
const GAPS_DIR = 'text/LANG-gaps/';

async function gapChapter(scaffoldDir: string, path: string, labels: Labels): Promise<string> {
  const source = await readFile(join(scaffoldDir, path.replace(/^text\/LANG\//, GAPS_DIR)), 'utf8');
  return source.replace(/@GAP@/g, () => labels.text['values.to-be-completed']);
}

/**
 * The English example values of the YAML sources, by file: in an opinion
 * whose original language is not English they become `to be completed`
 * (the comments keep the guidance), and the example acronym goes.
 */
const ENGLISH_EXAMPLES: Record<string, (string | number)[][]> = {
  'principles.yaml': [
    ['principles', 0, 'title'],
    ['principles', 0, 'text'],
  ],
  'recommendations.yaml': [['recommendations', 0, 'text']],
  'glossary.yaml': [],
};

function withoutEnglishExamples(text: string, path: string): string {
  const doc = parseDocument(text);
  for (const at of ENGLISH_EXAMPLES[path] ?? []) doc.setIn(at, TO_BE_COMPLETED);
  if (path === 'glossary.yaml') {
    const empty = doc.createNode([]);
    empty.flow = true;
    empty.comment = ' e.g. - { id: g-eesc, term: EESC, kind: acronym, expansion: European Economic and Social Committee }';
    doc.set('glossary', empty);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Scaffold chapter files by name → the label of their title. */
const CHAPTER_TITLES: Record<string, LabelKey> = {
  '01-conclusions-and-recommendations.md': 'scaffold.conclusions',
  '02-general-comments.md': 'scaffold.general-comments',
  '03-specific-comments.md': 'scaffold.specific-comments',
};

function chapterTitle(content: string, path: string, labels: Labels): string {
  const key = CHAPTER_TITLES[path.split('/').pop() ?? ''];
  return key ? content.replace(/^# .*$/m, `# ${labels.text[key]}`) : content;
}

/** Section codes of a reference (`INT/835`) → the label of the section's name. */
const SECTIONS: Record<string, LabelKey> = {
  INT: 'sections.int',
  ECO: 'sections.eco',
  SOC: 'sections.soc',
  NAT: 'sections.nat',
  TEN: 'sections.ten',
  REX: 'sections.rex',
  CCMI: 'sections.ccmi',
};

/**
 * Only the facts given are set; every other fact stays `to be completed` as
 * the scaffold writes it (see core/placeholders.ts). What follows from facts
 * given is written in the original language: the section named by the
 * reference's code, and the legal basis of an own-initiative opinion whose
 * decision date is given (the Rule in force then: 29(2), 32(2) or 52(2)).
 */
function setMetadata(text: string, options: ScaffoldOptions, languages: string[], labels: Labels | undefined): string {
  const language = languages[0] ?? 'en';
  const doc = parseDocument(text);
  if (options.reference) doc.set('reference', options.reference);
  if (options.title) doc.set('title', options.title);
  if (options.kind) doc.set('kind', options.kind);
  if (options.legalBasis) doc.set('legal_basis', options.legalBasis);
  if (options.section) doc.set('section', options.section);
  if (options.rapporteur) doc.setIn(['rapporteurs', 0, 'name'], options.rapporteur);
  if (options.decidedBy) doc.setIn(['decision', 'by'], options.decidedBy);
  if (options.decisionDate) doc.setIn(['decision', 'date'], options.decisionDate);
  if (options.stage) doc.set('stage', options.stage);
  if (options.versionDate) doc.set('version_date', options.versionDate);
  if (labels && !options.legalBasis && options.kind === 'own-initiative' && options.decisionDate) {
    doc.set('legal_basis', labels.text[ownInitiativeRule(options.decisionDate)]);
  }
  const section = SECTIONS[(options.reference ?? '').split('/')[0] ?? ''];
  if (labels && !options.section && section) doc.set('section', labels.text[section]);
  doc.set('language', language);
  const list = doc.createNode(languages);
  list.flow = true;
  doc.set('languages', list);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else out.push(path);
  }
  return out;
}
