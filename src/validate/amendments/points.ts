/**
 * The points an amendment can target, by stable id: their number as the
 * text is numbered now, their reading order, their source text (Markdown,
 * original language) and where that text is written in every language — a
 * span of a chapter file, or a YAML scalar of `recommendations.yaml` /
 * `principles.yaml`. Made from the check's text model without its inline
 * prose (fast: no rendering, no inline scan).
 */
import type { Located, Opinion, Text } from '../../core/model.js';
import { LEADING_ID } from '../../core/markdown-syntax.js';
import { allBlocks, buildText, type OpinionText, type TextBlock } from '../../text/model.js';
import type { SourceFiles } from '../../text/sources.js';

/** Where the text of a point is written in one language. */
export type PointPlace =
  | {
      in: 'prose';
      file: string;
      /** The block (id marker included) as offsets in the file's text. */
      start: number;
      end: number;
      /** Where the text after the `{#id}` marker starts. */
      textStart: number;
    }
  | {
      in: 'yaml';
      kind: 'recommendations' | 'principles';
      index: number;
      /** JSON pointer of the text scalar (`/recommendations/2/text`, `…/text/fr`). */
      pointer: string;
      file: string;
    };

export interface PointInfo {
  id: string;
  /** Number as rendered now (`1.3`); absent for an unnumbered point. */
  number?: string;
  from: 'prose' | 'principle' | 'recommendation';
  /** Position in reading order (original language). */
  order: number;
  /** The Markdown source of the point's text, original language, id marker left out. */
  source: string;
  at: Located;
  /** Where the text is, per language. */
  places: Map<string, PointPlace>;
  /** The text in each language (Markdown source). */
  texts: Map<string, string>;
}

export interface PointIndex {
  original: string;
  langs: string[];
  points: Map<string, PointInfo>;
  /** Ids of headings and chapters: known, but not points an amendment can target. */
  others: Map<string, 'heading' | 'chapter' | 'footnote'>;
  /** Point ids in reading order. */
  order: string[];
}

const cache = new WeakMap<Opinion, { all?: PointIndex; original?: PointIndex }>();

/**
 * The points of an opinion, by id. With `originalOnly`, only the original
 * language is read (numbers, order, source text: what list, sheet and
 * validation need); `apply` needs every language's places. Made once per
 * opinion and kind.
 */
export function indexPoints(opinion: Opinion, prebuilt?: OpinionText, options: { originalOnly?: boolean } = {}): PointIndex {
  const cached = cache.get(opinion) ?? {};
  const hit = cached.all ?? (options.originalOnly ? cached.original : undefined);
  if (hit && !prebuilt) return hit;
  const original = typeof opinion.meta.language === 'string' ? opinion.meta.language : 'en';
  const source =
    options.originalOnly && !prebuilt ? { ...opinion, chapters: opinion.chapters[original] ? { [original]: opinion.chapters[original] } : {} } : opinion;
  const made = makeIndex(opinion, prebuilt ?? buildText(source, undefined, { prose: false }));
  // An opinion written in its original language only: the original's index is the whole index.
  const onlyOriginal = Object.keys(opinion.chapters).every((lang) => lang === original);
  if (options.originalOnly && !prebuilt && !onlyOriginal) cached.original = made;
  else cached.all = made;
  cache.set(opinion, cached);
  return made;
}

function makeIndex(opinion: Opinion, text: OpinionText): PointIndex {
  const points = new Map<string, PointInfo>();
  const others = new Map<string, 'heading' | 'chapter' | 'footnote'>();
  const order: string[] = [];

  for (const lang of text.langs) {
    for (const block of allBlocks(text.byLang.get(lang))) {
      if (!block.id) continue;
      if (block.kind === 'heading' || block.kind === 'title' || block.kind === 'footnote') {
        if (lang === text.original) others.set(block.id, block.kind === 'title' ? 'chapter' : block.kind);
        continue;
      }
      const place = placeOf(opinion, block, lang, text.original, text.sources);
      if (!place) continue;
      const source = place.place.in === 'prose' ? sourceText(place.place, text.sources) : yamlText(opinion, place.place);
      let info = points.get(block.id);
      if (lang === text.original && !info) {
        info = {
          id: block.id,
          ...(block.number ? { number: block.number } : {}),
          from: block.from === 'principle' || block.from === 'recommendation' ? block.from : 'prose',
          order: order.length,
          source,
          at: block.at,
          places: new Map(),
          texts: new Map(),
        };
        points.set(block.id, info);
        order.push(block.id);
      }
      if (!info || info.places.has(lang)) continue;
      info.places.set(lang, place.place);
      info.texts.set(lang, source);
    }
  }
  for (const chapters of Object.values(opinion.chapters)) for (const chapter of chapters) if (!points.has(chapter.id)) others.set(chapter.id, 'chapter');
  return { original: text.original, langs: text.langs, points, others, order };
}

function placeOf(opinion: Opinion, block: TextBlock, lang: string, original: string, sources: SourceFiles): { place: PointPlace } | undefined {
  if (block.from === 'recommendation' || block.from === 'principle') {
    const kind = block.from === 'recommendation' ? 'recommendations' : 'principles';
    const items: { id?: unknown; text?: Text }[] = kind === 'recommendations' ? opinion.recommendations : opinion.principles;
    const index = items.findIndex((item) => item.id === block.id);
    if (index < 0) return undefined;
    const value = items[index]!.text;
    const pointer =
      typeof value === 'string'
        ? lang === original
          ? `/${kind}/${index}/text`
          : undefined
        : value && typeof value[lang] === 'string'
          ? `/${kind}/${index}/text/${lang}`
          : undefined;
    if (!pointer) return undefined;
    return { place: { in: 'yaml', kind, index, pointer, file: block.at.file } };
  }
  if (block.from !== 'prose') return undefined;
  const file = block.at.file;
  const text = sources.text(file);
  // The text model's places carry their offsets; line and column are the fallback.
  const { start: from, end: to } = block.at.position;
  const start = from.offset ?? sources.lineIndex(file).offset(from.line, from.column);
  let end = to.offset ?? sources.lineIndex(file).offset(to.line, to.column);
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  const marker = LEADING_ID.exec(text.slice(start, Math.min(end, start + 200)));
  return { place: { in: 'prose', file, start, end, textStart: start + (marker ? marker[0].length : 0) } };
}

function sourceText(place: Extract<PointPlace, { in: 'prose' }>, sources: SourceFiles): string {
  return sources.text(place.file).slice(place.textStart, place.end).trim();
}

/** The YAML text of a recommendation or principle in `lang`, as the loaded data has it. */
export function yamlText(opinion: Opinion, place: Extract<PointPlace, { in: 'yaml' }>): string {
  const item = (place.kind === 'recommendations' ? opinion.recommendations : opinion.principles)[place.index];
  const value = item?.text;
  if (typeof value === 'string') return value.trim();
  const lang = place.pointer.split('/').pop() ?? '';
  return typeof value?.[lang] === 'string' ? value[lang].trim() : '';
}
