/**
 * The 24 official languages of the European Union, in which the EESC adopts
 * and publishes every opinion (ISO 639-1 codes, in the order of the Official
 * Journal: bg, es, cs, da, de, et, el, en, fr, ga, hr, it, lv, lt, hu, mt,
 * nl, pl, pt, ro, sk, sl, fi, sv).
 */
export const OFFICIAL_LANGUAGES = [
  'bg',
  'es',
  'cs',
  'da',
  'de',
  'et',
  'el',
  'en',
  'fr',
  'ga',
  'hr',
  'it',
  'lv',
  'lt',
  'hu',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'fi',
  'sv',
] as const;

export type OfficialLanguage = (typeof OFFICIAL_LANGUAGES)[number];

/** The same codes in alphabetical order, as the command line offers them (`--lang`). */
export const LANGUAGE_CODES: readonly OfficialLanguage[] = [...OFFICIAL_LANGUAGES].sort();

export function isOfficialLanguage(code: string): code is OfficialLanguage {
  return (OFFICIAL_LANGUAGES as readonly string[]).includes(code);
}

/** The primary language of a BCP 47 tag, as opinions name languages: `el-GR` → `el`, `EN_gb` → `en`. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}
