/**
 * Making a parsed source tree safe and self-contained before it is placed in
 * a draft:
 *
 * - raw HTML (`<script>`, `<img onerror=…>`) is removed, with a warning at its
 *   place: sources are Markdown, and HTML from a source never reaches an
 *   output (comments are dropped silently);
 * - links and images whose URL has a scheme other than http, https or mailto
 *   (`javascript:`, `data:`, `vbscript:`, `file:`…) lose the URL and keep
 *   their text;
 * - images are never part of a draft: opening a draft (HTML, or the Markdown
 *   in any viewer) must not fetch an address — a remote image would tell a
 *   server who reads the draft and when, and could change after adoption. A
 *   remote image becomes a link to it (its text: the alt text), any other
 *   image its alt text, with a warning at its place;
 * - link references (`[text][label]`) become plain links, so that chapters
 *   can be joined without their definitions clashing;
 * - a table row's cells beyond the header's columns, which GFM readers drop
 *   (a `|` in code ends a cell too), are left out with a warning at their place.
 *
 * The HTML output is sanitized again on its own (`to-html.ts`).
 */
import type { Definition, Parents, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, type MessageOptions } from './messages.js';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme of a URL as a browser would read it (whitespace and controls ignored), or undefined. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? match[1]!.toLowerCase() : undefined;
}

export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/**
 * Clean `tree` in place; messages go to `file`, unless `quiet` (a chapter's,
 * which validation reported: `reportUnsafe`).
 */
export function makeSafe(tree: Parents, file: VFile, options: { keepHtml?: boolean; quiet?: boolean } = {}): void {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const tell: Tell = options.quiet ? () => {} : (reason, message) => report(file, reason, message);
  clean(tree, tell, definitions, options.keepHtml ?? false);
}

type Tell = (reason: string, options: MessageOptions) => void;

/** An HTML comment (`<!-- … -->`), which every reader leaves out without a word. */
export function isHtmlComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

/** Report what `makeSafe` would leave out or change in `tree`, leaving the tree as it is. */
export function reportUnsafe(tree: Parents, file: VFile): void {
  makeSafe(structuredClone(tree), file);
}

function collectDefinitions(node: Parents, definitions: Map<string, Definition>): void {
  for (const child of node.children) {
    if (child.type === 'definition') {
      if (!definitions.has(child.identifier)) definitions.set(child.identifier, child);
    } else if ('children' in child) collectDefinitions(child, definitions);
  }
}

function clean(parent: Parents, tell: Tell, definitions: Map<string, Definition>, keepHtml: boolean): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const replaced = keepHtml && child.type === 'html' ? [child] : cleanNode(child, tell, definitions);
    for (const node of replaced) {
      if ('children' in node) clean(node, tell, definitions, keepHtml);
      out.push(node);
    }
  }
  (parent as { children: RootContent[] }).children = out;
}

function cleanNode(node: RootContent, tell: Tell, definitions: Map<string, Definition>): RootContent[] {
  switch (node.type) {
    case 'definition':
      return [];
    case 'html': {
      const value = node.value.trim();
      if (isHtmlComment(value)) return [];
      const shown = value.length > 40 ? value.slice(0, 40) + '…' : value;
      tell(`Unexpected raw HTML \`${shown.replace(/\n/g, ' ')}\`, expected Markdown`, {
        ruleId: 'source/raw-html',
        severity: 'warning',
        place: node.position,
        note: 'HTML in a source is never copied to a draft: it is left out of every output',
      });
      return [];
    }
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.children;
      return cleanNode({ type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position }, tell, definitions);
    }
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      if (!definition) return node.alt ? [{ type: 'text', value: node.alt }] : [];
      return cleanNode({ type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position }, tell, definitions);
    }
    case 'link':
    case 'image': {
      if (node.type === 'image' && isSafeUrl(node.url)) {
        const scheme = urlScheme(node.url);
        const remote = scheme === 'http' || scheme === 'https';
        tell(
          remote
            ? `Unexpected remote image \`${node.url.slice(0, 60)}\`, expected no image in a draft`
            : `Unexpected image \`${node.url.slice(0, 60)}\`, expected no image in a draft`,
          {
            ruleId: 'source/image',
            severity: 'warning',
            place: node.position,
            note: remote
              ? 'A draft never fetches an address when opened: the image is rendered as a link to it'
              : 'A draft holds text only: the image is rendered as its alt text',
          },
        );
        const alt: PhrasingContent[] = node.alt ? [{ type: 'text', value: node.alt, position: node.position }] : [];
        if (remote)
          return [
            {
              type: 'link',
              url: node.url,
              title: node.title ?? null,
              children: alt.length ? alt : [{ type: 'text', value: node.url }],
              position: node.position,
            },
          ];
        return alt;
      }
      if (isSafeUrl(node.url)) return [node];
      tell(`Unexpected URL scheme \`${urlScheme(node.url)}:\`, expected \`https:\`, \`http:\` or \`mailto:\``, {
        ruleId: 'source/unsafe-url',
        severity: 'warning',
        place: node.position,
        note: 'The link is rendered as plain text',
        expected: ['https:', 'http:', 'mailto:'],
      });
      if (node.type === 'image') return node.alt ? [{ type: 'text', value: node.alt, position: node.position }] : [];
      return node.children as PhrasingContent[];
    }
    case 'table': {
      // GFM reads a `|` as a cell's end even inside code: a row with more cells than the header
      // loses the extra ones in every reader of the table, so they are left out here too, with a warning.
      const columns = node.children[0]?.children.length ?? 0;
      for (const row of node.children) {
        if (row.children.length <= columns) continue;
        const extra = row.children.slice(columns);
        const place = extra[0]?.position && extra.at(-1)?.position ? { start: extra[0].position.start, end: extra.at(-1)!.position!.end } : row.position;
        tell(
          `Unexpected ${row.children.length} cells in a row of a table of ${columns} columns, expected at most ${columns}: the last ${extra.length === 1 ? 'cell is' : `${extra.length} cells are`} left out of the draft`,
          {
            ruleId: 'source/table-cells',
            severity: 'warning',
            place,
            note: 'A `|` inside a cell, in code too, ends the cell: write it `\\|`, or add the column to the header',
          },
        );
        row.children = row.children.slice(0, columns);
      }
      return [node];
    }
    default:
      return [node];
  }
}
