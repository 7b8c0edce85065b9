/**
 * Building one opinion: opened (loaded and validated, with its template,
 * slot replacements and label files), its labels resolved, then every
 * language asked for rendered.
 * Reads files, writes none (see `write-outputs.ts`). Problems are messages
 * on the files they concern; an opinion with errors is not rendered further
 * than needed to report them, and `ok` is false.
 */
import { reportProseGaps } from '../validate/prose-gaps.js';
import { factsAfterVersion, lateFactMessage } from '../core/stage-facts.js';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { report, sortMessages } from '../core/messages.js';
import { parseMarkdown } from '../core/markdown.js';
import { openOpinion, type OpenOpinion } from './open.js';
import { VFile } from 'vfile';
import type { Labels } from '../labels/labels.js';
import { warnUnverified, watchLabels } from '../labels/unverified.js';
import { builtinLabelFiles, checkAgainstEnglish, readLabelFile, resolveLabels, type LabelFile } from '../labels/load.js';
import { DEFAULT_TEMPLATE } from '../core/package-files.js';
import { chapterTrees } from '../render/chapter-trees.js';
import { renderOpinion, type Format, type OpinionBuild } from '../render/render.js';
import { makeSafe } from '../core/source-safety.js';
import { slotsFor } from '../core/template-load.js';

export interface BuildOptions {
  /** Languages to build: codes, or 'all' for every language in `languages` (default: the original language). */
  langs?: readonly string[] | 'all';
  formats?: readonly Format[];
  /** Keep internal notes, clearly marked. */
  notes?: boolean;
  /** A template file to use instead of the opinion's (`--template`). */
  template?: string;
  /** Extra label files (`--labels`), each with its `lang:`. */
  labels?: readonly string[];
  /** A folder where parsed chapters are kept between builds (see `chapter-trees.ts`); none: parse every time. */
  cacheDir?: string;
  /**
   * Render even when validation found semantic errors (an unknown id, dates
   * out of order…), as long as the files could be read and match their
   * schemas. For tools that read a draft (`opinion diff`); `ok` stays false.
   */
  lenient?: boolean;
}

/** Build an opinion folder, or an opened opinion (`options.template` is then the one it was opened with). */
export async function buildOpinion(source: string | OpenOpinion, options: BuildOptions = {}): Promise<OpinionBuild> {
  const opened = await openOpinion(source, options.template === undefined ? {} : { template: options.template });
  const { validated, opinion, dir, name } = opened;
  const files = [...opened.files];
  const result: OpinionBuild = { dir, name, ok: false, renders: [], failed: [], files, ...(opinion ? { opinion } : {}) };
  // The opinion's label files concern one language each: their problems leave out that language only (below).
  const ownLabelFiles = new Set((validated.labels ?? []).map((layer) => layer.file));
  const sourceFiles = files.filter((file) => !ownLabelFiles.has(file));
  if (!opinion || (options.lenient ? hasErrors(sourceFiles, LOADING_RULES) : hasErrors(sourceFiles))) return finish(result);

  const meta = opinion.meta;
  const declared = Array.isArray(meta.languages) && meta.languages.length > 0 ? meta.languages : [meta.language];
  const langs = options.langs === 'all' ? declared : options.langs && options.langs.length > 0 ? [...new Set(options.langs)] : [meta.language];
  const opinionFile = files.find((f) => f.path === join(dir, 'opinion.yaml')) ?? files[0]!;
  for (const lang of langs) {
    if (!declared.includes(lang)) {
      report(opinionFile, `Unexpected language \`${lang}\`, expected one of the opinion's \`languages\`: ${declared.map((l) => `\`${l}\``).join(', ')}`, {
        ruleId: 'lang/not-declared',
        place: opinion.locate('opinion', Array.isArray(meta.languages) ? '/languages' : '/language')?.position,
        expected: declared,
      });
    }
  }

  // A version states only what was known on its date (the same finding as `check`'s consistency/fact-after-version).
  const late = factsAfterVersion(opinion);
  for (const fact of late.facts) {
    const at = opinion.locate(fact.kind, fact.pointer);
    const file = at ? files.find((f) => f.path === at.file) : undefined;
    if (file) report(file, lateFactMessage(fact, late.version!, meta.stage), { ruleId: 'stage/fact-after-version', severity: 'warning', place: at?.position });
  }

  // No default for a fact: a legal basis nobody entered is a visible gap in the draft, and said here.
  if (meta.legal_basis === undefined) {
    report(
      opinionFile,
      'Missing `legal_basis`, expected the legal basis of the opinion (e.g. `Rule 52(2) of the Rules of Procedure` for an own-initiative opinion since 2022), or `to be completed`; the draft shows a gap',
      {
        ruleId: 'meta/missing-legal-basis',
        severity: 'warning',
        place: opinion.locate('opinion', '/kind', 'key')?.position,
        note: 'The legal basis is never filled in by default: the Rule cited changes over the years (29(2) in 2017–2018, 32(2) in 2019–2021, 52(2) from 2022)',
      },
    );
  }

  // Template and slot replacements.
  // Read and checked by validation (the template confined to the opinion unless given explicitly).
  const template = validated.template;
  const slots = validated.slots!;
  if (!template || !('tree' in template)) return finish(result);
  if (template.broken || slots.files.some((f) => f.messages.some((m) => m.fatal))) return finish(result);

  // Labels: shipped, the opinion's, --labels. Each language stands on its own:
  // one whose labels are missing or broken is reported and left out, the others are built.
  const layers: LabelFile[] = [...(await builtinLabelFiles(['en', meta.language, ...langs])), ...(validated.labels ?? [])];
  for (const path of options.labels ?? []) layers.push(await readLabelFile(path));
  const layerFiles = layers.map((layer) => layer.file);
  files.push(...layerFiles.filter((file) => !files.includes(file)));
  const fallback = { file: opinionFile, at: opinion.locate('opinion', Array.isArray(meta.languages) ? '/languages' : '/language') };
  const notLabels = files.filter((file) => !layerFiles.includes(file));
  if (!options.lenient && hasErrors(notLabels, undefined, PER_LANGUAGE_RULES)) return finish(result);
  // Left in English = equal to the shipped English wording.
  const english = resolveLabels('en', await builtinLabelFiles(['en']), { file: new VFile() });
  const labels = new Map<string, Labels | undefined>();
  for (const lang of new Set([meta.language, ...langs])) {
    const own = layers.filter((layer) => layer.lang === lang);
    const resolved = resolveLabels(lang, layers, fallback);
    checkAgainstEnglish(lang, own, english);
    labels.set(lang, !options.lenient && hasErrors(own.map((layer) => layer.file)) ? undefined : resolved);
  }
  if (options.lenient && [...labels.values()].includes(undefined)) return finish(result);

  const notesFiles = options.notes ? readNotes(validated) : undefined;
  for (const lang of langs) {
    const own = labels.get(lang);
    if (!own || !declared.includes(lang)) {
      result.failed.push(lang);
      continue;
    }
    // The gap marks left in this language's prose, as validate and check report them (the draft highlights them).
    reportProseGaps(opinion.chapters[lang] ?? [], own.text['values.to-be-completed']);
    const trees = chapterTrees(opinion.chapters[lang] ?? [], options.cacheDir);
    const { labels: watched, used } = watchLabels(own);
    const errorsBefore = countErrors(files);
    result.renders.push(
      renderOpinion(opinion, {
        lang,
        labels: watched,
        ...(labels.get(meta.language) ? { originalLabels: labels.get(meta.language)! } : {}),
        template,
        slots: slotsFor(slots, lang),
        notes: options.notes ?? false,
        ...(notesFiles ? { notesFiles } : {}),
        ...(options.formats ? { formats: options.formats } : {}),
        trees,
      }),
    );
    const render = result.renders[result.renders.length - 1]!;
    // Errors met while rendering this language (a missing translation…) keep it from being written, not the others.
    if (!options.lenient && countErrors(files) > errorsBefore) {
      result.renders.pop();
      result.failed.push(lang);
      continue;
    }
    // The Word writer is loaded only for a Word draft.
    if (render.word) render.docx = await (await import('../render/word/index.js')).wordBytes(render.word);
    warnUnverified(own, used, layers);
  }
  result.ok = !hasErrors(files);
  return finish(result);
}

function readNotes(validated: { notes?: { path: string; file: VFile }[] }): { path: string; tree: Root }[] {
  // Read (and checked) by validation; files that could not be read are errors there.
  const notes: { path: string; tree: Root }[] = [];
  for (const { path, file } of validated.notes ?? []) {
    const tree = parseMarkdown(String(file.value));
    makeSafe(tree, file);
    notes.push({ path, tree: dropFootnotes(tree) });
  }
  return notes;
}

/** Notes are shown as written, outside the draft's footnote numbering. */
function dropFootnotes(tree: Root): Root {
  const strip = (node: { children?: unknown[] }) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children
      .filter((child) => (child as { type: string }).type !== 'footnoteDefinition')
      .map((child) => {
        const c = child as { type: string; label?: string; identifier?: string };
        return c.type === 'footnoteReference' ? { type: 'text', value: `[^${c.label ?? c.identifier}]` } : child;
      });
    for (const child of node.children) strip(child as { children?: unknown[] });
  };
  strip(tree as { children?: unknown[] });
  return tree;
}

/** Rule families of problems met while reading files (as opposed to checking what they say). */
const LOADING_RULES = /^(source|yaml|schema|labels|template)\//;

function countErrors(files: readonly VFile[]): number {
  return files.reduce((n, file) => n + file.messages.filter((message) => message.fatal === true).length, 0);
}

/** Problems that concern one language only: that language is left out, the others are built. */
const PER_LANGUAGE_RULES = /^(labels\/|lang\/not-declared$)/;

function hasErrors(files: readonly VFile[], only?: RegExp, except?: RegExp): boolean {
  return files.some((file) =>
    file.messages.some((message) => message.fatal === true && (!only || only.test(String(message.ruleId))) && !except?.test(String(message.ruleId))),
  );
}

function finish(result: OpinionBuild): OpinionBuild {
  // Built-in label files and the default template appear only when they have something to say.
  result.files = [...new Set(result.files)].filter((file) => file.messages.length > 0 || !isBuiltin(file));
  sortMessages(result.files);
  return result;
}

function isBuiltin(file: VFile): boolean {
  const path = file.path ?? '';
  return path === DEFAULT_TEMPLATE || path.startsWith(join(DEFAULT_TEMPLATE, '..', 'languages'));
}
