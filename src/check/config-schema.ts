/**
 * The JSON Schema of the check configuration files (`opinion-check.yaml`,
 * `check.yaml`), made from the rules' own documentation so that editors
 * complete rule ids and options with their descriptions. Written to
 * `schemas/check-config.schema.json`; a test keeps the file in step.
 */
import { schemaUrl } from '../core/schema-url.js';
import type { OptionSpec, Rule } from './rule.js';

export const CONFIG_SCHEMA_ID = schemaUrl('check-config');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function configSchema(rules: readonly Rule<any>[]): { [key: string]: Json } {
  const properties: { [key: string]: Json } = {};
  for (const rule of rules) {
    const meta = rule.meta;
    const options: { [key: string]: Json } = {
      severity: {
        $ref: '#/$defs/setting',
        title: 'Severity',
        description: `How to report findings of \`${meta.id}\`: \`off\`, \`warning\` or \`error\` (default: \`${meta.severity}\`).`,
      },
    };
    for (const [name, spec] of Object.entries(meta.options) as [string, OptionSpec<unknown>][]) {
      options[name] = {
        ...withTitles(spec.schema as unknown as Record<string, unknown>, spec.title),
        title: spec.title,
        description: spec.description,
        default: spec.default as Json,
      };
    }
    properties[meta.id] = {
      title: meta.id,
      description: `${meta.description}. Default: \`${meta.severity}\`.`,
      markdownDescription: `${meta.description}. Default: \`${meta.severity}\`.\n\n${meta.rationale}`,
      anyOf: [
        { $ref: '#/$defs/setting', title: 'Severity only', description: `\`off\`, \`warning\` or \`error\` for \`${meta.id}\`.` },
        {
          title: 'Severity and options',
          description: `Severity and options of \`${meta.id}\`; options left out keep their defaults.`,
          type: 'object',
          additionalProperties: false,
          properties: options,
        },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'opinion check configuration (opinion-check.yaml, check.yaml)',
    description:
      'Which rules `opinion check` runs, how it reports them and with which options: `opinion-check.yaml` at the root of a project (found by walking up from each opinion), and `check.yaml` in an opinion folder for that opinion alone (it wins).',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        title: 'Rules',
        description: "Rule id → `off`, `warning` or `error`, or a mapping of `severity` and the rule's options.",
        type: 'object',
        additionalProperties: false,
        properties,
      },
    },
    examples: [{ rules: { 'writing/sentence-length': { max: 35 }, 'coverage/glossary-unused': 'off', 'length/limit': { warnAt: 0.85 } } }],
    $defs: {
      setting: {
        title: 'Setting',
        description: '`off` (do not run), `warning` (report, exit code 0) or `error` (report, exit code 1).',
        type: 'string',
        enum: ['off', 'warning', 'error'],
      },
    },
  };
}

/** Option schemas with a title and description on nested items too (editors show them). */
function withTitles(schema: Record<string, unknown>, title: string): { [key: string]: Json } {
  const copy: { [key: string]: Json } = { ...(schema as { [key: string]: Json }) };
  if (copy.items && typeof copy.items === 'object' && !Array.isArray(copy.items)) {
    copy.items = { title: `${title}: item`, description: 'One entry of the list.', ...(copy.items as { [key: string]: Json }) };
  }
  if (copy.additionalProperties && typeof copy.additionalProperties === 'object' && !Array.isArray(copy.additionalProperties)) {
    copy.additionalProperties = {
      title: `${title}: entry`,
      description: 'The list for this key.',
      ...withTitles(copy.additionalProperties as Record<string, unknown>, `${title}: entry`),
    };
  }
  if (copy.propertyNames && typeof copy.propertyNames === 'object' && !Array.isArray(copy.propertyNames)) {
    copy.propertyNames = { title: 'Language code', description: 'A two-letter language code.', ...(copy.propertyNames as { [key: string]: Json }) };
  }
  return copy;
}
