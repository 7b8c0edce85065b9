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

/** The language's name in English (for messages and docs). */
export const LANGUAGE_NAMES: Record<OfficialLanguage, string> = {
  bg: 'Bulgarian',
  es: 'Spanish',
  cs: 'Czech',
  da: 'Danish',
  de: 'German',
  et: 'Estonian',
  el: 'Greek',
  en: 'English',
  fr: 'French',
  ga: 'Irish',
  hr: 'Croatian',
  it: 'Italian',
  lv: 'Latvian',
  lt: 'Lithuanian',
  hu: 'Hungarian',
  mt: 'Maltese',
  nl: 'Dutch',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  sk: 'Slovak',
  sl: 'Slovenian',
  fi: 'Finnish',
  sv: 'Swedish',
};

export function isOfficialLanguage(code: string): code is OfficialLanguage {
  return (OFFICIAL_LANGUAGES as readonly string[]).includes(code);
}
