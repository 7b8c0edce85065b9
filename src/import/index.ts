/**
 * `opinion import`: a draft (a Word .docx or a Markdown draft) → an opinion
 * source folder — opinion.yaml from the front, one Markdown file per chapter
 * with `{#id}` on every point and heading, footnotes kept, recommendations the
 * text makes clear moved to recommendations.yaml and placed back with
 * `::recommendations` — and a report of everything guessed or not mapped, at
 * its place in the draft.
 */
import { InputError } from '../core/errors.js';
import { primaryLanguage } from '../core/languages.js';
import type { FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { stringify as yamlStringify } from 'yaml';
import type { Labels } from '../labels/labels.js';
import { draftMarkdown } from '../render/to-markdown.js';
import { report, sortMessages } from '../core/messages.js';
import { draftText } from '../drafts/markdown-file.js';
import { parseDraftTree } from '../drafts/markdown/processor.js';
import { pairJournalFootnotes } from '../drafts/markdown/journal-footnotes.js';
import { inlineText } from '../render/plain-text.js';
import { IdMaker, idOfBookmarks, initials, slug } from './ids.js';
import { guessLanguage, labelsFor, matchLabel, parseLongDate, SHIPPED_LANGUAGES } from './labels.js';
import { metadataFrom } from './metadata.js';
import { planNumbers } from './numbering.js';
import { recogniseRecommendation } from './recommendations.js';
import { linkReferences } from './references.js';
import { readStructure, type Chapter, type Item } from './structure.js';

export interface ImportOptions {
  /** The original language (default: from the document, or guessed from its labels). */
  lang?: string;
}

export interface ImportedFile {
  /** Path inside the opinion folder, with forward slashes. */
  path: string;
  content: string;
}

export interface ImportResult {
  files: ImportedFile[];
  /** The draft, with every guess and everything not mapped as messages at its place. */
  report: VFile;
  lang: string;
  /** A folder name for the opinion: from its reference (`int-871`), else from the file name. */
  folderName: string;
}

interface Input {
  tree: Root;
  file: VFile;
  lang?: string;
}

async function readInput(bytes: Uint8Array, shown: string): Promise<Input> {
  if (/\.docx$/iu.test(shown) || (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf) || bytes.length === 0) {
    if (bytes.length === 0 && !/\.docx$/iu.test(shown)) {
      throw new InputError(`cannot read \`${shown}\`: the file is empty, expected a Word document (.docx) or a Markdown draft`);
    }
    const { readDocx } = await import('../drafts/word/index.js');
    const word = readDocx(bytes, shown);
    if (word.trackedChanges > 0) {
      tell(word.file, `Unexpected tracked changes (${word.trackedChanges}), expected a clean draft: imported as if all were accepted`, 'word/tracked-changes');
    }
    if (word.comments > 0)
      tell(word.file, `Unexpected comments (${word.comments}), expected none: not imported (each is reported at its paragraph)`, 'word/comment');
    return { tree: word.tree, file: word.file, ...(word.lang ? { lang: primaryLanguage(word.lang) } : {}) };
  }
  const file = new VFile({ path: shown, value: draftText(Buffer.from(bytes), shown) });
  return { tree: parseDraftTree(file), file };
}

/** A message on the draft, at `place` when there is one: a warning unless said otherwise. */
function tell(file: VFile, reason: string, ruleId: string, place?: Position, severity: 'warning' | 'info' = 'warning'): void {
  report(file, reason, { ruleId, severity, place });
}

/** The plain text of a footnote's first paragraph. */
function firstText(definition: FootnoteDefinition): string {
  return inlineText((definition.children[0] as { children?: PhrasingContent[] })?.children ?? []).text;
}

function stringifyPhrasing(children: PhrasingContent[]): string {
  return stringifyBlocks([{ type: 'paragraph', children }]);
}

function stringifyBlocks(children: RootContent[]): string {
  return String(draftMarkdown.stringify({ type: 'root', children } as Root)).trimEnd();
}

export async function importDraft(bytes: Uint8Array, shown: string, options: ImportOptions = {}): Promise<ImportResult> {
  const input = await readInput(bytes, shown);
  const { file, tree } = input;
  pairJournalFootnotes(tree, file);
  const structure = readStructure(tree, file);

  // Language: asked for, else the document's (unless its labels are all another language's), else guessed from its labels.
  let lang = options.lang;
  const guess = lang ? undefined : await guessLanguage(structure.frontLines);
  if (!lang && input.lang && SHIPPED_LANGUAGES.includes(input.lang)) {
    // A template's language (pandoc's en-US) says nothing of the text: labels of another language and none of its own do.
    if (guess && guess.lang !== input.lang && (guess.scores.get(input.lang) ?? 0) === 0) {
      lang = guess.lang;
      tell(
        file,
        `Recognised the language \`${lang}\` from the draft's labels, not \`${input.lang}\` as the document's settings say (use --lang to choose another)`,
        'import/language',
        undefined,
        'info',
      );
    } else {
      lang = input.lang;
      tell(file, `Recognised the language \`${lang}\` from the document's settings (use --lang to choose another)`, 'import/language', undefined, 'info');
    }
  }
  if (!lang) {
    lang = guess?.lang ?? 'en';
    tell(
      file,
      guess
        ? `Recognised the language \`${lang}\` from the draft's labels (use --lang to choose another)`
        : 'Unexpected draft without labels that name its language, expected a header such as `Rapporteur:`: language set to `en` (use --lang)',
      'import/language',
      undefined,
      guess ? 'info' : 'warning',
    );
  }
  const labels = (await labelsFor(lang)) ?? (await labelsFor('en'));
  if (!labels) throw new Error('the built-in label files are missing');
  if (labels.lang !== lang)
    tell(
      file,
      `Unexpected language \`${lang}\` without a label file, expected one of ${SHIPPED_LANGUAGES.map((l) => `\`${l}\``).join(', ')}: the front was read with the English labels`,
      'import/language',
    );

  const folderBase = (shown.split(/[\\/]/u).pop() ?? '').replace(/\.[^.]*$/u, '');
  const { meta, unknown } = metadataFrom(structure, labels, lang, file, folderBase);
  const chapters = structure.chapters;
  if (chapters.length === 0)
    tell(file, 'Unexpected draft without chapters, expected headings such as `1. Conclusions and recommendations`', 'import/no-chapters');
  planNumbers(chapters, file);
  const points = chapters.flatMap((chapter) => chapter.items.filter((item) => item.kind === 'point' && item.number));
  const oj = points.length > 0 && points.filter((item) => item.dotted).length * 2 > points.length;
  if (oj) meta.numbering = 'oj';
  for (const item of points.filter((point) => point.dotted !== oj)) {
    const number = `${item.number}${item.dotted ? '.' : ''}`;
    const reason = `Unexpected number \`${number}\` ${item.dotted ? 'with' : 'without'} a trailing dot, expected the style of most points (\`${oj ? '1.1.' : '1.1'}\`): the build writes \`${item.number}${oj ? '.' : ''}\``;
    tell(file, reason, 'import/numbering-style', item.node.position, 'info');
  }

  // Ids: chapters from their file names, then headings and points.
  const ids = new IdMaker();
  const names = chapters.map((chapter, i) => {
    const name = ids.make('', chapter.titleText, `chapter-${i + 1}`, 5);
    chapter.id = name;
    return `${String(i + 1).padStart(2, '0')}-${name}.md`;
  });
  // A Word draft `opinion build` wrote keeps its ids in its bookmarks: kept, so that references and amendments to them hold.
  const built = chapters.flatMap((chapter) => chapter.items.map((item) => [item, idOfBookmarks(item.node.data?.anchors)] as const));
  for (const [item, id] of built) if (id !== undefined) item.id = ids.keep(id);
  for (const chapter of chapters) {
    const prefix = initials(chapter.titleText);
    for (const item of chapter.items) {
      if (item.id !== undefined) continue;
      const fallback = (item.built ?? item.number ?? '').replace(/\./gu, '-') || 'point';
      item.id = ids.make(item.kind === 'heading' ? 'sec' : prefix, item.text, fallback);
    }
  }

  const recommendations = extractRecommendations(chapters, ids, file);
  linkReferences(chapters, labels, file);

  // A footnote called from several chapters (a Markdown footnote lives in one file) is a source:
  // an evidence item cited with `:cite{#id}`, which the build numbers once, as the draft did.
  const cited = citedSources(chapters, structure.footnotes, ids, labels, file);

  // Footnotes: new ids from their words, defined in each chapter that uses them.
  const footnoteIds = new Map<string, string>();
  const footnoteHome = new Map<string, number>();
  const chapterFiles: string[] = chapters.map((chapter, index) => {
    const used: string[] = [];
    const relabel = (root: RootContent[] | PhrasingContent[], at?: RootContent) => {
      visit({ type: 'root', children: root } as Root, 'footnoteReference', (node, position, parent) => {
        const definition = structure.footnotes.get(node.identifier);
        if (!definition) {
          const reason = `Unexpected footnote reference \`[^${node.label ?? node.identifier}]\` without its footnote, expected a definition: left out`;
          tell(file, reason, 'import/footnote', node.position ?? at?.position);
          return;
        }
        const source = cited.get(node.identifier);
        if (source && parent && position !== undefined) {
          // ` :cite{#id}`: the build joins the citation's footnote mark to the word before.
          const citation = { type: 'textDirective', name: 'cite', attributes: { id: source.id }, children: [] } as unknown as PhrasingContent;
          parent.children.splice(position, 1, { type: 'text', value: ' ' }, citation);
          return position + 2;
        }
        const key = `${index}/${node.identifier}`;
        let id = footnoteIds.get(key);
        if (!id) {
          id = ids.make('fn', firstText(definition), node.identifier.toLowerCase().replace(/[^a-z0-9]/gu, '') || 'note');
          footnoteIds.set(key, id);
          used.push(node.identifier);
          const home = footnoteHome.get(node.identifier);
          if (home === undefined) footnoteHome.set(node.identifier, index);
          else {
            const reason = `Unexpected footnote \`${node.label ?? node.identifier}\` referred to from chapters ${home + 1} and ${index + 1}, expected each footnote in one chapter: each chapter gets its own copy, numbered on its own by the build`;
            tell(file, reason, 'import/footnote', node.position ?? at?.position);
          }
        }
        node.identifier = id;
        node.label = id;
      });
    };
    for (const item of chapter.items) {
      relabel(item.phrasing, item.node);
      relabel(item.more, item.node);
    }
    const parts: string[] = [];
    const unnumbered = chapter.number === undefined ? ' {-}' : '';
    parts.push(`# ${stringifyPhrasing(chapter.title) || chapter.titleText || 'Untitled'}${unnumbered}`);
    let placedRecommendations = false;
    for (const item of chapter.items) {
      if (item.recommendation) {
        if (!placedRecommendations) parts.push('::recommendations');
        placedRecommendations = true;
        continue;
      }
      if (item.kind === 'heading') parts.push(`${'#'.repeat(item.level + 1)} ${stringifyPhrasing(item.phrasing)} {#${item.id}}`);
      else parts.push(`{#${item.id}} ${stringifyPhrasing(item.phrasing)}`.trimEnd());
      if (item.more.length) parts.push(stringifyBlocks(item.more));
    }
    // A footnote's own text may call a footnote nothing else in this chapter calls: `used` grows as they are read.
    const definitions: FootnoteDefinition[] = [];
    for (let i = 0; i < used.length; i++) {
      const id = footnoteIds.get(`${index}/${used[i]}`) as string;
      const definition = { ...(JSON.parse(JSON.stringify(structure.footnotes.get(used[i]!))) as FootnoteDefinition), identifier: id, label: id };
      relabel(definition.children);
      definitions.push(definition);
    }
    if (definitions.length) parts.push(stringifyBlocks(definitions));
    return parts.join('\n\n') + '\n';
  });
  for (const [identifier, definition] of structure.footnotes) {
    if (!footnoteHome.has(identifier) && !cited.has(identifier)) {
      const reason = `Unexpected footnote \`${definition.label ?? identifier}\` that nothing refers to, expected a reference: not imported (“${firstText(definition).slice(0, 60)}”)`;
      tell(file, reason, 'import/footnote', definition.position);
    }
  }

  const files: ImportedFile[] = [];
  const header = (schema: string) => `# yaml-language-server: $schema=@SCHEMAS@/${schema}.schema.json\n`;
  let opinionYaml = header('opinion') + `# Imported by \`opinion import\` from ${shown}.\n`;
  if (unknown.length)
    opinionYaml += '# Lines of the draft that have no place in the metadata:\n' + unknown.map((line) => `#   ${line.replace(/\n/gu, ' ')}`).join('\n') + '\n';
  opinionYaml += yamlStringify(inSchemaOrder(meta), { lineWidth: 0 });
  files.push({ path: 'opinion.yaml', content: opinionYaml });
  if (recommendations.length)
    files.push({ path: 'recommendations.yaml', content: header('recommendations') + yamlStringify({ recommendations }, { lineWidth: 100 }) });
  if (cited.size) files.push({ path: 'evidence.yaml', content: header('evidence') + yamlStringify({ evidence: [...cited.values()] }, { lineWidth: 0 }) });
  names.forEach((name, i) => files.push({ path: `text/${lang}/${name}`, content: chapterFiles[i] as string }));
  sortMessages([file]);
  const reference = typeof meta.reference === 'string' && /^[A-Z]+\/\d+$/u.test(meta.reference) ? meta.reference.toLowerCase().replace('/', '-') : '';
  return { files, report: file, lang, folderName: reference || slug(folderBase, 6) || 'imported-opinion' };
}

interface CitedSource {
  id: string;
  kind: 'fact';
  title: string;
  source: { title: string; url?: string; accessed?: string };
}

/**
 * A footnote's text as a source: "Title, https://… (accessed 1 March 2018)."
 * — as the build writes a source with a web address and a date of access —
 * gives the title, the URL and the date; any other text is the title alone.
 */
function sourceFrom(children: readonly PhrasingContent[], labels: Labels): CitedSource['source'] {
  const whole = { title: stringifyPhrasing([...children]) };
  const last = children[children.length - 1];
  const at = last?.type === 'text' ? children.length - 2 : children.length - 1;
  const [before, link, after] = [children[at - 1], children[at], children[at + 1]];
  if (link?.type !== 'link' || inlineText(link.children).text !== link.url || before?.type !== 'text' || !before.value.endsWith(', ')) return whole;
  let accessed: string | undefined;
  if (after?.type === 'text' && after.value !== '.') {
    const inParentheses = /^ \((.+)\)\.$/su.exec(after.value)?.[1];
    const date = inParentheses === undefined ? undefined : matchLabel(labels, 'citation.accessed', inParentheses)?.date;
    accessed = date === undefined ? undefined : parseLongDate(labels, date);
    if (!accessed) return whole;
  } else if (after?.type !== 'text') return whole;
  const title = stringifyPhrasing([...children.slice(0, at - 1), { type: 'text', value: before.value.slice(0, -2) }]);
  return { title, url: link.url, ...(accessed ? { accessed } : {}) };
}

/**
 * Footnotes called from more than one chapter, each as an evidence item whose
 * source is the footnote's text: cited with `:cite{#id}` wherever the draft
 * called the footnote, so the build gives one footnote again. A footnote of
 * more than one paragraph cannot be a source's title: it is copied into each
 * chapter instead (and reported there).
 */
function citedSources(
  chapters: readonly Chapter[],
  footnotes: ReadonlyMap<string, FootnoteDefinition>,
  ids: IdMaker,
  labels: Labels,
  file: VFile,
): Map<string, CitedSource> {
  const callers = new Map<string, Set<number>>();
  const first = new Map<string, RootContent | PhrasingContent>();
  chapters.forEach((chapter, index) => {
    for (const item of chapter.items) {
      for (const root of [item.phrasing, item.more]) {
        visit({ type: 'root', children: root } as Root, 'footnoteReference', (node) => {
          callers.set(node.identifier, (callers.get(node.identifier) ?? new Set()).add(index));
          if (!first.has(node.identifier)) first.set(node.identifier, node.position ? node : item.node);
        });
      }
    }
  });
  const cited = new Map<string, CitedSource>();
  for (const [identifier, chapterSet] of callers) {
    const definition = footnotes.get(identifier);
    if (!definition || chapterSet.size < 2) continue;
    const [paragraph, ...rest] = definition.children;
    // Copied into each chapter below, and reported there.
    if (paragraph?.type !== 'paragraph' || rest.length > 0) continue;
    const where = [...chapterSet].map((index) => index + 1).join(' and ');
    const text = inlineText(paragraph.children).text;
    const title = text.split(/[,:(]/u)[0]?.trim() || text;
    const id = ids.make('ev', text, 'source');
    cited.set(identifier, { id, kind: 'fact', title, source: sourceFrom(paragraph.children, labels) });
    const reason = `Recognised footnote \`${definition.label ?? identifier}\`, referred to from chapters ${where}, as a source: written to evidence.yaml as \`${id}\` (kind \`fact\`: check it) and cited with \`:cite{#${id}}\``;
    tell(file, reason, 'import/citation', first.get(identifier)?.position, 'info');
  }
  return cited;
}

const KEY_ORDER = [
  'reference',
  'document',
  'title',
  'kind',
  'requested_by',
  'legal_basis',
  'referrals',
  'rapporteurs',
  'section',
  'decision',
  'adopted_in_section',
  'adopted_at_plenary',
  'plenary_session',
  'vote',
  'language',
  'languages',
  'stage',
  'version',
  'version_date',
  'numbering',
  'closing',
];

function inSchemaOrder(meta: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (meta[key] !== undefined) ordered[key] = meta[key];
  for (const [key, value] of Object.entries(meta)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

/**
 * Points that read as recommendations with a named addressee, when they are
 * one run of points (nothing between them): moved to recommendations.yaml.
 * Otherwise they stay prose, and the guess is reported.
 */
function extractRecommendations(chapters: Chapter[], ids: IdMaker, file: VFile): Record<string, unknown>[] {
  const found: { chapter: number; index: number; item: Item; addressees: string[] }[] = [];
  chapters.forEach((chapter, c) =>
    chapter.items.forEach((item, index) => {
      if (item.kind !== 'point' || !item.number || item.more.length) return;
      const recognised = recogniseRecommendation(item.text);
      let footnote = false;
      visit({ type: 'root', children: item.phrasing } as unknown as Root, 'footnoteReference', () => {
        footnote = true;
      });
      if (recognised && !footnote) found.push({ chapter: c, index, item, addressees: recognised.addressees });
    }),
  );
  if (found.length === 0) return [];
  const contiguous = found.every(
    (entry, i) =>
      i === 0 || (entry.chapter === (found[i - 1] as (typeof found)[number]).chapter && entry.index === (found[i - 1] as (typeof found)[number]).index + 1),
  );
  const last = found[found.length - 1] as (typeof found)[number];
  const items = chapters[last.chapter]?.items ?? [];
  const afterRun = items.slice(last.index + 1);
  const nested =
    afterRun.some((item) => item.kind === 'point') &&
    found.some((entry) => entry.item.level !== (afterRun.find((item) => item.kind === 'point')?.level ?? entry.item.level));
  if (!contiguous || nested) {
    for (const entry of found) {
      const reason = `Recognised point ${entry.item.number} as a recommendation to ${entry.addressees.join(', ')}, but the recommendations are not one run of points: kept as prose`;
      tell(file, reason, 'import/recommendation', entry.item.node.position, 'info');
    }
    return [];
  }
  return found.map((entry) => {
    entry.item.recommendation = true;
    const kept = entry.item.id !== undefined && entry.item.id === idOfBookmarks(entry.item.node.data?.anchors);
    const id = kept
      ? (entry.item.id as string)
      : ids.make('rec', entry.item.text.replace(/^.*?\b(?:to|à|a|zu)\b/iu, ''), (entry.item.built ?? '').replace(/\./gu, '-'));
    entry.item.id = id;
    const reason = `Recognised point ${entry.item.number} as a recommendation to ${entry.addressees.join(', ')}: moved to recommendations.yaml as \`${id}\` and placed back with \`::recommendations\``;
    tell(file, reason, 'import/recommendation', entry.item.node.position, 'info');
    return { id, text: stringifyPhrasing(entry.item.phrasing), addressees: entry.addressees };
  });
}
