/**
 * The typography of the draft's language in the author's prose, when the
 * opinion asks for it (`typography: language`): a straight apostrophe between
 * letters becomes the language's (`typography.apostrophe`, ’ in most), and a
 * pair of straight double quotes the language's quotation marks
 * (`typography.quote`: „…“ in German, «…» in French, ‘…’ in English), as
 * the labels write them, and the space before `; : ! ?` and `»` and after
 * `«` as `typography.punctuation-space` says (none in the Official Journal's
 * French), so that one draft is consistent. Code, links and
 * directives are left alone; text is only changed inside one text node, so a
 * quotation spanning emphasis stays as written.
 */
import type { Nodes, Text } from 'mdast';
import { spacePunctuation, type Labels } from '../labels/labels.js';
import type { Unit } from './units.js';

export function applyTypography(labels: Labels, units: Iterable<Unit>): void {
  const apostrophe = labels.text['typography.apostrophe'];
  const [open, close] = labels.text['typography.quote'].split('{text}') as [string, string];
  const fix = (node: Text) => {
    let value = node.value;
    if (apostrophe) value = value.replace(/(\p{L})'(?=\p{L})/gu, `$1${apostrophe}`);
    value = value.replace(/"([^"\n]+)"/g, (_, inner: string) => `${open}${inner}${close}`);
    node.value = spacePunctuation(value, labels.text['typography.punctuation-space']);
  };
  const walk = (node: Nodes) => {
    if (node.type === 'text') fix(node);
    else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') for (const child of node.children) walk(child as Nodes);
  };
  for (const unit of units) for (const node of unit.nodes) walk(node);
}
