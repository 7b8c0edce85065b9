/** The `languages` option of the writing rules: the original language only, or every language version. */
import type { OptionSpec } from './rule.js';
import type { OpinionText } from '../text/model.js';

export type LanguageScope = 'original' | 'all';

export const LANGUAGES_OPTION: OptionSpec<LanguageScope> = {
  title: 'Languages checked',
  description: '`original` (the original language only: translations follow it) or `all`.',
  default: 'original',
  schema: { type: 'string', enum: ['original', 'all'] },
};

export function languagesOf(text: OpinionText, scope: LanguageScope): string[] {
  return scope === 'all' ? text.langs : text.langs.filter((l) => l === text.original);
}
