/** The example opinion the `amendments/*` rules document themselves with. */
export const AMENDMENTS_OPINION = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: section\n';
export const AMENDMENTS_TEXT = '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} They build networks with local authorities.\n';

/** An amendments.yaml holding the given items (YAML, indented as list items). */
export function amendmentsYaml(items: string, head = ''): string {
  return `${head}amendments:\n${items}`;
}
