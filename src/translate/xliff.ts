/**
 * The translation round trip through XLIFF 1.2, the version every major CAT
 * tool imports (Trados Studio, memoQ, Phrase, Wordfast, OmegaT, MateCat…;
 * XLIFF 2.x is not read by all of them).
 *
 * - `exportXliff`: one `<trans-unit>` per segment of the original language
 *   (see `segments.ts`), `id` = the segment's stable key, `<source>` = the
 *   original text, `<target>` = the current translation when there is one
 *   (`state="translated"`), otherwise none (`state="needs-translation"` on an
 *   empty target). With `since`, only segments whose original text changed
 *   since that git revision (their translation is then marked
 *   `needs-review-translation`).
 * - `importXliff`: reads the file back (with positions), checks every unit
 *   against the opinion (known id, source still the original's text, a
 *   target), and returns the new content of every source file it changes:
 *   the translated chapter files of the target language, and the YAML files
 *   with their `<lang>:` entries set (comments kept). Any problem is a
 *   positioned message, and then no file content is returned at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, posix, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { Element, Root } from 'xast';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { parseMarkdown } from '../core/markdown.js';
import { report } from '../core/messages.js';
import { primaryLanguage } from '../core/languages.js';
import { addKey, applySplices, columnOf, contentEnd, type Splice } from '../core/yaml-edit.js';
import { decodeText, inFormOf } from '../core/read-source.js';
import { commitOf, readAt, repoPath } from '../drafts/git.js';
import type { Opinion } from '../core/model.js';
import { appendixAmendments } from '../core/amendments.js';
import { inlineDirectives } from '../core/prose-outline.js';
import { markdownSegments, yamlSegments, type MarkdownSegment, type Segment, type YamlSegment } from './segments.js';
import { displayText, inlinePieces, markdownText, targetPieces, type Piece } from './inline.js';

export interface ExportOptions {
  /** The target language. */
  to: string;
  /**
   * Texts the build prints in each language's own form (a label's wording in
   * the original language: "Rule 52(2) of the Rules of Procedure", a section
   * name): YAML values equal to one are not for translators.
   */
  labelled?: ReadonlySet<string>;
  /** A git revision: export only what changed in the original since then. */
  since?: string;
}

export interface ExportResult {
  xml: string;
  /** Units exported, and how many of them have no translation yet. */
  units: number;
  toTranslate: number;
  /** Units whose original changed since `--since` while a translation exists: to review. */
  toReview: number;
}

interface Unit {
  segment: Segment;
  target?: string;
  state: 'translated' | 'needs-translation' | 'needs-review-translation';
}

/** The original language's segments, and the current translation of each in `to`. */
function units(opinion: Opinion, to: string, labelled: ReadonlySet<string> = new Set()): Unit[] {
  const original = opinion.meta.language;
  const out: Unit[] = [];
  const targetFiles = new Map((opinion.chapters[to] ?? []).map((c) => [basename(c.path), c]));
  for (const chapter of opinion.chapters[original] ?? []) {
    const source = markdownSegments(chapter.path, String(chapter.file.value));
    const translated = targetFiles.get(basename(chapter.path));
    const targets = new Map(translated ? markdownSegments(translated.path, String(translated.file.value)).map((s) => [s.key, s.text]) : []);
    for (const segment of source) out.push(unitOf(segment, targets.get(segment.key)));
  }
  const data = yamlData(opinion);
  const sources = yamlSegments(data, original, original);
  const targets = new Map(yamlSegments(data, to, original).map((s) => [s.key, s.text]));
  for (const segment of sources) {
    if (segment.text !== undefined && !labelled.has(segment.text)) out.push(unitOf(segment as YamlSegment, targets.get(segment.key)));
  }
  return out;
}

function unitOf(segment: Segment, target: string | undefined): Unit {
  return { segment, target, state: target !== undefined ? 'translated' : 'needs-translation' };
}

function yamlData(opinion: Opinion) {
  return {
    opinion: opinion.meta,
    principles: { principles: opinion.principles },
    recommendations: { recommendations: opinion.recommendations },
    evidence: { evidence: opinion.evidence },
    hearings: { hearings: opinion.hearings },
    glossary: { glossary: opinion.glossary },
    amendments: appendixData(opinion),
  };
}

/**
 * The texts of amendments.yaml the appendix of an adopted opinion prints in
 * every language: the rejected amendments' texts and reasons and the rules it
 * cites. The other amendments are left out, each in its place (a unit's path
 * is its place in the file).
 */
function appendixData(opinion: Opinion) {
  const { rejected, replaced } = appendixAmendments(opinion);
  const rules = opinion.amendmentSettings.procedure ?? {};
  return {
    procedure: {
      ...(rejected.length > 0 ? { rule_rejected: rules.rule_rejected } : {}),
      ...(replaced.length > 0 ? { rule_section_text: rules.rule_section_text } : {}),
    },
    amendments: opinion.amendments.map((a) => (rejected.includes(a) ? a : undefined)),
  };
}

/** The original's segment texts at a git revision, by key (files absent then: no segments). */
async function segmentsAt(opinion: Opinion, rev: string): Promise<Map<string, string>> {
  const original = opinion.meta.language;
  const { root, path: prefix } = await repoPath(opinion.dir, opinion.dir);
  const commit = await commitOf(root, rev);
  const show = async (path: string): Promise<string | undefined> => {
    try {
      return decodeText(await readAt(root, commit, posix.join(prefix, relative(opinion.dir, path).split(sep).join('/'))));
    } catch {
      return undefined;
    }
  };
  const out = new Map<string, string>();
  for (const chapter of opinion.chapters[original] ?? []) {
    const text = await show(chapter.path);
    if (text !== undefined) for (const s of markdownSegments(chapter.path, text)) out.set(s.key, s.text);
  }
  const data: Record<string, unknown> = {};
  for (const kind of ['opinion', 'principles', 'recommendations', 'evidence', 'hearings', 'glossary', 'amendments'] as const) {
    const text = await show(join(opinion.dir, `${kind}.yaml`));
    if (text !== undefined) data[kind] = parseDocument(text).toJS() as unknown;
  }
  for (const s of yamlSegments(data as Parameters<typeof yamlSegments>[0], original, original)) if (s.text !== undefined) out.set(s.key, s.text);
  return out;
}

/** The label texts of `lang` that the build prints in each language's own form (legal bases, section names, the place). */
export async function labelledTexts(lang: string): Promise<Set<string>> {
  const { builtinLabelFiles, resolveLabels } = await import('../labels/load.js');
  const labels = resolveLabels(lang, await builtinLabelFiles([lang]), { file: new VFile() });
  if (!labels) return new Set();
  return new Set(
    Object.entries(labels.text)
      .filter(([key]) => /^(values|sections)\./.test(key))
      .map(([, value]) => value),
  );
}

/** Whether `rev` names a commit of the repository holding the opinion. */
export async function isRevision(dir: string, rev: string): Promise<boolean> {
  try {
    await commitOf((await repoPath(dir, dir)).root, rev);
    return true;
  } catch {
    return false;
  }
}

export async function exportXliff(opinion: Opinion, options: ExportOptions): Promise<ExportResult> {
  let list = units(opinion, options.to, options.labelled);
  if (options.since !== undefined) {
    const before = await segmentsAt(opinion, options.since);
    list = list
      .filter((unit) => before.get(unit.segment.key) !== unit.segment.text)
      .map((unit) => (unit.target !== undefined ? { ...unit, state: 'needs-review-translation' as const } : unit));
  }
  const original = opinion.meta.language;
  const transUnits = list.map((unit) => {
    // A field printed as written is text only: no codes, nothing escaped or resolved.
    const plain = unit.segment.where === 'yaml' && unit.segment.plain === true;
    const source = plain ? [{ type: 'text' as const, value: unit.segment.text }] : inlinePieces(unit.segment.text);
    const target = unit.target === undefined ? [] : plain ? [{ type: 'text' as const, value: unit.target }] : targetPieces(unit.target, source);
    return x('trans-unit', { id: unit.segment.key, resname: unit.segment.kind, 'xml:space': 'preserve' }, [
      x('source', inlineXml(source, plain)),
      x('target', { state: unit.state }, unit.target === undefined ? '' : inlineXml(target, plain)),
      x('note', { from: 'opinion' }, unit.segment.where === 'markdown' ? `text/${original}/${unit.segment.file}` : `${unit.segment.yamlKind}.yaml`),
    ]);
  });
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      x('xliff', { version: '1.2', xmlns: 'urn:oasis:names:tc:xliff:document:1.2' }, [
        x('file', { original: opinion.name, 'source-language': original, 'target-language': options.to, datatype: 'plaintext', 'product-name': 'opinion' }, [
          x('body', transUnits),
        ]),
      ]),
      { type: 'text', value: '\n' },
    ],
  };
  return {
    xml: indent(toXml(tree)),
    units: list.length,
    toTranslate: list.filter((u) => u.state === 'needs-translation').length,
    toReview: list.filter((u) => u.state === 'needs-review-translation').length,
  };
}

/** Text (as it reads) and inline codes as XLIFF 1.2 content: `<ph>`, `<bpt>`/`<ept>` holding the Markdown they stand for. */
function inlineXml(pieces: Piece[], plain = false): (string | Element)[] {
  return pieces.map((piece) => {
    if (piece.type === 'text') return plain ? piece.value : displayText(piece.value);
    return piece.kind === 'ept' ? x('ept', { id: piece.id }, piece.native) : x(piece.kind, { id: piece.id, ctype: piece.ctype }, piece.native);
  });
}

/** One unit per line block: readable in a text editor, and diffable. */
function indent(xml: string): string {
  return xml
    .replace(/<file /, '\n  <file ')
    .replace(/<body>/, '\n    <body>')
    .replace(/<trans-unit /g, '\n      <trans-unit ')
    .replace(/<(source|target|note)([ >])/g, '\n        <$1$2')
    .replace(/<\/trans-unit>/g, '\n      </trans-unit>')
    .replace(/<\/body>/, '\n    </body>')
    .replace(/<\/file>/, '\n  </file>')
    .replace(/<\/xliff>/, '\n</xliff>');
}

export interface ImportResult {
  /** The .xlf file, with every problem found (positioned). */
  file: VFile;
  /** The target language. */
  lang?: string;
  /** New content per source file path; empty when there was any error. */
  writes: Map<string, string>;
  /** Units written. */
  translated: number;
}

/** XLIFF 1.2 states of a target that is not a translation yet. */
const UNTRANSLATED = new Set(['new', 'needs-translation']);

export function importXliff(opinion: Opinion, xliff: VFile, labelled?: ReadonlySet<string>): ImportResult {
  const result: ImportResult = { file: xliff, writes: new Map(), translated: 0 };
  let tree: Root;
  try {
    tree = fromXml(String(xliff.value));
  } catch (error) {
    const cause = error as { place?: { line: number; column: number }; reason?: string; message: string };
    report(xliff, `Unexpected XML: ${cause.reason ?? cause.message}`, { ruleId: 'xliff/syntax', place: cause.place });
    return result;
  }
  const fail = (node: Element | Root | undefined, reason: string, ruleId = 'xliff/structure') => {
    report(xliff, reason, { ruleId, place: node?.position });
  };
  const root = tree.children.find((n): n is Element => n.type === 'element');
  if (!root || root.name !== 'xliff' || root.attributes.version !== '1.2') {
    fail(
      root,
      `Unexpected ${root ? `\`<${root.name}${root.attributes.version ? ` version="${root.attributes.version}"` : ''}>\`` : 'empty file'}, expected an XLIFF 1.2 document (\`<xliff version="1.2">\`)`,
    );
    return result;
  }
  const files = children(root, 'file');
  if (files.length !== 1) {
    fail(root, `Unexpected ${files.length} \`<file>\` elements, expected one (the file \`opinion translate export\` wrote)`);
    return result;
  }
  const fileEl = files[0]!;
  const original = opinion.meta.language;
  // Language tags are BCP 47: CAT tools write the project's (`el-GR`, `EN-gb`); the opinion's language is the primary one.
  const language = (name: string) => {
    const tag = fileEl.attributes[name];
    return tag ? primaryLanguage(tag) : undefined;
  };
  const to = language('target-language');
  if (language('source-language') !== original) {
    fail(fileEl, `Unexpected source-language \`${fileEl.attributes['source-language'] ?? ''}\`, expected \`${original}\`, the opinion's original language`);
  }
  if (!to || to === original || !(opinion.meta.languages ?? [original]).includes(to)) {
    fail(
      fileEl,
      `${to ? `Unexpected target-language \`${fileEl.attributes['target-language']}\`` : 'Missing target-language'}, expected one of the opinion's languages other than \`${original}\`: ${
        (opinion.meta.languages ?? [])
          .filter((l) => l !== original)
          .map((l) => `\`${l}\``)
          .join(', ') || 'none'
      }`,
    );
    return result;
  }
  result.lang = to;
  const all = units(opinion, to, labelled);
  const known = new Map(all.map((u) => [u.segment.key, u.segment]));
  /** The translations in the sources now, by unit. */
  const current = new Map(all.flatMap((u) => (u.target === undefined ? [] : [[u.segment.key, u.target] as const])));
  const translations = new Map<string, { text: string; segment: Segment }>();
  for (const body of children(fileEl, 'body')) {
    for (const unit of children(body, 'trans-unit')) {
      const id = unit.attributes.id;
      const segment = id ? known.get(id) : undefined;
      if (!id || !segment) {
        fail(
          unit,
          `Unknown unit id \`${id ?? ''}\`, expected the id of a point, heading, footnote or text of the opinion (was it renamed or deleted since the export?)`,
          'xliff/unknown-id',
        );
        continue;
      }
      if (translations.has(id)) {
        fail(unit, `Unexpected second unit \`${id}\`, expected each id once`, 'xliff/duplicate-id');
        continue;
      }
      const source = children(unit, 'source')[0];
      const target = children(unit, 'target')[0];
      if (!source) {
        fail(unit, `Missing \`<source>\` in unit \`${id}\``);
        continue;
      }
      const plain = segment.where === 'yaml' && segment.plain === true;
      const pieces: Piece[] = plain ? [{ type: 'text', value: segment.text }] : inlinePieces(segment.text);
      const codes = new Map(pieces.flatMap((p) => (p.type === 'code' ? [[`${p.kind}:${p.id}`, p.native] as const] : [])));
      const prior = current.get(id);
      const priorPieces = prior !== undefined && !plain ? targetPieces(prior, pieces) : [];
      // The codes the translation in the sources has of its own (a link to another address), under the ids the export gave them.
      for (const p of priorPieces) if (p.type === 'code' && !codes.has(`${p.kind}:${p.id}`)) codes.set(`${p.kind}:${p.id}`, p.native);
      // The source as exported: its text as it reads, its codes' Markdown.
      const shown = plain ? segment.text : shownOf(pieces);
      // A source whose codes are not the original's has changed: one message, the one below.
      if (contentOf(source, codes, id, () => {}, plain)?.shown !== shown) {
        fail(
          source,
          `Unexpected source text in unit \`${id}\`: the original has changed since the export, expected it to read as the original does now (export again)`,
          'xliff/source-changed',
        );
        continue;
      }
      const content = target ? contentOf(target, codes, id, fail, plain) : { markdown: '', shown: '' };
      if (content === undefined || content.shown.trim() === '') continue;
      // A translation that reads as the one in the sources (exported, then imported untouched) keeps its Markdown as written.
      const translation = prior !== undefined && (plain ? prior : shownOf(priorPieces)) === content.shown ? prior : content.markdown;
      // The source copied into the target by a CAT tool, still marked as not translated: no translation yet.
      if (UNTRANSLATED.has(String(target?.attributes.state)) && content.shown.trim() === shown.trim()) {
        report(xliff, `Unit \`${id}\` is not translated yet (state="${target?.attributes.state}", its target a copy of the source): not imported`, {
          ruleId: 'xliff/untranslated',
          severity: 'info',
          place: target?.position,
        });
        continue;
      }
      if (segment.where === 'markdown' && !sameMarkers(segment.text, translation)) {
        fail(
          target,
          `Unexpected markup in the translation of \`${id}\`: the cross-references, citations and footnote marks (:ref{…}, :cite{…}, [^…]) must be those of the source`,
          'xliff/markup',
        );
        continue;
      }
      // A point is one paragraph: a blank line in its translation would start a point the original does not have.
      if (segment.kind === 'point' && /\n[ \t]*\n/.test(translation.trim())) {
        fail(
          target,
          `Unexpected blank line in the translation of \`${id}\`: it would start a point of its own, expected the point's text as one paragraph (line breaks without a blank line are allowed)`,
          'xliff/paragraph-break',
        );
        continue;
      }
      // Line breaks and indentation an XML editor or CAT tool lays out around the text are no part of it:
      // kept, they would empty a heading (`## ` then the text as a paragraph) or make a footnote code.
      translations.set(id, { text: translation.trim(), segment });
    }
  }
  if (xliff.messages.some((m) => m.fatal)) return result;
  writeBack(opinion, to, translations, result);
  return result;
}

/**
 * A translation as written at a segment's place: a table cell's on one line
 * with its `|` escaped (GFM, code spans included), a heading's or chapter
 * title's on one line, a list item's or quote's next lines with the indent
 * or `>` of the line they continue, a footnote's next lines indented (after
 * a blank line, a paragraph of the footnote, not of the text).
 */
function written(translation: string, at: MarkdownSegment): string {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  // A `|` not escaped already (after an even number of backslashes, `a\\|b` included) would end the cell.
  if (at.cell) return oneLine(translation).replace(/(\\*)\|/g, (whole, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\|` : whole));
  if (at.kind === 'heading' || at.kind === 'chapter-title') return oneLine(translation);
  if (at.kind === 'footnote') return translation.replace(/\n(?=[^\n])(?! {4}|\t)/g, '\n    ');
  return at.continuation ? translation.replaceAll('\n', `\n${at.continuation}`) : translation;
}

/** A YAML double-quoted scalar (JSON's escapes are YAML's). */
const quoted = (value: string) => JSON.stringify(value);

/** The text edit that sets `<to>: translation` for the value at `path`. */
function yamlChange(doc: Document.Parsed, text: string, path: (string | number)[], original: string, to: string, translation: string): Splice | undefined {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const indent = ' '.repeat(columnOf(text, pair.key.range[0]) + 2);
  const value = pair.value;
  if (isMap(value) && value.range) {
    const existing = value.items.find((item) => isScalar(item.key) && item.key.value === to);
    if (existing && isScalar(existing.value) && existing.value.range) {
      if (existing.value.value === translation) return { start: 0, end: 0, text: '' };
      return { start: existing.value.range[0], end: contentEnd(text, existing.value.range[1]), text: quoted(translation) };
    }
    // A language more: after the last entry, past a comment that ends its line, in flow style too (`{ en: …, de: … }`).
    return addKey(text, doc, path, to, quoted(translation));
  }
  if (isScalar(value) && value.range && typeof value.value === 'string') {
    // In a flow mapping (`- { id: g-see, expansion: … }`) the text becomes a flow mapping of its own.
    if (parent.flow)
      return { start: value.range[0], end: contentEnd(text, value.range[1]), text: `{ ${original}: ${quoted(value.value)}, ${to}: ${quoted(translation)} }` };
    let start = value.range[0];
    while (start > 0 && text[start - 1] === ' ') start--;
    return { start, end: contentEnd(text, value.range[1]), text: `\n${indent}${original}: ${quoted(value.value)}\n${indent}${to}: ${quoted(translation)}` };
  }
  return undefined;
}

function children(node: Element, name: string): Element[] {
  return node.children.filter((c): c is Element => c.type === 'element' && c.name === name);
}

/**
 * A `<source>` or `<target>` as it reads (`shown`: its text, each inline code
 * replaced by the source's Markdown of the same kind and id) and as Markdown
 * (`markdown`: the same with the text escaped where Markdown would read it
 * as markup). A CAT tool may move a tag, or leave it out, but the Markdown in
 * it is the source's. `<mrk>` (a CAT tool's segment or comment marker) is
 * read through. An unknown tag or id, or a pair left open, is reported:
 * undefined then.
 */
function contentOf(
  node: Element,
  codes: ReadonlyMap<string, string>,
  unit: string,
  fail: (node: Element, reason: string, ruleId?: string) => void,
  plain = false,
): { shown: string; markdown: string } | undefined {
  let ok = true;
  /** An inline code problem: reported, and the content is undefined. */
  const bad = (at: Element, reason: string): void => {
    ok = false;
    fail(at, reason, 'xliff/inline-code');
  };
  const open: Element[] = [];
  /** Text (adjacent pieces joined, `<mrk>` read through) and codes' Markdown, in order. */
  const parts: { text?: string; native?: string; kind?: string }[] = [];
  const read = (el: Element): void => {
    for (const c of el.children) {
      if (c.type === 'text' || c.type === 'cdata') {
        const last = parts[parts.length - 1];
        if (last?.text !== undefined) last.text += c.value;
        else parts.push({ text: c.value });
      } else if (c.type !== 'element') continue;
      else if (c.name === 'mrk') read(c);
      else if (c.name === 'ph' || c.name === 'bpt' || c.name === 'ept') {
        const native = codes.get(`${c.name}:${c.attributes.id ?? ''}`);
        if (native === undefined) {
          bad(
            c,
            `Unexpected \`<${c.name} id="${c.attributes.id ?? ''}">\` in unit \`${unit}\`, expected the inline codes of the source (footnote calls, references, emphasis, links), with their ids`,
          );
          continue;
        }
        if (c.name === 'bpt') open.push(c);
        if (c.name === 'ept') {
          const at = open.findIndex((b) => b.attributes.id === c.attributes.id);
          if (at < 0)
            bad(c, `Unexpected \`<ept id="${c.attributes.id}">\` before its \`<bpt>\` in unit \`${unit}\`, expected each pair opened before it is closed`);
          else open.splice(at, 1);
        }
        parts.push({ native, kind: c.name });
      } else bad(c, `Unexpected \`<${c.name}>\` in unit \`${unit}\`, expected text and the \`<ph>\`, \`<bpt>\`, \`<ept>\` codes the export wrote`);
    }
  };
  read(node);
  for (const b of open) {
    bad(
      b,
      `Unexpected \`<bpt id="${b.attributes.id}">\` without its \`<ept>\` in unit \`${unit}\`, expected both tags of a pair (the Markdown around the text would be broken)`,
    );
  }
  if (!ok) return undefined;
  // The line breaks and indentation an XML editor or CAT tool lays out around the text are no part of it.
  const first = parts[0];
  const last = parts.at(-1);
  if (first?.text !== undefined) first.text = first.text.trimStart();
  if (last?.text !== undefined) last.text = last.text.trimEnd();
  // A field printed as written: its text as typed.
  if (plain) {
    const text = parts.map((part) => part.text ?? part.native).join('');
    return { shown: text, markdown: text };
  }
  keepSpacesOutsideEmphasis(parts);
  const shown = parts.map((part) => part.text ?? part.native).join('');
  const written = (every: boolean) => {
    let markdown = '';
    for (const part of parts) markdown += part.text === undefined ? part.native : markdownText(part.text, markdown === '' || markdown.endsWith('\n'), every);
    return markdown;
  };
  // Escaped only where running text needs it, unless that reads back otherwise than typed: then everything that could be markup.
  const light = written(false);
  const natives = parts.flatMap((part) => (part.native === undefined ? [] : [part.native]));
  if (readsAs(light, shown, natives)) return { shown, markdown: light };
  const every = written(true);
  if (readsAs(every, shown, natives)) return { shown, markdown: every };
  // Tags that Markdown cannot give back around this text (a pair around nothing, emphasis against punctuation): the draft would print `*`.
  bad(
    node,
    `Unexpected tags in unit \`${unit}\` that do not read back as written (a pair around nothing, or emphasis whose text starts or ends with punctuation against a word), expected each pair around the words it marks`,
  );
  return undefined;
}

/**
 * White space a CAT tool leaves inside an emphasis pair (`<bpt>*</bpt>Sistema
 * di Protezione <ept>*</ept>(…)`) moved outside it: Markdown's emphasis ends
 * only against a word or punctuation, and the draft would print the `*`.
 */
function keepSpacesOutsideEmphasis(parts: { text?: string; native?: string; kind?: string }[]): void {
  const emphasis = (part: { native?: string; kind?: string } | undefined, kind: string) => part?.kind === kind && /^[*_~]+$/u.test(part.native ?? '');
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1];
    if (emphasis(parts[i], 'bpt') && next?.text !== undefined) {
      const space = /^\s+/u.exec(next.text)?.[0];
      if (space) {
        next.text = next.text.slice(space.length);
        if (parts[i - 1]?.text !== undefined) parts[i - 1]!.text += space;
        else parts.splice(i++, 0, { text: space });
      }
    }
    const before = parts[i - 1];
    if (emphasis(parts[i], 'ept') && before?.text !== undefined) {
      const space = /\s+$/u.exec(before.text)?.[0];
      if (space) {
        before.text = before.text.slice(0, -space.length);
        if (parts[i + 1]?.text !== undefined) parts[i + 1]!.text = space + parts[i + 1]!.text;
        else parts.splice(i + 1, 0, { text: space });
      }
    }
  }
}

/** What `markdown` shows: its text as it reads, its codes' Markdown. */
function shownOf(pieces: Piece[]): string {
  return pieces.map((p) => (p.type === 'text' ? displayText(p.value) : p.native)).join('');
}

/** Whether `markdown` reads as `shown`, with exactly the codes `natives` and no other markup, in paragraphs only. */
function readsAs(markdown: string, shown: string, natives: readonly string[]): boolean {
  if (!parseMarkdown(markdown).children.every((block) => block.type === 'paragraph')) return false;
  const pieces = inlinePieces(markdown);
  const codes = pieces.flatMap((p) => (p.type === 'code' ? [p.native] : []));
  // Spaces that end a line are no text (`markdownText` leaves them out).
  return codes.length === natives.length && codes.every((native, i) => native === natives[i]) && shownOf(pieces) === shown.replace(/[ \t]+(?=\n)/g, '');
}

/** The :ref / :cite directives (whatever their form: read by the one reader of directives) and footnote marks of a text, sorted. */
function markers(text: string): string[] {
  const directives = inlineDirectives(text).flatMap((d) => (d.name === 'ref' || d.name === 'cite' ? [`:${d.name}{#${d.id ?? ''}}`] : []));
  return [...directives, ...(text.match(/\[\^[^\]\s]+\]/g) ?? [])].sort();
}

function sameMarkers(a: string, b: string): boolean {
  return markers(a).join('\n') === markers(b).join('\n');
}

/** The text of a source file as loadOpinion read it, if it did. */
function fileOf(opinion: Opinion, path: string): VFile | undefined {
  return opinion.files.find((f) => f.path === path);
}

function loadedText(opinion: Opinion, path: string): string | undefined {
  const file = fileOf(opinion, path);
  return file === undefined || file.value === undefined ? undefined : String(file.value);
}

function writeBack(opinion: Opinion, to: string, translations: Map<string, { text: string; segment: Segment }>, result: ImportResult): void {
  const original = opinion.meta.language;
  const fail = (reason: string, ruleId = 'xliff/structure') => report(result.file, reason, { ruleId });
  // Chapter files of the target language: an existing file keeps everything but the translated segments;
  // a missing one is made from the original's, every segment of which must then be translated.
  for (const chapter of opinion.chapters[original] ?? []) {
    const name = basename(chapter.path);
    const mine = [...translations.values()].filter((t) => t.segment.where === 'markdown' && t.segment.file === name);
    if (mine.length === 0) continue;
    const targetPath = join(opinion.dir, 'text', to, name);
    // The text as loadOpinion read it (the one safe reader); a file it did not load is read here.
    const loaded = loadedText(opinion, targetPath);
    const exists = loaded !== undefined || existsSync(targetPath);
    const base = loaded ?? (exists ? readFileSync(targetPath, 'utf8') : String(chapter.file.value));
    const segments = markdownSegments(targetPath, base);
    if (!exists) {
      const missing = segments.filter((s) => !translations.has(s.key)).map((s) => `\`${s.key}\``);
      if (missing.length > 0) {
        const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
        fail(
          `Missing translations for a new chapter file \`text/${to}/${name}\`: ${list}, expected every unit of a chapter before it is written (nothing written)`,
          'xliff/incomplete',
        );
        continue;
      }
    }
    const byKey = new Map(segments.map((s) => [s.key, s]));
    const edits: Splice[] = [];
    for (const t of mine) {
      const at = byKey.get(t.segment.key);
      if (at) edits.push({ start: at.start, end: at.end, text: written(t.text, at) });
      else
        fail(
          `Missing \`${t.segment.key.split('#')[1]}\` in \`text/${to}/${name}\`, expected the translated chapter to have the same ids as the original (nothing written)`,
        );
    }
    // Written as the file was, or (a new one) as the original's chapter is.
    result.writes.set(targetPath, inFormOf(fileOf(opinion, targetPath) ?? (exists ? undefined : chapter.file), applySplices(base, edits)));
    result.translated += edits.length;
  }
  // YAML: set the `<to>:` entry of each text, turning a plain string (the original's) into a map.
  // Edits are made in the text at the nodes' ranges, so that every other line (comments, folding) stays as written.
  const edits = new Map<string, { doc: Document.Parsed; text: string; changes: Splice[] }>();
  for (const t of translations.values()) {
    if (t.segment.where !== 'yaml') continue;
    const path = join(opinion.dir, `${t.segment.yamlKind}.yaml`);
    let file = edits.get(path);
    if (!file) {
      const text = loadedText(opinion, path) ?? readFileSync(path, 'utf8');
      file = { doc: parseDocument(text), text, changes: [] };
      edits.set(path, file);
    }
    const change = yamlChange(file.doc, file.text, t.segment.path, original, to, t.text);
    if (!change) {
      fail(`Unexpected shape of \`${t.segment.key}\` in \`${t.segment.yamlKind}.yaml\`, expected a text or a map of language → text (nothing written)`);
      continue;
    }
    if (change.text !== '') file.changes.push(change);
    result.translated++;
  }
  for (const [path, file] of edits) result.writes.set(path, inFormOf(fileOf(opinion, path), applySplices(file.text, file.changes)));
  if (result.file.messages.some((m) => m.fatal)) result.writes.clear();
}
