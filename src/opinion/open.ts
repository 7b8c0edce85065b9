/**
 * The one opinion pipeline: an opinion folder read and validated once
 * (`openOpinion`), then each later step given lazily and cached — the text
 * model of every language (`text/`), the labels of a language, the resolved
 * document of a language (`render/resolve.ts`: numbering, references,
 * footnotes, the `Draft`). `buildOpinion`, `checkOpinion`, `statsOfOpinion`,
 * the folder reader of `opinion diff` and the amendments commands all take
 * an opened opinion.
 *
 * The lazy steps report nothing on the opinion's files: what resolving finds
 * (a missing translation, an unplaced recommendation…) is `opinion build`'s
 * to report, and lands on copies of the files kept with the step's result.
 * The text model and the resolver are loaded only when first asked for.
 */
import { basename, join } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { IdIndex } from '../core/ids.js';
import type { ChapterSource, Opinion } from '../core/model.js';
import type { Labels } from '../labels/labels.js';
import { builtinLabelFiles, resolveLabels, type LabelFile } from '../labels/load.js';
import type { ResolvedDocument } from '../render/resolve.js';
import type { OpinionText } from '../text/model.js';
import { validateOpinion, type ValidatedOpinion, type ValidateOptions } from '../validate/index.js';

export type OpenOptions = ValidateOptions;

export interface ResolvedLanguage {
  resolved: ResolvedDocument;
  /** What resolving found, on copies of the files (same paths): never on the opinion's own files. */
  messages: VFileMessage[];
}

export class OpenOpinion {
  /** The folder's name: outputs go to `<out>/<name>/<lang>/`. */
  readonly name: string;
  readonly opinion: Opinion | undefined;
  readonly index: IdIndex | undefined;
  /** Every file read, with the messages found in it. */
  readonly files: VFile[];
  private textModel?: Promise<OpinionText>;
  private layers?: Promise<LabelFile[]>;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    /** The sources, template, slot and label files read and checked once (see `validateOpinion`). */
    readonly validated: ValidatedOpinion,
  ) {
    ({ opinion: this.opinion, index: this.index, files: this.files } = validated);
    this.name = this.opinion?.name ?? basename(dir.replace(/[\\/]+$/, ''));
  }

  /** Loaded, and no error in any file: the later steps can run. */
  get sound(): boolean {
    return this.opinion !== undefined && !this.files.some((file) => file.messages.some((message) => message.fatal === true));
  }

  /** The text model of every language (built once, on first use). */
  text(): Promise<OpinionText> {
    const opinion = this.loaded();
    return (this.textModel ??= import('../text/model.js').then(({ buildText }) => buildText(opinion)));
  }

  /** The complete labels of a language (shipped, then the opinion's `labels/`), undefined when some are missing. */
  labels(lang: string): Promise<Labels | undefined> {
    return this.once(`labels:${lang}`, async () =>
      resolveLabels(lang, await this.labelLayers(), { file: new VFile({ path: join(this.dir, 'opinion.yaml') }) }),
    );
  }

  /**
   * The resolved document of a language, as `opinion build` renders it
   * without internal notes; undefined when the template or the labels cannot
   * be used (build reports why).
   */
  resolved(lang: string): Promise<ResolvedLanguage | undefined> {
    return this.once(`resolved:${lang}`, () => this.resolve(lang));
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  private async resolve(lang: string): Promise<ResolvedLanguage | undefined> {
    const opinion = this.loaded();
    const template = this.validated.template;
    if (!template || !('tree' in template) || template.broken) return undefined;
    const [{ resolveDocument }, labels, originalLabels] = await Promise.all([
      import('../render/resolve.js'),
      this.labels(lang),
      this.labels(opinion.meta.language),
    ]);
    if (!labels) return undefined;
    const copy = scratch(opinion);
    const resolved = resolveDocument(copy, {
      lang,
      labels,
      ...(originalLabels ? { originalLabels } : {}),
      recommendations: template.recommendations,
    });
    return { resolved, messages: copy.files.flatMap((file) => file.messages) };
  }

  /** Every label layer a language may need, read once: copies, so that resolving reports on none of the opinion's files. */
  private labelLayers(): Promise<LabelFile[]> {
    const opinion = this.loaded();
    const meta = opinion.meta;
    const langs = [meta.language, ...(Array.isArray(meta.languages) ? meta.languages : []), ...Object.keys(opinion.chapters)];
    return (this.layers ??= builtinLabelFiles(langs).then((shipped) => [
      ...shipped,
      ...(this.validated.labels ?? []).map((layer) => ({ ...layer, file: new VFile({ path: layer.file.path, value: layer.file.value }) })),
    ]));
  }

  private loaded(): Opinion {
    if (!this.opinion) throw new Error(`the opinion in ${this.dir} could not be loaded: check \`opened.opinion\` first`);
    return this.opinion;
  }
}

/** Read and validate an opinion folder once; an opened opinion is given back as it is. */
export async function openOpinion(source: string | OpenOpinion, options: OpenOptions = {}): Promise<OpenOpinion> {
  if (typeof source !== 'string') return source;
  return new OpenOpinion(source, await validateOpinion(source, options));
}

/**
 * The opinion with scratch copies of its files (same paths and text, no
 * messages): what resolving reports lands on them, not on the sources.
 * Chapters keep their parsed trees (shared, read-only here).
 */
function scratch(opinion: Opinion): Opinion {
  const copies = new Map(opinion.files.map((file) => [file, new VFile({ path: file.path, value: file.value })]));
  const copy = (file: VFile) => {
    if (!copies.has(file)) copies.set(file, new VFile({ path: file.path, value: file.value }));
    return copies.get(file)!;
  };
  const chapters = Object.fromEntries(
    Object.entries(opinion.chapters).map(([lang, sources]) => [
      lang,
      sources.map((source): ChapterSource => Object.create(source, { file: { value: copy(source.file), enumerable: true } })),
    ]),
  );
  return { ...opinion, files: [...copies.values()], chapters };
}
