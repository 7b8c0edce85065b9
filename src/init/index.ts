/**
 * `init`: the files of a new opinion folder, from the commented scaffold in
 * `templates/scaffold/`, with the user's values set through the YAML
 * document model (so comments stay and no value can break the syntax).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

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
  const files: ScaffoldFile[] = [];
  for (const path of await listFiles(options.scaffoldDir)) {
    const source = await readFile(join(options.scaffoldDir, path), 'utf8');
    const targets = path.startsWith('text/LANG/') ? [language, ...(options.languages ?? []).filter((l) => l !== language)].map((l) => path.replace(/^text\/LANG\//, `text/${l}/`)) : [path];
    for (const target of targets) {
      const depth = target.split('/').length - 1;
      const schemas = relative(join(options.targetDir, ...Array(depth).fill('x')), options.schemasDir).split('\\').join('/') || '.';
      let content = source.replace(/@SCHEMAS@/g, schemas);
      if (target === 'opinion.yaml') content = setMetadata(content, options, language);
      files.push({ path: target, content });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Only the facts given are set; every other fact stays `to be completed` as
 * the scaffold writes it (see core/placeholders.ts).
 */
function setMetadata(text: string, options: ScaffoldOptions, language: string): string {
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
  doc.set('language', language);
  const languages = [language, ...(options.languages ?? []).filter((l) => l !== language)];
  const list = doc.createNode(languages);
  list.flow = true;
  doc.set('languages', list);
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
