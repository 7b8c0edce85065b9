/** The example opinion the `amendments/*` rules document themselves with. */
const AMENDMENTS_OPINION = 'reference: INT/900\ntitle: Migrants and the social economy\nkind: own-initiative\nlanguage: en\nstage: section\n';
export const AMENDMENTS_TEXT = '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} They build networks with local authorities.\n';

/** An amendments.yaml holding the given items (YAML, indented as list items). */
export function amendmentsYaml(items: string, head = ''): string {
  return `${head}amendments:\n${items}`;
}

/** The files of an example: the example opinion and its text, with an amendments.yaml of `items`. */
export function amendmentsFiles(items: string, head = ''): Record<string, string> {
  return { 'opinion.yaml': AMENDMENTS_OPINION, 'text/en/01-conclusions.md': AMENDMENTS_TEXT, 'amendments.yaml': amendmentsYaml(items, head) };
}
