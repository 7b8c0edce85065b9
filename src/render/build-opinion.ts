/**
 * Building one opinion folder: load and validate it, read its template,
 * slot replacements and labels, then render every language asked for.
 * Reads files, writes none (see `write-outputs.ts`). Problems are messages
 * on the files they concern; an opinion with errors is not rendered further
 * than needed to report them, and `ok` is false.
 */
import { factsAfterVersion, lateFactMessage } from '../core/stage-facts.js';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, sortMessages } from '../core/messages.js';
import { parseMarkdown } from '../core/markdown.js';
import type { Opinion } from '../core/model.js';
import { readSource } from '../core/read-source.js';
import { validateOpinion } from '../validate/index.js';
import type { Labels } from './labels.js';
import { builtinLabelFiles, readLabelFile, readLabelFolder, resolveLabels, type LabelFile } from './labels-load.js';
import { DEFAULT_TEMPLATE } from './package-files.js';
import { chapterTrees } from './chapter-trees.js';
import { renderOpinion, type Format, type RenderResult } from './render.js';
import { makeSafe } from './source-safety.js';
import { readSlotOverrides, readTemplate, slotsFor } from './template-load.js';

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

export interface OpinionBuild {
  dir: string;
  /** The folder's name: outputs go to `<out>/<name>/<lang>/`. */
  name: string;
  /** No errors anywhere: the outputs can be written. */
  ok: boolean;
  renders: RenderResult[];
  /** Every file with its messages (sources, template, labels). */
  files: VFile[];
  opinion?: Opinion;
}

export async function buildOpinion(dir: string, options: BuildOptions = {}): Promise<OpinionBuild> {
  const { opinion, files } = await validateOpinion(dir);
  const name = opinion?.name ?? dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? dir;
  const result: OpinionBuild = { dir, name, ok: false, renders: [], files, ...(opinion ? { opinion } : {}) };
  if (!opinion || (options.lenient ? hasErrors(files, LOADING_RULES) : hasErrors(files))) return finish(result);

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
    report(opinionFile, 'Missing `legal_basis`, expected the legal basis of the opinion (e.g. `Rule 52(2) of the Rules of Procedure` for an own-initiative opinion since 2022), or `to be completed`; the draft shows a gap', {
      ruleId: 'meta/missing-legal-basis',
      severity: 'warning',
      place: opinion.locate('opinion', '/kind', 'key')?.position,
      note: 'The legal basis is never filled in by default: the Rule cited changes over the years (29(2) in 2017–2018, 32(2) in 2019–2021, 52(2) from 2022)',
    });
  }

  // Template and slot replacements.
  const templatePath = options.template ?? (typeof meta.template === 'string' ? resolve(dir, meta.template) : DEFAULT_TEMPLATE);
  const template = await readTemplate(templatePath);
  const slots = await readSlotOverrides(dir);
  files.push(...slots.files);
  if (!('tree' in template)) {
    files.push(template);
    return finish(result);
  }
  files.push(template.file);
  if (template.broken || slots.files.some((f) => f.messages.some((m) => m.fatal))) return finish(result);

  // Labels: shipped, the opinion's, --labels.
  const layers: LabelFile[] = [...(await builtinLabelFiles([meta.language, ...langs])), ...(await readLabelFolder(join(dir, 'labels')))];
  for (const path of options.labels ?? []) layers.push(await readLabelFile(path));
  files.push(...layers.map((layer) => layer.file).filter((file) => !files.includes(file)));
  const fallback = { file: opinionFile, place: opinion.locate('opinion', Array.isArray(meta.languages) ? '/languages' : '/language')?.position };
  const labels = new Map<string, Labels | undefined>();
  for (const lang of new Set([meta.language, ...langs])) labels.set(lang, resolveLabels(lang, layers, fallback));
  if ([...labels.values()].includes(undefined) || (!options.lenient && hasErrors(files))) return finish(result);

  const notesFiles = options.notes ? await readNotes(opinion, files) : undefined;
  for (const lang of langs) {
    const trees = await chapterTrees(opinion.chapters[lang] ?? [], options.cacheDir);
    result.renders.push(
      renderOpinion(opinion, {
        lang,
        labels: labels.get(lang)!,
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
    // The Word writer is loaded only for a Word draft.
    if (render.word) render.docx = await (await import('./word/index.js')).wordBytes(render.word);
  }
  result.ok = !hasErrors(files);
  return finish(result);
}

async function readNotes(opinion: Opinion, files: VFile[]): Promise<{ path: string; tree: Root }[]> {
  const notes: { path: string; tree: Root }[] = [];
  for (const path of opinion.notes) {
    const read = await readSource(path);
    files.push(read.file);
    if (!read.ok) continue;
    const tree = parseMarkdown(String(read.file.value));
    makeSafe(tree, read.file);
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

function hasErrors(files: readonly VFile[], only?: RegExp): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true && (!only || only.test(String(message.ruleId)))));
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

