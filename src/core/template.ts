/**
 * Templates: Markdown files whose slots are directives, checked here and
 * filled by `fill-template.ts`.
 *
 * Block slots stand alone on a line (`::header`):
 *   ::stage       the stage banner of a non-final version ("PRELIMINARY DRAFT…")
 *   ::reference   the reference and document number ("INT/871")
 *   ::title       the title line and the kind, as in the Official Journal
 *   ::header      the header table (rapporteur, dates, vote…)
 *   ::chapters    the chapters; `{recommendations=addressee}` groups every
 *                 `::recommendations` by addressee unless it says otherwise
 *   ::signature   "Brussels, <date>" and the President's signature
 *   ::appendix    the rejected amendments, when there are any
 *   ::notes       the rapporteur's notes/ files, only with `--notes`
 * Inline slots go anywhere in text: `:label{key=closing.president}` (a label
 * of the language being built) and `:field{name=reference}` (a value).
 *
 * Anything else in a template is copied as it is. An unknown slot, attribute,
 * label or field, or a directive that does not parse, is an error at the
 * template's file:line:column.
 */
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { parseMarkdown } from './markdown.js';
import { didYouMeanNearest, report, suggest } from './messages.js';
import { isHtmlComment, makeSafe } from './source-safety.js';

/** How `::recommendations` are grouped: not at all, or under one sub-heading per addressee. */
export type RecommendationGrouping = 'none' | 'addressee';
export const GROUPINGS: readonly RecommendationGrouping[] = ['none', 'addressee'];

export const BLOCK_SLOTS: Record<string, readonly string[]> = {
  stage: [],
  reference: [],
  title: [],
  header: [],
  chapters: ['recommendations'],
  signature: [],
  appendix: [],
  notes: [],
};

export const FIELDS = [
  'reference',
  'document',
  'title',
  'title-line',
  'kind',
  'stage',
  'version',
  'version-date',
  'lang',
  'language',
  'section',
  'rapporteurs',
  'closing-date',
  'closing-place',
  'president',
] as const;
export type Field = (typeof FIELDS)[number];

export interface Template {
  file: VFile;
  tree: Root;
  /** Default grouping of `::recommendations` (from `::chapters{recommendations=…}`). */
  recommendations: RecommendationGrouping;
  /** Whether it has errors (then it is not used). */
  broken: boolean;
}

/**
 * Parse and check a template (`slot` set: a fragment replacing that slot,
 * from an opinion's `slots/<slot>.md`). `labelKeys`: the keys a `:label` may
 * name (`LABEL_KEYS` of `labels/`, given by the caller: core imports nothing
 * above it).
 */
export function parseTemplate(file: VFile, labelKeys: readonly string[], slot?: string): Template {
  const tree = parseMarkdown(String(file.value ?? ''));
  const errorsBefore = file.messages.filter((m) => m.fatal).length;
  const template: Template = { file, tree, recommendations: 'none', broken: false };
  const seen = new Map<string, number>();
  tree.children = tree.children.filter((node) => keepComment(node));
  // Links and images of a template are cleaned like those of a source (`javascript:` never reaches a draft).
  makeSafe(tree, file, { keepHtml: true });

  for (const node of tree.children) {
    if (node.type === 'leafDirective') {
      checkBlockSlot(node, file, template);
      seen.set(node.name, (seen.get(node.name) ?? 0) + 1);
    }
  }
  checkNodes(tree.children, file, true, labelKeys);

  if (!slot && !seen.has('chapters')) {
    report(file, 'Missing `::chapters` slot, expected the chapters somewhere in the template', {
      ruleId: 'template/missing-slot',
      severity: 'warning',
      place: { line: 1, column: 1 },
    });
  }
  if ((seen.get('chapters') ?? 0) > 1) {
    const second = tree.children.filter((n) => n.type === 'leafDirective' && n.name === 'chapters')[1];
    report(file, 'Unexpected second `::chapters` slot, expected the chapters once', { ruleId: 'template/duplicate-slot', place: second?.position });
  }
  template.broken = file.messages.filter((m) => m.fatal).length > errorsBefore;
  return template;
}

function checkBlockSlot(node: RootContent & { type: 'leafDirective' }, file: VFile, template: Template): void {
  const allowed = BLOCK_SLOTS[node.name];
  if (!allowed) {
    const near = suggest(node.name, Object.keys(BLOCK_SLOTS));
    report(file, `Unexpected slot \`::${node.name}\`${near.length ? `, did you mean \`::${near[0]}\`?` : ''}`, {
      ruleId: 'template/unknown-slot',
      place: node.position,
      expected: Object.keys(BLOCK_SLOTS).map((s) => `::${s}`),
    });
    return;
  }
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (!allowed.includes(name)) {
      report(file, `Unexpected attribute \`${name}\` on \`::${node.name}\`, expected ${allowed.length ? allowed.map((a) => `\`${a}\``).join(', ') : 'none'}`, {
        ruleId: 'template/attribute',
        place: node.position,
        expected: [...allowed],
      });
    } else if (name === 'recommendations') {
      if ((GROUPINGS as readonly string[]).includes(String(value))) template.recommendations = value as RecommendationGrouping;
      else {
        report(file, `Unexpected \`recommendations=${value}\`, expected ${GROUPINGS.map((g) => `\`${g}\``).join(' or ')}`, {
          ruleId: 'template/attribute',
          place: node.position,
          expected: [...GROUPINGS],
        });
      }
    }
  }
  if (node.children.length > 0) {
    report(file, `Unexpected label on \`::${node.name}\`, expected the slot alone (\`::${node.name}\`)`, {
      ruleId: 'template/attribute',
      severity: 'warning',
      place: node.position,
    });
  }
}

function checkNodes(nodes: readonly Nodes[], file: VFile, topLevel: boolean, labelKeys: readonly string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'leafDirective':
        if (!topLevel) {
          report(file, `Unexpected slot \`::${node.name}\` inside another block, expected it on its own line at the top level`, {
            ruleId: 'template/misplaced-slot',
            place: node.position,
          });
        }
        break;
      case 'containerDirective':
        report(file, `Unexpected container \`:::${node.name}\`, expected a block slot such as \`::header\``, {
          ruleId: 'template/unknown-slot',
          place: node.position,
          expected: Object.keys(BLOCK_SLOTS).map((s) => `::${s}`),
        });
        break;
      case 'textDirective':
        checkInlineSlot(node, file, labelKeys);
        break;
      case 'html':
        if (!isHtmlComment(node.value)) {
          report(file, 'Unexpected raw HTML in a template, expected Markdown', { ruleId: 'template/raw-html', place: node.position });
        }
        break;
      case 'paragraph':
        checkBrokenDirective(node, file);
        break;
    }
    if ('children' in node && node.type !== 'textDirective') checkNodes(node.children as Nodes[], file, false, labelKeys);
  }
}

function checkInlineSlot(node: Nodes & { type: 'textDirective' }, file: VFile, labelKeys: readonly string[]): void {
  // `:label{key=…}` names a label, `:field{name=…}` a field of opinion.yaml.
  const slot =
    node.name === 'label'
      ? { attribute: 'key', known: labelKeys, example: 'key=closing.president', ruleId: 'template/unknown-label' }
      : node.name === 'field'
        ? { attribute: 'name', known: FIELDS as readonly string[], example: 'name=reference', ruleId: 'template/unknown-field' }
        : undefined;
  if (!slot) {
    report(file, `Unexpected inline slot \`:${node.name}\`, expected \`:label{key=…}\` or \`:field{name=…}\``, {
      ruleId: 'template/unknown-slot',
      place: node.position,
      note: 'Write `\\:` for a colon that starts a word',
    });
    return;
  }
  const value = node.attributes?.[slot.attribute];
  if (typeof value === 'string' && slot.known.includes(value)) return;
  const near = typeof value === 'string' ? suggest(value, slot.known) : [];
  report(
    file,
    typeof value === 'string'
      ? `Unexpected ${node.name} \`${value}\`${didYouMeanNearest(near)}`
      : `Missing \`${slot.attribute}\` in \`:${node.name}\`, expected \`:${node.name}{${slot.example}}\``,
    // A field with no near name expects any of the fields (labels are too many to list).
    { ruleId: slot.ruleId, place: node.position, expected: near.length || node.name === 'label' ? near : [...FIELDS] },
  );
}

/** `::header{` or `::header x` parse as text: say so rather than print them. */
function checkBrokenDirective(paragraph: Paragraph, file: VFile): void {
  const first = paragraph.children[0];
  if (!first || first.type !== 'text') return;
  const match = /^(:{2,})([a-z][\w-]*)(.*)$/m.exec(first.value);
  if (!match || match.index !== 0) return;
  // Written `\::name` on purpose: literal text.
  const offset = first.position?.start.offset;
  if (offset !== undefined && String(file.value ?? '')[offset] === '\\') return;
  report(file, `Unexpected text \`${match[0].slice(0, 40)}\`, expected a directive such as \`::${match[2]}\` or \`::${match[2]}{name=value}\``, {
    ruleId: 'template/syntax',
    place: first.position,
    note: 'A block slot stands alone on its line; attributes go in braces: `::chapters{recommendations=addressee}`',
  });
}

function keepComment(node: RootContent): boolean {
  return !(node.type === 'html' && isHtmlComment(node.value));
}
