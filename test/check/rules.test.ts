/**
 * Each rule's examples are its tests: every example opinion is written to
 * disk, checked with that rule alone (options as the example gives them),
 * and must produce exactly the findings the example documents, at the
 * exact places.
 */
import { describe, it, expect } from 'vitest';
import { checkOpinion, RULES, type ConfigLayer } from '../../src/check/index.js';
import { findings, writeOpinion } from './helpers.js';

function only(id: string, options: Record<string, unknown> | undefined): ConfigLayer {
  const layer: ConfigLayer = {};
  for (const rule of RULES) layer[rule.meta.id] = rule.meta.id === id ? { severity: rule.meta.severity, options: options ?? {} } : { severity: 'off' };
  return layer;
}

for (const rule of RULES) {
  describe(rule.meta.id, () => {
    for (const example of rule.meta.examples) {
      it(`${example.findings.length ? 'reports' : 'accepts'}: ${example.title}`, async () => {
        const dir = writeOpinion(example.files);
        const result = await checkOpinion(dir, { rules: only(rule.meta.id, example.options) });
        const others = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId !== rule.meta.id).map((m) => `${m.ruleId}: ${m.reason}`));
        expect(others, 'the example opinion validates without messages').toEqual([]);
        expect(result.checked).toBe(true);
        expect(findings(result.files, dir, rule.meta.id)).toEqual(example.findings);
      });
    }
  });
}
