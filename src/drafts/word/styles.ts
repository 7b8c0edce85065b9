/**
 * Paragraph and character styles (word/styles.xml), resolved through their
 * `w:basedOn` chains: which paragraph styles are headings (by name, in the
 * languages of the EESC, or by `w:outlineLvl`), which carry list numbering
 * (`w:numPr`), and which character styles make text bold or italic.
 */
import type { Root } from 'xast';
import { attribute, element, elements, rootElement, toggle, valueOf, type Element } from './xml.js';

export interface NumberingRef {
  numId: string;
  ilvl?: number;
}

export interface ParagraphStyle {
  /** 0 for a title style, 1–9 for headings; undefined for body text. */
  heading?: number;
  numbering?: NumberingRef;
  /** The style id, for numbering levels linked to a style. */
  id?: string;
  /** A quotation style (Word's "Quote", "Intense Quote" and "Block Text", pandoc's block quotes, the build's "Opinion Quote"): a block quote. */
  quote?: boolean;
}

export interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  /** A style for code ("Opinion Code", "HTML Code", pandoc's "Verbatim Char"). */
  code?: boolean;
}

interface RawStyle {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  properties?: Element;
  runProperties?: Element;
}

const HEADING_NAME = /^(?:heading|titre|überschrift|uberschrift|titolo|título|titulo|kop|nagłówek|rubrik|otsikko|overskrift)\s*([1-9])$/iu;
const TITLE_NAME = /^(?:title|titre|titel|titolo|título|titulo)$/iu;
const QUOTE_NAME = /^(?:(?:intense\s*)?quote|opinion\s*quote|block\s*text|citation|zitat|citazione|cita)$/iu;
const MAX_CHAIN = 20;

export class Styles {
  private readonly styles = new Map<string, RawStyle>();
  private defaultParagraph: string | undefined;
  readonly lang: string | undefined;

  constructor(root: Root | undefined) {
    const top = root ? rootElement(root) : undefined;
    if (!top) return;
    for (const style of elements(top, 'w:style')) {
      const id = attribute(style, 'w:styleId');
      if (!id) continue;
      const raw: RawStyle = {
        id,
        type: attribute(style, 'w:type') ?? 'paragraph',
        name: valueOf(style, 'w:name') ?? id,
        basedOn: valueOf(style, 'w:basedOn'),
        properties: element(style, 'w:pPr'),
        runProperties: element(style, 'w:rPr'),
      };
      this.styles.set(id, raw);
      if (raw.type === 'paragraph' && (attribute(style, 'w:default') === '1' || attribute(style, 'w:default') === 'true')) this.defaultParagraph = id;
    }
    const defaults = element(element(element(top, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    const normal = this.defaultParagraph ? this.styles.get(this.defaultParagraph)?.runProperties : undefined;
    this.lang = attribute(element(normal, 'w:lang'), 'w:val') ?? attribute(element(defaults, 'w:lang'), 'w:val');
  }

  /** The style and the styles it is based on, nearest first. */
  private chain(id: string | undefined): RawStyle[] {
    const out: RawStyle[] = [];
    let current = id ?? this.defaultParagraph;
    while (current && out.length < MAX_CHAIN) {
      const style = this.styles.get(current);
      if (!style || out.includes(style)) break;
      out.push(style);
      current = style.basedOn;
    }
    return out;
  }

  /** Read once per style: a document has a few dozen styles and thousands of paragraphs and runs. */
  private readonly paragraphs = new Map<string | undefined, ParagraphStyle>();
  private readonly characters = new Map<string, RunFormat>();

  paragraph(id: string | undefined): ParagraphStyle {
    let style = this.paragraphs.get(id);
    if (!style) this.paragraphs.set(id, (style = this.readParagraph(id)));
    return style;
  }

  private readParagraph(id: string | undefined): ParagraphStyle {
    const chain = this.chain(id);
    const result: ParagraphStyle = { id: chain[0]?.id };
    for (const style of chain) {
      if (!result.quote && (QUOTE_NAME.test(style.name.trim()) || QUOTE_NAME.test(style.id))) result.quote = true;
      if (result.heading === undefined) {
        const byName = HEADING_NAME.exec(style.name.trim()) ?? HEADING_NAME.exec(style.id);
        if (byName) result.heading = Number(byName[1]);
        else if (TITLE_NAME.test(style.name.trim())) result.heading = 0;
        else {
          const outline = valueOf(style.properties, 'w:outlineLvl');
          if (outline !== undefined && Number(outline) < 9) result.heading = Number(outline) + 1;
        }
      }
      if (result.numbering === undefined) {
        const numPr = element(style.properties, 'w:numPr');
        const numId = valueOf(numPr, 'w:numId');
        const ilvl = valueOf(numPr, 'w:ilvl');
        if (numId !== undefined) result.numbering = { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl) };
      }
    }
    return result;
  }

  /** Bold and italic from a character style chain (direct formatting wins over it). */
  character(id: string | undefined): RunFormat {
    if (!id) return {};
    let format = this.characters.get(id);
    if (!format) this.characters.set(id, (format = this.readCharacter(id)));
    return format;
  }

  private readCharacter(id: string): RunFormat {
    const format: RunFormat = {};
    for (const style of this.chain(id)) {
      if (/code|verbatim/iu.test(style.name) || /code|verbatim/iu.test(style.id)) format.code = true;
      format.bold ??= toggle(style.runProperties, 'w:b');
      format.italic ??= toggle(style.runProperties, 'w:i');
    }
    return format;
  }
}
