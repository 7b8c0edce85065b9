/**
 * SARIF 2.1.0, for code-scanning dashboards: one run, one result per message.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { severityOf } from '../core/messages.js';
import { displayPath } from './paths.js';
import type { ReportOptions } from './index.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Where a file is, as SARIF wants it: a path under the root as a relative URI
 * against `%SRCROOT%`, each segment percent-encoded (a `#` or `?` in a folder
 * name would otherwise end the path); any other file as an absolute `file:` URI.
 */
function artifactLocation(shown: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(files: readonly VFile[], options: ReportOptions): string {
  const ruleIds = new Set<string>();
  const results = [];
  for (const file of files) {
    for (const message of file.messages) {
      const ruleId = message.ruleId ?? 'unknown';
      ruleIds.add(ruleId);
      const end = message.place && 'start' in message.place ? message.place.end : undefined;
      const region: Record<string, number> = {};
      if (message.line) region.startLine = message.line;
      if (message.column) region.startColumn = message.column;
      if (end?.line) region.endLine = end.line;
      if (end?.column) region.endColumn = end.column;
      results.push({
        ruleId,
        level: LEVEL[severityOf(message)],
        message: { text: message.note ? `${message.reason}\n${message.note}` : message.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(displayPath(file.path, options.root ?? options.cwd)),
              ...(Object.keys(region).length ? { region } : {}),
            },
          },
        ],
      });
    }
  }
  // Code scanning shows a rule's descriptions and help next to each alert.
  const rules = [...ruleIds].sort().map((id) => {
    const rule = options.rules?.[id];
    const short = rule ? rule.description : `opinion: ${id}`;
    const full =
      rule?.rationale ?? (rule ? `${rule.description}.` : `A finding of \`opinion\` (rule \`${id}\`): the message names what was found and what was expected.`);
    const url = rule?.url ?? options.defaultHelpUri;
    return {
      id,
      name: id,
      shortDescription: { text: short },
      fullDescription: { text: full },
      help: { text: url ? `${full}\n\n${url}` : full, markdown: url ? `${full}\n\n[Documentation](${url})` : full },
      ...(url ? { helpUri: url } : {}),
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'opinion', ...(options.version ? { version: options.version } : {}), rules } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
