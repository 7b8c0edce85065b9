/**
 * Loading an opinion folder: find its files, read and parse each one, check
 * the YAML against its JSON Schema, and return the data with every file (and
 * the messages found on the way). Never throws for bad input.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';

// Synchronous calls behind the promise API (a failure is a rejected promise, as
// with fs/promises): an opinion lists a few folders, a corpus thousands, each
// far cheaper than a round trip through the thread pool.
const stat = async (path: string) => statSync(path);
const readdir = async (path: string) => readdirSync(path);
const readdirEntries = async (path: string) => readdirSync(path, { withFileTypes: true });
import { basename, dirname, join } from 'node:path';
import { VFile } from 'vfile';
import { LineIndex } from './line-index.js';
import { report } from './messages.js';
import { outlineProse } from './prose-outline.js';
import { fastMarkdown } from './markdown-fast.js';
import { readSource, describeFsError } from './read-source.js';
import { MARKDOWN_LIMITS, scanMarkdownLimits, tooDeep } from './markdown-limits.js';
import { confine, opinionScope, type ReadScope } from './safe-read.js';
import { lazyPosition, parseYamlSource, type YamlSource } from './yaml-source.js';
import { escapePointerSegment, valueAt } from './json-pointer.js';
import { didYouMeanNearest, suggest } from './suggest.js';
import { checkSchema } from './schema.js';
import type { ChapterSource, Located, Metadata, Opinion, Position, YamlKind } from './model.js';
import { YAML_KINDS } from './model.js';

export interface LoadResult {
  /** The opinion, when `opinion.yaml` could be read as a mapping (data may still have errors: see `files`). */
  opinion?: Opinion;
  /** Every file read, each with its messages. */
  files: VFile[];
}

const CHAPTER_FILE = /^(\d+)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.md$/;
const LANG_FOLDER = /^[a-z]{2}$/;
const KNOWN_ENTRIES = [...YAML_KINDS.map((kind) => `${kind}.yaml`), 'text', 'notes', 'labels', 'slots', 'check.yaml', 'README.md'];

export interface LoadOptions {
  /**
   * Whether chapters' `tree` will be read (default true). `false` loads no
   * Markdown parser (unified, micromark) for a chapter of plain blocks: what
   * validate does, which reads the outline, and a `tree` only in rare cases
   * (then parsed as the outline was).
   */
  markdown?: boolean;
  /**
   * When the YAML files get their positions: `lazy` (the default) reads the
   * data by the fast path and places a value only when asked (a scalar by a
   * second fast read, anything else by the `yaml` Document); `eager` builds
   * the `yaml` Document at once.
   */
  positions?: 'lazy' | 'eager';
}

export async function loadOpinion(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const parse = options.markdown === false ? undefined : (await import('./markdown.js')).parseMarkdown;
  const files: VFile[] = [];
  const folder = new VFile({ path: dir });
  // Nothing outside the opinion folder is read, whatever a name or a symbolic link points to.
  const scope = opinionScope(dir);

  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      report(folder, `Unexpected file \`${dir}\`, expected an opinion folder`, { ruleId: 'source/not-a-folder' });
      return { files: [folder] };
    }
    entries = (await readdir(dir)).sort();
  } catch (error) {
    report(folder, `Cannot read folder \`${dir}\`: ${describeFsError(error)}`, { ruleId: 'source/unreadable' });
    return { files: [folder] };
  }

  for (const entry of entries) {
    if (KNOWN_ENTRIES.includes(entry) || entry.startsWith('.')) continue;
    const near = suggest(entry.replace(/\.yml$/, '.yaml'), KNOWN_ENTRIES, 1);
    const isYaml = /\.ya?ml$/.test(entry);
    if (isYaml || near.length > 0) {
      const stray = new VFile({ path: join(dir, entry) });
      files.push(stray);
      report(stray, `Unexpected file \`${entry}\` in the opinion folder${didYouMeanNearest(near)}`, {
        ruleId: 'source/unknown-file',
        severity: 'warning',
        expected: KNOWN_ENTRIES,
        note: isYaml ? `It is not read. The YAML files of an opinion are: ${YAML_KINDS.map((k) => k + '.yaml').join(', ')}` : undefined,
      });
    }
  }

  const sources: Partial<Record<YamlKind, YamlSource>> = {};
  // Read every file at once; parse them in a fixed order so messages are deterministic.
  const yamlReads = YAML_KINDS.map((kind) => (entries.includes(`${kind}.yaml`) ? readSource(join(dir, `${kind}.yaml`), scope) : undefined));
  const chaptersRead = loadChapters(dir, entries, folder, scope, parse);
  const notesRead = listNotes(dir, entries);
  for (const [i, kind] of YAML_KINDS.entries()) {
    const pending = yamlReads[i];
    if (!pending) {
      if (kind === 'opinion') {
        report(folder, 'Missing `opinion.yaml`, expected the metadata file of the opinion in this folder', {
          ruleId: 'source/missing-metadata',
          note: 'Every opinion folder needs an opinion.yaml; `opinion init <dir>` creates one',
        });
      }
      continue;
    }
    const read = await pending;
    files.push(read.file);
    if (!read.ok) continue;
    const source = parseYamlSource(read.file, { positions: options.positions ?? 'lazy' });
    sources[kind] = source;
    await checkYamlTexts(source);
    checkSchemaLink(read.file, kind);
    if (source.data !== undefined && source.data !== null) {
      checkSchema(kind, source);
    } else if (source.data === null) {
      // Nothing but comments: an empty file.
      report(read.file, `Unexpected empty file, expected ${describeKind(kind)}`, {
        ruleId: 'source/empty',
        severity: kind === 'opinion' ? 'error' : 'warning',
        place: { line: 1, column: 1 },
      });
    }
  }

  const { chapters, files: chapterFiles } = await chaptersRead;
  files.push(...chapterFiles);
  const notes = await notesRead;

  if (folder.messages.length > 0) files.unshift(folder);

  const metaData = sources.opinion?.data;
  if (!isObject(metaData)) return { files };

  const listOf = <T>(kind: YamlKind): T[] => {
    const data = sources[kind]?.data;
    const list = isObject(data) ? data[kind] : undefined;
    return Array.isArray(list) ? (list.filter(isObject) as T[]) : [];
  };

  const opinion: Opinion = {
    dir,
    name: basename(dir.replace(/[\\/]+$/, '')) || dir,
    meta: metaData as unknown as Metadata,
    principles: listOf('principles'),
    recommendations: listOf('recommendations'),
    evidence: listOf('evidence'),
    hearings: listOf('hearings'),
    glossary: listOf('glossary'),
    amendments: listOf('amendments'),
    amendmentSettings: amendmentSettings(sources.amendments?.data),
    chapters,
    notes,
    // An empty file (nothing but comments) holds no items: references into it dangle, as with no file at all.
    unreadable: [
      ...YAML_KINDS.filter(
        (kind) =>
          kind !== 'opinion' &&
          entries.includes(`${kind}.yaml`) &&
          sources[kind]?.data !== null &&
          !Array.isArray((sources[kind]?.data as Record<string, unknown> | undefined)?.[kind]),
      ),
      // A chapter refused while loading (past the Markdown bounds, not UTF-8, misnamed…) is not read: its ids are unknown.
      ...(chapterFiles.some((file) => file.messages.some((m) => m.fatal === true)) ? (['text'] as const) : []),
    ],
    files,
    locate(kind, pointer, part): Located | undefined {
      const source = sources[kind];
      if (!source) return undefined;
      // Read by the fast path: the value is there, so its position is found
      // only when something asks for it (most runs report nothing).
      if (!source.positioned && valueAt(source.data, pointer) !== undefined) return lazyLocated(source, pointer, part);
      const position = source.locate(pointer, part);
      return position ? { file: source.file.path, position } : undefined;
    },
  };
  return { opinion, files };
}

/** A place whose position is computed (by js-yaml's events, or the YAML Document) on first read of it. */
function lazyLocated(source: YamlSource, pointer: string, part: 'key' | 'value' | undefined): Located {
  return {
    file: source.file.path,
    position: lazyPosition(
      () => source.locate(pointer, part) ?? source.locate('') ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    ),
  };
}

async function loadChapters(
  dir: string,
  entries: string[],
  folder: VFile,
  scope: ReadScope,
  parse: MarkdownParse | undefined,
): Promise<{ chapters: Record<string, ChapterSource[]>; files: VFile[] }> {
  const chapters: Record<string, ChapterSource[]> = {};
  const files: VFile[] = [];
  if (!entries.includes('text')) return { chapters, files };
  const textDir = join(dir, 'text');
  let langs: string[];
  try {
    const listed = (await readdirEntries(textDir)).filter((e) => !e.name.startsWith('.'));
    langs = [];
    for (const e of listed) {
      if (e.isSymbolicLink()) {
        // A linked language folder is read only when it leads to a folder inside the opinion.
        const confined = await confine(join(textDir, e.name), scope);
        if (!confined.ok) {
          report(folder, `Unexpected \`text/${e.name}\`: ${confined.reason.charAt(0).toLowerCase()}${confined.reason.slice(1)}`, { ruleId: 'source/outside' });
          continue;
        }
        const isFolder = await stat(join(textDir, e.name)).then(
          (info) => info.isDirectory(),
          () => false,
        );
        langs.push(isFolder ? e.name : `${e.name}\0file`);
      } else langs.push(e.isDirectory() ? e.name : `${e.name}\0file`);
    }
  } catch (error) {
    report(folder, `Cannot read folder \`${textDir}\`: ${describeFsError(error)}`, { ruleId: 'source/unreadable' });
    return { chapters, files };
  }
  for (const entry of langs.sort()) {
    if (entry.endsWith('\0file')) {
      const name = entry.slice(0, -5);
      report(folder, `Unexpected file \`text/${name}\`, expected a language folder such as \`text/en/\``, {
        ruleId: 'source/unknown-file',
        severity: 'warning',
      });
      continue;
    }
    if (!LANG_FOLDER.test(entry)) {
      report(folder, `Unexpected folder \`text/${entry}\`, expected a two-letter language code such as \`text/en/\``, { ruleId: 'source/unknown-file' });
      continue;
    }
    const langDir = join(textDir, entry);
    const names = (await readdir(langDir)).filter((n) => !n.startsWith('.')).sort(compareChapterNames);
    const reads = names.map((name) => (CHAPTER_FILE.test(name) ? readSource(join(langDir, name), scope) : undefined));
    const list: ChapterSource[] = [];
    for (const [i, name] of names.entries()) {
      const path = join(langDir, name);
      const match = CHAPTER_FILE.exec(name);
      if (!match) {
        const stray = new VFile({ path });
        files.push(stray);
        report(stray, `Unexpected file name \`${name}\`, expected \`NN-chapter-id.md\` (e.g. \`02-general-comments.md\`)`, {
          ruleId: 'source/chapter-name',
          note: 'Chapters are read in file-name order; the part after the number is the chapter id',
        });
        continue;
      }
      const read = (await reads[i])!;
      files.push(read.file);
      if (!read.ok) continue;
      // Text past the bounds that keep parsing linear is refused, and never parsed (see markdown-limits.ts).
      const bounded = await checkMarkdownLimits(read.file, String(read.file.value));
      const text = bounded ? String(read.file.value) : '';
      // Without trees (validate), a chapter of plain blocks is outlined without loading remark (markdown-fast.ts).
      const plain = parse ? undefined : fastMarkdown(text);
      const outlineParse = parse ?? (plain ? () => plain : (await import('./markdown.js')).parseMarkdown);
      list.push(chapterSource(match[2]!, entry, path, read.file, parse, text, outlineParse));
    }
    chapters[entry] = list;
  }
  return { chapters, files };
}

/**
 * The `# yaml-language-server: $schema=…` line that gives editors completion:
 * when present, it must point to this kind's schema, and a relative path must
 * resolve (a broken link silently turns off completion and inline errors).
 */
function checkSchemaLink(file: VFile, kind: YamlKind): void {
  const lines = String(file.value).split('\n', 5);
  for (const [index, line] of lines.entries()) {
    const match = /^#\s*yaml-language-server:\s*\$schema=(\S+)/.exec(line);
    if (!match) continue;
    const target = match[1]!;
    const place = {
      start: { line: index + 1, column: match.index + match[0].length - target.length + 1 },
      end: { line: index + 1, column: match.index + match[0].length + 1 },
    };
    const expected = `${kind}.schema.json`;
    if (!target.endsWith(expected)) {
      report(file, `Unexpected schema \`${target}\` for \`${kind}.yaml\`, expected a path ending in \`${expected}\``, {
        ruleId: 'source/schema-link',
        severity: 'warning',
        place,
      });
    } else if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && !existsSync(join(dirname(file.path), target))) {
      report(file, `Unexpected schema link \`${target}\`: no such file, expected a path to \`${expected}\` relative to this file`, {
        ruleId: 'source/schema-link',
        severity: 'warning',
        place,
        note: 'Editors use this line for completion and inline errors; `opinion init` writes it right',
      });
    }
    return;
  }
}

/** A chapter whose Markdown is parsed on first use of `tree` (a build of one language parses only that one). */
type MarkdownParse = (text: string) => ChapterSource['tree'];

function chapterSource(
  id: string,
  lang: string,
  path: string,
  file: VFile,
  parse: MarkdownParse | undefined,
  text: string,
  outlineParse: MarkdownParse,
): ChapterSource {
  let tree: ChapterSource['tree'] | undefined;
  let outline: ChapterSource['outline'] | undefined;
  return {
    id,
    lang,
    path,
    file,
    get tree() {
      // Without trees loaded (validate), the outline's parser gives it: needed only where the outline is not
      // enough (a colon that may start a directive, `entreprise:jeunes`), so rarely.
      tree ??= (parse ?? outlineParse)(text);
      return tree;
    },
    get outline() {
      outline ??= outlineProse(text, parse ? (tree ??= parse(text)) : outlineParse(text));
      return outline;
    },
    takeTree() {
      // Only the tree of the whole file (text past the Markdown bounds is outlined as empty).
      const taken = text === file.value ? tree : undefined;
      if (taken) tree = undefined;
      return taken;
    },
  };
}

async function listNotes(dir: string, entries: string[]): Promise<string[]> {
  if (!entries.includes('notes')) return [];
  try {
    return (await readdir(join(dir, 'notes')))
      .filter((n) => n.endsWith('.md'))
      .sort()
      .map((n) => join(dir, 'notes', n));
  } catch {
    return [];
  }
}

/**
 * Whether `text` (the content of `file`) is within the Markdown bounds;
 * when not, an error at the place, naming the limit. Text with many emphasis
 * markers is parsed here (a bounded cost) to check its nesting, so that
 * `validate` refuses what the build would.
 */
export async function checkMarkdownLimits(file: VFile, text: string, place?: () => Position | undefined): Promise<boolean> {
  const { problem, nestable } = scanMarkdownLimits(text);
  let reason = problem?.reason;
  let note = problem?.note;
  let point = problem ? new LineIndex(text).point(problem.offset) : undefined;
  if (!problem && nestable > 2 * MARKDOWN_LIMITS.depth) {
    // Rare: the parser (unified, micromark) is loaded only for such a text.
    const { parseMarkdown } = await import('./markdown.js');
    const deep = tooDeep(parseMarkdown(text));
    if (deep) {
      reason = `Unexpected nesting deeper than ${MARKDOWN_LIMITS.depth} levels (emphasis, links, quotes or lists inside each other), expected a flatter text`;
      note = 'docs/limits.md';
      point = deep.position?.start;
    }
  }
  if (reason === undefined) return true;
  report(file, reason, { ruleId: 'source/limit', place: place?.() ?? point, ...(note ? { note } : {}) });
  return false;
}

/** Every string of a YAML file within the Markdown bounds (texts are Markdown); a string past them is emptied. */
async function checkYamlTexts(source: YamlSource): Promise<void> {
  // The strings that could go past a bound, found in one synchronous walk (most are short, or plain prose).
  const suspect: { value: string; path: (string | number)[]; parent: Record<string, unknown> | unknown[] | undefined }[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown, parent: Record<string, unknown> | unknown[] | undefined) => {
    if (typeof value === 'string') {
      if (value.length < 64) return;
      const { problem, nestable } = scanMarkdownLimits(value);
      if (problem || nestable > 2 * MARKDOWN_LIMITS.depth) suspect.push({ value, path: [...path], parent });
      return;
    }
    if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], value);
        path.pop();
      }
    else if (isObject(value))
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        path.push(k);
        walk(value[k], value);
        path.pop();
      }
  };
  walk(source.data, undefined);
  for (const { value, path, parent } of suspect) {
    const pointer = path.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
    const key = path[path.length - 1];
    // Located only when there is a problem.
    if (!(await checkMarkdownLimits(source.file, value, () => source.locate(pointer))) && parent !== undefined && key !== undefined)
      (parent as Record<string, unknown>)[key] = '';
  }
}

/** `2-x.md` before `10-y.md`: by number, then name. */
function compareChapterNames(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeKind(kind: YamlKind): string {
  return kind === 'opinion' ? 'the opinion metadata (`reference`, `title`, `kind`…)' : `a \`${kind}:\` list`;
}

/** `procedure` and `deadlines` of amendments.yaml, when they are mappings. */
function amendmentSettings(data: unknown): Opinion['amendmentSettings'] {
  if (!isObject(data)) return {};
  const settings: Opinion['amendmentSettings'] = {};
  if (isObject(data.procedure)) settings.procedure = data.procedure;
  if (isObject(data.deadlines)) settings.deadlines = data.deadlines;
  return settings;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
