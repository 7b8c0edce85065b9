/**
 * `opinion amendments apply`: the next version of an opinion with every
 * adopted amendment of a stage applied and nothing else changed. Pure: it
 * takes the loaded opinion and returns the new contents of the files it
 * changes (or positioned errors, and no contents at all). Writing the new
 * folder is `writeNextVersion`'s job (the shared `writeNewFolder`).
 *
 * - amend: the point's text is replaced (in every language the amendment
 *   gives; a language it does not give keeps its text, with a warning);
 * - delete: the point goes, in every language;
 * - insert-after / insert-before: a new point `{#new_id}` next to the target
 *   (next to a recommendation: a new item of recommendations.yaml, with the
 *   amendment's `addressees`);
 * - opinion.yaml: `stage` moves on (section → plenary → adopted), `version`
 *   + 1, `version_date` set from the date given (or removed);
 * - amendments.yaml: each applied amendment gets `applied_in: <version>`;
 *   outcomes and everything else stay.
 *
 * Refused: an amendment whose target no longer has the text it was tabled
 * against (`against`), an unknown target, two adopted amendments on the
 * same point that conflict, a new id already used.
 */
import { inFormOf } from '../core/read-source.js';
import { pointMarkdown } from './merge.js';
import { relative, resolve } from 'node:path';
import { writeNewFolder } from '../core/atomic-write.js';
import { pointerSegments } from '../core/json-pointer.js';
import type { IdIndex } from '../core/ids.js';
import { textIn, type Opinion } from '../core/model.js';
import { report } from '../core/messages.js';
import { NEXT_STAGE, amendmentsOf, sameText, stageOfOpinion, type AmendmentStage, type TabledAmendment } from '../core/amendments.js';
import type { PointIndex, PointPlace } from '../validate/amendments/points.js';
import { amendmentsFile } from '../validate/amendments/validate.js';
import {
  applySplices,
  foldedBlock,
  insertItem,
  parseForEdit,
  removeItem,
  removeKey,
  replaceScalar,
  setKey,
  setKeyInItems,
  type Splice,
} from '../core/yaml-edit.js';

export interface ApplyOptions {
  /** The stage whose adopted amendments to apply (default: the opinion's stage). */
  stage?: AmendmentStage;
  /** `version_date` of the new version (YYYY-MM-DD); without it the old one is removed. */
  date?: string;
  /** The opinion's id index, as validation read it: the ids defined anywhere (new ids must be free) and the references (to deleted points). */
  index: IdIndex;
}

export interface ApplyResult {
  /** New contents of the changed files, by path; empty when refused. */
  changes: Map<string, string>;
  applied: TabledAmendment[];
  stage?: AmendmentStage;
  nextStage?: string;
  version?: number;
  /** Whether it was refused (errors are on the files). */
  refused: boolean;
}

export function applyAmendments(opinion: Opinion, points: PointIndex, options: ApplyOptions): ApplyResult {
  const file = amendmentsFile(opinion);
  const meta = opinion.files.find((f) => /(^|[\\/])opinion\.yaml$/.test(f.path ?? '')) ?? opinion.files[0]!;
  const refused: ApplyResult = { changes: new Map(), applied: [], refused: true };
  const stage = options.stage ?? stageOfOpinion(opinion.meta.stage);
  if (!stage) {
    report(meta, `Unexpected stage \`${opinion.meta.stage}\` for applying amendments, expected \`section\` or \`plenary\` (or --stage)`, {
      ruleId: 'amendments/stage',
      place: opinion.locate('opinion', '/stage')?.position,
    });
    return refused;
  }
  if (!file) {
    report(meta, 'Missing `amendments.yaml`, expected the amendments of the opinion next to opinion.yaml', {
      ruleId: 'amendments/missing-file',
      place: { line: 1, column: 1 },
    });
    return refused;
  }
  const at = (a: TabledAmendment, field: string) => opinion.locate('amendments', `/amendments/${opinion.amendments.indexOf(a)}/${field}`)?.position;
  let errors = 0;
  const fail = (a: TabledAmendment, field: string, reason: string, ruleId: string, note?: string) => {
    report(file, reason, { ruleId, place: at(a, field), ...(note ? { note } : {}) });
    errors++;
  };
  const chosen = amendmentsOf(opinion).filter((a) => a.stage === stage && a.outcome === 'adopted' && a.applied_in === undefined);
  const original = points.original;
  const onTarget = new Map<string, TabledAmendment>();
  const newIds = new Set<string>();
  const definedIds = new Set(options.index.definitions.map((d) => d.id));
  for (const a of chosen) {
    const point = points.points.get(a.target);
    if (!point) {
      fail(
        a,
        'target',
        `Unknown target \`${a.target}\` of adopted amendment \`${a.id}\` (AM ${a.number}), expected the id of a point of the text`,
        'amendments/unknown-target',
      );
      continue;
    }
    if (typeof a.against === 'string' && !sameText(point.source, a.against)) {
      fail(
        a,
        'against',
        `Unexpected text of point ${point.number ?? ''} (\`${a.target}\`): it changed since amendment \`${a.id}\` (AM ${a.number}) was tabled, expected the text in \`against\``,
        'amendments/target-changed',
        `The point now reads: ${point.source.replace(/\s+/g, ' ').slice(0, 200)}`,
      );
      continue;
    }
    if (a.action === 'amend' || a.action === 'delete') {
      const other = onTarget.get(a.target);
      if (other) {
        fail(
          a,
          'target',
          `Unexpected second adopted amendment on point ${point.number ?? ''} (\`${a.target}\`): \`${a.id}\` (AM ${a.number}, ${a.action}) conflicts with \`${other.id}\` (AM ${other.number}, ${other.action}), expected one adopted amendment per point`,
          'amendments/conflict',
          'Record the one that fell as `outcome: fallen`, or merge them into a compromise',
        );
        continue;
      }
      onTarget.set(a.target, a);
    } else {
      if (point.from === 'principle') {
        fail(
          a,
          'action',
          `Unexpected \`${a.action}\` next to the principle \`${a.target}\` in amendment \`${a.id}\`, expected a point of a chapter or a recommendation: a new principle needs its own entry in principles.yaml`,
          'amendments/unsupported',
        );
        continue;
      }
      if (point.from === 'recommendation' && (!Array.isArray(a.addressees) || a.addressees.length === 0)) {
        fail(
          a,
          'action',
          `Missing \`addressees\` on adopted amendment \`${a.id}\` (AM ${a.number}), which inserts a new recommendation: expected whom it is addressed to, as in recommendations.yaml`,
          'amendments/missing-addressees',
        );
        continue;
      }
      if (!a.new_id || newIds.has(a.new_id) || points.points.has(a.new_id) || definedIds.has(a.new_id)) {
        fail(
          a,
          a.new_id ? 'new_id' : 'action',
          `Unexpected \`new_id\` \`${a.new_id ?? ''}\` on amendment \`${a.id}\`, expected an id not used in the opinion`,
          'amendments/new-id-taken',
        );
        continue;
      }
      newIds.add(a.new_id);
    }
    if (a.action !== 'delete' && textIn(a.text, original, original) === undefined) {
      fail(a, 'action', `Missing \`text\` in \`${original}\` on adopted amendment \`${a.id}\`, expected the text to apply`, 'amendments/missing-text');
    }
  }
  if (errors > 0) return refused;

  // Text edits.
  const texts = new Map(opinion.files.map((f) => [f.path, String(f.value ?? '')]));
  const splices = new Map<string, Splice[]>();
  const yamlDocs = new Map<string, ReturnType<typeof parseForEdit>>();
  const splice = (path: string, s: Splice | undefined) => {
    if (!s) throw new Error(`cannot edit ${path}`);
    (splices.get(path) ?? splices.set(path, []).get(path)!).push(s);
  };
  const docOf = (path: string) => yamlDocs.get(path) ?? yamlDocs.set(path, parseForEdit(texts.get(path) ?? '')).get(path)!;
  const warn = (a: TabledAmendment, reason: string) =>
    report(file, reason, { ruleId: 'amendments/translation', severity: 'warning', place: at(a, 'text') ?? at(a, 'action') });

  for (const a of chosen) {
    const point = points.points.get(a.target)!;
    const untranslated: string[] = [];
    if (point.from === 'recommendation' && a.action !== 'amend' && a.action !== 'delete') {
      // A new recommendation: an item of its own in recommendations.yaml, next to the target's.
      const place = [...point.places.values()].find((p) => p.in === 'yaml');
      if (place?.in !== 'yaml') throw new Error(`no place for ${a.target}`);
      const written = newRecommendation(a, opinion, place.index, points.langs, original);
      splice(
        place.file,
        insertItem(
          texts.get(place.file) ?? '',
          docOf(place.file),
          ['recommendations'],
          place.index,
          a.action === 'insert-before' ? 'before' : 'after',
          written.lines,
        ),
      );
      if (written.missing.length > 0) {
        const langs = written.missing.map((l) => `\`${l}\``).join(', ');
        warn(a, `Missing ${langs} text in amendment \`${a.id}\` (AM ${a.number}): the new recommendation has no text in ${langs}, expected a translation`);
      }
      continue;
    }
    for (const lang of points.langs) {
      const place = point.places.get(lang);
      const given = textIn(a.text, lang, original);
      if (a.action === 'delete') {
        if (place) deletePlace(place, texts, splice, docOf);
        continue;
      }
      if (given === undefined) {
        if (place || a.action !== 'amend') untranslated.push(lang);
        continue;
      }
      if (!place) continue;
      // In a chapter, a list, quote or table of the point stays one; a YAML text is inline, on one line.
      const value = place.in === 'prose' ? pointMarkdown(given) : given.replace(/\s*\n\s*/g, ' ').trim();
      if (a.action === 'amend') {
        if (place.in === 'prose') splice(place.file, { start: place.textStart, end: place.end, text: value });
        else splice(place.file, replaceScalar(texts.get(place.file) ?? '', docOf(place.file), pathOf(place.pointer), value));
      } else if (place.in === 'prose') {
        const marked = `{#${a.new_id}} ${value}`;
        if (a.action === 'insert-after') splice(place.file, { start: place.end, end: place.end, text: `\n\n${marked}` });
        else splice(place.file, { start: place.start, end: place.start, text: `${marked}\n\n` });
      }
    }
    if (untranslated.length > 0) {
      const langs = untranslated.map((l) => `\`${l}\``).join(', ');
      warn(
        a,
        `Missing ${langs} text in amendment \`${a.id}\` (AM ${a.number}): ${a.action === 'amend' ? `point ${point.number ?? a.target} keeps its old text in ${langs}` : `the new point is not inserted in ${langs}`}, expected a translation`,
      );
    }
  }

  // A deleted point still referred to elsewhere leaves a reference that no longer resolves: say where.
  for (const a of chosen) {
    if (a.action !== 'delete') continue;
    const using = new Set(options.index.references.flatMap((r) => (r.via === 'ref' && r.id === a.target ? [r.at.file] : [])));
    const users = [...texts.keys()].filter((path) => using.has(path)).map((path) => path.split(/[\\/]/).slice(-3).join('/'));
    if (users.length > 0) {
      report(
        file,
        `Unexpected reference to point \`${a.target}\`, deleted by amendment \`${a.id}\` (AM ${a.number}), in ${users.join(', ')}: expected the references removed or changed (the new version does not validate until they are)`,
        {
          ruleId: 'amendments/deleted-reference',
          severity: 'warning',
          place: at(a, 'target'),
        },
      );
    }
  }

  // opinion.yaml: stage and version move on.
  const version = (typeof opinion.meta.version === 'number' ? opinion.meta.version : 1) + 1;
  const nextStage = NEXT_STAGE[stage];
  const metaPath = meta.path;
  const metaDoc = docOf(metaPath);
  const metaText = texts.get(metaPath) ?? '';
  splice(metaPath, setKey(metaText, metaDoc, [], 'stage', nextStage, { dropComment: true }));
  splice(metaPath, setKey(metaText, metaDoc, [], 'version', String(version)));
  if (options.date) splice(metaPath, setKey(metaText, metaDoc, [], 'version_date', options.date));
  else if (opinion.meta.version_date !== undefined) {
    const removed = removeKey(metaText, metaDoc, [], 'version_date');
    if (removed) splice(metaPath, removed);
    report(
      meta,
      `Removed \`version_date\` (${opinion.meta.version_date}): it is the date of version ${version - 1}, expected the date of version ${version} with --date`,
      {
        ruleId: 'amendments/version-date',
        severity: 'info',
        place: opinion.locate('opinion', '/version_date')?.position,
      },
    );
  }

  // amendments.yaml: the applied ones say so.
  const amendmentsPath = file.path;
  const marks = setKeyInItems(
    texts.get(amendmentsPath) ?? '',
    () => docOf(amendmentsPath),
    'amendments',
    chosen.map((a) => ({ index: opinion.amendments.indexOf(a), data: a })),
    'applied_in',
    String(version),
    opinion.amendments.length,
  );
  for (const mark of marks) splice(amendmentsPath, mark);

  const changes = new Map<string, string>();
  for (const [path, list] of splices)
    changes.set(
      path,
      inFormOf(
        opinion.files.find((f) => f.path === path),
        tidy(applySplices(texts.get(path) ?? '', list), path),
      ),
    );
  return { changes, applied: chosen, stage, nextStage, version, refused: false };
}

/**
 * The lines of a new recommendation: its id, its text (a map of languages
 * when the recommendations have one, with each language the amendment gives,
 * else the original's text), its addressees. Nothing else is made up.
 */
function newRecommendation(
  a: TabledAmendment,
  opinion: Opinion,
  beside: number,
  langs: readonly string[],
  original: string,
): { lines: string[]; missing: string[] } {
  const lines = [`id: ${a.new_id}`];
  const neighbour = opinion.recommendations[beside]?.text;
  const missing: string[] = [];
  if (typeof neighbour === 'string') lines.push(...foldedBlock('text', textIn(a.text, original, original) ?? '', 96 - 6));
  else {
    lines.push('text:');
    for (const lang of langs) {
      const given = textIn(a.text, lang, original);
      if (given === undefined) missing.push(lang);
      else lines.push(...foldedBlock(lang, given, 96 - 8).map((line) => `  ${line}`));
    }
  }
  lines.push(`addressees: [${(a.addressees ?? []).join(', ')}]`);
  return { lines, missing };
}

function deletePlace(
  place: PointPlace,
  texts: Map<string, string>,
  splice: (path: string, s: Splice | undefined) => void,
  docOf: (path: string) => ReturnType<typeof parseForEdit>,
): void {
  if (place.in === 'prose') {
    const text = texts.get(place.file) ?? '';
    let end = place.end;
    while (end < text.length && /\s/.test(text[end] ?? '')) end++;
    splice(place.file, { start: place.start, end, text: '' });
    return;
  }
  splice(place.file, removeItem(texts.get(place.file) ?? '', docOf(place.file), [place.kind], place.index));
}

function pathOf(pointer: string): (string | number)[] {
  return pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A deleted last point must not leave the file without its final newline. */
function tidy(text: string, path: string): string {
  return path.endsWith('.md') && text.length > 0 && !text.endsWith('\n') ? `${text}\n` : text;
}

/**
 * Write the next version as the new folder `destination`: a copy of the
 * opinion folder `source` with the changed files of `applyAmendments`
 * (`changes`, by path) written over it, all at once (`writeNewFolder`). An
 * existing folder that is not empty, or one inside the opinion folder, is an
 * `InputError`; nothing is then written.
 */
export async function writeNextVersion(source: string, destination: string, changes: ReadonlyMap<string, string>, shown = destination): Promise<void> {
  const files = [...changes].map(([path, content]) => ({ path: relative(resolve(source), resolve(source, path)), content }));
  await writeNewFolder(destination, files, { shown, copyOf: source, refusal: 'apply writes the next version as a new folder: choose a new one with --out' });
}
