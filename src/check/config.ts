/**
 * Rule settings: the defaults of each rule, then the project's
 * `opinion-check.yaml`, then the opinion's `check.yaml`, then settings
 * given on the command line — each layer overriding the one before, per
 * rule (severity) and per option.
 */
import type { Setting } from './rule.js';
import { RULES } from './rules/index.js';

export interface RuleSetting {
  severity?: Setting;
  options?: Record<string, unknown>;
}

/** One layer of configuration: rule id → setting. */
export type ConfigLayer = Record<string, RuleSetting>;

export interface ResolvedRule {
  severity: Setting;
  options: Record<string, unknown>;
}

export function resolveConfig(layers: readonly (ConfigLayer | undefined)[]): Map<string, ResolvedRule> {
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of RULES) {
    let severity: Setting = rule.meta.severity;
    const options: Record<string, unknown> = {};
    for (const layer of layers) {
      const setting = layer?.[rule.meta.id];
      if (!setting) continue;
      if (setting.severity) severity = setting.severity;
      Object.assign(options, setting.options);
    }
    resolved.set(rule.meta.id, { severity, options });
  }
  return resolved;
}

/** `writing/sentence-length=off` (command line) → a layer. */
export function parseRuleArgument(argument: string): { id: string; setting: Setting } | undefined {
  const match = /^([a-z-]+\/[a-z-]+)=(off|warning|error)$/.exec(argument.trim());
  return match ? { id: match[1]!, setting: match[2] as Setting } : undefined;
}
