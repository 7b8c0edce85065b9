/**
 * What `opinion build` and `opinion preview` share on the command line: the
 * defaults of `opinion.config.yaml` (found from the current folder; a file
 * with problems stops the command, exit 2) for the options not given, and
 * the reading of `--lang`, `--template` and `--labels`.
 */
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isOfficialLanguage, OFFICIAL_LANGUAGES } from '../core/languages.js';
import { displayPath } from '../report/paths.js';
import { commaList, UsageError, useColor, type Io } from './io.js';

/** The options a project file can set (`to` and `out` only for `opinion build`). */
export interface RenderCliOptions {
  lang?: string;
  to?: string;
  out?: string;
  template?: string;
  labels: string[];
}

/** Fills in, from `opinion.config.yaml`, each option of `names` the command line did not give. */
export async function projectDefaults(io: Io, command: Command, options: RenderCliOptions, names: readonly (keyof RenderCliOptions)[]): Promise<void> {
  const { findConfigUp, PROJECT_CONFIG_FILE, readProjectConfig } = await import('../config/project.js');
  const path = findConfigUp(io.cwd, [PROJECT_CONFIG_FILE]);
  if (!path) return;
  const loaded = await readProjectConfig(path);
  const config = loaded.config;
  if (!config) {
    const { formatReport } = await import('../report/index.js');
    io.stderr(formatReport([loaded.file], 'human', { color: useColor(io, 'stderr'), cwd: io.cwd }));
    throw new UsageError(`cannot use \`${displayPath(path, io.cwd)}\`: fix the problems above`);
  }
  const unset = (name: keyof RenderCliOptions) => names.includes(name) && config[name] !== undefined && command.getOptionValueSource(name) !== 'cli';
  const inProject = (file: string) => resolve(loaded.dir, file);
  if (unset('lang')) options.lang = Array.isArray(config.lang) ? config.lang.join(',') : config.lang;
  if (unset('to')) options.to = config.to!.join(',');
  if (unset('out')) options.out = inProject(config.out!);
  if (unset('template')) options.template = inProject(config.template!);
  if (unset('labels')) options.labels = config.labels!.map(inProject);
}

/** `--template` and `--labels`, as `build` and `preview` declare them (`.option(...TEMPLATE_OPTION)`). */
export const TEMPLATE_OPTION = ['--template <file>', "use this template instead of the opinion's own or the default"] as const;
export const LABELS_OPTION = [
  '--labels <file>',
  'a label file (with its `lang:`) overriding or adding labels; repeatable',
  (value: string, list: string[]) => [...list, value],
  [] as string[],
] as const;

/** The files given to `--template` and `--labels`, as absolute paths (each refused unless it is a regular file). */
export async function sourceFiles(io: Io, options: RenderCliOptions): Promise<{ template: string | undefined; labels: string[] }> {
  const template = options.template ? await existingFile(io, options.template, '--template') : undefined;
  return { template, labels: await Promise.all(options.labels.map((file) => existingFile(io, file, '--labels'))) };
}

/** `--lang`: a code (fr), a list (en,fr) or `all`; undefined: the original language. */
export function parseLangs(value: string | undefined): string[] | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return 'all';
  const langs = commaList(value);
  const bad = langs.filter((l) => !isOfficialLanguage(l));
  if (langs.length === 0 || bad.length > 0) {
    throw new UsageError(
      `unexpected language \`${bad[0] ?? value}\` for --lang, expected a code of an official EU language (${OFFICIAL_LANGUAGES.join(', ')}), a list such as \`en,fr\`, or \`all\``,
    );
  }
  return langs;
}

/** A language option (`--lang`, `--to`) that is not an official language code: could not run (exit 2), as with `build --lang`. */
export function checkLanguage(value: string | undefined, option: string): void {
  if (value !== undefined && !isOfficialLanguage(value))
    throw new UsageError(`unexpected language \`${value}\` for ${option}, expected a code of an official EU language (${OFFICIAL_LANGUAGES.join(', ')})`);
}

/** The absolute path of a file given to `option` (`--template`, `--labels`), refused unless it is a regular file. */
export async function existingFile(io: Io, path: string, option: string): Promise<string> {
  const full = resolve(io.cwd, path);
  let info;
  try {
    info = await stat(full);
  } catch {
    throw new UsageError(`cannot read \`${path}\` given to ${option}: no such file`);
  }
  if (info.isDirectory()) throw new UsageError(`cannot read \`${path}\` given to ${option}: it is a folder, expected a file`);
  if (!info.isFile()) throw new UsageError(`cannot read \`${path}\` given to ${option}: it is a special file, expected a regular file`);
  return full;
}
