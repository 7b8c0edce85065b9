/**
 * XML parts read as a stream (saxes), built into small xast trees that hold
 * only what the reader looks at: the elements, the attributes, and the text
 * of the elements whose text is read (`w:t`, `w:instrText`, `m:t`, the
 * title). Run and paragraph properties keep only the children the reader
 * asks for (bold, italic, styles, numbering, alignment, tracked deletion of the
 * paragraph mark, language), and what the reader never looks into (section
 * and table properties, deleted text, property changes) is kept as an empty
 * element. The children of `w:body` are handed over one by one as they
 * close and dropped, so that memory for `word/document.xml` grows with the
 * largest paragraph or table and the text kept, not with the size of the XML.
 *
 * A part that is not well-formed XML, declares a DTD, nests elements too
 * deep or holds too much is a one-line error naming the part and the
 * line:column where reading stopped.
 */
import { SaxesParser } from 'saxes';
import type { Element, Root, RootContent, Text } from 'xast';
import { InputError } from '../../core/errors.js';
import { withThousands } from '../../core/messages.js';

export type { Element };

/** Elements nested deeper than this are refused (Word nests a few dozen at most: tables in tables, text boxes). */
export const MAX_XML_DEPTH = 200;
/**
 * Elements held at once: in `word/document.xml`, in one top-level paragraph
 * or table (the body is read one of them at a time); in other parts, in the
 * whole part. A table of 10,000 rows of four cells holds about 500,000, once run
 * formatting the reader does not need is dropped.
 */
export const MAX_HELD_ELEMENTS = 1_000_000;
/** Characters of text in one part: the same bound as a Markdown draft's 16 MB; a 40-page opinion has about 100,000. */
export const MAX_TEXT = 16 * 1024 * 1024;

/** Elements whose text the reader uses. */
const TEXT_HOLDERS = new Set(['w:t', 'w:instrText', 'm:t', 'dc:title', 'dc:language']);
/** Properties: the children the reader asks for; the others (fonts, sizes, colours, spacing…) are dropped as they are read. */
const KEPT_CHILDREN = new Map([
  ['w:rPr', new Set(['w:b', 'w:i', 'w:rStyle', 'w:del', 'w:moveFrom', 'w:lang'])],
  ['w:pPr', new Set(['w:pStyle', 'w:outlineLvl', 'w:numPr', 'w:rPr', 'w:jc'])],
]);
/** Elements the reader only notes the presence of (or skips): their content is never built. */
const CONTENT_UNREAD = new Set([
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:tcPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:rPrChange',
  'w:pPrChange',
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:delInstrText',
]);

export interface PartOptions {
  /**
   * Called with each child of the document element's first `w:body` once it
   * is complete; the child is then dropped from the tree (the body stays,
   * empty). Other children of the document element are not built.
   */
  body?: (child: Element) => void;
}

/** Where and why reading a part stopped. */
class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly wellFormed: boolean,
  ) {
    super(reason);
  }
}

/** One XML part, fed its bytes as they are inflated (`write`), then `end()` for its tree. */
export class PartReader {
  private readonly parser = new SaxesParser({ position: true });
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private head: Uint8Array | undefined;
  /** The part's tree (once `end()` is called). */
  readonly tree: Root = { type: 'root', children: [] };
  /** The open elements that are built; `skipped` counts open elements below them that are not. */
  private readonly open: (Element | Root)[] = [this.tree];
  private skipped = 0;
  private depth = 0;
  private held = 0;
  private text = 0;
  private body: Element | undefined;
  private heldAtBody = 0;
  private bodySeen = false;

  constructor(
    private readonly part: string,
    private readonly shown: string,
    private readonly options: PartOptions = {},
  ) {
    const parser = this.parser;
    parser.on('error', (error) => {
      throw new Stop(error.message.replace(/^\d+:\d+: /u, ''), parser.line, parser.column, false);
    });
    parser.on('doctype', () => {
      throw new Stop(
        'declares a DTD (`<!DOCTYPE`) {at}, which no Word document does (DTDs and entities are refused); the file is damaged or hostile',
        parser.line,
        parser.column,
        true,
      );
    });
    parser.on('opentag', (tag) => this.openTag(tag.name, tag.attributes as Record<string, string>));
    parser.on('closetag', () => this.closeTag());
    parser.on('text', (value) => this.addText(value));
    parser.on('cdata', (value) => this.addText(value));
  }

  private stop(reason: string): never {
    throw new Stop(reason, this.parser.line, this.parser.column, true);
  }

  private openTag(name: string, attributes: Record<string, string>): void {
    if (++this.depth > MAX_XML_DEPTH)
      this.stop(`nests elements more than ${MAX_XML_DEPTH} deep {at}, which no Word document does; the file is damaged or hostile`);
    const parent = this.open[this.open.length - 1] as Element | Root;
    let keep = this.skipped === 0;
    if (keep && parent.type === 'element') {
      const kept = KEPT_CHILDREN.get(parent.name);
      if (kept && !kept.has(name)) keep = false;
      else if (CONTENT_UNREAD.has(parent.name)) keep = false;
      else if (this.options.body && this.depth === 2 && (name !== 'w:body' || this.bodySeen)) keep = false;
    }
    if (!keep) {
      this.skipped++;
      return;
    }
    if (++this.held > MAX_HELD_ELEMENTS) {
      this.stop(
        `holds more than ${withThousands(MAX_HELD_ELEMENTS)} elements${this.body ? ' in one paragraph or table' : ''} {at}, more than a Word draft may have (see docs/limits.md)`,
      );
    }
    const node: Element = { type: 'element', name, attributes, children: [] };
    parent.children.push(node as never);
    this.open.push(node);
    if (this.options.body && this.depth === 2 && name === 'w:body') {
      this.bodySeen = true;
      this.body = node;
      this.heldAtBody = this.held;
    }
  }

  private closeTag(): void {
    this.depth--;
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    const node = this.open.pop() as Element;
    if (this.body && this.open[this.open.length - 1] === this.body) {
      this.body.children.pop();
      this.held = this.heldAtBody;
      this.options.body?.(node);
    }
  }

  private addText(value: string): void {
    if (this.skipped > 0) return;
    const parent = this.open[this.open.length - 1] as Element | Root;
    if (parent.type !== 'element' || !TEXT_HOLDERS.has(parent.name)) return;
    this.text += value.length;
    if (this.text > MAX_TEXT) this.stop(`holds more than ${MAX_TEXT / 1048576} MB of text {at}, more than a draft may have (see docs/limits.md)`);
    const last = parent.children[parent.children.length - 1];
    if (last?.type === 'text') (last as Text).value += value;
    else parent.children.push({ type: 'text', value });
  }

  /** Feed the next bytes of the part. */
  write(bytes: Uint8Array): void {
    if (!this.decoder) {
      // The encoding from the byte order mark: UTF-8 (what Word writes), or UTF-16.
      const head: Uint8Array = this.head ? Buffer.concat([this.head, bytes]) : bytes;
      if (head.length < 2) {
        this.head = head;
        return;
      }
      this.head = undefined;
      this.decoder = new TextDecoder(head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8');
      bytes = head;
    }
    this.guard(() => this.parser.write(this.decoder!.decode(bytes, { stream: true })));
  }

  /** Whether the document element has a `w:body` (with the `body` option). */
  get hasBody(): boolean {
    return this.bodySeen;
  }

  /** The part's tree, once every byte is written. */
  end(): Root {
    this.guard(() => {
      if (this.head) {
        this.decoder = new TextDecoder('utf-8');
        this.parser.write(this.decoder.decode(this.head, { stream: true }));
      }
      if (this.decoder) this.parser.write(this.decoder.decode());
      this.parser.close();
    });
    return this.tree;
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      const where = `${error.line}:${Math.max(1, error.column)}`;
      throw new InputError(
        error.wellFormed
          ? `cannot read \`${this.shown}\`: part \`${this.part}\` ${error.reason.replace('{at}', `at ${where}`)}`
          : `cannot read \`${this.shown}\`: part \`${this.part}\` is not well-formed XML at ${where} (${error.reason}); the file is damaged, save it again from Word`,
      );
    }
  }
}

/** The document element of a part. */
export function rootElement(root: Root): Element | undefined {
  return root.children.find((node): node is Element => node.type === 'element');
}
export function elements(node: Element | Root, name?: string): Element[] {
  return (node.children as RootContent[]).filter((child): child is Element => child.type === 'element' && (name === undefined || child.name === name));
}

export function element(node: Element | undefined, name: string): Element | undefined {
  return node?.children.find((child): child is Element => child.type === 'element' && child.name === name);
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
