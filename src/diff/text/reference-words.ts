/**
 * Words that introduce a cross-reference to a numbered item of the opinion
 * itself ("point 3.2", "points 1.3 and 1.4", "chapter 2", "footnote 4"), in
 * the official EU languages, with the words that join several numbers
 * ("and", "or", "to"…). Lower case; matched case-insensitively.
 */

/** The nouns for a point or sub-heading ("point 3.2"): only multi-level numbers follow them. */
export const POINT_NOUNS: readonly string[] = [
  // en
  'point',
  'points',
  'paragraph',
  'paragraphs',
  'section',
  'sections',
  // fr
  'paragraphe',
  'paragraphes',
  // it
  'punto',
  'punti',
  'paragrafo',
  'paragrafi',
  'sezione',
  // de
  'ziffer',
  'ziffern',
  'punkt',
  'punkte',
  'nummer',
  'abschnitt',
  'abschnitte',
  // es, pt
  'apartado',
  'apartados',
  'sección',
  'ponto',
  'pontos',
  'secção',
  'seção',
  // nl
  'punt',
  'punten',
  'paragraaf',
  'paragrafen',
  // da, sv
  'afsnit',
  'punkterne',
  'avsnitt',
  'punkterna',
  // fi, et
  'kohta',
  'kohdat',
  'kohdassa',
  'kohdan',
  'punktis',
  'punktid',
  // pl, cs, sk, sl, hr
  'punkcie',
  'punktu',
  'punkty',
  'bod',
  'bodu',
  'bodě',
  'body',
  'točka',
  'točki',
  // ro, hu, lt, lv, mt, ga
  'punctul',
  'punctele',
  'pont',
  'pontja',
  'punktas',
  'punktai',
  'punkts',
  'punkti',
  'paragrafu',
  'pointe',
  'mír',
  // el, bg
  'σημείο',
  'σημεία',
  'παράγραφο',
  'παράγραφος',
  'точка',
  'точки',
  'параграф',
];

/** The verbs that introduce a reference ("see 3.2", "voir 3.2"), which a number may follow as it follows a noun. */
export const SEE_WORDS: readonly string[] = ['see', 'voir', 'cfr', 'vedi', 'siehe', 'véase', 'ver', 'zie', 'se'];

/** Introduce point or sub-heading numbers ("3.2"): the nouns and the verbs. */
export const POINT_WORDS: readonly string[] = [...POINT_NOUNS, ...SEE_WORDS];

/**
 * Introduce chapter numbers ("chapter 3"), which may be single integers.
 * ("paragraph 2" is left alone: it is usually a paragraph of an article.)
 */
export const CHAPTER_WORDS: readonly string[] = [
  'chapter',
  'chapters',
  'chapitre',
  'chapitres',
  'capitolo',
  'capitoli',
  'kapitel',
  'capítulo',
  'capítulos',
  'hoofdstuk',
  'luku',
  'peatükk',
  'rozdział',
  'rozdziale',
  'kapitola',
  'kapitole',
  'poglavje',
  'poglavlje',
  'capitolul',
  'fejezet',
  'skyrius',
  'nodaļa',
  'kapitlu',
  'caibidil',
  'κεφάλαιο',
  'глава',
];

/** Introduce footnote numbers. */
export const FOOTNOTE_WORDS: readonly string[] = [
  'footnote',
  'footnotes',
  'note',
  'notes',
  'fußnote',
  'fussnote',
  'nota',
  'voetnoot',
  'fodnote',
  'fotnot',
  'alaviite',
  'joonealune',
  'przypis',
  'poznámka',
  'opomba',
  'bilješka',
  'lábjegyzet',
  'išnaša',
  'zemsvītras',
  'υποσημείωση',
  'бележка',
  'fonóta',
];

/** Words joining several numbers after one keyword: "points 1.3 and 1.4", "1.3 to 1.5". */
export const JOIN_WORDS: readonly string[] = [
  'and',
  'or',
  'to',
  'et',
  'ou',
  'à',
  'e',
  'ed',
  'o',
  'a',
  'y',
  'u',
  'und',
  'oder',
  'bis',
  'en',
  'tot',
  'i',
  'og',
  'och',
  'eller',
  'till',
  'ja',
  'tai',
  'és',
  'vagy',
  'ir',
  'arba',
  'un',
  'vai',
  'līdz',
  'in',
  'ali',
  'do',
  'až',
  'lub',
  'oraz',
  'sau',
  'la',
  'agus',
  'nó',
  'go',
  'jew',
  'sa',
  'και',
  'ή',
  'έως',
  'и',
  'или',
  'до',
];
