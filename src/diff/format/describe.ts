/** Shared wording of the formatters: how items and changes are named (English). */
import type { Change, Element, Retargeted, Side } from '../types.js';

const NOUNS: Record<Element, [string, string]> = {
  chapter: ['chapter', 'chapters'],
  heading: ['heading', 'headings'],
  point: ['point', 'points'],
  footnote: ['footnote', 'footnotes'],
};

/** How an item's number is written: a chapter's `2.`, a footnote's `(3)`, others as they are (none: ''). */
export function writtenNumber(element: Element, number: string): string {
  if (number === '') return '';
  return element === 'chapter' ? `${number}.` : element === 'footnote' ? `(${number})` : number;
}

/** "2.1", "2.1 and 2.2", "2.1, 2.2 and 2.3". */
export function listNumbers(numbers: readonly string[]): string {
  if (numbers.length <= 1) return numbers[0] ?? '';
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** What a reference written as before but naming another item now says: "‘1.13’ … is now 1.14". */
export function retargetedNote(ref: Retargeted): string {
  const went = ref.now === undefined ? 'was deleted' : ref.now === '' ? 'is now unnumbered' : `is now ${ref.now}`;
  return `‘${ref.number}’ is unchanged but now refers to another item: the one it referred to ${went}`;
}

/** "point 1.3", "chapter 2", "footnote 4", "chapter ‘Foreword’", "unnumbered point in ‘Foreword’". */
export function itemName(element: Element, side: Side | undefined): string {
  const number = side?.number ?? '';
  if (number) return `${NOUNS[element][0]} ${number}`;
  if (element === 'chapter') return `chapter ‘${side?.text ?? ''}’`;
  const chapter = side?.chapter?.title;
  return chapter ? `unnumbered ${NOUNS[element][0]} in ‘${chapter}’` : `unnumbered ${NOUNS[element][0]}`;
}

function itemsName(element: Element, sides: readonly Side[]): string {
  if (sides.length === 1) return itemName(element, sides[0]);
  return `${NOUNS[element][1]} ${listNumbers(sides.map((side) => side.number))}`;
}

const numbers = (sides: readonly Side[]): string => listNumbers(sides.map((side) => side.number || '–'));

/** One line saying what happened: "point 2.1 moved to 2.3.2 and edited". */
export function headline(change: Change): string {
  const { element } = change;
  const [oldSide] = change.old;
  const [newSide] = change.new;
  const edited = change.edited ? ' and edited' : '';
  switch (change.kind) {
    case 'added':
      return `${itemName(element, newSide)} added`;
    case 'deleted':
      return `${itemName(element, oldSide)} deleted`;
    case 'modified': {
      const how = change.typographic ? 'modified (typography only)' : 'modified';
      return oldSide?.number !== newSide?.number
        ? `${itemName(element, oldSide)} (now ${newSide?.number || 'unnumbered'}) ${how}`
        : `${itemName(element, newSide)} ${how}`;
    }
    case 'moved':
      return `${itemName(element, oldSide)} moved to ${newSide?.number || 'an unnumbered place'}${change.typographic ? ' (typography edited)' : edited}`;
    case 'renumbered':
      return `${itemName(element, oldSide)} renumbered ${newSide?.number ?? ''}`;
    case 'split':
      return `${itemName(element, oldSide)} split into ${numbers(change.new)}${edited}`;
    case 'merged':
      return `${itemsName(element, change.old)} merged into ${newSide?.number || 'one unnumbered point'}${edited}`;
  }
}

/** The chapter a change is shown under: its chapter in the new version, else in the old one. */
export function chapterOf(change: Change): { number?: string; title: string } | undefined {
  if (change.element === 'footnote') return undefined;
  if (change.element === 'chapter') {
    const side = (change.new[0] ?? change.old[0]) as Side;
    return side.number ? { number: side.number, title: side.text } : { title: side.text };
  }
  return (change.new[0] ?? change.old[0])?.chapter;
}

/** "2. General comments", "Foreword". */
export function chapterHeading(chapter: { number?: string; title: string } | undefined): string {
  if (!chapter) return 'Footnotes';
  return chapter.number ? `${chapter.number}. ${chapter.title}` : chapter.title || '(text before the first chapter)';
}

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  kind_line: 'Kind',
  stage: 'Stage',
  stage_purpose: 'Purpose',
  version: 'Version',
  reference: 'Reference',
  document: 'Document',
  closing: 'Closing',
  preamble: 'Preamble',
};

/** How a header field is named: its label as written, else a name for its key. */
export function fieldLabel(change: { label: string; field: string }): string {
  const label = change.label.replace(/:$/u, '').trim();
  if (label) return label;
  return FIELD_NAMES[change.field] ?? capitalise(change.field.replace(/_/g, ' '));
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
