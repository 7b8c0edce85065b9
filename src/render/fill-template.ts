/**
 * Filling a template: each block slot is replaced by what it stands for
 * (or by the opinion's own fragment for that slot, which may itself use
 * slots), each inline `:label` / `:field` by its text. The template's other
 * content is copied. Works on trees only: the source text never meets
 * Markdown syntax as a string.
 */
import { cloneNodes } from './clone.js';
import { replaceNodes } from './replace-nodes.js';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Field, Template } from '../core/template.js';
import type { LabelKey } from '../labels/labels.js';
import {
  appendixSlot,
  chaptersSlot,
  footnoteDefinitions,
  headerSlot,
  notesSlot,
  referenceSlot,
  signatureSlot,
  stageSlot,
  titleSlot,
  type Parts,
} from './slots.js';

const GENERATORS: Record<string, (parts: Parts) => RootContent[]> = {
  stage: stageSlot,
  reference: referenceSlot,
  title: titleSlot,
  header: headerSlot,
  chapters: chaptersSlot,
  signature: signatureSlot,
  appendix: appendixSlot,
  notes: notesSlot,
};

export interface FillOptions {
  /** An opinion's replacement for a slot (`slots/<slot>.md`). */
  overrides?: ReadonlyMap<string, Template>;
  /** Values of `:field{name=…}`. */
  fields: Record<Field, PhrasingContent[]>;
}

export function fillTemplate(template: Template, parts: Parts, options: FillOptions): Root {
  const filled = fillNodes(cloneNodes(template.tree.children), parts, options, new Set());
  return { type: 'root', children: [...filled, ...footnoteDefinitions(parts)] };
}

function fillNodes(nodes: RootContent[], parts: Parts, options: FillOptions, inside: Set<string>): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'html') continue;
    if (node.type === 'leafDirective') {
      const override = options.overrides?.get(node.name);
      if (override && !inside.has(node.name)) {
        out.push(...fillNodes(cloneNodes(override.tree.children), parts, options, new Set([...inside, node.name])));
      } else {
        out.push(...(GENERATORS[node.name]?.(parts) ?? []));
      }
      continue;
    }
    replaceNodes(node, (child) => {
      if (child.type !== 'textDirective') return undefined;
      if (child.name === 'label') return [{ type: 'text', value: parts.labels.text[String(child.attributes?.key) as LabelKey] ?? '' }];
      return cloneNodes(options.fields[String(child.attributes?.name) as Field] ?? []);
    });
    out.push(node);
  }
  return out;
}
