/** The analysed opinion every rule works on. */
import type { Opinion } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { allBlocks, type OpinionText } from '../text/model.js';
import { charactersWithoutSpaces } from '../text/words.js';
import type { OpenOpinion } from '../opinion/open.js';
import { textWithPointer } from '../text/sources.js';

export interface ContextOptions {
  /**
   * Render the original language's draft (for its exact length) only when
   * the text could be longer than this many characters without spaces;
   * `Infinity` never renders it, 0 always does.
   */
  draftFrom?: number;
}

/** The context of a sound opened opinion: its text model, and its original language's draft when the length rule needs it. */
export async function createContext(opened: OpenOpinion, options: ContextOptions = {}): Promise<CheckContext> {
  const opinion = opened.opinion!;
  const index = opened.index!;
  const text = await opened.text();
  const threshold = options.draftFrom ?? 0;
  if (threshold === Infinity || lengthBound(text, opinion) <= threshold) return { opinion, index, text };
  const resolved = (await opened.resolved(text.original))?.resolved;
  return { opinion, index, text, ...(resolved ? { draft: resolved.draft, length: resolved.length.characters } : {}) };
}

/**
 * An upper bound of the rendered length, from the sources alone: their text
 * (references already as labels), plus what rendering can add — each
 * glossary acronym the text uses spelled out once, and the dates and
 * punctuation of each citation — with room to spare. Below the length rule's
 * thresholds the draft need not be rendered.
 */
export function lengthBound(text: OpinionText, opinion: Opinion): number {
  const blocks = allBlocks(text.byLang.get(text.original));
  let length = 0;
  let refs = 0;
  let citations = 0;
  for (const block of blocks) {
    length += charactersWithoutSpaces(block.prose.text);
    refs += block.refs.length;
    if (block.from === 'citation') citations++;
  }
  let expansions = 0;
  for (const entry of opinion.glossary) {
    const expansion = textWithPointer(entry.expansion, text.original, text.original)?.value;
    if (expansion) expansions += charactersWithoutSpaces(expansion) + 4;
  }
  return Math.ceil((length + expansions + refs * 12 + citations * 80) * 1.05);
}
