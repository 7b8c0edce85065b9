/**
 * A language version as `opinion build` renders it (numbered points,
 * references as labels, acronyms expanded, citations as footnotes), made
 * from the opinion already loaded and validated — the sources are not read
 * twice. For the length rule and `opinion stats`.
 *
 * Problems met while rendering (a template or label file in error, a
 * reference to a recommendation that is not placed…) are `opinion build`'s
 * to report: rendering here reports them on scratch copies of the source
 * files, never on the sources, and when no draft can be made the callers
 * fall back on the text model.
 */
import { join, resolve } from 'node:path';
import type { Draft } from '../core/draft.js';
import { VFile } from 'vfile';
import type { ChapterSource, Opinion } from '../core/model.js';
import { builtinLabelFiles, readLabelFolder, resolveLabels, type LabelFile } from '../labels/load.js';
import { readTemplate } from '../core/template-load.js';
import { LABEL_KEYS } from '../labels/labels.js';
import { resolveDocument } from '../render/resolve.js';
import { DEFAULT_TEMPLATE } from '../core/package-files.js';
import type { RecommendationGrouping } from '../core/template.js';

export interface RenderedDraft {
  draft: Draft;
  /** Characters without spaces, counted as the build counts them. */
  characters: number;
}

/** Renders drafts of one opinion, reading its label files and template once. */
export class DraftRenderer {
  private layers?: Promise<LabelFile[]>;
  private template?: Promise<{ recommendations: RecommendationGrouping } | undefined>;

  constructor(private readonly opinion: Opinion) {}

  async render(lang: string): Promise<RenderedDraft | undefined> {
    const layers = await (this.layers ??= this.readLabels());
    const template = await (this.template ??= this.readTemplate());
    if (!template) return undefined;
    const opinion = scratch(this.opinion);
    const fallback = { file: new VFile({ path: join(opinion.dir, 'opinion.yaml') }) };
    const labels = resolveLabels(lang, layers, fallback);
    const originalLabels = lang === opinion.meta.language ? labels : resolveLabels(opinion.meta.language, layers, fallback);
    if (!labels) return undefined;
    const resolved = resolveDocument(opinion, {
      lang,
      labels,
      ...(originalLabels ? { originalLabels } : {}),
      recommendations: template.recommendations,
    });
    return { draft: resolved.draft, characters: resolved.length.characters };
  }

  private async readLabels(): Promise<LabelFile[]> {
    const meta = this.opinion.meta;
    const langs = [meta.language, ...(Array.isArray(meta.languages) ? meta.languages : []), ...Object.keys(this.opinion.chapters)];
    return [...(await builtinLabelFiles(langs)), ...(await readLabelFolder(join(this.opinion.dir, 'labels')))];
  }

  private async readTemplate() {
    const meta = this.opinion.meta;
    const path = typeof meta.template === 'string' ? resolve(this.opinion.dir, meta.template) : DEFAULT_TEMPLATE;
    const template = await readTemplate(path, LABEL_KEYS);
    if (!('tree' in template) || template.broken) return undefined;
    return { recommendations: template.recommendations };
  }
}

/**
 * The opinion with scratch copies of its files (same paths and text, no
 * messages): what rendering reports lands on them and is dropped with them.
 * Chapters keep their parsed trees (shared, read-only here).
 */
function scratch(opinion: Opinion): Opinion {
  const copies = new Map(opinion.files.map((file) => [file, new VFile({ path: file.path, value: file.value })]));
  const copy = (file: VFile) => copies.get(file) ?? new VFile({ path: file.path, value: file.value });
  const chapters = Object.fromEntries(
    Object.entries(opinion.chapters).map(([lang, sources]) => [
      lang,
      sources.map((source): ChapterSource => Object.create(source, { file: { value: copy(source.file), enumerable: true } })),
    ]),
  );
  return { ...opinion, files: [...copies.values()], chapters };
}
