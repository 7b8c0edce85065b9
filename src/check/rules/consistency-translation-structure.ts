import { basename } from 'node:path';
import { defineRule, describeBlock, type CheckContext } from '../rule.js';
import type { ChapterText, TextBlock } from '../../text/model.js';
import { textWithPointer, type SourceFiles } from '../../text/sources.js';
import type { Located, Text, YamlKind } from '../../core/model.js';
import { isPlaceholder } from '../../core/placeholders.js';
import { codeList } from '../format.js';

export default defineRule(
  {
    id: 'consistency/translation-structure',
    description: 'Report a language version whose structure differs from the original',
    rationale:
      'Every language version must be the same opinion: the same chapters, the same points with the same ids ' +
      'in the same order, the same headings, footnotes, `::principles` / `::recommendations` placements and ' +
      'cross-references, the same numbers and dates in each point (whatever the language writes between the digits: ' +
      '`1,000` = `1 000` = `1.000`, `2.5` = `2,5`, `23 May 2018` = `23 mai 2018`), and a translation of every YAML text the opinion shows ' +
      '(principles, recommendations, evidence titles, glossary expansions, the title and the header’s texts: a legal basis, section or closing place written as a label file words it prints in each language’s form, so only such a text given per language must hold every language). Otherwise numbering, amendments and `opinion diff` go wrong between ' +
      'languages, or a figure is mistranslated. Each language, all 24 alike, is compared with the original language.',
    severity: 'warning',
    examples: [
      {
        title: 'A point missing in the translation',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle:\n  en: Migrants and the social economy\n  fr: Les migrants et l’économie sociale\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants.\n\n{#c-two} They need funding (see :ref{#c-one}).\n',
          'text/fr/01-conclusions.md': '# Conclusions\n\n{#c-two} Elles ont besoin de financements.\n',
        },
        findings: [
          'text/fr/01-conclusions.md:1:1-1:14: Missing point `c-one` (point 1.1 in `en`) in the `fr` version, expected the points of the `en` version',
          'text/fr/01-conclusions.md:3:1-3:43: Unexpected references in point 1.1 (`c-two`) of the `fr` version: none, expected `c-one` as in `en`',
        ],
      },
      {
        title: 'A recommendation not translated',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle:\n  en: Migrants and the social economy\n  fr: Les migrants et l’économie sociale\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n',
          'recommendations.yaml':
            'recommendations:\n  - id: rec-fund\n    text:\n      en: The EESC calls on the Commission to fund SEEs.\n    addressees: [european-commission]\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants.\n\n::recommendations\n',
          'text/fr/01-conclusions.md': '# Conclusions\n\n{#c-one} Les EES aident les migrants.\n\n::recommendations\n',
        },
        findings: ['recommendations.yaml:4:7-4:57: Missing `fr` text of recommendation `rec-fund`, expected a translation of the `en` text'],
      },
      {
        title: 'A title not translated (the build of that language would stop there)',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle:\n  en: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants.\n',
          'text/fr/01-conclusions.md': '# Conclusions\n\n{#c-one} Les EES aident les migrants.\n',
        },
        findings: ['opinion.yaml:3:3-3:38: Missing `fr` title, expected a translation of the `en` text'],
      },
      {
        title: 'A figure changed in the translation',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle:\n  en: Migrants and the social economy\n  de: Migranten und die Sozialwirtschaft\nkind: own-initiative\nlanguage: en\nlanguages: [en, de]\nstage: study-group\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Some 1,200 cooperatives employed 20.5 % of the refugees in 2018.\n',
          'text/de/01-conclusions.md': '# Schlussfolgerungen\n\n{#c-one} Rund 1.200 Genossenschaften beschäftigten 2019 20,5 % der Flüchtlinge.\n',
        },
        findings: ['text/de/01-conclusions.md:3:1-3:80: Unexpected numbers in point 1.1 (`c-one`) of the `de` version: `2019`, expected `2018` as in `en`'],
      },
      {
        title: 'A faithful translation',
        files: {
          'opinion.yaml':
            'reference: INT/900\ntitle:\n  en: Migrants and the social economy\n  fr: Les migrants et l’économie sociale\nkind: own-initiative\nlanguage: en\nlanguages: [en, fr]\nstage: study-group\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} SEEs help migrants.[^fn-sprar]\n\n[^fn-sprar]: The Italian reception system.\n',
          'text/fr/01-conclusions.md': '# Conclusions\n\n{#c-one} Les EES aident les migrants.[^fn-sprar]\n\n[^fn-sprar]: Le système d’accueil italien.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { opinion, text } = context;
    const original = text.byLang.get(text.original);
    if (!original) return;
    const languages = Array.isArray(opinion.meta.languages) ? opinion.meta.languages : [];
    for (const lang of text.langs) {
      if (lang === text.original) continue;
      const version = text.byLang.get(lang)!;
      const langPlace = opinion.locate('opinion', languages.includes(lang) ? `/languages/${languages.indexOf(lang)}` : '/language');
      const theirs = new Map(version.chapters.map((c) => [c.id, c]));
      const ours = new Set(original.chapters.map((c) => c.id));
      for (const chapter of original.chapters) {
        const translated = theirs.get(chapter.id);
        if (!translated) {
          report(
            langPlace,
            `Missing chapter \`${chapter.id}\` in the \`${lang}\` version, expected \`text/${lang}/${basename(chapter.path)}\` as in \`${text.original}\``,
          );
          continue;
        }
        compareChapter(chapter, translated, text.original, report, text.sources, context.gapMarks?.get(lang));
      }
      for (const chapter of version.chapters) {
        if (!ours.has(chapter.id)) {
          report(
            chapterPlace(chapter),
            `Unexpected chapter \`${chapter.id}\` in the \`${lang}\` version, expected only the chapters of the \`${text.original}\` version`,
          );
        }
      }
      checkYamlTexts(context, lang, report);
    }
  },
);

type Reporter = (place: Located | undefined, reason: string) => void;

function chapterPlace(chapter: ChapterText): Located {
  return chapter.title?.at ?? { file: chapter.path, position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
}

function compareChapter(
  original: ChapterText,
  translated: ChapterText,
  originalLang: string,
  report: Reporter,
  files: SourceFiles,
  /** The translation's gap mark, when its prose may hold one. */
  gapMark?: string,
): void {
  const lang = translated.lang;
  const where = chapterPlace(translated);
  const name = `chapter ${original.number ?? `\`${original.id}\``}`;

  const ourPlacements = original.placements.map((p) => p.name);
  const theirPlacements = translated.placements.map((p) => p.name);
  for (const missing of difference(ourPlacements, theirPlacements)) {
    report(where, `Missing \`::${missing}\` in ${name} of the \`${lang}\` version, expected it as in \`${originalLang}\``);
  }
  for (const extra of difference(theirPlacements, ourPlacements)) {
    const at = translated.placements.find((p) => p.name === extra)?.at;
    report(at ?? where, `Unexpected \`::${extra}\` in ${name} of the \`${lang}\` version, expected the placements of the \`${originalLang}\` version`);
  }

  // Points and headings written in the chapter (placed YAML items are checked through their YAML texts).
  const ours = original.body.filter((b) => b.from === 'prose');
  const theirs = translated.body.filter((b) => b.from === 'prose');
  const ourIds = ours.filter((b) => b.id).map((b) => b.id!);
  const theirIds = theirs.filter((b) => b.id).map((b) => b.id!);
  const theirSet = new Set(theirIds);
  const ourSet = new Set(ourIds);
  let idFindings = 0;
  for (const block of ours) {
    if (!block.id || theirSet.has(block.id)) continue;
    idFindings++;
    report(
      where,
      `Missing ${block.kind} \`${block.id}\`${block.number ? ` (${block.kind} ${block.number} in \`${originalLang}\`)` : ''} in the \`${lang}\` version, expected the ${block.kind}s of the \`${originalLang}\` version`,
    );
  }
  for (const block of theirs) {
    if (!block.id || ourSet.has(block.id)) continue;
    idFindings++;
    report(block.at, `Unexpected id \`${block.id}\` in the \`${lang}\` version, expected the ids of the \`${originalLang}\` version`);
  }
  const common = ourIds.filter((id) => theirSet.has(id));
  const theirCommon = theirIds.filter((id) => ourSet.has(id));
  const outOfOrder = theirCommon.findIndex((id, i) => id !== common[i]);
  if (outOfOrder !== -1) {
    idFindings++;
    const block = theirs.find((b) => b.id === theirCommon[outOfOrder])!;
    report(
      block.at,
      `Unexpected ${describeBlock(block)} before \`${common[outOfOrder]}\` in the \`${lang}\` version, expected the order of the \`${originalLang}\` version`,
    );
  }
  if (idFindings === 0) {
    for (const kind of ['point', 'heading'] as const) {
      const a = ours.filter((b) => b.kind === kind).length;
      const b = theirs.filter((x) => x.kind === kind).length;
      if (a !== b) report(where, `Unexpected ${b} ${kind}${b === 1 ? '' : 's'} in ${name} of the \`${lang}\` version, expected ${a} as in \`${originalLang}\``);
    }
  }

  const ourNotes = original.footnotes.filter((f) => f.from === 'prose').map((f) => f.id!);
  const theirNotes = translated.footnotes.filter((f) => f.from === 'prose');
  for (const id of difference(
    ourNotes,
    theirNotes.map((f) => f.id!),
  )) {
    report(where, `Missing footnote \`${id}\` in ${name} of the \`${lang}\` version, expected the footnotes of the \`${originalLang}\` version`);
  }
  for (const note of theirNotes) {
    if (!ourNotes.includes(note.id!))
      report(note.at, `Unexpected footnote \`${note.id}\` in the \`${lang}\` version, expected the footnotes of the \`${originalLang}\` version`);
  }

  const byId = new Map(ours.filter((b) => b.id).map((b) => [b.id!, b]));
  for (const block of theirs) {
    const match = block.id ? byId.get(block.id) : undefined;
    // A point still only a gap mark (`[à compléter]`: text/to-be-completed reports it) has nothing to compare yet.
    if (!match || (gapMark !== undefined && block.prose.text.trim() === gapMark)) continue;
    const ourNumbers = numbersIn(sourceOf(match, files));
    const theirNumbers = numbersIn(sourceOf(block, files));
    const missingNumbers = difference(ourNumbers, theirNumbers);
    const extraNumbers = difference(theirNumbers, ourNumbers);
    if (missingNumbers.length + extraNumbers.length > 0) {
      report(
        block.at,
        `Unexpected numbers in ${describeBlock(block)} of the \`${lang}\` version: ${extraNumbers.length ? codeList(extraNumbers) : 'none more'}, expected ${missingNumbers.length ? codeList(missingNumbers) : 'none of them'} as in \`${originalLang}\``,
      );
    }
    const expected = targets(match);
    const actual = targets(block);
    if (expected.join(' ') === actual.join(' ')) continue;
    report(
      block.at,
      `Unexpected references in ${describeBlock(block)} of the \`${lang}\` version: ${actual.length ? codeList(actual) : 'none'}, expected ${expected.length ? codeList(expected) : 'none'} as in \`${originalLang}\``,
    );
  }
}

/**
 * The numbers of a text with what languages write between digits taken out
 * (thousands separators, decimal marks), so that `1,000`, `1 000` and
 * `1.000` are one number, and `2.5` and `2,5` another; sorted.
 */
export function numbersIn(text: string): string[] {
  const written = text.replace(/:[a-z]+\{[^}]*\}|\[\^[^\]]*\]|\{#[^}]*\}/g, ' ');
  return [...written.matchAll(/\d+(?:[.,](?=\d)\d+|[\u00a0\u202f ](?=\d{3}(?!\d))\d{3})*/gu)].map((m) => m[0].replace(/\D/g, '')).sort();
}

/** A block's text as written in its source (directives and marks included, to be taken out). */
function sourceOf(block: TextBlock, files: SourceFiles): string {
  const path = block.at.file;
  if (!files.file(path)) return block.prose.text;
  const { start, end } = block.at.position;
  const lines = files.lineIndex(path);
  return files.text(path).slice(lines.offset(start.line, start.column), lines.offset(end.line, end.column));
}

/** The ids a block refers to, cites and calls footnotes of, sorted. */
function targets(block: TextBlock): string[] {
  return [...block.refs, ...block.cites, ...block.footnotes].map((m) => m.id).sort();
}

/** Items of `a` not in `b`, as many times as they are missing. */
function difference(a: string[], b: string[]): string[] {
  const left = [...b];
  const missing: string[] = [];
  for (const item of a) {
    const i = left.indexOf(item);
    if (i === -1) missing.push(item);
    else left.splice(i, 1);
  }
  return missing;
}

interface Field {
  kind: YamlKind;
  pointer: string;
  value: Text | undefined;
  what: string;
}

/** The YAML texts the opinion shows, each of which needs a translation in every language version. */
function checkYamlTexts(context: CheckContext, lang: string, report: Reporter): void {
  const { opinion, text } = context;
  const fields: Field[] = [];
  opinion.principles.forEach((p, i) => {
    fields.push({ kind: 'principles', pointer: `/principles/${i}/title`, value: p.title, what: `title of principle \`${String(p.id)}\`` });
    fields.push({ kind: 'principles', pointer: `/principles/${i}/text`, value: p.text, what: `text of principle \`${String(p.id)}\`` });
  });
  opinion.recommendations.forEach((r, i) =>
    fields.push({ kind: 'recommendations', pointer: `/recommendations/${i}/text`, value: r.text, what: `text of recommendation \`${String(r.id)}\`` }),
  );
  opinion.evidence.forEach((e, i) =>
    fields.push({ kind: 'evidence', pointer: `/evidence/${i}/title`, value: e.title, what: `title of evidence \`${String(e.id)}\`` }),
  );
  opinion.glossary.forEach((g, i) =>
    fields.push({ kind: 'glossary', pointer: `/glossary/${i}/expansion`, value: g.expansion, what: `expansion of glossary entry \`${String(g.term)}\`` }),
  );
  const { meta } = opinion;
  fields.push({ kind: 'opinion', pointer: '/title', value: meta.title, what: 'title' });
  if (meta.kind === 'exploratory') fields.push({ kind: 'opinion', pointer: '/requested_by', value: meta.requested_by, what: '`requested_by`' });
  (meta.referrals ?? []).forEach((r, i) => fields.push({ kind: 'opinion', pointer: `/referrals/${i}/body`, value: r.body, what: '`body` of a referral' }));
  // Written as a label file words them ("Rule 52(2) of the Rules of Procedure", "Brussels"), these print in each
  // language's own form, so a plain text may be the original's alone; a map must hold every language.
  for (const [pointer, value, what] of [
    ['/legal_basis', meta.legal_basis, '`legal_basis`'],
    ['/section', meta.section, '`section`'],
    ['/closing/place', meta.closing?.place, '`closing.place`'],
  ] as const) {
    if (value !== undefined && typeof value !== 'string') fields.push({ kind: 'opinion', pointer, value, what });
  }
  for (const field of fields) {
    if (field.value === undefined || textWithPointer(field.value, lang, text.original)) continue;
    // An original still `to be completed` has nothing to translate yet (meta/to-be-completed reports it).
    const original = textWithPointer(field.value, text.original, text.original);
    if (!original || isPlaceholder(original.value)) continue;
    const place = opinion.locate(field.kind, field.pointer);
    report(place, `Missing \`${lang}\` ${field.what}, expected a translation of the \`${text.original}\` text`);
  }
}
