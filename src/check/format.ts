/** Numbers and lists in messages, the same on every machine (no locale). */
import { withThousands } from '../core/messages.js';

/** `18000` → `18,000`. */
export function formatCount(value: number): string {
  return withThousands(Math.round(value));
}

/** `0.9` → `90 %`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** `a`, `b` and `c` (code in backticks). */
export function codeList(values: readonly string[]): string {
  const quoted = values.map((v) => `\`${v}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
