/**
 * The HTML of the hast a build makes, written directly: the string
 * hast-util-to-html gives with its default options and, for a block of the
 * body, the one it gives after rehype-sanitize with the build's schema, or
 * `undefined` when the tree holds anything else (then `to-html.ts` runs those
 * libraries, which stay the reference).
 *
 * Why: a build's page is a few kinds of elements with a few properties, yet
 * loading hast-util-to-html builds property-information's tables of every
 * HTML, SVG and ARIA attribute, and sanitizing then writing each block walked
 * and copied the tree twice more, all of it cold in V8's interpreter: about
 * 9 ms of a 200-point `build --to html` (Node 24), a tenth of its run.
 *
 * Taken only where the libraries' result is known without running them:
 * - sanitizing keeps every node as it is: an element the schema allows (its
 *   ancestors too, none with required properties), every property allowed
 *   for that element or all elements without a list of values, of a type
 *   the schema keeps, with a safe protocol, not clobbered; only elements and
 *   text (sanitizing drops comments and doctypes);
 * - writing: the properties of `ATTRIBUTES` only (their attribute names and
 *   kinds as property-information gives them: none boolean, none
 *   comma-separated), no `svg` nor `template` (another schema, another
 *   content), references in the hexadecimal form stringify-entities writes.
 * `test/build/html-fast.test.ts` holds this to the libraries on every block
 * and page of every fixture's build and on generated trees.
 */
import type { Properties, Root, RootContent } from 'hast';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Property name → attribute name, for the properties written here (property-information: none boolean, arrays space-separated). */
export const ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['className', 'class'],
  ['id', 'id'],
  ['href', 'href'],
  ['title', 'title'],
  ['lang', 'lang'],
  ['ariaLabel', 'aria-label'],
  ['ariaDescribedBy', 'aria-describedby'],
  ['dataFootnoteRef', 'data-footnote-ref'],
  ['dataFootnoteBackref', 'data-footnote-backref'],
  ['dataFootnotes', 'data-footnotes'],
  ['align', 'align'],
  ['start', 'start'],
  ['name', 'name'],
  ['content', 'content'],
  ['httpEquiv', 'http-equiv'],
  ['charSet', 'charset'],
]);

/** hast-util-to-html's void elements (html-void-elements) among those it can meet here; others are written with a closing tag. */
const VOIDS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** What stringify-entities escapes in text (`<`, `&`) and in a double-quoted attribute value (NUL, `"`, `&`, `'`, backtick). */
const TEXT_ESCAPES = /[<&]/g;
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
/** A comment hast-util-to-html would change (`-->` inside, `>` first…). */
const UNSAFE_COMMENT = /^>|^->|<!--|-->|--!>|<!-$/;

const reference = (character: string) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;

/**
 * `hastToHtml(node)`, or with `schema`, `hastToHtml(sanitize({ type: 'root', children: [node] }, schema))`;
 * undefined when that is not known without running them.
 */
export function fastHtml(node: Root | RootContent, schema?: SanitizeSchema): string | undefined {
  const out: string[] = [];
  return write(node, undefined, [], schema, out) ? out.join('') : undefined;
}

function write(node: Root | RootContent, parent: string | undefined, stack: string[], schema: SanitizeSchema | undefined, out: string[]): boolean {
  switch (node.type) {
    case 'text':
      if (typeof node.value !== 'string') return false;
      out.push(parent === 'style' || parent === 'script' ? node.value : node.value.replace(TEXT_ESCAPES, reference));
      return true;
    case 'root':
      for (const child of node.children) if (!write(child, undefined, stack, schema, out)) return false;
      return true;
    case 'comment':
      if (schema || typeof node.value !== 'string' || UNSAFE_COMMENT.test(node.value)) return false;
      out.push(`<!--${node.value}-->`);
      return true;
    case 'doctype':
      if (schema) return false;
      out.push('<!doctype html>');
      return true;
    case 'element': {
      const name = node.tagName;
      if (typeof name !== 'string' || name === '' || name === 'svg' || name === 'template') return false;
      const properties = node.properties ?? {};
      if (schema && !kept(schema, name, properties, stack)) return false;
      const attributes = attributesOf(properties);
      if (attributes === undefined) return false;
      out.push(attributes === '' ? `<${name}>` : `<${name} ${attributes}>`);
      const before = out.length;
      stack.push(name);
      for (const child of node.children) if (!write(child, name, stack, schema, out)) return false;
      stack.pop();
      // A void element is written without its closing tag unless it has content.
      if (!VOIDS.has(name.toLowerCase()) || out.slice(before).some((part) => part !== '')) out.push(`</${name}>`);
      return true;
    }
    default:
      return false;
  }
}

/** The attributes as hast-util-to-html writes them (double quotes, in property order), or undefined for a property not in `ATTRIBUTES`. */
function attributesOf(properties: Properties): string | undefined {
  let written = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const name = ATTRIBUTES.get(key);
    if (name === undefined) return undefined;
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    const attribute =
      value === true ? name : `${name}="${(Array.isArray(value) ? value.join(' ').trim() : String(value)).replace(ATTRIBUTE_ESCAPES, reference)}"`;
    written = written === '' ? attribute : `${written} ${attribute}`;
  }
  return written;
}

/** Whether hast-util-sanitize keeps this element and its properties exactly as they are (`stack`: the tag names of its ancestors in the block). */
function kept(schema: SanitizeSchema, name: string, properties: Properties, stack: readonly string[]): boolean {
  const rules = rulesOf(schema);
  if (name === '*' || (rules.tags && !rules.tags.has(name))) return false;
  const ancestors = schema.ancestors && Object.hasOwn(schema.ancestors, name) ? schema.ancestors[name] : undefined;
  if (ancestors && !ancestors.some((ancestor) => stack.includes(ancestor))) return false;
  if (schema.required && Object.hasOwn(schema.required, name)) return false;
  let allowed = rules.properties.get(name);
  if (!allowed) rules.properties.set(name, (allowed = new Map()));
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) return false;
    const value = properties[key];
    if (value === null || value === undefined) continue;
    if (!allowedByName(schema, allowed, name, key)) return false;
    if (Array.isArray(value)) {
      for (const item of value) if ((typeof item !== 'string' && typeof item !== 'number') || !safeProtocol(schema, key, String(item))) return false;
    } else if ((typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') || !safeProtocol(schema, key, String(value)))
      return false;
  }
  return true;
}

/** Per schema (the build's is one constant object): its tag names as a set, and per tag which properties it allows by name alone. */
const RULES = new WeakMap<SanitizeSchema, { tags: Set<string> | undefined; properties: Map<string, Map<string, boolean>> }>();

function rulesOf(schema: SanitizeSchema) {
  let rules = RULES.get(schema);
  if (!rules) RULES.set(schema, (rules = { tags: schema.tagNames ? new Set(schema.tagNames) : undefined, properties: new Map() }));
  return rules;
}

/**
 * Whether `key` on `name` is allowed by name alone and never clobbered: an entry with a list of values could
 * drop or keep the value, and is left to the library.
 */
function allowedByName(schema: SanitizeSchema, allowed: Map<string, boolean>, name: string, key: string): boolean {
  let ok = allowed.get(key);
  if (ok === undefined) {
    const attributes = schema.attributes;
    const specific = attributes && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    const defaults = attributes && Object.hasOwn(attributes, '*') ? attributes['*'] : undefined;
    ok =
      typeof (definitionOf(specific, key) ?? definitionOf(defaults, key)) === 'string' &&
      !(schema.clobber && schema.clobberPrefix && schema.clobber.includes(key));
    allowed.set(key, ok);
  }
  return ok;
}

/** hast-util-sanitize's lookup of a property in a list of attribute definitions (`data*` standing for every `data` property). */
function definitionOf(list: NonNullable<SanitizeSchema['attributes']>[string] | undefined, key: string): unknown {
  let dataDefault: unknown;
  for (const entry of list ?? []) {
    const name = typeof entry === 'string' ? entry : entry[0];
    if (name === key) return entry;
    if (name === 'data*') dataDefault = entry;
  }
  return key.length > 4 && key.slice(0, 4).toLowerCase() === 'data' ? dataDefault : undefined;
}

/** hast-util-sanitize's protocol check: a URL without a scheme is safe, one with a scheme only if the schema lists it for `key`. */
function safeProtocol(schema: SanitizeSchema, key: string, url: string): boolean {
  const protocols = schema.protocols && Object.hasOwn(schema.protocols, key) ? schema.protocols[key] : undefined;
  if (!protocols || protocols.length === 0) return true;
  const colon = url.indexOf(':');
  const questionMark = url.indexOf('?');
  const numberSign = url.indexOf('#');
  const slash = url.indexOf('/');
  if (colon < 0 || (slash > -1 && colon > slash) || (questionMark > -1 && colon > questionMark) || (numberSign > -1 && colon > numberSign)) return true;
  return protocols.some((protocol) => colon === protocol.length && url.slice(0, protocol.length) === protocol);
}
