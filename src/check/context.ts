/** The analysed opinion every rule (and `opinion stats`) works on. */
import type { IdIndex } from '../core/ids.js';
import type { Opinion } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { buildText } from './text/model.js';
import { DraftRenderer } from './draft.js';

export async function createContext(opinion: Opinion, index: IdIndex, renderer = new DraftRenderer(opinion)): Promise<CheckContext> {
  const text = buildText(opinion);
  const rendered = await renderer.render(text.original);
  return { opinion, index, text, ...(rendered ? { draft: rendered.draft, length: rendered.characters } : {}) };
}
