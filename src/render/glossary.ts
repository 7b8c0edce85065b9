/**
 * Acronyms from the glossary are expanded at their first use in the body
 * (points, then footnotes; headings and the title are left alone):
 * "SEEs" → "social economy enterprises (SEEs)". Entries of kind `term` are
 * not expanded. A use already written out ("… enterprises (SEEs)") counts as
 * the expansion.
 *
 * Plural forms follow the language's rules in its label file: a variant
 * equal to the term plus `glossary.plural-variant-suffix` ("SEEs"), or a
 * plural word shortly before ("les EES"), makes the expansion plural by
 * rewriting its first or last word with `glossary.plural-rules`. At the start
 * of a sentence the expansion takes a capital.
 *
 * In a language whose nouns and adjectives inflect (`glossary.expand:
 * author`), an inserted expansion would be in the dictionary form whatever
 * the sentence needs ("dem Europäischer Sozialfonds"). There the build never
 * inserts one: the author writes the first use out ("dem Europäischen
 * Sozialfonds (ESF)"), and the build reports a first use that is not written
 * out, or whose words do not read as the glossary's expansion.
 */
import { cloneNodes } from './clone.js';
import type { Nodes, PhrasingContent, Text } from 'mdast';
import type { GlossaryEntry } from '../core/model.js';
import type { RenderContext } from './context.js';
import type { PluralRules } from '../labels/labels.js';
import { report } from '../core/messages.js';
import type { VFile } from 'vfile';
import { parsePhrasing, pick } from './source-text.js';
import type { Unit } from './units.js';
import { escapeRegExp } from '../core/regexp.js';
import { placeInText } from '../core/align.js';

interface Entry {
  entry: GlossaryEntry;
  index: number;
  expansion?: PhrasingContent[] | null;
}

export function expandAcronyms(ctx: RenderContext, units: Iterable<Unit>): void {
  const byForm = new Map<string, Entry>();
  ctx.opinion.glossary.forEach((entry, index) => {
    if (entry.kind === 'term' || typeof entry.term !== 'string' || entry.term === '') return;
    const item: Entry = { entry, index };
    for (const form of [entry.term, ...(Array.isArray(entry.variants) ? entry.variants : [])]) {
      if (typeof form === 'string' && form !== '' && !byForm.has(form)) byForm.set(form, item);
    }
  });
  if (byForm.size === 0) return;
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = formPattern(forms);
  const done = new Set<Entry>();
  const entries = new Set(byForm.values()).size;

  const expansionOf = (item: Entry): PhrasingContent[] | undefined => {
    if (item.expansion === undefined) {
      const picked = pick(ctx, item.entry.expansion, {
        kind: 'glossary',
        pointer: `/glossary/${item.index}/expansion`,
        what: `\`expansion\` of \`${item.entry.term}\``,
      });
      item.expansion = picked ? parsePhrasing(picked, '`expansion`') : null;
    }
    return item.expansion ?? undefined;
  };

  const authorOnly = ctx.labels.plural.expand === 'author';
  let file: VFile | undefined;

  /** `author` languages: the first use must be written out as "<expansion, inflected> (ACRONYM)". */
  const checkWritten = (node: Text, match: RegExpExecArray, item: Entry, before: string, after: string) => {
    const expansion = expansionOf(item);
    if (!expansion || !file) return;
    const written = /\(\s*$/.test(before) && /^\s*\)/.test(after);
    if (written && readsAs(before.replace(/\s*\(\s*$/, ''), plain(expansion))) return;
    // The acronym underlined, not the rest of the line; where its text cannot be followed to the file, the text node.
    const position = node.position;
    const place = position && (placeInText(String(file.value), position, node.value, match.index, match.index + match[0].length) ?? position);
    report(
      file,
      written
        ? `Unexpected words before the first \`(${match[0]})\`, expected the glossary's expansion “${plain(expansion)}” (in whatever case the sentence needs)`
        : `Missing the written-out expansion at the first use of \`${match[0]}\`, expected “… (${match[0]})” with “${plain(expansion)}” in the case the sentence needs`,
      {
        ruleId: 'glossary/expansion-needed',
        severity: 'warning',
        ...(place ? { place } : {}),
        note: `In \`${ctx.labels.lang}\` nouns and adjectives inflect, so the build never inserts an expansion (it would break agreement); write it out at the first use`,
      },
    );
  };

  const inText = (parent: Nodes & { children: PhrasingContent[] }, index: number): number => {
    const node = parent.children[index] as Text;
    const value = node.value;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = nextForm(pattern, value))) {
      const item = byForm.get(match[0])!;
      if (done.has(item)) continue;
      done.add(item);
      let before = value.slice(0, match.index);
      const after = value.slice(match.index + match[0].length);
      if (authorOnly) {
        checkWritten(node, match, item, before, after);
        continue;
      }
      const expansion = expansionOf(item);
      if (!expansion || alreadyExpanded(before, after, expansion)) continue;
      const plural = isPlural(match[0], item.entry.term, before, ctx.labels.plural);
      let words = cloneNodes(expansion);
      if (plural) words = pluralize(words, ctx.labels.plural);
      const sentenceStart = before === '' ? index === 0 : /[.!?]\s+$/.test(before) || (/^\s*$/.test(before) && index === 0);
      if (sentenceStart) words = capitalize(words);
      // "le système SPRAR" → "le système de protection … (SPRAR)", not "le système système de protection…".
      const lead = lastWord(before);
      const firstWord = /^\P{L}*(\p{L}+)/u.exec(plain(words))?.[1];
      if (lead && firstWord && lead.word.toLowerCase() === firstWord.toLowerCase()) before = before.slice(0, lead.index);
      const replacement: PhrasingContent[] = [];
      if (before) replacement.push({ type: 'text', value: before });
      replacement.push(...words, { type: 'text', value: ` (${match[0]})` });
      if (after) replacement.push({ type: 'text', value: after });
      parent.children.splice(index, 1, ...replacement);
      // Go on after the inserted acronym, in the rest of the text.
      return index + replacement.length - (after ? 2 : 1);
    }
    return index;
  };

  const scan = (node: Nodes) => {
    if (!('children' in node) || node.type === 'link' || node.type === 'linkReference' || node.type === 'heading') return;
    const parent = node as Nodes & { children: PhrasingContent[] };
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type === 'text') i = inText(parent, i);
      else scan(child);
    }
  };

  for (const unit of units) {
    if (unit.role !== 'point' && unit.role !== 'content' && unit.role !== 'footnote') continue;
    file = unit.file;
    for (const node of unit.nodes) scan(node);
    if (done.size === entries) return;
  }
}

/**
 * The pattern of a glossary's forms, for `nextForm`: a form not followed by a
 * letter or digit. That it is not preceded by one either is checked by
 * `nextForm` on each match, not by a lookbehind: a pattern opening with a
 * lookbehind is tried at every character, one opening with the forms only
 * where a form's first character stands.
 */
export function formPattern(forms: readonly string[]): RegExp {
  return new RegExp(`(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The next form in `value` from `pattern.lastIndex` neither preceded nor
 * followed by a letter or digit: what `(?<![\p{L}\p{N}])(?:forms)(?![\p{L}\p{N}])`
 * finds (test/build/glossary-forms.test.ts holds them to each other).
 */
export function nextForm(pattern: RegExp, value: string): RegExpExecArray | null {
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const at = match.index;
    if (at === 0 || !LETTER_OR_DIGIT.test(codePointBefore(value, at))) return match;
    // Preceded by a letter or digit: no form matches here; go on at the next code point.
    pattern.lastIndex = at + (isPairAt(value, at) ? 2 : 1);
  }
  return null;
}

const SPACE = /^\s$/;
const LETTER = /^\p{L}$/u;

/**
 * The run of letters `text` ends with before its trailing white space, and
 * where it starts: what `/(\p{L}+)(\s+)$/u` finds, read backwards from the
 * end (the expression is tried at every letter of the text).
 */
export function lastWord(text: string): { word: string; index: number } | undefined {
  let end = text.length;
  while (end > 0 && SPACE.test(text.charAt(end - 1))) end--;
  if (end === text.length) return undefined;
  let start = end;
  for (;;) {
    const pair = start >= 2 && isPairAt(text, start - 2);
    const size = pair ? 2 : 1;
    if (start === 0 || !LETTER.test(text.slice(start - size, start))) break;
    start -= size;
  }
  return start === end ? undefined : { word: text.slice(start, end), index: start };
}

function isPairAt(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < value.length && (value.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
}

function codePointBefore(value: string, at: number): string {
  return at >= 2 && isPairAt(value, at - 2) ? value.slice(at - 2, at) : value.charAt(at - 1);
}

function isPlural(form: string, term: string, before: string, rules: PluralRules): boolean {
  if (rules.variantSuffix && form === term + rules.variantSuffix) return true;
  if (rules.words.length === 0) return false;
  const words = before
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(-2);
  return words.some((word) => rules.words.includes(word));
}

function pluralize(nodes: PhrasingContent[], rules: PluralRules): PhrasingContent[] {
  if (rules.word === 'none') return nodes;
  const texts: Text[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'text') texts.push(node);
    else if ('children' in node) for (const child of node.children) collect(child);
  };
  nodes.forEach(collect);
  const node = rules.word === 'first' ? texts.find((t) => /\p{L}/u.test(t.value)) : [...texts].reverse().find((t) => /\p{L}/u.test(t.value));
  if (!node) return nodes;
  const wordPattern = rules.word === 'first' ? /^(\P{L}*)(\p{L}+)/u : /(\p{L}+)(\P{L}*)$/u;
  node.value = node.value.replace(wordPattern, (whole, a: string, b: string) => {
    const [lead, word, tail] = rules.word === 'first' ? [a, b, ''] : ['', a, b];
    for (const [pattern, replacement] of rules.rules) {
      if (pattern.test(word)) return lead + word.replace(pattern, replacement) + tail;
    }
    return whole;
  });
  return nodes;
}

function capitalize(nodes: PhrasingContent[]): PhrasingContent[] {
  const first = nodes[0];
  if (first && first.type === 'text') first.value = first.value.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return nodes;
}

/** "social economy enterprises (SEEs)" written out by the author. */
function alreadyExpanded(before: string, after: string, expansion: PhrasingContent[]): boolean {
  if (!/\(\s*$/.test(before) || !/^\s*\)/.test(after)) return false;
  const words = plain(expansion).toLowerCase().split(/\s+/).filter(Boolean);
  const stem = words.slice(0, -1).join(' ');
  const preceding = before.replace(/\s*\(\s*$/, '').toLowerCase();
  return words.length > 0 && preceding.includes(stem ? `${stem} ` : words[0]!.slice(0, Math.max(3, words[0]!.length - 2)));
}

/**
 * Whether the words just before "(ACR)" read as the expansion in some
 * grammatical case: as many words, each sharing its stem with the
 * expansion's word (all but the last three letters, at least three), so that
 * "Europäischen Wirtschafts- und Sozialausschusses" reads as "Europäischer
 * Wirtschafts- und Sozialausschuss".
 */
function readsAs(before: string, expansion: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean);
  const wanted = words(expansion);
  const got = words(before).slice(-wanted.length);
  if (wanted.length === 0 || got.length < wanted.length) return false;
  return wanted.every((word, i) => {
    const stem = word.length <= 4 ? word.slice(0, 3) : word.slice(0, Math.max(3, word.length - 3));
    return got[i]!.startsWith(stem);
  });
}

function plain(nodes: Nodes[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? plain(n.children as Nodes[]) : '')).join('');
}
