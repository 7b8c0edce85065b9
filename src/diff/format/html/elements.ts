/** A tiny builder of hast elements: every piece of the draft's text goes in as a text node, escaped on output. */
import type { Element, ElementContent, Properties, Text } from 'hast';

export type Child = ElementContent | string | null | undefined | false | readonly Child[];

function flatten(children: readonly Child[], into: ElementContent[]): ElementContent[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') {
      if (child !== '') into.push({ type: 'text', value: child } satisfies Text);
    } else if (Array.isArray(child)) flatten(child as readonly Child[], into);
    else into.push(child as ElementContent);
  }
  return into;
}

export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties, children: flatten(children, []) };
}
