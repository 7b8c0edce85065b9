/** Running the configured rules over an analysed opinion. */
import type { CheckContext } from './rule.js';
import type { ResolvedRule } from './config.js';
import { RULES } from './rules/index.js';

export function runRules(context: CheckContext, settings: ReadonlyMap<string, ResolvedRule>): void {
  for (const rule of RULES) {
    const setting = settings.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    rule.run(context, severity, setting?.options);
  }
}
