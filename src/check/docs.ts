/**
 * The rules' documentation, made from the rules themselves: a table for the
 * README and a page with each rule's rationale, options and examples (the
 * same examples the tests run).
 */
import { stringify } from 'yaml';
import type { Rule } from './rule.js';
import { PROJECT_CONFIG, OPINION_CONFIG } from './config-file.js';
import { CONFIG_SCHEMA_ID } from './config-schema.js';

const PAGE = 'docs/check-rules.md';

/** GitHub's anchor for a heading holding `` `id` ``. */
function anchor(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '`[]`' : value.length > 4 ? `${value.length} items` : `\`[${value.join(', ')}]\``;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? '`{}`' : `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

/** The README table: one row per rule. */
export function rulesTable(rules: readonly Rule<any>[], linkTo = PAGE): string {
  const rows = rules.map((rule) => {
    const options = Object.entries(rule.meta.options as Record<string, { default: unknown }>)
      .map(([name, spec]) => `\`${name}\` (${showValue(spec.default).replace(/`/g, '')})`)
      .join(', ');
    return `| [\`${rule.meta.id}\`](${linkTo}#${anchor(rule.meta.id)}) | ${rule.meta.severity} | ${rule.meta.description} | ${options || '–'} |`;
  });
  return ['| Rule | Default | Reports | Options (default) |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** The page documenting every rule. */
export function rulesPage(rules: readonly Rule<any>[]): string {
  const out: string[] = [
    '# `opinion check` rules',
    '',
    '<!-- Generated from src/check/rules/*.ts by test/check/docs.test.ts: edit the rules, then run `npx vitest run test/check/docs.test.ts -u`. -->',
    '',
    `Each rule has an id, a default severity and options. Change them for a project in \`${PROJECT_CONFIG}\` ` +
      `(the nearest one above the opinion folder) or for one opinion in its \`${OPINION_CONFIG}\`:`,
    '',
    '```yaml',
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_ID}`,
    'rules:',
    '  writing/sentence-length: { max: 35 }     # options (severity unchanged)',
    '  coverage/glossary-unused: off           # off | warning | error',
    '  length/limit: { severity: error, warnAt: 0.85 }',
    '```',
    '',
    "The examples below are the rules' tests: each is an opinion folder made of a minimal `opinion.yaml` " +
      '(`reference: INT/900`, `kind: own-initiative`, `language: en`, `stage: study-group`) and the files shown, ' +
      'and the findings are exactly what `opinion check` reports for it (`file:line:column-line:column: message`).',
    '',
    rulesTable(rules, ''),
  ];
  for (const rule of rules) {
    const meta = rule.meta;
    out.push(`## \`${meta.id}\``, '', `${meta.description}. Default severity: \`${meta.severity}\`.`, '', meta.rationale, '');
    const options = Object.entries(meta.options as Record<string, { title: string; description: string; default: unknown }>);
    if (options.length > 0) {
      out.push('| Option | Default | Meaning |', '| --- | --- | --- |');
      for (const [name, spec] of options) out.push(`| \`${name}\` | ${showValue(spec.default)} | ${spec.title}: ${spec.description.replace(/\|/g, '\\|')} |`);
      out.push('');
    }
    for (const example of meta.examples) {
      out.push(`### ${example.findings.length ? '✗' : '✓'} ${example.title}`, '');
      if (example.options) {
        out.push(`With \`${OPINION_CONFIG}\`:`, '', '```yaml', stringify({ rules: { [meta.id]: example.options } }).trimEnd(), '```', '');
      }
      for (const [path, content] of Object.entries(example.files)) {
        out.push(`\`${path}\`:`, '', path.endsWith('.md') ? '```markdown' : '```yaml', content.trimEnd(), '```', '');
      }
      out.push(example.findings.length ? 'Findings:' : 'No findings.', '');
      if (example.findings.length) out.push('```text', ...example.findings, '```', '');
    }
  }
  return out.join('\n');
}
