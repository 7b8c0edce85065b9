import { defineRule, shortPlace } from '../rule.js';
import { allBlocks, type TextBlock } from '../../text/model.js';
import { inflectedWords, inflects, isAcronym, termPattern } from '../../text/terms.js';
import { textWithPointer } from '../../text/sources.js';
import { escapeRegExp } from '../../core/regexp.js';
import { isLatin, wordPattern } from '../../text/word-pattern.js';

interface Found {
  block: number;
  start: number;
  end: number;
}

export default defineRule(
  {
    id: 'glossary/acronym-before-expansion',
    description: 'Report an acronym used before the text spells it out, or spelled out twice',
    rationale:
      "An acronym is spelled out once, at its first use. The build expands the glossary's acronyms at their " +
      'first use by itself; when the text also spells one out by hand — `social economy enterprises (SEEs)` or ' +
      "`SEE (social economy enterprise)`, with the glossary's expansion for that language — that must be at the " +
      'first use, and only once. Uses are read in reading order: chapter titles, headings and points, with the ' +
      'principles and recommendations where they are placed; footnotes are left out (a footnote explaining an ' +
      'acronym, or a cited source whose title spells one out, is not its first use in the text). In a language whose ' +
      'words inflect (its label file says `glossary.expand: author`: Polish, German, Greek…), the author writes the ' +
      'expansion in the case the sentence needs, so each of its words is found by its stem, as `coverage/glossary-unused` ' +
      'finds a term: "operatorów systemów dystrybucyjnych (OSD)" spells out "operatorzy systemów dystrybucyjnych".',
    severity: 'warning',
    examples: [
      {
        title: 'Used before it is spelled out',
        files: {
          'glossary.yaml': 'glossary:\n  - id: g-sprar\n    term: SPRAR\n    kind: acronym\n    expansion: Protection System for Asylum Seekers and Refugees\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} SPRAR projects go beyond board and lodging.\n\n{#c-two} The Protection System for Asylum Seekers and Refugees (SPRAR) is run by local authorities.\n',
        },
        findings: ['text/en/01-conclusions.md:3:10-3:15: Unexpected `SPRAR` before it is spelled out, expected the expansion at its first use'],
      },
      {
        title: 'Spelled out twice',
        files: {
          'glossary.yaml': 'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise\n',
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} Social economy enterprises (SEEs) employ migrants.\n\n{#c-two} Small social economy enterprises (SEEs) need stable funding.\n',
        },
        findings: ['text/en/01-conclusions.md:5:16-5:49: Unexpected second expansion of `SEE`, expected it only at its first use'],
      },
      {
        title: 'Spelled out at its first use',
        files: {
          'glossary.yaml': 'glossary:\n  - id: g-see\n    term: SEE\n    kind: acronym\n    expansion: social economy enterprise\n',
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} Social economy enterprises (SEEs) employ migrants.\n\n{#c-two} SEEs need stable funding.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { opinion, text } = context;
    const byLang = new Map(text.langs.map((lang) => [lang, allBlocks(text.byLang.get(lang)).filter((b) => b.kind !== 'footnote')]));
    for (const entry of opinion.glossary) {
      if (typeof entry.term !== 'string') continue;
      const spellings = [entry.term, ...(Array.isArray(entry.variants) ? entry.variants : [])].filter(
        (s): s is string => typeof s === 'string' && isAcronym(s.replace(/s$/, '')),
      );
      if (entry.kind !== 'acronym' && !isAcronym(entry.term)) continue;
      for (const lang of text.langs) {
        const expansion = textWithPointer(entry.expansion, lang, text.original)?.value;
        if (!expansion) continue;
        const blocks = byLang.get(lang)!;
        const expansions: Found[] = [];
        // The blocks holding a spelling, with those it holds: where the uses are, once an expansion is found.
        const holding: [number, string[]][] = [];
        let long: RegExp | undefined;
        blocks.forEach((block, b) => {
          const text = block.prose.text;
          const present = spellings.filter((spelling) => text.includes(spelling));
          if (present.length === 0) return;
          holding.push([b, present]);
          if (!expansionMayOccur(text, spellings, expansion)) return;
          long ??= expansionPattern(expansion, spellings, inflects(lang));
          long.lastIndex = 0;
          for (let m = long.exec(text); m; m = long.exec(text)) {
            if (spellings.some((s) => m![0].includes(s))) expansions.push({ block: b, start: m.index, end: m.index + m[0].length });
          }
        });
        if (expansions.length === 0) continue;
        const uses: Found[] = [];
        for (const [b, present] of holding) {
          const text = blocks[b]!.prose.text;
          for (const spelling of present) {
            const re = termPattern(spelling);
            for (let m = re.exec(text); m; m = re.exec(text)) uses.push({ block: b, start: m.index, end: m.index + m[0].length });
          }
        }
        if (uses.length === 0) continue;
        const order = (a: Found, b: Found) => a.block - b.block || a.start - b.start;
        uses.sort(order);
        expansions.sort(order);
        const firstExpansion = expansions[0]!;
        const firstUse = uses[0]!;
        const inside = (use: Found, e: Found) => use.block === e.block && use.start >= e.start && use.end <= e.end;
        const place = (f: Found) => (blocks[f.block] as TextBlock).prose.locate(f.start, f.end);
        if (!inside(firstUse, firstExpansion) && order(firstUse, firstExpansion) < 0) {
          report(
            place(firstUse),
            `Unexpected \`${blocks[firstUse.block]!.prose.text.slice(firstUse.start, firstUse.end)}\` before it is spelled out, expected the expansion at its first use`,
            {
              note: `It is spelled out at ${shortPlace(context, place(firstExpansion))}. ${
                inflects(lang)
                  ? `In \`${lang}\` the build never inserts an expansion, so move it to the first use, in the case the sentence needs`
                  : 'The build expands glossary acronyms at their first use, so the expansion written by hand can also go'
              }`,
            },
          );
        }
        for (const again of expansions.slice(1)) {
          report(place(again), `Unexpected second expansion of \`${entry.term}\`, expected it only at its first use`, {
            note: `First spelled out at ${shortPlace(context, place(firstExpansion))}`,
          });
        }
      }
    }
  },
);

/**
 * Whether `expansionPattern(expansion, spellings)` may match in `text`, told
 * without compiling it (a pattern per entry and language, for the few blocks
 * that spell an acronym out by hand): false only when no spelling, in
 * capitals and with an optional plural `S`, stands before white space and a
 * parenthesis in the text in capitals — where the pattern's `ACRONYM (` or
 * `(… ACRONYM)` would be. Its letters match ignoring case, so each has the
 * capital of the spelling's (see `termMayOccur`). Patterns of words in other
 * scripts fold case as Unicode does: they are always run.
 */
export function expansionMayOccur(text: string, spellings: readonly string[], expansion: string): boolean {
  if (!isLatin(expansion + spellings.join(''))) return true;
  if (!text.includes('(')) return false;
  const upper = text.toUpperCase();
  for (const spelling of spellings) {
    const capitals = spelling.toUpperCase();
    for (let at = upper.indexOf(capitals); at !== -1; at = upper.indexOf(capitals, at + 1)) {
      let next = at + capitals.length;
      if (upper[next] === 'S') next++;
      while (next < upper.length && SPACE.test(upper[next]!)) next++;
      if (upper[next] === '(' || upper[next] === ')') return true;
    }
  }
  return false;
}

const SPACE = /\s/;

/**
 * `expansion (ACRONYM)` or `ACRONYM (expansion)`, plurals allowed, any case for the expansion; with
 * `inflecting`, its words in any of their forms, as a language whose words inflect writes them
 * ("operatorów systemów dystrybucyjnych (OSD)" for "operatorzy systemów dystrybucyjnych").
 */
export function expansionPattern(expansion: string, spellings: string[], inflecting = false): RegExp {
  const all = expansion + spellings.join('');
  const words = expansion
    .trim()
    .split(/[\s\-‐‑]+/)
    .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]"));
  const long = inflecting ? inflectedWords(expansion, all) : `${words.join('[\\s\\-‐‑]+')}(?:s|es)?`;
  const short = `(?:${spellings.map(escapeRegExp).join('|')})s?`;
  return wordPattern(`${long}\\s*\\(\\s*${short}\\s*\\)|${short}\\s*\\(\\s*${long}\\s*\\)`, 'i', all);
}
