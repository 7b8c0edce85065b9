/**
 * Where the documentation of a rule is, for SARIF's `helpUri`: the docs/
 * pages shipped in the package, served by the CDN of the published package
 * (the same host as the schemas' `$id`).
 */
export const DOCS_BASE = 'https://cdn.jsdelivr.net/npm/eesc-opinion@0/docs';

/** GitHub's and the CDN renderer's anchor for a heading holding `` `id` ``. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}/check-rules.md#${id
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')}`;
}

export const VALIDATE_DOCS_URL = `${DOCS_BASE}/commands/validate.md`;
