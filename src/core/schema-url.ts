/**
 * Where the package's JSON Schemas are published: each source schema's
 * `$id`, and the link `init` and `import` write at the top of every YAML
 * file for editors. An https address survives moving or cloning an opinion
 * (a relative path into the install folder does not); the CDN serves the
 * files of the published package, major version 0.
 */
export const SCHEMA_BASE = 'https://cdn.jsdelivr.net/npm/eesc-opinion@0/schemas';

/** The address of `schemas/<name>.schema.json`. */
export function schemaUrl(name: string): string {
  return `${SCHEMA_BASE}/${name}.schema.json`;
}
