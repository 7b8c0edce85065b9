/**
 * The id index of an opinion: where every id is defined (YAML items, points,
 * headings, footnotes, chapters) and where each is used (`:ref`, `:cite`,
 * YAML reference lists), all with their places in the user's files.
 */
import type { Nodes } from 'mdast';
import { didYouMean, report, suggest } from './messages.js';
import type { ChapterSource, IdDefinition, IdReference, Located, Opinion, YamlKind } from './model.js';
import { headingAttributes, ID_PATTERN, LEADING_ID, markdownIdentifier } from './markdown-syntax.js';
import { footnoteLabels, inlineDirectives } from './prose-outline.js';
import { escapePointerSegment } from './json-pointer.js';
import { FOOTNOTE_CALL } from './inline-syntax.js';
import { isPending } from './amendments.js';
import { yamlValueParts } from './align.js';

export interface IdIndex {
  definitions: IdDefinition[];
  references: IdReference[];
  /** Malformed id markers found in prose (e.g. `{#Bad Id}`), for validation to report; `expected`: what instead, when not the usual. */
  malformed: { text: string; at: Located; expected?: string }[];
  /**
   * References in the text and reason of the amendments still to be decided (not applied, of the opinion's stage or
   * a later one), which may also name a point an amendment inserts (`inserted`). Amendments of a stage the opinion has
   * left are history: what they name may be gone by design.
   */
  proposed: IdReference[];
  inserted: IdDefinition[];
  /** Footnote calls (`[^label]`) in YAML texts, which have no footnotes: the draft would print them as written. */
  yamlFootnotes: { label: string; at: Located }[];
}

interface YamlList {
  kind: YamlKind;
  items: { id?: unknown }[];
  defines: IdDefinition['kind'];
}

export function indexOpinion(opinion: Opinion): IdIndex {
  const index: IdIndex = { definitions: [], references: [], malformed: [], proposed: [], inserted: [], yamlFootnotes: [] };
  const define = (id: unknown, kind: IdDefinition['kind'], at: Located | undefined, lang?: string, into = index.definitions) => {
    if (typeof id === 'string' && at) into.push({ id, kind, at, ...(lang ? { lang } : {}) });
  };
  const refer = (id: unknown, expects: IdReference['expects'], via: IdReference['via'], at: Located | undefined, lang?: string, into = index.references) => {
    if (typeof id === 'string' && at) into.push({ id, expects, via, at, ...(lang ? { lang } : {}) });
  };

  const lists: YamlList[] = [
    { kind: 'principles', items: opinion.principles, defines: 'principle' },
    { kind: 'recommendations', items: opinion.recommendations, defines: 'recommendation' },
    { kind: 'evidence', items: opinion.evidence, defines: 'evidence' },
    { kind: 'hearings', items: opinion.hearings, defines: 'hearing' },
    { kind: 'glossary', items: opinion.glossary, defines: 'glossary' },
  ];
  for (const { kind, items, defines } of lists) {
    items.forEach((item, i) => define(item.id, defines, opinion.locate(kind, `/${kind}/${i}/id`)));
  }
  opinion.evidence.forEach((item, i) => {
    (Array.isArray(item.facts) ? item.facts : []).forEach((fact, j) => define(fact?.id, 'fact', opinion.locate('evidence', `/evidence/${i}/facts/${j}/id`)));
  });
  opinion.hearings.forEach((hearing, i) => {
    (Array.isArray(hearing.speakers) ? hearing.speakers : []).forEach((speaker, j) =>
      define(speaker?.id, 'speaker', opinion.locate('hearings', `/hearings/${i}/speakers/${j}/id`)),
    );
  });
  const amendments = opinion.meta.appendix?.amendments;
  (Array.isArray(amendments) ? amendments : []).forEach((amendment, i) => {
    define(amendment?.id, 'amendment', opinion.locate('opinion', `/appendix/amendments/${i}/id`));
    refer(amendment?.point, ['point', 'recommendation', 'principle', 'heading'], 'yaml', opinion.locate('opinion', `/appendix/amendments/${i}/point`));
  });

  // References held in YAML lists.
  const yamlRefs = (kind: YamlKind, items: Record<string, unknown>[], field: string, expects: IdDefinition['kind'][]) => {
    items.forEach((item, i) => {
      const ids = item[field];
      if (!Array.isArray(ids)) return;
      ids.forEach((id, j) => refer(id, expects, 'yaml', opinion.locate(kind, `/${kind}/${i}/${field}/${j}`)));
    });
  };
  const asRecords = (items: object[]) => items as unknown as Record<string, unknown>[];
  yamlRefs('recommendations', asRecords(opinion.recommendations), 'principles', ['principle']);
  yamlRefs('recommendations', asRecords(opinion.recommendations), 'evidence', ['evidence', 'fact']);
  yamlRefs('principles', asRecords(opinion.principles), 'evidence', ['evidence', 'fact']);

  // References written in YAML texts (`text: … :ref{#p-x} …`), which the build resolves like those of the chapters.
  const yamlTexts = (kind: YamlKind, value: unknown, pointer: string, lang?: string, into = index.references) => {
    if (typeof value === 'string') {
      const calls = into === index.references && value.includes('[^');
      if (!calls && !value.includes(':ref') && !value.includes(':cite')) return;
      const whole = opinion.locate(kind, pointer);
      if (!whole) return;
      // Each call at its own place in the scalar, found only when it is reported.
      const part = yamlValueParts(whole, value, opinion.files);
      if (calls)
        for (const call of value.matchAll(FOOTNOTE_CALL)) index.yamlFootnotes.push({ label: call[1]!, at: part(call.index, call.index + call[0].length) });
      for (const directive of inlineDirectives(value)) {
        if (directive.name !== 'ref' && directive.name !== 'cite') continue;
        const at = part(directive.position.start.offset!, directive.position.end.offset!);
        if (!directive.id) index.malformed.push({ text: `:${directive.name}`, at });
        else refer(directive.id, directive.name === 'cite' ? ['evidence', 'fact'] : 'any', directive.name, at, lang, into);
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => yamlTexts(kind, item, `${pointer}/${i}`, lang, into));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        yamlTexts(kind, item, `${pointer}/${escapePointerSegment(key)}`, /^[a-z]{2}$/.test(key) ? key : lang, into);
      }
    }
  };
  for (const { kind, items } of lists) yamlTexts(kind, items, `/${kind}`);
  // The amendments still to be decided: see `proposed`.
  opinion.amendments.forEach((a, i) => {
    if (typeof a.id !== 'string') return;
    // Located only when there is one: asking where an absent value stands builds the YAML Document (positions are lazy only for values).
    if (typeof a.target === 'string' && typeof a.new_id === 'string')
      define(a.new_id, 'point', opinion.locate('amendments', `/amendments/${i}/new_id`), undefined, index.inserted);
    if (!isPending(a, opinion)) return;
    for (const field of ['text', 'reason'] as const) yamlTexts('amendments', a[field], `/amendments/${i}/${field}`, undefined, index.proposed);
  });

  for (const [lang, chapters] of Object.entries(opinion.chapters)) {
    for (const chapter of chapters) indexChapter(chapter, lang, index);
  }
  return index;
}

/** What was meant as a point's id marker or a heading's attributes but is not one (a space in the id): reported, not printed as text. */
const ATTEMPTED_MARKER = /^\{#[^}\n]*\}/;
const ATTEMPTED_ATTRIBUTES = /\{#[^{}\n]*\}[ \t]*$/;

/** Such an attempt: what it should read when the spaces are all that is wrong (`{# c-one }` → `{#c-one}`, `{#c one}` → `{#c-one}`). */
function attempted(text: string, at: Located): IdIndex['malformed'][number] {
  const id = text.slice(2, -1).trim().replace(/\s+/g, '-');
  return isId(id) ? { text, at, expected: `\`{#${id}}\`: an id marker holds no space` } : { text, at };
}

function indexChapter(chapter: ChapterSource, lang: string, index: IdIndex): void {
  const file = chapter.path;
  const firstLine = { file, position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  index.definitions.push({ id: chapter.id, kind: 'chapter', at: firstLine, lang });

  const { blocks, directives } = chapter.outline;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      const start = block.position.start;
      const match = LEADING_ID.exec(block.firstLine ?? '');
      if (!match) {
        // `{#bad id}`, `{# c-one}`: meant as a marker, but a space makes it text, which the draft would print.
        const attempt = ATTEMPTED_MARKER.exec(block.firstLine ?? '');
        if (attempt)
          index.malformed.push(attempted(attempt[0], { file, position: { start, end: { line: start.line, column: start.column + attempt[0].length } } }));
        continue;
      }
      const at: Located = { file, position: { start, end: { line: start.line, column: start.column + match[0].trimEnd().length } } };
      if (isId(match[1]!)) index.definitions.push({ id: match[1]!, kind: 'point', at, lang });
      else index.malformed.push({ text: match[0].trim(), at });
    } else if (block.type === 'heading' && (block.depth ?? 1) > 1 && block.contentEnd) {
      const attributes = headingAttributes(block.content ?? '');
      const end = block.contentEnd;
      if (!attributes) {
        const attempt = ATTEMPTED_ATTRIBUTES.exec(block.content ?? '');
        if (attempt) {
          const raw = attempt[0].trim();
          index.malformed.push(attempted(raw, { file, position: { start: { line: end.line, column: end.column - raw.length }, end } }));
        }
        continue;
      }
      const { raw } = attributes;
      const at: Located = { file, position: { start: { line: end.line, column: end.column - raw.length }, end } };
      for (const id of attributes.ids) {
        if (isId(id)) index.definitions.push({ id, kind: 'heading', at, lang });
        else index.malformed.push({ text: raw, at });
      }
      if (attributes.ids.length > 1 && attributes.ids.every(isId))
        index.malformed.push({ text: raw, at, expected: `one id per heading (e.g. \`{#${attributes.ids[0]}}\`): a reference to any other would not find it` });
    } else if (block.type === 'footnoteDefinition' && block.label) {
      index.definitions.push({ id: block.label, kind: 'footnote', at: { file, position: block.position }, lang });
    }
  }

  footnotes(chapter);

  // Other text directives (`Europe:united`) are refused by the build. The outline also sees candidates the
  // parser does not (in a link's URL): when there is one, the parsed tree, which the build uses, decides.
  if (directives.some((directive) => directive.name !== 'ref' && directive.name !== 'cite')) unknownDirectives(chapter);
  for (const directive of directives) {
    if (directive.name !== 'ref' && directive.name !== 'cite') continue;
    const at: Located = { file, position: directive.position };
    if (!directive.id) {
      index.malformed.push({ text: `:${directive.name}`, at });
      continue;
    }
    index.references.push({ id: directive.id, expects: directive.name === 'cite' ? ['evidence', 'fact'] : 'any', via: directive.name, at, lang });
  }
}

/**
 * Footnotes are local to their chapter file: a call with no definition there
 * would print as `[^label]`, and a definition nothing calls would be left out
 * of the draft.
 */
function footnotes(chapter: ChapterSource): void {
  const defined = footnoteLabels(chapter.outline);
  const called = new Set<string>();
  for (const call of chapter.outline.footnoteCalls) {
    if (call.defined) {
      called.add(markdownIdentifier(call.label));
      continue;
    }
    const near = suggest(call.label, defined, 3);
    report(
      chapter.file,
      `Unknown footnote \`[^${call.label}]\`, expected a definition \`[^${call.label}]: …\` in this chapter file${didYouMean(near, (n) => `\`[^${n}]\``)}`,
      {
        ruleId: 'footnote/unknown',
        place: call.position,
        expected: near,
        actual: call.label,
        note: 'A footnote belongs to the chapter file that calls it; the draft would print the call as it is written. For a source cited from several chapters, use `:cite{#id}`',
      },
    );
  }
  for (const block of chapter.outline.blocks) {
    if (block.type !== 'footnoteDefinition' || block.label === undefined || called.has(block.label)) continue;
    report(chapter.file, `Unexpected unused footnote \`[^${block.label}]\`, expected a reference to it in the text`, {
      ruleId: 'footnote/unused',
      severity: 'warning',
      place: block.position,
      note: 'It is left out of the draft',
    });
  }
}

function unknownDirectives(chapter: ChapterSource): void {
  const stack: Nodes[] = [chapter.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'textDirective' && node.name !== 'ref' && node.name !== 'cite') {
      report(chapter.file, `Unexpected directive \`:${node.name}\`, expected \`:ref\` or \`:cite\``, {
        ruleId: 'source/unknown-directive',
        place: node.position,
        expected: [':ref', ':cite'],
        note: 'Write `\\:` for a colon that starts a word, e.g. `10\\:30` or `note\\:this`',
      });
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

function isId(id: string): boolean {
  return ID_PATTERN.test(id);
}
