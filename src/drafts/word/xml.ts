/**
 * XML parts as xast trees, and the few accessors the reader uses. A part
 * that is not well-formed XML is a one-line error naming the part and the
 * line:column where parsing stopped.
 */
import type { Element, Root, RootContent } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { InputError } from '../../core/errors.js';

export type { Element };

/** XML text from its bytes: UTF-8 (what Word writes), or UTF-16 with a byte order mark. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Elements nested deeper than this are refused before parsing (Word nests a few dozen at most: tables in tables, text boxes). */
export const MAX_XML_DEPTH = 200;

/** The line and column where `text` nests elements deeper than `MAX_XML_DEPTH`, or undefined. One linear pass. */
export function xmlTooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    const next = text[i + 1];
    let end: number;
    if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9);
    else end = text.indexOf('>', i + 1);
    if (end === -1) return undefined; // Not well-formed: the parser says where.
    if (next === '/') depth--;
    else if (next !== '!' && next !== '?' && text[end - 1] !== '/' && ++depth > MAX_XML_DEPTH) {
      const before = text.slice(0, i);
      return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: i - before.lastIndexOf('\n') };
    }
    i = text.indexOf('<', end + 1);
  }
  return undefined;
}

export function parsePart(bytes: Uint8Array, part: string, shown: string): Root {
  const text = decode(bytes);
  const deep = xmlTooDeep(text);
  if (deep) {
    throw new InputError(
      `cannot read \`${shown}\`: part \`${part}\` nests elements more than ${MAX_XML_DEPTH} deep at ${deep.line}:${deep.column}, which no Word document does; the file is damaged or hostile`,
    );
  }
  try {
    return fromXml(text);
  } catch (error) {
    const message = error as { line?: number; column?: number; cause?: unknown; reason?: string };
    const detail = message.cause instanceof Error ? message.cause.message.split('\n')[0] : (message.reason ?? String(error));
    const where = message.line ? `${message.line}:${message.column ?? 1}` : '1:1';
    throw new InputError(
      `cannot read \`${shown}\`: part \`${part}\` is not well-formed XML at ${where} (${detail}); the file is damaged, save it again from Word`,
    );
  }
}

/** The document element of a part. */
export function rootElement(root: Root): Element | undefined {
  return root.children.find((node): node is Element => node.type === 'element');
}

export function elements(node: Element | Root, name?: string): Element[] {
  const out: Element[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element' && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

export function element(node: Element | undefined, name: string): Element | undefined {
  if (!node) return undefined;
  for (const child of node.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

/** The first descendant element with this name (depth first). */
export function descendant(node: Element, name: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) return child;
    const found = descendant(child, name);
    if (found) return found;
  }
  return undefined;
}

export function attribute(node: Element | undefined, name: string): string | undefined {
  const value = node?.attributes[name];
  return value === null || value === undefined ? undefined : String(value);
}

/** `w:val` of a child element: `<w:pStyle w:val="Heading1"/>` → "Heading1". */
export function valueOf(node: Element | undefined, name: string): string | undefined {
  return attribute(element(node, name), 'w:val');
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true, false, or undefined when absent. */
export function toggle(properties: Element | undefined, name: string): boolean | undefined {
  const found = element(properties, name);
  if (!found) return undefined;
  const value = attribute(found, 'w:val');
  return !(value === '0' || value === 'false' || value === 'off');
}

/** The text of every `name` descendant (e.g. `m:t` in an equation), in order. */
export function textOf(node: Element, names: readonly string[]): string {
  let text = '';
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (names.includes(child.name)) {
      for (const leaf of child.children) if (leaf.type === 'text') text += leaf.value;
    } else text += textOf(child, names);
  }
  return text;
}
