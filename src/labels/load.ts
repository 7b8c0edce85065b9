/**
 * Reading label files and merging them into the complete labels of one
 * language. Layers, later ones winning key by key:
 *
 * 1. `templates/languages/<lang>.yaml` (ships for the 24 official languages);
 * 2. the opinion's own `labels/<lang>.yaml`;
 * 3. files given with `--labels FILE` (each says its `lang:`).
 *
 * A language that does not ship needs every label from layers 2–3; a missing
 * label is an error naming the keys, never a silent fallback to English.
 */
import { accessSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { VFile } from 'vfile';
import { report, type MessageOptions } from '../core/messages.js';
import { readSource } from '../core/read-source.js';
import { opinionScope, type ReadScope } from '../core/safe-read.js';
import { parseYamlSource, yamlSourceOf, type YamlSource } from '../core/yaml-source.js';
import { escapePointerSegment } from '../core/json-pointer.js';
import { didYouMeanNearest, suggest } from '../core/suggest.js';
import { regexHazard } from '../core/regexp.js';
import type { Located, Position } from '../core/model.js';
import {
  LABEL_KEYS,
  NEUTRAL_LABELS,
  LIST_LABELS,
  META_LISTS,
  OPTIONAL_LABELS,
  PLURAL_WORD_CHOICES,
  EXPAND_CHOICES,
  PUNCTUATION_SPACE_CHOICES,
  spacePunctuation,
  TEXT_LABELS,
  placeholdersOf,
  type LabelKey,
  type Labels,
  type ListLabelKey,
  type MetaListKey,
} from './labels.js';
import { BUILTIN_LANGUAGES_DIR } from '../core/package-files.js';
import { namedKeys } from './unverified.js';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** The label files that ship: `templates/languages/<lang>.yaml` of the package. */
export { BUILTIN_LANGUAGES_DIR };

/** One label file, checked and flattened to dotted keys (`header.rapporteur`). */
export interface LabelFile {
  file: VFile;
  lang?: string;
  locale?: string;
  text: Map<LabelKey, string>;
  lists: Map<ListLabelKey, unknown[]>;
  /** `unverified:` and `same-as-english:` (label keys). */
  meta: Map<MetaListKey, Set<LabelKey>>;
  /** Where each label stands in the file (found on first use: most runs report none). */
  places: LabelPlaces;
}

/** Where the labels of one file stand, located on first use (a position may need the file parsed again). */
export class LabelPlaces {
  private readonly pointers = new Map<LabelKey, string>();
  constructor(private readonly source?: YamlSource) {}
  set(key: LabelKey, pointer: string): void {
    this.pointers.set(key, pointer);
  }
  /** Each label's JSON pointer, in the order they were set. */
  entries(): [LabelKey, string][] {
    return [...this.pointers];
  }
  get(key: LabelKey): Position | undefined {
    const pointer = this.pointers.get(key);
    return pointer === undefined ? undefined : this.source?.locate(pointer);
  }
}

const LANG_CODE = /^[a-z]{2,3}$/;
/** Labels that are settings: the words they may be. */
const CHOICES: Record<string, readonly string[]> = {
  'glossary.plural-word': PLURAL_WORD_CHOICES,
  'glossary.expand': EXPAND_CHOICES,
  'typography.punctuation-space': PUNCTUATION_SPACE_CHOICES,
};

const KNOWN_KEYS = [...LABEL_KEYS, ...LIST_LABELS, ...META_LISTS, 'lang', 'locale'];

export async function readLabelFile(path: string, scope?: ReadScope): Promise<LabelFile> {
  const read = await readSource(path, scope);
  if (!read.ok) return emptyLabelFile(read.file);
  return parseLabelFile(read.file);
}

/**
 * What flattening a label file gives, as JSON: `npm run build` writes it for
 * each label file that ships (dist/labels/<lang>.json), so that a run takes
 * the file's labels without checking and flattening them again.
 */
export interface FlatLabels {
  text: [LabelKey, string][];
  lists: [ListLabelKey, unknown[]][];
  meta: [MetaListKey, LabelKey[]][];
  places: [LabelKey, string][];
}

export function flatLabels(labels: LabelFile): FlatLabels {
  return {
    text: [...labels.text],
    lists: [...labels.lists],
    meta: [...labels.meta].map(([key, keys]) => [key, [...keys]]),
    places: labels.places.entries(),
  };
}

/**
 * Check and flatten a label file already read into `file` (`known`: its
 * data, known to be what parsing `file` gives; `flat`: what flattening that
 * data gives, known to come with no message).
 */
export function parseLabelFile(file: VFile, known?: unknown, flat?: FlatLabels): LabelFile {
  const source = known === undefined ? parseYamlSource(file) : yamlSourceOf(file, known);
  const result = emptyLabelFile(file, source);
  const data = source.data;
  if (data === undefined) return result;
  if (!isRecord(data)) {
    report(file, 'Unexpected content, expected a mapping of labels (`lang:`, `header:`, `title:`…)', {
      ruleId: 'labels/invalid',
      place: { line: 1, column: 1 },
    });
    return result;
  }
  const fromName = basename(file.path ?? '').replace(/\.ya?ml$/, '');
  if (typeof data.lang === 'string' && LANG_CODE.test(data.lang)) result.lang = data.lang;
  else if (data.lang !== undefined) {
    invalid(source, '/lang', `Unexpected \`lang\` value, expected a language code such as \`fr\``);
  } else if (LANG_CODE.test(fromName)) result.lang = fromName;
  else {
    report(file, 'Missing `lang`, expected the language code these labels are for (e.g. `lang: fr`)', {
      ruleId: 'labels/missing-lang',
      place: { line: 1, column: 1 },
    });
  }
  if (typeof data.locale === 'string' && isLocale(data.locale)) result.locale = data.locale;
  else if (typeof data.locale === 'string') {
    invalid(source, '/locale', `Unexpected locale \`${data.locale}\`, expected a BCP 47 locale such as \`fr-FR\` or \`de-AT\``);
  } else if (data.locale !== undefined) {
    invalid(source, '/locale', 'Unexpected `locale` value, expected a locale such as `fr-FR`');
  }
  if (known !== undefined && flat) {
    for (const [key, value] of flat.text) result.text.set(key, value);
    for (const [key, value] of flat.lists) result.lists.set(key, value);
    for (const [key, keys] of flat.meta) result.meta.set(key, new Set(keys));
    for (const [key, pointer] of flat.places) result.places.set(key, pointer);
  } else flatten(data, '', source, result);
  return result;
}

function flatten(data: Record<string, unknown>, prefix: string, source: YamlSource, result: LabelFile): void {
  for (const [key, value] of Object.entries(data)) {
    const dotted = prefix + key;
    const pointer = '/' + dotted.split('.').map(escapePointerSegment).join('/');
    if (prefix === '' && (key === 'lang' || key === 'locale')) continue;
    if (prefix === '' && (META_LISTS as readonly string[]).includes(key)) {
      readMetaList(key as MetaListKey, value, source, pointer, result);
      continue;
    }
    if (dotted in TEXT_LABELS) {
      if (typeof value !== 'string') {
        invalid(source, pointer, `Unexpected ${describe(value)} for \`${dotted}\`, expected text`);
        continue;
      }
      checkPlaceholders(dotted as LabelKey, value, source, pointer);
      result.places.set(dotted as LabelKey, pointer);
      const choices = CHOICES[dotted];
      if (choices && !choices.includes(value)) {
        invalid(
          source,
          pointer,
          `Unexpected \`${value}\` for \`${dotted}\`, expected ${choices.map((c) => `\`${c}\``).join(choices.length === 2 ? ' or ' : ', ')}`,
          { expected: [...choices] },
        );
        continue;
      }
      result.text.set(dotted as LabelKey, value);
    } else if ((LIST_LABELS as readonly string[]).includes(dotted)) {
      if (checkList(dotted as ListLabelKey, value, source, pointer)) result.lists.set(dotted as ListLabelKey, value as unknown[]);
    } else if (isRecord(value) && KNOWN_KEYS.some((k) => k.startsWith(dotted + '.'))) {
      flatten(value, dotted + '.', source, result);
    } else {
      const near = suggest(dotted, KNOWN_KEYS, 1);
      report(source.file, `Unexpected label \`${dotted}\`${didYouMeanNearest(near)}`, {
        ruleId: 'labels/unknown-key',
        severity: 'warning',
        place: source.locate(pointer, 'key'),
        expected: near,
        note: 'It is not used. The labels are listed in templates/languages/en.yaml and schemas/labels.schema.json',
      });
    }
  }
}

function emptyLabelFile(file: VFile, source?: YamlSource): LabelFile {
  return { file, text: new Map(), lists: new Map(), meta: new Map(), places: new LabelPlaces(source) };
}

function readMetaList(key: MetaListKey, value: unknown, source: YamlSource, pointer: string, result: LabelFile): void {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    invalid(source, pointer, `Unexpected ${describe(value)} for \`${key}\`, expected a list of label keys such as \`header.rapporteur\``);
    return;
  }
  const keys = new Set<LabelKey>();
  value.forEach((item: string, i) => {
    if ((LABEL_KEYS as readonly string[]).includes(item)) keys.add(item as LabelKey);
    else {
      const near = suggest(item, LABEL_KEYS, 1);
      report(source.file, `Unexpected label \`${item}\` in \`${key}\`${didYouMeanNearest(near)}`, {
        ruleId: 'labels/unknown-key',
        severity: 'warning',
        place: source.locate(`${pointer}/${i}`),
        expected: near,
      });
    }
  });
  result.meta.set(key, keys);
}

function checkPlaceholders(key: LabelKey, value: string, source: YamlSource, pointer: string): void {
  const allowed: readonly string[] = TEXT_LABELS[key];
  for (const name of placeholdersOf(value)) {
    if (allowed.includes(name)) continue;
    report(
      source.file,
      `Unexpected placeholder \`{${name}}\` in \`${key}\`, expected ${allowed.length ? allowed.map((a) => `\`{${a}}\``).join(', ') : 'none'}`,
      {
        ruleId: 'labels/unknown-placeholder',
        place: source.locate(pointer),
        expected: allowed.map((a) => `{${a}}`),
      },
    );
  }
}

function checkList(key: ListLabelKey, value: unknown, source: YamlSource, pointer: string): boolean {
  const fail = (reason: string) => {
    invalid(source, pointer, reason);
    return false;
  };
  if (!Array.isArray(value)) return fail(`Unexpected ${describe(value)} for \`${key}\`, expected a list`);
  if (key === 'glossary.plural-words') {
    return value.every((v) => typeof v === 'string') || fail('Unexpected item in `glossary.plural-words`, expected words');
  }
  for (const rule of value) {
    if (!Array.isArray(rule) || rule.length !== 2 || typeof rule[0] !== 'string' || typeof rule[1] !== 'string') {
      return fail('Unexpected item in `glossary.plural-rules`, expected `[pattern, replacement]` pairs');
    }
    try {
      new RegExp(rule[0], 'u');
    } catch (error) {
      return fail(`Unexpected pattern \`${rule[0]}\` in \`glossary.plural-rules\`: ${(error as Error).message}`);
    }
    const hazard = regexHazard(rule[0]);
    if (hazard)
      return fail(
        `Unexpected pattern \`${rule[0]}\` in \`glossary.plural-rules\`: ${hazard}, expected a simple pattern on the end of a word such as \`([^aeiou])y$\``,
      );
  }
  return true;
}

/**
 * The label files of a folder (`<dir>/<lang>.yaml`), by language; an absent
 * folder holds none. `opinionDir`: nothing outside that folder is read.
 */
export async function readLabelFolder(dir: string, opinionDir?: string): Promise<LabelFile[]> {
  const scope = opinionDir === undefined ? undefined : opinionScope(opinionDir);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(names.map((name) => readLabelFile(join(dir, name), scope)));
}

/**
 * A label file of the package, read with the data `npm run build` wrote for
 * its exact text (dist/labels/<lang>.json, see src/scripts/bundle.mjs) when
 * there is one, and its labels as flattening gives them: JSON instead of a
 * cold YAML parse and check. Any other text is parsed and checked.
 */
async function readBuiltinLabelFile(path: string, lang: string): Promise<LabelFile> {
  const read = await readSource(path);
  if (!read.ok) return emptyLabelFile(read.file);
  let compiled: { text?: unknown; data?: unknown; flat?: FlatLabels } | undefined;
  try {
    compiled = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'dist', 'labels', `${lang}.json`), 'utf8')) as { text?: unknown; data?: unknown; flat?: FlatLabels };
  } catch {
    compiled = undefined;
  }
  const known = compiled !== undefined && compiled.text === String(read.file.value) && compiled.data !== undefined;
  return known ? parseLabelFile(read.file, compiled!.data, compiled!.flat) : parseLabelFile(read.file);
}

const builtinCache = new Map<string, Promise<LabelFile | undefined>>();

/**
 * The label files that ship, for the languages asked for (each read once per
 * process; a language that does not ship has none).
 */
export async function builtinLabelFiles(langs: Iterable<string>, dir = BUILTIN_LANGUAGES_DIR): Promise<LabelFile[]> {
  const files = await Promise.all(
    [...new Set(langs)].map((lang) => {
      const path = join(dir, `${lang}.yaml`);
      let cached = builtinCache.get(path);
      if (!cached) {
        // Asked synchronously, as the files are read: a one-shot build then never loads fs/promises.
        cached = readable(path)
          ? dir === BUILTIN_LANGUAGES_DIR && LANG_CODE.test(lang)
            ? readBuiltinLabelFile(path, lang)
            : readLabelFile(path)
          : Promise.resolve(undefined);
        builtinCache.set(path, cached);
      }
      return cached;
    }),
  );
  // Each caller gets its own VFile: messages of one build never pile up on the shared copy.
  return files.filter((file): file is LabelFile => file !== undefined).map(ownCopy);
}

function readable(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false;
  }
}

function ownCopy(layer: LabelFile): LabelFile {
  const file = new VFile({ path: layer.file.path, value: layer.file.value });
  file.messages = [...layer.file.messages];
  return { ...layer, file };
}

/**
 * Merge the layers for `lang`. Returns the labels when every key is there;
 * otherwise reports the missing keys on the most specific file for the
 * language, or on `fallback` (the opinion's `languages`) when there is none:
 * `at` as `opinion.locate` gives it, its position read only then.
 */
export function resolveLabels(lang: string, layers: readonly LabelFile[], fallback: { file: VFile; at?: Located | undefined }): Labels | undefined {
  const mine = layers.filter((layer) => layer.lang === lang);
  const text = new Map<LabelKey, string>();
  const lists = new Map<ListLabelKey, unknown[]>();
  let locale: string | undefined;
  const unverified = new Set<LabelKey>();
  for (const layer of mine) {
    // A later layer that sets a label takes responsibility for it, unless it says it is unverified too.
    for (const key of layer.text.keys()) unverified.delete(key);
    for (const key of layer.meta.get('unverified') ?? []) unverified.add(key);
    for (const [key, value] of layer.text) text.set(key, value);
    for (const [key, value] of layer.lists) lists.set(key, value);
    if (layer.locale) locale = layer.locale;
  }
  if (mine.length > 0) for (const [key, value] of Object.entries(NEUTRAL_LABELS) as [LabelKey, string][]) if (!text.has(key)) text.set(key, value);
  const missing = [...LABEL_KEYS.filter((key) => !text.has(key) && !OPTIONAL_LABELS.has(key)), ...LIST_LABELS.filter((key) => !lists.has(key))];
  if (mine.length === 0 || missing.length > 0) {
    const last = mine[mine.length - 1];
    report(
      last?.file ?? fallback.file,
      mine.length === 0
        ? `Missing labels for language \`${lang}\`, expected a label file \`labels/${lang}.yaml\` in the opinion folder`
        : `Missing labels for language \`${lang}\`: ${namedKeys(missing, 8)}`,
      {
        ruleId: 'labels/missing',
        place: last ? { line: 1, column: 1 } : fallback.at?.position,
        note: 'Copy templates/languages/en.yaml, set `lang:` and translate every label; labels are never taken from another language',
      },
    );
    return undefined;
  }
  const plural = {
    variantSuffix: text.get('glossary.plural-variant-suffix')!,
    words: (lists.get('glossary.plural-words') as string[]).map((w) => w.toLowerCase()),
    word: text.get('glossary.plural-word') as Labels['plural']['word'],
    rules: (lists.get('glossary.plural-rules') as [string, string][]).map(([pattern, replacement]): [RegExp, string] => [
      new RegExp(pattern, 'u'),
      replacement,
    ]),
    expand: text.get('glossary.expand') as Labels['plural']['expand'],
  };
  // The labels' own punctuation spaces, as the language's typography says (one draft, one convention).
  const spacing = text.get('typography.punctuation-space')!;
  if (spacing !== 'as-written') {
    for (const [key, value] of text)
      if (/^(title|kind|header|values|closing|appendix|amendments|refs|stage|notes|html|citation|addressees|sections|scaffold|sheet)\./.test(key))
        text.set(key, spacePunctuation(value, spacing));
  }
  return {
    lang,
    locale: locale ?? lang,
    text: Object.fromEntries(text) as Record<LabelKey, string>,
    plural,
    unverified: LABEL_KEYS.filter((key) => unverified.has(key)),
  };
}

/** Whether dates and numbers can be formatted for `locale` (a malformed tag makes `Intl` throw). */
function isLocale(locale: string): boolean {
  // `Intl.DateTimeFormat` throws for exactly the tags this throws for (both canonicalize the list
  // as ECMA-402's CanonicalizeLocaleList does), and this one loads no locale data (60 ms cold).
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** A label file's value at `pointer` that cannot be used. */
function invalid(source: YamlSource, pointer: string, reason: string, more: Pick<MessageOptions, 'expected'> = {}): void {
  report(source.file, reason, { ruleId: 'labels/invalid', place: source.locate(pointer), ...more });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

/**
 * Labels of a non-English language left in English: in each of `lang`'s
 * files, a label with letters equal to the English one (whole files too)
 * is a warning at its place, unless the file lists it in `same-as-english`.
 * `english` is the English labels the comparison is made with.
 */
export function checkAgainstEnglish(lang: string, layers: readonly LabelFile[], english: Labels | undefined): void {
  if (lang === 'en' || !english) return;
  for (const layer of layers) {
    if (layer.lang !== lang) continue;
    const same = layer.meta.get('same-as-english') ?? new Set<LabelKey>();
    const wording = (value: string) => /\p{L}/u.test(value.replace(/\{[a-z_]+\}/g, ''));
    // `footnote-call` is a setting (`after-punctuation`…), not wording: the same keyword in every language.
    const compared = [...layer.text].filter(
      ([key, value]) => wording(value) && !/^(dates|glossary)\./.test(key) && key !== 'footnote-call' && key !== 'typography.punctuation-space',
    );
    const copied = compared.filter(([key, value]) => value === english.text[key] && !same.has(key));
    if (copied.length === 0) continue;
    if (copied.length === compared.length && compared.length > 3) {
      report(layer.file, `Unexpected copy of the English labels in a \`${lang}\` label file: all ${compared.length} labels are the English ones`, {
        ruleId: 'labels/english',
        severity: 'warning',
        place: { line: 1, column: 1 },
        note: 'Translate the labels from a published EESC opinion in that language; list in `same-as-english:` the labels that are the same on purpose',
      });
      continue;
    }
    for (const [key, value] of copied) {
      report(layer.file, `Unexpected English label \`${key}\` (\`${value}\`) in a \`${lang}\` label file, expected its ${lang} form`, {
        ruleId: 'labels/english',
        severity: 'warning',
        place: layer.places.get(key),
        note: 'If it is the same in both languages on purpose, list it in `same-as-english:`',
      });
    }
  }
}
