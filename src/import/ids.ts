/**
 * Stable, readable ids for imported points, headings, chapters, footnotes
 * and recommendations: a few significant words of the text, in kebab case
 * (the id pattern of the schemas), made unique across the opinion.
 */
import transliterate from '@sindresorhus/transliterate';
import { ID_PATTERN } from '../core/markdown-syntax.js';
import { idOfBookmark } from '../core/bookmarks.js';

const STOP = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or so such that the their them these they this those to was were which with ' +
    'eesc committee european economic social considers believes notes stresses therefore also however its should would could can may must ' +
    'le la les de des du et en un une au aux pour par sur dans que qui est sont il elle ce cette ces cese ' +
    'il lo gli i di del della dei delle e per con su che nel nella ' +
    'der die das den dem des und ein eine einer im in zu zur zum von mit auf für ist sind ewsa'
  ).split(' '),
);

const WORDS = 3;

/**
 * The words of a text in lower-case ASCII: accents dropped ("Économie sociale" → ["economie",
 * "sociale"]), then the letters that have none to drop transliterated ("Zespół" → "zespol",
 * "Επιτροπή" → "epitropi", "комитет" → "komitet").
 */
function asciiWords(text: string): string[] {
  const ascii = transliterate(text.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '')).toLowerCase();
  return ascii.split(/[^a-z0-9]+/u).filter(Boolean);
}

/** "The EESC calls on the Commission to promote SEEs" → "calls-commission-promote". */
export function slug(text: string, words = WORDS): string {
  const all = asciiWords(text);
  const significant = all.filter((word) => !STOP.has(word) && !/^\d+$/u.test(word));
  const chosen = (significant.length ? significant : all).slice(0, words);
  const id = chosen.join('-').replace(/^[0-9-]+/u, '');
  return ID_PATTERN.test(id) ? id : '';
}

/** Initials of a chapter title: "General comments" → "gc". */
export function initials(title: string): string {
  const letters = asciiWords(title)
    .filter((word) => !STOP.has(word))
    .map((word) => word[0])
    .join('');
  return /^[a-z][a-z0-9]*$/u.test(letters) ? letters.slice(0, 4) : 'p';
}

/** The id a Word draft written by `opinion build` gave a paragraph, read back from its bookmarks. */
export function idOfBookmarks(anchors: readonly string[] = []): string | undefined {
  return anchors.map(idOfBookmark).find((id) => id !== undefined);
}

export class IdMaker {
  private readonly used = new Set<string>();

  /** `id` itself, when no other has it yet. */
  keep(id: string): string | undefined {
    if (this.used.has(id)) return undefined;
    this.used.add(id);
    return id;
  }

  /** `prefix-words` (or `prefix-fallback` when the text gives no usable word), unique: `-2`, `-3`… */
  make(prefix: string, text: string, fallback: string, count = WORDS): string {
    const words = slug(text, count);
    let base = [prefix, words || fallback].filter(Boolean).join('-');
    if (!ID_PATTERN.test(base)) base = `${prefix || 'p'}-${fallback}`.replace(/[^a-z0-9-]/gu, '');
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
