/**
 * The checks a JSON Schema cannot express: ids unique and resolvable, dates
 * in order, a vote only once adopted, a referral where the kind needs one,
 * languages that exist, chapters with a title.
 */
import type { VFile } from 'vfile';
import { report, type MessageOptions } from '../core/messages.js';
import { didYouMean, suggest } from '../core/suggest.js';
import { reportUnsafe } from '../core/source-safety.js';
import { indexOpinion, type IdIndex } from '../core/ids.js';
import { findPlaceholders, NOT_YET_ASSIGNED, TO_BE_COMPLETED } from '../core/placeholders.js';
import { validateAmendments } from './amendments/validate.js';
import { STAGES, type IdDefinition, type IdReference, type Located, type Opinion, type Stage } from '../core/model.js';

export interface SemanticsOptions {
  /** Report unknown targets, duplicate numbers and vote figures of amendments here (default); `opinion check` runs them as rules. */
  amendmentRules?: boolean;
}

export function checkSemantics(opinion: Opinion, options: SemanticsOptions = {}): IdIndex {
  const fileOf = fileLookup(opinion);
  const at: Reporter = (located, ruleId, reason, options = {}) => {
    const file = located ? fileOf(located.file) : undefined;
    if (file) report(file, reason, { ...options, ruleId, place: located?.position });
  };

  const index = indexOpinion(opinion);
  checkIds(opinion, index, at);
  checkDates(opinion, at);
  checkStage(opinion, at);
  checkKind(opinion, at);
  checkPlaceholders(opinion, at);
  checkLanguages(opinion, at);
  checkChapters(opinion, fileOf);
  validateAmendments(opinion, new Set(index.definitions.map((d) => d.id)), { rules: options.amendmentRules !== false });
  return index;
}

type Reporter = (located: Located | undefined, ruleId: string, reason: string, options?: Omit<MessageOptions, 'ruleId'>) => void;

const KIND_NAMES: Record<IdDefinition['kind'], string> = {
  principle: 'a principle',
  recommendation: 'a recommendation',
  evidence: 'an evidence item',
  fact: 'a fact',
  hearing: 'a hearing',
  speaker: 'a speaker',
  glossary: 'a glossary entry',
  amendment: 'an amendment',
  chapter: 'a chapter',
  point: 'a point',
  heading: 'a heading',
  footnote: 'a footnote',
};

function checkIds(opinion: Opinion, index: IdIndex, at: Reporter): void {
  const original = opinion.meta.language;
  for (const bad of index.malformed) {
    at(
      bad.at,
      'id/malformed',
      `Unexpected id marker \`${bad.text}\`, expected ${bad.expected ?? '`{#id}` with a lower-case kebab-case id (e.g. `{#c-drivers}`)'}`,
    );
  }

  for (const call of index.yamlFootnotes) {
    at(call.at, 'footnote/unknown', `Unexpected footnote call \`[^${call.label}]\` in a YAML text, expected \`:cite{#id}\` naming an evidence item`, {
      note: 'Footnotes belong to chapter files: the draft would print the call as it is written. A source cited from YAML is an evidence item, which the build numbers as a footnote',
    });
  }

  // Namespaces: the YAML ids plus the prose ids of one language. The original
  // language's namespace is the opinion's; translations are checked within their own.
  const yamlDefinitions = index.definitions.filter((d) => d.lang === undefined);
  const langs = new Set(index.definitions.map((d) => d.lang).filter((l): l is string => l !== undefined));
  if (typeof original === 'string') langs.add(original);
  const namespaces = new Map<string, Map<string, IdDefinition>>();
  for (const lang of [...langs].sort()) {
    const seen = new Map<string, IdDefinition>();
    for (const definition of [...yamlDefinitions, ...index.definitions.filter((d) => d.lang === lang)]) {
      const first = seen.get(definition.id);
      if (!first) {
        seen.set(definition.id, definition);
        continue;
      }
      // Report a YAML duplicate once, not once per language.
      if (definition.lang === undefined && lang !== [...langs].sort()[0]) continue;
      const cause = first.at;
      at(
        definition.at,
        'id/duplicate',
        `Unexpected duplicate id \`${definition.id}\`, expected each id once in an opinion (first defined as ${KIND_NAMES[first.kind]} at ${shortPlace(cause)})`,
        { note: 'Ids must be unique across principles, recommendations, evidence, hearings, glossary, points, headings and footnotes' },
      );
    }
    namespaces.set(lang, seen);
  }

  const resolve = (reference: IdReference, inserted?: Map<string, IdDefinition>) => {
    const namespace = namespaces.get(reference.lang ?? original) ?? namespaces.get(original) ?? new Map<string, IdDefinition>();
    const target = namespace.get(reference.id) ?? inserted?.get(reference.id);
    const kinds = reference.expects;
    if (!target && unreadableTargets(opinion, kinds)) return;
    if (!target) {
      const defined = [...namespace.values(), ...(inserted?.values() ?? [])];
      const candidates = defined.filter((d) => kinds === 'any' || kinds.includes(d.kind)).map((d) => d.id);
      const near = suggest(reference.id, candidates, 3);
      const wanted = kinds === 'any' ? 'an id defined in this opinion' : `the id of ${kinds.map((k) => KIND_NAMES[k]).join(' or ')}`;
      at(reference.at, 'ref/unknown-id', `Unknown id \`${reference.id}\`, expected ${wanted}${didYouMean(near)}`, { expected: near, actual: reference.id });
    } else if (kinds !== 'any' && !kinds.includes(target.kind)) {
      at(
        reference.at,
        'ref/wrong-kind',
        `Unexpected reference to ${KIND_NAMES[target.kind]} \`${reference.id}\`, expected ${kinds.map((k) => KIND_NAMES[k]).join(' or ')}`,
        { note: reference.via === 'cite' ? 'Use `:cite{#id}` for evidence and facts, `:ref{#id}` for anything else' : undefined },
      );
    }
  };
  for (const reference of index.references) resolve(reference);
  const inserted = new Map(index.inserted.map((d) => [d.id, d]));
  for (const reference of index.proposed) resolve(reference, inserted);
}

/** Whether the ids a reference may point to live in a YAML file that could not be read (its ids are unknown). */
function unreadableTargets(opinion: Opinion, kinds: IdReference['expects']): boolean {
  // A `:ref` may point into any file: while one could not be read, an unknown id
  // there is more likely a casualty of that error than a typo (reported once it is fixed).
  if (kinds === 'any') return opinion.unreadable.length > 0;
  const fileKind: Partial<Record<IdDefinition['kind'], Opinion['unreadable'][number]>> = {
    point: 'text',
    heading: 'text',
    footnote: 'text',
    chapter: 'text',
    principle: 'principles',
    recommendation: 'recommendations',
    evidence: 'evidence',
    fact: 'evidence',
    hearing: 'hearings',
    speaker: 'hearings',
    glossary: 'glossary',
  };
  return kinds.every((kind) => {
    const source = fileKind[kind];
    return source !== undefined && opinion.unreadable.includes(source);
  });
}

function shortPlace(located: Located): string {
  const name = located.file.split(/[\\/]/).slice(-1)[0];
  return `${name}:${located.position.start.line}:${located.position.start.column}`;
}

function checkDates(opinion: Opinion, at: Reporter): void {
  const meta = opinion.meta;
  const steps: { pointer: string; label: string; date: unknown }[] = [
    { pointer: '/decision/date', label: 'the decision', date: meta.decision?.date },
    { pointer: '/adopted_in_section', label: 'the adoption in section', date: meta.adopted_in_section },
    { pointer: '/adopted_at_plenary', label: 'the adoption at plenary', date: meta.adopted_at_plenary },
  ];
  const dated = steps.filter((s) => isDate(s.date));
  for (let i = 1; i < dated.length; i++) {
    for (let j = 0; j < i; j++) {
      const earlier = dated[j]!;
      const later = dated[i]!;
      if (String(later.date) < String(earlier.date)) {
        at(
          opinion.locate('opinion', later.pointer),
          'dates/order',
          `Unexpected date ${String(later.date)} for ${later.label}, expected on or after ${earlier.label} (${String(earlier.date)})`,
        );
        break;
      }
    }
  }
  const decision = meta.decision?.date;
  if (isDate(decision)) {
    opinion.hearings.forEach((hearing, i) => {
      if (isDate(hearing.date) && hearing.date < decision) {
        at(
          opinion.locate('hearings', `/hearings/${i}/date`),
          'dates/order',
          `Unexpected hearing date ${hearing.date}, expected on or after the decision to draw up the opinion (${decision})`,
        );
      }
    });
    (Array.isArray(meta.referrals) ? meta.referrals : []).forEach((referral, i) => {
      if (isDate(referral?.date) && referral.date > decision && meta.decision?.by !== undefined) {
        // A referral normally precedes the Committee's decision; report it, as a warning, when it does not.
        at(
          opinion.locate('opinion', `/referrals/${i}/date`),
          'dates/order',
          `Unexpected referral date ${referral.date}, expected on or before the decision (${decision})`,
          { severity: 'warning' },
        );
      }
    });
  }
}

function checkStage(opinion: Opinion, at: Reporter): void {
  const meta = opinion.meta;
  const stage = STAGES.includes(meta.stage) ? meta.stage : undefined;
  if (!stage) return;
  const rank = (s: Stage) => STAGES.indexOf(s);
  const requires = (field: 'vote' | 'adopted_at_plenary' | 'adopted_in_section', from: Stage, what: string) => {
    if (meta[field] === undefined || rank(stage) >= rank(from)) return;
    at(opinion.locate('opinion', `/${field}`, 'key'), 'stage/too-early', `Unexpected \`${field}\` on an opinion at stage \`${stage}\`, expected ${what}`, {
      note: `Set \`stage\` to \`${from}\` once this has happened, or remove \`${field}\``,
    });
  };
  // A stage's own event may be recorded during that stage: the section adopts the
  // text at stage `section`, the plenary votes on it at stage `plenary`.
  requires('vote', 'plenary', 'a vote only once the opinion is before the plenary (stage `plenary` or `adopted`)');
  requires('adopted_at_plenary', 'plenary', 'a plenary adoption date only from stage `plenary` on');
  requires('adopted_in_section', 'section', 'a section adoption date only from stage `section` on');
}

/**
 * Facts nobody has entered yet: each `to be completed` is a warning at its
 * place (the build prints a visible gap there); a reference `not yet assigned` is normal
 * in a draft but not on a text before the plenary or adopted.
 */
function checkPlaceholders(opinion: Opinion, at: Reporter): void {
  const meta = opinion.meta;
  if (!meta || typeof meta !== 'object') return;
  for (const found of findPlaceholders(meta)) {
    const field = found.pointer
      .slice(1)
      .split('/')
      .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
      .join('');
    if (found.word === TO_BE_COMPLETED) {
      at(
        opinion.locate('opinion', found.pointer),
        'meta/to-be-completed',
        `\`${field}\` is to be completed, expected the fact itself; the draft shows a gap there`,
        { severity: 'warning' },
      );
    } else if (found.word === NOT_YET_ASSIGNED && STAGES.indexOf(meta.stage) >= STAGES.indexOf('plenary')) {
      at(
        opinion.locate('opinion', found.pointer),
        'meta/not-yet-assigned',
        `\`${field}\` not yet assigned on an opinion at stage \`${meta.stage}\`, expected the number the EESC gave it`,
        { severity: 'warning' },
      );
    }
  }
  for (const kind of ['principles', 'recommendations', 'evidence', 'hearings', 'glossary'] as const) {
    const list: unknown = opinion[kind];
    for (const found of findPlaceholders(Array.isArray(list) ? list : [], `/${kind}`)) {
      if (found.word !== TO_BE_COMPLETED) continue;
      const [, , index, ...rest] = found.pointer.split('/');
      const item = (list as { id?: unknown }[])[Number(index)];
      at(
        opinion.locate(kind, found.pointer),
        'meta/to-be-completed',
        `\`${rest.join('.')}\` of \`${String(item?.id)}\` is to be completed, expected the fact itself; the draft shows a gap there`,
        { severity: 'warning' },
      );
    }
  }
}

function checkKind(opinion: Opinion, at: Reporter): void {
  const meta = opinion.meta;
  if ((meta.kind === 'referral' || meta.kind === 'exploratory') && !(Array.isArray(meta.referrals) && meta.referrals.length > 0)) {
    at(
      opinion.locate('opinion', '/kind', 'key'),
      'kind/missing-referral',
      `Missing \`referrals\` for a${meta.kind === 'exploratory' ? 'n' : ''} ${meta.kind} opinion, expected the body that asked for it and the date`,
      { note: 'For example:\nreferrals:\n  - type: referral\n    body: European Commission\n    date: 2023-07-18' },
    );
  }
  if (meta.kind === 'own-initiative' && Array.isArray(meta.referrals) && meta.referrals.length > 0) {
    at(
      opinion.locate('opinion', '/referrals', 'key'),
      'kind/unexpected-referral',
      'Unexpected `referrals` on an own-initiative opinion, expected none (or `kind: referral`)',
      { severity: 'warning' },
    );
  }
}

function checkLanguages(opinion: Opinion, at: Reporter): void {
  const meta = opinion.meta;
  const declared = Array.isArray(meta.languages) ? meta.languages : typeof meta.language === 'string' ? [meta.language] : [];
  if (typeof meta.language === 'string' && Array.isArray(meta.languages) && !meta.languages.includes(meta.language)) {
    at(
      opinion.locate('opinion', '/languages'),
      'lang/original-missing',
      `Missing the original language \`${meta.language}\` in \`languages\`, expected it among ${meta.languages.map((l) => `\`${l}\``).join(', ')}`,
    );
  }
  const present = Object.keys(opinion.chapters);
  if (present.length === 0) return;
  declared.forEach((lang, i) => {
    if (typeof lang === 'string' && !present.includes(lang)) {
      at(
        opinion.locate('opinion', Array.isArray(meta.languages) ? `/languages/${i}` : '/language'),
        'lang/missing-text',
        `Missing text for language \`${lang}\`, expected a folder \`text/${lang}/\` with the chapters`,
      );
    }
  });
  for (const lang of present) {
    if (!declared.includes(lang)) {
      at(
        opinion.locate('opinion', Array.isArray(meta.languages) ? '/languages' : '/language'),
        'lang/undeclared',
        `Unexpected folder \`text/${lang}/\`: \`${lang}\` is not in \`languages\``,
        { severity: 'warning' },
      );
    }
  }
}

function checkChapters(opinion: Opinion, fileOf: (path: string) => VFile | undefined): void {
  for (const chapters of Object.values(opinion.chapters)) {
    for (const chapter of chapters) {
      const file = fileOf(chapter.path);
      if (!file) continue;
      // What a draft leaves out or changes (raw HTML, an image, a `javascript:` link…), said where CI runs.
      if (chapter.outline.unsafe) reportUnsafe(chapter.tree, file);
      const blocks = chapter.outline.blocks;
      const first = blocks.find((block) => block.type !== 'definition' && block.type !== 'footnoteDefinition');
      if (!first) {
        // A chapter past the Markdown bounds is not parsed (source/limit says where): not empty.
        if (file.messages.some((m) => m.ruleId === 'source/limit')) continue;
        report(file, 'Unexpected empty chapter, expected a `# Title` line and its points', { ruleId: 'chapter/empty', place: { line: 1, column: 1 } });
        continue;
      }
      if (first.type !== 'heading' || first.depth !== 1) {
        report(file, 'Missing chapter title, expected the file to start with a `# Title` line', {
          ruleId: 'chapter/title',
          place: first.position,
        });
      }
      // Only a title (and sub-headings): a chapter not written yet, which the draft prints as a bare heading.
      const text = blocks.some((block) => block.type === 'paragraph' || (block.type === 'other' && block.node !== 'html'));
      if (!text && first.type === 'heading' && first.depth === 1) {
        report(file, 'Unexpected chapter without points, expected its points under the `# Title` line', {
          ruleId: 'chapter/no-points',
          severity: 'warning',
          place: first.position,
        });
      }
      for (const block of blocks) {
        if (block !== first && block.type === 'heading' && block.depth === 1) {
          report(file, 'Unexpected second `#` heading, expected one chapter per file (use `##` for a sub-section)', {
            ruleId: 'chapter/title',
            place: block.position,
          });
        }
      }
    }
  }
}

function fileLookup(opinion: Opinion): (path: string) => VFile | undefined {
  const byPath = new Map(opinion.files.map((f) => [f.path, f]));
  return (path) => byPath.get(path);
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
