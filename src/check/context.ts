/** The analysed opinion every rule (and `opinion stats`) works on. */
import type { IdIndex } from '../core/ids.js';
import type { Opinion } from '../core/model.js';
import type { CheckContext } from './rule.js';
import { buildText } from './text/model.js';

export function createContext(opinion: Opinion, index: IdIndex): CheckContext {
  return { opinion, index, text: buildText(opinion) };
}
