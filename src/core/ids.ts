/**
 * The id index of an opinion: where every id is defined (YAML items, points,
 * headings, footnotes, chapters) and where each is used (`:ref`, `:cite`,
 * YAML reference lists), all with their places in the user's files.
 */
import { visit } from 'unist-util-visit';
import type { Heading, Paragraph, Text } from 'mdast';
import type { ChapterSource, IdDefinition, IdReference, Located, Opinion, YamlKind } from './model.js';
import { ID_PATTERN, LEADING_ID, TRAILING_ATTRIBUTES } from './markdown.js';

export interface IdIndex {
  definitions: IdDefinition[];
  references: IdReference[];
  /** Malformed id markers found in prose (e.g. `{#Bad Id}`), for validation to report. */
  malformed: { text: string; at: Located }[];
}

interface YamlList {
  kind: YamlKind;
  items: { id?: unknown }[];
  defines: IdDefinition['kind'];
}

export function indexOpinion(opinion: Opinion): IdIndex {
  const index: IdIndex = { definitions: [], references: [], malformed: [] };
  const define = (id: unknown, kind: IdDefinition['kind'], at: Located | undefined, lang?: string) => {
    if (typeof id === 'string' && at) index.definitions.push({ id, kind, at, ...(lang ? { lang } : {}) });
  };
  const refer = (id: unknown, expects: IdReference['expects'], via: IdReference['via'], at: Located | undefined, lang?: string) => {
    if (typeof id === 'string' && at) index.references.push({ id, expects, via, at, ...(lang ? { lang } : {}) });
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

  for (const [lang, chapters] of Object.entries(opinion.chapters)) {
    for (const chapter of chapters) indexChapter(chapter, lang, index);
  }
  return index;
}

function indexChapter(chapter: ChapterSource, lang: string, index: IdIndex): void {
  const file = chapter.path;
  const at = (node: { position?: import('unist').Position | undefined }): Located | undefined =>
    node.position ? { file, position: node.position } : undefined;
  const firstLine = { file, position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  index.definitions.push({ id: chapter.id, kind: 'chapter', at: firstLine, lang });

  for (const node of chapter.tree.children) {
    if (node.type === 'paragraph') {
      const marker = leadingMarker(node);
      if (marker) {
        if (marker.valid) index.definitions.push({ id: marker.id, kind: 'point', at: marker.at, lang });
        else index.malformed.push({ text: marker.raw, at: marker.at });
      }
    } else if (node.type === 'heading' && node.depth > 1) {
      for (const marker of trailingMarkers(node, file)) {
        if (marker.valid) index.definitions.push({ id: marker.id, kind: 'heading', at: marker.at, lang });
        else index.malformed.push({ text: marker.raw, at: marker.at });
      }
    } else if (node.type === 'footnoteDefinition') {
      const place = at(node);
      if (place) index.definitions.push({ id: node.identifier, kind: 'footnote', at: place, lang });
    }
  }

  visit(chapter.tree, (node) => {
    if (node.type !== 'textDirective') return;
    if (node.name !== 'ref' && node.name !== 'cite') return;
    const id = node.attributes?.id;
    const place = at(node);
    if (!place) return;
    if (typeof id !== 'string' || id === '') {
      index.malformed.push({ text: `:${node.name}`, at: place });
      return;
    }
    index.references.push({
      id,
      expects: node.name === 'cite' ? ['evidence', 'fact'] : 'any',
      via: node.name,
      at: place,
      lang,
    });
  });

  function leadingMarker(paragraph: Paragraph) {
    const first = paragraph.children[0];
    if (!first || first.type !== 'text' || !first.position) return undefined;
    const match = LEADING_ID.exec(first.value);
    if (!match) return undefined;
    const start = first.position.start;
    const location: Located = {
      file,
      position: { start, end: { line: start.line, column: start.column + match[0].trimEnd().length } },
    };
    return { id: match[1]!, raw: match[0].trim(), valid: isId(match[1]!), at: location };
  }
}

function trailingMarkers(heading: Heading, file: string) {
  const last = heading.children[heading.children.length - 1];
  if (!last || last.type !== 'text' || !last.position) return [];
  const match = TRAILING_ATTRIBUTES.exec((last as Text).value);
  if (!match) return [];
  const end = last.position.end;
  const raw = match[0].trim();
  const location: Located = { file, position: { start: { line: end.line, column: end.column - raw.length }, end } };
  return match[1]!
    .split(/[ \t]+/)
    .filter((part) => part.startsWith('#'))
    .map((part) => ({ id: part.slice(1), raw, valid: isId(part.slice(1)), at: location }));
}

function isId(id: string): boolean {
  return ID_PATTERN.test(id);
}
