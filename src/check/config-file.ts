/**
 * Reading configuration files: the project's `opinion-check.yaml` (the
 * nearest one found walking up from the opinion folder) and the opinion's
 * own `check.yaml`. Problems become messages at their place in the file;
 * an entry with a problem is ignored, the rest applies.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { expectedType, findConfigUp, PROJECT_CONFIG_FILE, readYamlConfig, shownValue } from '../config/project.js';
import type { ErrorObject } from 'ajv';
import type { VFile } from 'vfile';
import { check_config as validateConfig } from '../generated/validators/check_config.js';
import { opinionScope } from '../core/safe-read.js';
import type { YamlSource } from '../core/yaml-source.js';
import { escapePointerSegment, pointerSegments, valueAt } from '../core/json-pointer.js';
import { report } from '../core/messages.js';
import { didYouMeanNearest, suggest } from '../core/suggest.js';
import { RULES_BY_ID } from './rules/index.js';
import type { ConfigLayer, RuleSetting } from './config.js';
import type { Setting } from './rule.js';
import { codeList } from './format.js';

/** The project configuration file, found walking up from each opinion. */
export const PROJECT_CONFIG = 'opinion-check.yaml';
/** The configuration file of one opinion, in its folder. */
export const OPINION_CONFIG = 'check.yaml';

export interface ConfigFile {
  file: VFile;
  layer: ConfigLayer;
}

/** Finds and reads configuration files, each once per run. */
export class ConfigFiles {
  private readonly read = new Map<string, Promise<ConfigFile | undefined>>();
  private readonly found = new Map<string, string | undefined>();

  /** The configuration file at `path`, if it exists. */
  load(path: string): Promise<ConfigFile | undefined> {
    const key = resolve(path);
    let pending = this.read.get(key);
    if (!pending) {
      pending = readConfigFile(path);
      this.read.set(key, pending);
    }
    return pending;
  }

  /** The nearest `opinion-check.yaml` in `dir` or a folder above it. */
  findProject(dir: string): string | undefined {
    // The project's opinion.config.yaml may hold the rules too (`rules:`, the same format).
    return findConfigUp(dir, [PROJECT_CONFIG, PROJECT_CONFIG_FILE], this.found);
  }
}

async function readConfigFile(path: string): Promise<ConfigFile | undefined> {
  if (!existsSync(path)) return undefined;
  // An opinion's own check.yaml is read only if it lies inside the opinion (not a link to elsewhere).
  const { file, source } = await readYamlConfig(path, basename(path) === 'check.yaml' ? opinionScope(dirname(path)) : undefined);
  if (source?.data === undefined || source.data === null) return { file, layer: {} };
  return { file, layer: toLayer(source, basename(path) === PROJECT_CONFIG_FILE) };
}

/** Validate the data and turn the valid entries into a layer. */
function toLayer(source: YamlSource, rulesOnly = false): ConfigLayer {
  // In opinion.config.yaml only `rules` is the checker's (the rest is validated by the build).
  const all = source.data as { rules?: Record<string, unknown> };
  const data = rulesOnly && typeof all === 'object' && all !== null && !Array.isArray(all) ? ('rules' in all ? { rules: all.rules } : {}) : all;
  const rejected = new Set<string>();
  if (!validateConfig(data)) {
    for (const error of relevantErrors(validateConfig.errors ?? [], data)) {
      const id = reportError(source, error, data);
      if (id) rejected.add(id);
    }
  }
  const layer: ConfigLayer = {};
  if (typeof data !== 'object' || data === null || typeof data.rules !== 'object' || data.rules === null) return layer;
  for (const [id, value] of Object.entries(data.rules)) {
    if (rejected.has(id) || !RULES_BY_ID.has(id)) continue;
    if (typeof value === 'string') layer[id] = { severity: value as Setting };
    else if (typeof value === 'object' && value !== null) {
      const { severity, ...options } = value as Record<string, unknown>;
      const setting: RuleSetting = { options };
      if (typeof severity === 'string') setting.severity = severity as Setting;
      layer[id] = setting;
    }
  }
  return layer;
}

/** ajv reports both branches of "a severity or a mapping": keep the branch that matches the value's type. */
function relevantErrors(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const kept: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    const segments = pointerSegments(error.instancePath);
    if (segments[0] === 'rules' && segments.length === 2) {
      // The value of a rule: a severity (first branch, `$defs/setting`) or a mapping (second branch).
      const value = (data as { rules: Record<string, unknown> }).rules[segments[1]!];
      const severityBranch = error.schemaPath.startsWith('#/$defs/setting');
      const mappingBranch = /\/anyOf\/1\//.test(error.schemaPath);
      const isMapping = typeof value === 'object' && value !== null && !Array.isArray(value);
      if (typeof value === 'string' && !severityBranch) continue;
      if (isMapping && severityBranch) continue;
      if (typeof value !== 'string' && !isMapping && !(mappingBranch && error.keyword === 'type')) continue;
    }
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(error);
  }
  return kept;
}

/** Report one schema error at its place; returns the rule id it concerns, if any. */
function reportError(source: YamlSource, error: ErrorObject, data: unknown): string | undefined {
  const segments = pointerSegments(error.instancePath);
  const ruleId = segments[0] === 'rules' ? segments[1] : undefined;
  const option = segments[2];
  const place = (pointer: string, part: 'key' | 'value' = 'value') => source.locate(pointer, part) ?? source.locate(error.instancePath) ?? source.locate('');
  const file = source.file;

  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    const pointer = `${error.instancePath}/${escapePointerSegment(name)}`;
    if (segments.length === 0) {
      report(
        file,
        `Unexpected property \`${name}\`${name !== 'rules' && suggest(name, ['rules'], 1).length ? ', did you mean `rules`?' : ', expected `rules`'}`,
        {
          ruleId: 'config/unknown-property',
          place: place(pointer, 'key'),
        },
      );
      return undefined;
    }
    if (segments.length === 1) {
      const near = suggest(name, RULES_BY_ID.keys(), 1);
      report(file, `Unexpected rule \`${name}\`${didYouMeanNearest(near, ', expected the id of a rule')}`, {
        ruleId: 'config/unknown-rule',
        place: place(pointer, 'key'),
        expected: [...RULES_BY_ID.keys()],
        actual: name,
        note: near.length ? undefined : '`opinion check --list-rules` lists them',
      });
      return name;
    }
    const rule = RULES_BY_ID.get(ruleId!);
    const allowed = ['severity', ...Object.keys(rule?.meta.options ?? {})];
    const near = suggest(name, allowed, 1);
    report(file, `Unexpected option \`${name}\` for \`${ruleId}\`${didYouMeanNearest(near, `, expected ${codeList(allowed)}`)}`, {
      ruleId: 'config/unknown-option',
      place: place(pointer, 'key'),
      expected: allowed,
      actual: name,
    });
    return ruleId;
  }

  const value = valueAt(data, error.instancePath);
  const shown = shownValue(value);
  if (error.keyword === 'enum' && (segments.length === 2 || option === 'severity')) {
    const near = typeof value === 'string' ? suggest(value, ['off', 'warning', 'error'], 1) : [];
    report(file, `Unexpected ${shown} for \`${ruleId}\`, expected \`off\`, \`warning\` or \`error\`${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}`, {
      ruleId: 'config/severity',
      place: place(error.instancePath),
      expected: ['off', 'warning', 'error'],
    });
    return ruleId;
  }
  if (segments.length === 2 && error.keyword === 'type') {
    report(file, `Unexpected ${shown} for \`${ruleId}\`, expected \`off\`, \`warning\`, \`error\` or a mapping of \`severity\` and options`, {
      ruleId: 'config/severity',
      place: place(error.instancePath),
    });
    return ruleId;
  }
  if (segments.length === 1 && error.keyword === 'type') {
    report(file, `Unexpected ${shown} for \`rules\`, expected a mapping of rule ids to settings`, { ruleId: 'config/type', place: place(error.instancePath) });
    return undefined;
  }
  if (segments.length === 0 && error.keyword === 'type') {
    report(file, `Unexpected ${shown}, expected a mapping with \`rules\``, { ruleId: 'config/type', place: place('') });
    return undefined;
  }
  const what = option ? `option \`${option}\` of \`${ruleId}\`` : `\`${segments.join('.')}\``;
  report(file, `Unexpected ${shown} for ${what}, expected ${describeConstraint(error)}`, {
    ruleId: 'config/option',
    place: place(error.instancePath),
  });
  return ruleId;
}

function describeConstraint(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return expectedType(p.type);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(p.comparison)} ${String(p.limit)}`;
    case 'enum':
      return `one of ${codeList((p.allowedValues as unknown[]).map(String))}`;
    case 'minLength':
      return 'some text';
    case 'uniqueItems':
      return 'each item once';
    case 'pattern':
      return 'a two-letter language code';
    default:
      return error.message ?? 'a valid value';
  }
}
