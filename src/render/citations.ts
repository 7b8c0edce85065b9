/**
 * What a citation footnote says: the source of a cited evidence item (or of
 * one of its facts, falling back to the item's source): author or
 * publisher, title, publisher, date, URL, "accessed" date.
 * Publication titles and publishers are cited as written, in every language.
 */
import type { PhrasingContent } from 'mdast';
import type { Evidence, Fact, Source } from '../core/model.js';
import type { RenderContext } from './context.js';
import { formatLongDate } from './dates.js';
import { fillPhrasing } from '../labels/labels.js';
import { isSafeUrl } from '../core/source-safety.js';
import { joinPhrasing, parsePhrasing, pick } from './source-text.js';

export function citationContent(ctx: RenderContext, evidence: Evidence, evidenceIndex: number, fact?: { fact: Fact; index: number }): PhrasingContent[] {
  const own = fact?.fact.source;
  const source = own ?? evidence.source;
  const pointer = own ? `/evidence/${evidenceIndex}/facts/${fact!.index}/source` : `/evidence/${evidenceIndex}/source`;
  if (!source || typeof source !== 'object') {
    const picked = pick(ctx, evidence.title, {
      kind: 'evidence',
      pointer: `/evidence/${evidenceIndex}/title`,
      what: `\`title\` of evidence \`${evidence.id}\``,
    });
    return picked ? [...parsePhrasing(picked, '`title`'), { type: 'text', value: '.' }] : [];
  }
  return formatSource(ctx, source, pointer);
}

function formatSource(ctx: RenderContext, source: Source, pointer: string): PhrasingContent[] {
  const parts: PhrasingContent[][] = [];
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
  const lead = source.author ?? source.publisher;
  if (lead) parts.push(text(lead));
  const title = pick(ctx, source.title, { kind: 'evidence', pointer: `${pointer}/title`, what: 'a source `title`' }, { neutral: true });
  if (title) parts.push(parsePhrasing(title, 'a source `title`'));
  if (source.author && source.publisher) parts.push(text(source.publisher));
  if (source.date) parts.push(text(formatLongDate(source.date, ctx.labels)));
  if (source.url && isSafeUrl(source.url)) parts.push([{ type: 'link', url: source.url, children: [{ type: 'text', value: source.url }] }]);
  const out = joinPhrasing(parts, ', ');
  if (source.accessed) {
    out.push({ type: 'text', value: ' (' }, ...fillPhrasing(ctx.labels, 'citation.accessed', { date: formatLongDate(source.accessed, ctx.labels) }), {
      type: 'text',
      value: ')',
    });
  }
  const last = out[out.length - 1];
  if (!(last && last.type === 'text' && /[.!?]$/.test(last.value))) out.push({ type: 'text', value: '.' });
  return mergeText(out);
}

/** Adjacent plain text nodes as one; a text with data of its own (a gap's `span.gap`) stays apart. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && !node.data && previous?.type === 'text' && !previous.data) previous.value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}
