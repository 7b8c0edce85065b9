/**
 * The project configuration, `opinion.config.yaml` at the root of an opinions
 * repository: defaults for `opinion build` (lang, to, out, template, labels)
 * and the rules of `opinion check` (`rules:`, as in `opinion-check.yaml`).
 * Found walking up from the current folder; validated against
 * `schemas/config.schema.json` with every problem at its place in the file.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { VFile } from 'vfile';
import { config as validateConfig } from '../generated/validators/config.js';
import { readSource } from '../core/read-source.js';
import type { ReadScope } from '../core/safe-read.js';
import { parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { pointerSegments, valueAt } from '../core/json-pointer.js';
import { report, sortMessages } from '../core/messages.js';
import { didYouMeanNearest, suggest } from '../core/suggest.js';

export const PROJECT_CONFIG_FILE = 'opinion.config.yaml';

export interface ProjectConfig {
  lang?: string | string[];
  to?: string[];
  out?: string;
  template?: string;
  labels?: string[];
  rules?: Record<string, unknown>;
}

export interface LoadedProjectConfig {
  /** The file, with a message for every problem (none when it is valid). */
  file: VFile;
  /** The folder holding it: relative paths in it are from there. */
  dir: string;
  /** The settings, when the file is valid. */
  config?: ProjectConfig;
}

/**
 * The nearest of `names` in `dir` or a folder above it (in a folder holding
 * several, the first of `names`): the one upward search for configuration
 * files. `cache` (one per run) keeps what each folder searched gave, as
 * `opinion check` asks it for every opinion of a corpus.
 */
export function findConfigUp(dir: string, names: readonly string[], cache?: Map<string, string | undefined>): string | undefined {
  const searched: string[] = [];
  let found: string | undefined;
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (cache?.has(current)) {
      found = cache.get(current);
      break;
    }
    searched.push(current);
    found = names.map((name) => join(current, name)).find((path) => existsSync(path));
    if (found || dirname(current) === current) break;
  }
  for (const folder of searched) cache?.set(folder, found);
  return found;
}

const KEYS = ['lang', 'to', 'out', 'template', 'labels', 'rules'];

export async function readProjectConfig(path: string): Promise<LoadedProjectConfig> {
  const { file, source } = await readYamlConfig(path);
  const dir = dirname(path);
  if (!source || file.messages.some((m) => m.fatal === true)) return { file, dir };
  const data = source.data ?? {};
  if (!validateConfig(data)) {
    const seen = new Set<string>();
    const errors = validateConfig.errors ?? [];
    for (const error of errors) {
      if (error.keyword === 'anyOf') continue;
      // Of "a string or a list", say what is wrong with the kind of value given, not with the other kind.
      if (
        error.keyword === 'type' &&
        errors.some((other) => other !== error && other.keyword !== 'type' && other.keyword !== 'anyOf' && other.instancePath === error.instancePath)
      )
        continue;
      const key = error.instancePath + '|' + error.keyword;
      if (seen.has(key)) continue;
      seen.add(key);
      describe(error, data, (reason, pointer, part) =>
        report(file, reason, { ruleId: 'config/schema', place: source.locate(pointer, part) ?? source.locate('') ?? { line: 1, column: 1 } }),
      );
    }
    sortMessages([file]);
    return { file, dir };
  }
  return { file, dir, config: data as ProjectConfig };
}

/**
 * A YAML configuration file (this one, or `opinion-check.yaml` and `check.yaml`
 * of `opinion check`) read through the safe reader and parsed; no `source`
 * when it could not be read.
 */
export async function readYamlConfig(path: string, scope?: ReadScope): Promise<{ file: VFile; source?: YamlSource }> {
  const read = await readSource(path, scope);
  return read.ok ? { file: read.file, source: parseYamlSource(read.file) } : { file: read.file };
}

/** A value as a message shows it: `` `text` ``, `a list`, `a mapping`. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' && value !== null ? 'a mapping' : `\`${String(value)}\``;
}

/** The JSON Schema type a value should have, as a message says it (`a list`, `a whole number`). */
export function expectedType(type: unknown): string {
  return type === 'integer' ? 'a whole number' : type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : `a ${String(type)}`;
}

function describe(error: ErrorObject, data: unknown, say: (reason: string, pointer: string, part?: 'key' | 'value') => void): void {
  const segments = pointerSegments(error.instancePath);
  const where = segments.length ? `\`${segments.join('.')}\`` : 'the file';
  const shown = shownValue(valueAt(data, error.instancePath));
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    const near = suggest(name, KEYS, 1);
    say(
      `Unexpected property \`${name}\`${didYouMeanNearest(near, `, expected one of ${KEYS.map((k) => `\`${k}\``).join(', ')}`)}`,
      `${error.instancePath}/${name}`,
      'key',
    );
  } else if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as string[]).map((v) => `\`${v}\``).join(', ');
    say(`Unexpected ${shown} for ${where}, expected one of ${allowed}`, error.instancePath);
  } else if (error.keyword === 'pattern') {
    say(
      `Unexpected ${shown} for ${where}, expected a two-letter language code such as \`fr\`${segments[0] === 'lang' && segments.length === 1 ? ', or `all`' : ''}`,
      error.instancePath,
    );
  } else if (error.keyword === 'type') {
    say(`Unexpected ${shown} for ${where}, expected ${expectedType(error.params.type)}`, error.instancePath);
  } else {
    say(`Unexpected ${shown} for ${where}: ${error.message ?? 'not allowed'}`, error.instancePath);
  }
}
