/**
 * Finding and reading the template of an opinion, and its single-slot
 * replacements:
 *
 * - `--template FILE` if given, else `template:` in opinion.yaml (relative to
 *   the opinion folder), else the default `templates/eesc-opinion.md`;
 * - `slots/<slot>.md` in the opinion folder replaces one slot in every
 *   language, `slots/<slot>.<lang>.md` in one language.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { report, suggest } from './messages.js';
import type { Opinion } from './model.js';
import { readSource } from './read-source.js';
import { opinionScope, type ReadScope } from './safe-read.js';
import { DEFAULT_TEMPLATE } from './package-files.js';
import { BLOCK_SLOTS, parseTemplate, type Template } from './template.js';

const cache = new Map<string, Promise<Template | VFile>>();

/**
 * Read and check a template; a VFile holding the reason when it cannot be read. Built-in templates are read once.
 * `labelKeys`: the keys a `:label` may name (`LABEL_KEYS` of `labels/`).
 */
export function readTemplate(path: string, labelKeys: readonly string[]): Promise<Template | VFile> {
  if (path === DEFAULT_TEMPLATE) {
    let cached = cache.get(path);
    if (!cached) {
      cached = readUncached(path, labelKeys);
      cache.set(path, cached);
    }
    return cached;
  }
  return readUncached(path, labelKeys);
}

/**
 * The template of an opinion: `explicit` (`--template`, read as given), else
 * `template:` in opinion.yaml — which must lead to a file inside the opinion
 * folder or the package's templates, and is refused at its line otherwise —
 * else the default. Undefined when `template:` is refused or unreadable (the
 * error is then on `opinionFile`, at the `template:` line).
 */
export async function readOpinionTemplate(
  opinion: Opinion,
  opinionFile: VFile,
  labelKeys: readonly string[],
  explicit?: string,
): Promise<Template | VFile | undefined> {
  if (explicit !== undefined) return readTemplate(explicit, labelKeys);
  const declared = opinion.meta.template;
  if (typeof declared !== 'string') return readTemplate(DEFAULT_TEMPLATE, labelKeys);
  const path = resolve(opinion.dir, declared);
  const read = await readSource(path, opinionScope(opinion.dir));
  if (!read.ok) {
    const cause = read.file.messages[0];
    report(opinionFile, `Cannot use template \`${declared}\`: ${cause ? lowerFirst(cause.reason) : 'unreadable'}`, {
      ruleId: cause?.ruleId === 'source/outside' ? 'source/outside' : 'template/unreadable',
      place: opinion.locate('opinion', '/template')?.position,
      note: 'A template named in opinion.yaml is a Markdown file inside the opinion folder (or give one with --template)',
    });
    return undefined;
  }
  return parseTemplate(read.file, labelKeys);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

async function readUncached(path: string, labelKeys: readonly string[], slot?: string, scope?: ReadScope): Promise<Template | VFile> {
  const read = await readSource(path, scope);
  if (!read.ok) return read.file;
  return parseTemplate(read.file, labelKeys, slot);
}

export interface SlotFiles {
  /** Replacements per language ('' : every language). */
  byLang: Map<string, Map<string, Template>>;
  files: VFile[];
}

/** The opinion's `slots/` folder (`labelKeys` as for `readTemplate`). */
export async function readSlotOverrides(dir: string, labelKeys: readonly string[]): Promise<SlotFiles> {
  const result: SlotFiles = { byLang: new Map(), files: [] };
  const folder = join(dir, 'slots');
  const scope = opinionScope(dir);
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    return result;
  }
  for (const name of names) {
    const match = /^([a-z]+)(?:\.([a-z]{2,3}))?\.md$/.exec(name);
    const slot = match?.[1];
    const path = join(folder, name);
    if (!slot || !(slot in BLOCK_SLOTS)) {
      const read = await readSource(path, scope);
      const near = suggest(slot ?? name, Object.keys(BLOCK_SLOTS));
      report(
        read.file,
        `Unexpected slot file \`${name}\`, expected \`<slot>.md\` or \`<slot>.<lang>.md\` for a slot of the template${near.length ? ` (did you mean \`${near[0]}.md\`?)` : ''}`,
        {
          ruleId: 'template/unknown-slot',
          severity: 'warning',
          expected: Object.keys(BLOCK_SLOTS).map((s) => `${s}.md`),
          note: 'It is not used',
        },
      );
      result.files.push(read.file);
      continue;
    }
    const template = await readUncached(path, labelKeys, slot, scope);
    if ('tree' in template) {
      result.files.push(template.file);
      const lang = match[2] ?? '';
      let map = result.byLang.get(lang);
      if (!map) result.byLang.set(lang, (map = new Map()));
      map.set(slot, template);
    } else result.files.push(template);
  }
  return result;
}

/** The replacements that apply to one language. */
export function slotsFor(slots: SlotFiles, lang: string): Map<string, Template> {
  return new Map([...(slots.byLang.get('') ?? []), ...(slots.byLang.get(lang) ?? [])]);
}
