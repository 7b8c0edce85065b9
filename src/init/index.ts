/**
 * `init`: the files of a new opinion folder, from the commented scaffold in
 * `templates/scaffold/`, with the user's values set through the YAML
 * document model (so comments stay and no value can break the syntax).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { builtinLabelFiles, resolveLabels } from '../labels/load.js';
import { ownInitiativeRule, type LabelKey, type Labels } from '../labels/labels.js';

export interface ScaffoldOptions {
  /** Where the scaffold lives (`templates/scaffold` of the package). */
  scaffoldDir: string;
  /** Where the JSON Schemas live (`schemas/` of the package). */
  schemasDir: string;
  /** The folder the opinion will be written to (for the relative `$schema` path). */
  targetDir: string;
  reference?: string;
  title?: string;
  kind?: string;
  rapporteur?: string;
  language?: string;
  date?: string;
}

export interface ScaffoldFile {
  /** Path relative to the opinion folder, `/`-separated. */
  path: string;
  content: string;
}

export async function scaffoldOpinion(options: ScaffoldOptions): Promise<ScaffoldFile[]> {
  const language = options.language ?? 'en';
  // The fixed phrases of the scaffold (chapter titles, legal basis, section name, place) in the draft's language.
  const labels = resolveLabels(language, await builtinLabelFiles([language]), { file: new VFile() });
  const files: ScaffoldFile[] = [];
  for (const path of await listFiles(options.scaffoldDir)) {
    const source = await readFile(join(options.scaffoldDir, path), 'utf8');
    const target = path.replace(/^text\/LANG\//, `text/${language}/`);
    const depth = target.split('/').length - 1;
    const schemas = relative(join(options.targetDir, ...Array(depth).fill('x')), options.schemasDir).split('\\').join('/') || '.';
    let content = source.replace(/@SCHEMAS@/g, schemas);
    if (target === 'opinion.yaml') content = setMetadata(content, options, language, labels);
    else if (labels && target.startsWith(`text/${language}/`)) content = chapterTitle(content, target, labels);
    files.push({ path: target, content });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
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
  INT: 'sections.int', ECO: 'sections.eco', SOC: 'sections.soc', NAT: 'sections.nat', TEN: 'sections.ten', REX: 'sections.rex', CCMI: 'sections.ccmi',
};

function setMetadata(text: string, options: ScaffoldOptions, language: string, labels: Labels | undefined): string {
  const doc = parseDocument(text);
  if (options.reference) doc.set('reference', options.reference);
  if (options.title) doc.set('title', options.title);
  if (options.kind) doc.set('kind', options.kind);
  if (options.rapporteur) doc.setIn(['rapporteurs', 0, 'name'], options.rapporteur);
  doc.set('language', language);
  doc.setIn(['languages', 0], language);
  if (options.date) {
    doc.setIn(['decision', 'date'], options.date);
    doc.set('version_date', options.date);
  }
  if (labels) {
    // The legal basis of an own-initiative opinion: the Rule in force at the decision (29(2), 32(2) or 52(2)).
    if (doc.has('legal_basis')) {
      const decided = doc.getIn(['decision', 'date']);
      doc.set('legal_basis', labels.text[ownInitiativeRule(typeof decided === 'string' ? decided : undefined)]);
    }
    const code = String(doc.get('reference') ?? '').split('/')[0] ?? '';
    const section = SECTIONS[code];
    if (section && doc.has('section')) doc.set('section', labels.text[section]);
    if (doc.hasIn(['closing', 'place'])) doc.setIn(['closing', 'place'], labels.text['values.brussels']);
  }
  return doc.toString({ lineWidth: 0 });
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
