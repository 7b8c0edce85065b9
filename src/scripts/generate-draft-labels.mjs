// Writes src/generated/draft-labels.js: the wording `opinion build` prints in
// the front of a draft, in every built-in language (templates/languages/*.yaml),
// so that the draft readers (src/drafts/markdown/header-labels.ts: Markdown and
// Word drafts, `opinion import`) recognise a built draft's header rows, banner,
// version line, title line and closing place in each of them, not only in the
// languages someone listed by hand; src/generated/ref-labels.js, how a reference
// reads in each language (src/text/ref-words.ts); src/generated/inflecting-languages.js,
// the languages whose words inflect (src/text/terms.ts); and src/generated/sheet-labels.js,
// the wording of the amendment sheet of a comparison (src/diff/format/amendments.ts). Run by `npm run build` (src/scripts/bundle.mjs).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The field of `Draft.header` a header label stands for (the keys `opinion build` writes). */
function fieldOfKey(key) {
  const base = key.replace(/-(?:dual|feminine)$/u, '');
  const role = /^(co-rapporteur|rapporteur-general|rapporteur)s?$/u.exec(base);
  if (role) return role[1];
  const fields = {
    referral: 'referral',
    consultation: 'consultation',
    'plenary-decision': 'decision',
    'bureau-decision': 'decision',
    'legal-basis': 'legal_basis',
    section: 'section',
    'adopted-in-section': 'adopted_in_section',
    'adopted-at-plenary': 'adopted_at_plenary',
    'plenary-session': 'plenary_session',
    vote: 'vote',
  };
  return fields[base];
}

/** The text of a label before its placeholder: "Version {version}" → "Version". */
const before = (template, placeholder) =>
  typeof template === 'string' && template.includes(placeholder) ? template.slice(0, template.indexOf(placeholder)).trim() : undefined;

const nonEmpty = (value) => typeof value === 'string' && value.trim() !== '';

export async function generateDraftLabels(root) {
  const dir = root + 'templates/languages/';
  const labels = [];
  const kinds = [];
  const stages = [];
  const purposes = [];
  const versions = [];
  const titleLanguages = [];
  const places = [];
  const closings = [];
  const refs = {};
  const sheets = {};
  const inflecting = [];
  for (const name of (await readdir(dir)).filter((n) => /^[a-z]{2,3}\.yaml$/u.test(n)).sort()) {
    const data = parse(await readFile(dir + name, 'utf8'));
    for (const [key, value] of Object.entries(data.header ?? {})) {
      const field = fieldOfKey(key);
      if (field && nonEmpty(value)) labels.push([value, field]);
    }
    for (const key of ['own-initiative', 'additional']) if (nonEmpty(data.header?.[key])) kinds.push(data.header[key]);
    for (const key of ['preliminary-draft', 'study-group', 'section', 'plenary']) if (nonEmpty(data.stage?.[key])) stages.push(data.stage[key]);
    for (const key of ['preliminary-draft', 'study-group', 'section', 'plenary']) {
      if (nonEmpty(data.stage?.[`${key}-purpose`])) purposes.push(data.stage[`${key}-purpose`]);
    }
    if (nonEmpty(data.stage?.version) && data.stage.version.includes('{version}')) versions.push(data.stage.version);
    for (const kind of ['opinion', 'information-report']) {
      const title = before(data.title?.[kind], '{title}');
      if (title) titleLanguages.push([title, data.lang]);
    }
    if (nonEmpty(data.values?.brussels)) places.push(data.values.brussels);
    const closing = before(data.closing?.['place-date']?.replace('{place}', data.values?.brussels ?? '{place}'), '{date}');
    if (closing && !closing.includes('{')) closings.push(closing);
    const templates = ['point', 'chapter', 'footnote'].map((kind) => data.refs?.[kind]);
    if (templates.every((t) => nonEmpty(t) && t.includes('{number}'))) refs[data.lang] = templates;
    if (data.glossary?.expand === 'author') inflecting.push(data.lang);
    if (data.sheet) sheets[data.lang] = Object.fromEntries(Object.entries(data.sheet).filter(([, value]) => nonEmpty(value)));
  }
  const unique = (list) => [...new Set(list)];
  const tables = {
    labels: unique(labels.map((pair) => JSON.stringify(pair))).map((pair) => JSON.parse(pair)),
    kinds: unique(kinds),
    stages: unique(stages),
    purposes: unique(purposes),
    versions: unique(versions),
    titleLanguages,
    places: unique(places),
    closings: unique(closings),
  };
  await writeModule(root, 'draft-labels', 'DRAFT_LABELS', tables, [
    '/** The front-of-draft wording of every built-in language (src/scripts/generate-draft-labels.mjs). */',
    'export declare const DRAFT_LABELS: {',
    '  /** [label as printed, `Draft.header` field] */',
    '  labels: [string, string][];',
    '  /** The label-less row under the legal basis: "Own-initiative opinion". */',
    '  kinds: string[];',
    '  /** Stage banners: "DRAFT OPINION". */',
    '  stages: string[];',
    '  /** Their purpose lines: "version for the section meeting". */',
    '  purposes: string[];',
    '  /** The version line: "Version {version}". */',
    '  versions: string[];',
    '  /** [the title line before the title, its language]: ["Opinion of the European Economic and Social Committee on ‘", "en"]. */',
    '  titleLanguages: [string, string][];',
    '  /** The place of the closing line: "Brussels". */',
    '  places: string[];',
    '  /** The closing line before its date: "Brussels,", "V Bruselu dne". */',
    '  closings: string[];',
    '};',
  ]);
  // Apart from the front's wording: the text model (check, stats) needs only these few strings.
  await writeModule(root, 'ref-labels', 'REF_LABELS', refs, [
    '/** Per built-in language: how a reference to a point, a chapter and a footnote reads ("point {number}", "{number}. pont"). */',
    'export declare const REF_LABELS: Record<string, [point: string, chapter: string, footnote: string]>;',
  ]);
  // The languages whose nouns and adjectives inflect (`glossary.expand: author`): the check rules find a term there by its stem too.
  await writeModule(root, 'inflecting-languages', 'INFLECTING_LANGUAGES', inflecting, [
    '/** The built-in languages whose label file says their nouns and adjectives inflect (`glossary.expand: author`). */',
    'export declare const INFLECTING_LANGUAGES: string[];',
  ]);
  // The wording of the amendment sheet of a comparison, per built-in language that has all of it.
  await writeModule(root, 'sheet-labels', 'SHEET_WORDING', sheets, [
    '/** Per built-in language: its `sheet.` labels, by key without `sheet.` (the amendment sheet of `opinion diff --format amendments`). */',
    'export declare const SHEET_WORDING: Record<string, Record<string, string>>;',
  ]);
}

/** src/generated/<name>.js exporting `value` as `exportName`, and its declaration file. */
async function writeModule(root, name, exportName, value, declaration) {
  const header = '// Generated by src/scripts/generate-draft-labels.mjs from templates/languages/*.yaml: do not edit.';
  await writeFile(`${root}src/generated/${name}.js`, `${header}\nexport const ${exportName} = ${JSON.stringify(value, null, 1)};\n`);
  await writeFile(`${root}src/generated/${name}.d.ts`, [...declaration, ''].join('\n'));
}
