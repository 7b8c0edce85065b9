/**
 * Reading label files and merging them into the complete labels of one
 * language. Layers, later ones winning key by key:
 *
 * 1. `templates/languages/<lang>.yaml` (ships: en, fr, it, de);
 * 2. the opinion's own `labels/<lang>.yaml`;
 * 3. files given with `--labels FILE` (each says its `lang:`).
 *
 * A language that does not ship needs every label from layers 2–3; a missing
 * label is an error naming the keys, never a silent fallback to English.
 */
import { access, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../core/messages.js';
import { readSource } from '../core/read-source.js';
import { parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { suggest } from '../core/suggest.js';
import type { Position } from '../core/model.js';
import {
  LABEL_KEYS,
  NEUTRAL_LABELS,
  LIST_LABELS,
  OPTIONAL_LABELS,
  PLURAL_WORD_CHOICES,
  TEXT_LABELS,
  placeholdersOf,
  type LabelKey,
  type Labels,
  type ListLabelKey,
} from './labels.js';
import { BUILTIN_LANGUAGES_DIR } from './package-files.js';

/** One label file, checked and flattened to dotted keys (`header.rapporteur`). */
export interface LabelFile {
  file: VFile;
  lang?: string;
  locale?: string;
  text: Map<LabelKey, string>;
  lists: Map<ListLabelKey, unknown[]>;
}

const LANG_CODE = /^[a-z]{2,3}$/;
const KNOWN_KEYS = [...LABEL_KEYS, ...LIST_LABELS, 'lang', 'locale'];

export async function readLabelFile(path: string): Promise<LabelFile> {
  const read = await readSource(path);
  if (!read.ok) return { file: read.file, text: new Map(), lists: new Map() };
  return parseLabelFile(read.file);
}

/** Check and flatten a label file already read into `file`. */
export function parseLabelFile(file: VFile): LabelFile {
  const result: LabelFile = { file, text: new Map(), lists: new Map() };
  const source = parseYamlSource(file);
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
    report(file, `Unexpected \`lang\` value, expected a language code such as \`fr\``, {
      ruleId: 'labels/invalid',
      place: source.locate('/lang'),
    });
  } else if (LANG_CODE.test(fromName)) result.lang = fromName;
  else {
    report(file, 'Missing `lang`, expected the language code these labels are for (e.g. `lang: fr`)', {
      ruleId: 'labels/missing-lang',
      place: { line: 1, column: 1 },
    });
  }
  if (typeof data.locale === 'string') result.locale = data.locale;
  else if (data.locale !== undefined) {
    report(file, 'Unexpected `locale` value, expected a locale such as `fr-FR`', { ruleId: 'labels/invalid', place: source.locate('/locale') });
  }
  flatten(data, '', source, result);
  return result;
}

function flatten(data: Record<string, unknown>, prefix: string, source: YamlSource, result: LabelFile): void {
  for (const [key, value] of Object.entries(data)) {
    const dotted = prefix + key;
    const pointer = '/' + dotted.split('.').map(escapePointer).join('/');
    if (prefix === '' && (key === 'lang' || key === 'locale')) continue;
    if (dotted in TEXT_LABELS) {
      if (typeof value !== 'string') {
        report(source.file, `Unexpected ${describe(value)} for \`${dotted}\`, expected text`, {
          ruleId: 'labels/invalid',
          place: source.locate(pointer),
        });
        continue;
      }
      checkPlaceholders(dotted as LabelKey, value, source, pointer);
      if (dotted === 'glossary.plural-word' && !(PLURAL_WORD_CHOICES as readonly string[]).includes(value)) {
        report(source.file, `Unexpected \`${value}\` for \`glossary.plural-word\`, expected ${PLURAL_WORD_CHOICES.map((c) => `\`${c}\``).join(', ')}`, {
          ruleId: 'labels/invalid',
          place: source.locate(pointer),
          expected: [...PLURAL_WORD_CHOICES],
        });
        continue;
      }
      result.text.set(dotted as LabelKey, value);
    } else if ((LIST_LABELS as readonly string[]).includes(dotted)) {
      if (checkList(dotted as ListLabelKey, value, source, pointer)) result.lists.set(dotted as ListLabelKey, value as unknown[]);
    } else if (isRecord(value) && KNOWN_KEYS.some((k) => k.startsWith(dotted + '.'))) {
      flatten(value, dotted + '.', source, result);
    } else {
      const near = suggest(dotted, KNOWN_KEYS, 1);
      report(source.file, `Unexpected label \`${dotted}\`${near.length ? `, did you mean \`${near[0]}\`?` : ''}`, {
        ruleId: 'labels/unknown-key',
        severity: 'warning',
        place: source.locate(pointer, 'key'),
        expected: near,
        note: 'It is not used. The labels are listed in templates/languages/en.yaml and schemas/labels.schema.json',
      });
    }
  }
}

function checkPlaceholders(key: LabelKey, value: string, source: YamlSource, pointer: string): void {
  const allowed: readonly string[] = TEXT_LABELS[key];
  for (const name of placeholdersOf(value)) {
    if (allowed.includes(name)) continue;
    report(source.file, `Unexpected placeholder \`{${name}}\` in \`${key}\`, expected ${allowed.length ? allowed.map((a) => `\`{${a}}\``).join(', ') : 'none'}`, {
      ruleId: 'labels/unknown-placeholder',
      place: source.locate(pointer),
      expected: allowed.map((a) => `{${a}}`),
    });
  }
}

function checkList(key: ListLabelKey, value: unknown, source: YamlSource, pointer: string): boolean {
  const fail = (reason: string) => {
    report(source.file, reason, { ruleId: 'labels/invalid', place: source.locate(pointer) });
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
  }
  return true;
}

/** The label files of a folder (`<dir>/<lang>.yaml`), by language; an absent folder holds none. */
export async function readLabelFolder(dir: string): Promise<LabelFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map((name) => readLabelFile(join(dir, name))));
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
        cached = access(path).then(
          () => readLabelFile(path),
          () => undefined,
        );
        builtinCache.set(path, cached);
      }
      return cached;
    }),
  );
  return files.filter((file): file is LabelFile => file !== undefined);
}

/**
 * Merge the layers for `lang`. Returns the labels when every key is there;
 * otherwise reports the missing keys on the most specific file for the
 * language, or on `fallback` (the opinion's `languages`) when there is none.
 */
export function resolveLabels(
  lang: string,
  layers: readonly LabelFile[],
  fallback: { file: VFile; place?: Position | undefined },
): Labels | undefined {
  const mine = layers.filter((layer) => layer.lang === lang);
  const text = new Map<LabelKey, string>();
  const lists = new Map<ListLabelKey, unknown[]>();
  let locale: string | undefined;
  for (const layer of mine) {
    for (const [key, value] of layer.text) text.set(key, value);
    for (const [key, value] of layer.lists) lists.set(key, value);
    if (layer.locale) locale = layer.locale;
  }
  if (mine.length > 0) for (const [key, value] of Object.entries(NEUTRAL_LABELS) as [LabelKey, string][]) if (!text.has(key)) text.set(key, value);
  const missing = [...LABEL_KEYS.filter((key) => !text.has(key) && !OPTIONAL_LABELS.has(key)), ...LIST_LABELS.filter((key) => !lists.has(key))];
  if (mine.length === 0 || missing.length > 0) {
    const last = mine[mine.length - 1];
    const shown = missing.slice(0, 8).map((k) => `\`${k}\``).join(', ') + (missing.length > 8 ? ` and ${missing.length - 8} more` : '');
    report(
      last?.file ?? fallback.file,
      mine.length === 0
        ? `Missing labels for language \`${lang}\`, expected a label file \`labels/${lang}.yaml\` in the opinion folder`
        : `Missing labels for language \`${lang}\`: ${shown}`,
      {
        ruleId: 'labels/missing',
        place: last ? { line: 1, column: 1 } : fallback.place,
        note: 'Copy templates/languages/en.yaml, set `lang:` and translate every label; labels are never taken from another language',
      },
    );
    return undefined;
  }
  const plural = {
    variantSuffix: text.get('glossary.plural-variant-suffix')!,
    words: (lists.get('glossary.plural-words') as string[]).map((w) => w.toLowerCase()),
    word: text.get('glossary.plural-word') as Labels['plural']['word'],
    rules: (lists.get('glossary.plural-rules') as [string, string][]).map(([pattern, replacement]): [RegExp, string] => [new RegExp(pattern, 'u'), replacement]),
  };
  return { lang, locale: locale ?? lang, text: Object.fromEntries(text) as Record<LabelKey, string>, plural };
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

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
