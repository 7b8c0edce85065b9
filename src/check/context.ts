/** The analysed opinion every rule works on. */
import type { IdIndex } from '../core/ids.js';
import type { Opinion } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { allBlocks, type OpinionText } from '../text/model.js';
import { buildText } from '../text/model.js';
import { countText } from '../text/words.js';
import { DraftRenderer } from './draft.js';
import { textIn } from '../text/sources.js';

export interface ContextOptions {
  /**
   * Render the original language's draft (for its exact length) only when
   * the text could be longer than this many characters without spaces;
   * `Infinity` never renders it, 0 always does.
   */
  draftFrom?: number;
  renderer?: DraftRenderer;
}

export async function createContext(opinion: Opinion, index: IdIndex, options: ContextOptions = {}): Promise<CheckContext> {
  const text = buildText(opinion);
  const threshold = options.draftFrom ?? 0;
  if (threshold === Infinity || lengthBound(text, opinion) <= threshold) return { opinion, index, text };
  const rendered = await (options.renderer ?? new DraftRenderer(opinion)).render(text.original);
  return { opinion, index, text, ...(rendered ? { draft: rendered.draft, length: rendered.characters } : {}) };
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
    length += countText(block.prose.text).charactersNoSpaces;
    refs += block.refs.length;
    if (block.from === 'citation') citations++;
  }
  let expansions = 0;
  for (const entry of opinion.glossary) {
    const expansion = textIn(entry.expansion, text.original, text.original)?.value;
    if (expansion) expansions += countText(expansion).charactersNoSpaces + 4;
  }
  return Math.ceil((length + expansions + refs * 12 + citations * 80) * 1.05);
}
