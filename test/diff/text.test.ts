/** Word tokens, references, similarity and word-level operations. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/diff/text/tokenize.js';
import { findReferences, maskReferences, referencesOf } from '../../src/diff/text/references.js';
import { containment, dice, featuresOf as featuresIn, Vocabulary } from '../../src/diff/text/similarity.js';
import { wordDiff } from '../../src/diff/compare/word-diff.js';
import { diffDrafts, formatDiff } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { diffSchemaValidator, redline } from './helpers.js';

const words = (text: string, locale?: string) => tokenize(text, locale).map((token) => token.text);
const diff = (a: string, b: string) => {
  const result = wordDiff(tokenize(a), tokenize(b));
  return { line: redline(result.ops), words: result.words, changed: result.changed };
};

describe('tokenize', () => {
  it('keeps the text whole: tokens concatenate back to it', () => {
    const text = 'The EESC — see point 3.2; l’économie sociale (SEEs) «bien»  5,000 € 1.1.\n\nNext.';
    expect(words(text).join('')).toBe(text);
  });

  it('makes each punctuation mark a token and keeps numbers, elisions and compounds whole', () => {
    expect(words('see point 3.2; l’économie, 5,000 €.')).toEqual(['see', ' ', 'point', ' ', '3.2', ';', ' ', 'l’économie', ',', ' ', '5,000', ' ', '€', '.']);
  });

  it('segments Greek, Cyrillic and accented Latin words', () => {
    expect(
      tokenize('Η ΕΟΚΕ θεωρεί, точка 1.3, Genossenschaften für Grüße', 'el')
        .filter((t) => t.word)
        .map((t) => t.text),
    ).toEqual(['Η', 'ΕΟΚΕ', 'θεωρεί', 'точка', '1.3', 'Genossenschaften', 'für', 'Grüße']);
  });

  it('compares all whitespace as equal', () => {
    const [a, b] = [tokenize('a \n\n b'), tokenize('a b')];
    expect(a.map((t) => t.key)).toEqual(b.map((t) => t.key));
  });
});

describe('references', () => {
  it('finds point, chapter and footnote references in the EU languages', () => {
    const numbers = (text: string) => findReferences(text).map((ref) => `${ref.space}:${ref.number}`);
    expect(numbers('as set out in point 1.3 and in points 2.1, 2.4 and 3.1.2')).toEqual(['point:1.3', 'point:2.1', 'point:2.4', 'point:3.1.2']);
    expect(numbers('see chapter 3 and footnote 4')).toEqual(['point:3', 'footnote:4']);
    expect(numbers('comme indiqué au point 1.3 ; wie unter Ziffer 2.4 ausgeführt; al punto 3.1; σημείο 1.2; точка 4.1')).toEqual([
      'point:1.3',
      'point:2.4',
      'point:3.1',
      'point:1.2',
      'point:4.1',
    ]);
  });

  it('leaves numbers alone that are not references to the opinion', () => {
    expect(findReferences('paragraph 2 of Article 3, 2.5 million people, Rule 29(2), 3.2% growth, point 3.25x')).toEqual([]);
  });

  it('takes the number of a marked reference and masks numbers for comparison', () => {
    const text = 'as explained in point 3.2 and (4)';
    const refs = referencesOf(text, [
      { target: 'c-drivers', start: 16, end: 25 },
      { target: 'fn-1', start: 30, end: 33 },
    ]);
    expect(refs.map((ref) => [ref.number, ref.space, ref.target])).toEqual([
      ['3.2', 'point', 'c-drivers'],
      ['4', 'footnote', 'fn-1'],
    ]);
    expect(maskReferences(text, refs)).toBe('as explained in point # and (#)');
  });
});

const vocabulary = new Vocabulary();
const featuresOf = (text: string) => featuresIn(text, vocabulary);

describe('similarity', () => {
  it('scores an edited text high and an unrelated one low', () => {
    const a = featuresOf('The EESC calls on the Commission to support cooperatives that employ migrants.');
    const edited = featuresOf('The EESC calls on the Commission to support cooperatives and social enterprises that employ migrants.');
    const unrelated = featuresOf('The EESC notes that the size of the projects is a problem for the smaller enterprises.');
    expect(dice(a, edited)).toBeGreaterThan(0.7);
    expect(dice(a, unrelated)).toBeLessThan(0.3);
    expect(containment(featuresOf('support cooperatives that employ migrants'), a)).toBe(1);
  });
});

describe('wordDiff', () => {
  it('marks replaced words', () => {
    expect(diff('The EESC considers that', 'The EESC believes that')).toEqual({
      line: 'The EESC [-considers-]{+believes+} that',
      words: { added: 1, deleted: 1 },
      changed: true,
    });
  });

  it('joins an insertion split around a space ("{+, which…,+}" not "{+,+} {+which…+}")', () => {
    expect(diff('Small SEEs find it difficult', 'Small SEEs, which are the closest to migrants, find it difficult').line).toBe(
      'Small SEEs{+, which are the closest to migrants,+} find it difficult',
    );
  });

  it('joins replacements separated only by a space', () => {
    expect(diff('with cooperatives in general, where social', 'with the wider cooperative movement, where social').line).toBe(
      'with [-cooperatives in general-]{+the wider cooperative movement+}, where social',
    );
  });

  it('sees punctuation as its own change', () => {
    expect(diff('migrants and refugees', 'migrants, and refugees')).toEqual({
      line: 'migrants{+,+} and refugees',
      words: { added: 0, deleted: 0 },
      changed: true,
    });
  });

  it('does not count a change of whitespace alone', () => {
    expect(diff('a  b\n c', 'a b c').changed).toBe(false);
  });
});

describe('word-level changes between aligned points', () => {
  const change = (old: string, neu: string) =>
    diffDrafts(parseMarkdownDraft(old, 'old.md').draft, parseMarkdownDraft(neu, 'new.md').draft).changes.map((c) =>
      `${c.kind} ${c.old.map((s) => s.number)}→${c.new.map((s) => s.number)} ${redline(c.ops)}`.trim(),
    );

  it('starts an insertion at a word, not at a space', () => {
    expect(
      change('## 1. X\n\n1.1 partnerships with local administrations.\n', '## 1. X\n\n1.1 partnerships with central and local administrations.\n'),
    ).toEqual(['modified 1.1→1.1 partnerships with {+central and +}local administrations.']);
  });

  it('sees a reference that now points elsewhere, even in otherwise equal text', () => {
    const old = '## 1. X\n\n1.1 For details, see point 1.3 of this opinion.\n\n1.2 Alpha beta gamma delta.\n\n1.3 Epsilon zeta eta theta.\n';
    const neu =
      '## 1. X\n\n1.1 For details, see point 1.3 of this opinion.\n\n1.2 A new point about something else entirely.\n\n1.3 Alpha beta gamma delta.\n\n1.4 Epsilon zeta eta theta.\n';
    expect(change(old, neu)).toEqual([
      'modified 1.1→1.1 For details, see point [-1.3-]{+1.3+} of this opinion.',
      'added →1.2 {+A new point about something else entirely.+}',
      'renumbered 1.2→1.3',
      'renumbered 1.3→1.4',
    ]);
  });

  it('says where the item a reference written as before named went, in every format', () => {
    const old =
      '## 1. X\n\n1.1 For details, see points 1.3 and 2.1.\n\n1.2 Alpha beta gamma delta.\n\n1.3 Epsilon zeta eta theta.\n\n## 2. Y\n\n2.1 Iota kappa lambda mu.\n';
    const neu =
      '## 1. X\n\n1.1 For details, see points 1.3 and 2.1.\n\n1.2 A new point about something else entirely.\n\n1.3 Alpha beta gamma delta.\n\n1.4 Epsilon zeta eta theta.\n\n## 2. Y\n\n2.1 Nu xi omicron pi rho sigma.\n';
    const result = diffDrafts(parseMarkdownDraft(old, 'old.md').draft, parseMarkdownDraft(neu, 'new.md').draft);
    const change = result.changes.find((c) => c.kind === 'modified' && c.old[0]?.number === '1.1');
    // 1.3 is now 1.4; 2.1 was replaced by another point (deleted, and a new one added).
    expect(change?.retargeted).toEqual([{ number: '1.3', now: '1.4' }, { number: '2.1' }]);
    expect(formatDiff(result, 'terminal')).toContain(
      '    (‘1.3’ is unchanged but now refers to another item: the one it referred to is now 1.4)\n    (‘2.1’ is unchanged but now refers to another item: the one it referred to was deleted)\n',
    );
    expect(formatDiff(result, 'markdown')).toContain(
      'see points {==1.3==}{>>‘1.3’ is unchanged but now refers to another item: the one it referred to is now 1.4<<} and {==2.1==}{>>‘2.1’ is unchanged',
    );
    const json = JSON.parse(formatDiff(result, 'json')) as { changes: { retargeted?: unknown }[] };
    const valid = diffSchemaValidator();
    expect(valid(json), JSON.stringify(valid.errors)).toBe(true);
    expect(json.changes.flatMap((c) => c.retargeted ?? [])).toEqual([{ number: '1.3', now: '1.4' }, { number: '2.1' }]);
    // As an amendment it would change nothing: the sheet leaves it out (the deleted 2.1 and the new one are there).
    const sheet = formatDiff(result, 'amendments');
    expect(sheet).not.toContain('**Point 1.1**');
    expect(sheet).toContain('**Point 2.1**');
    expect(formatDiff(result, 'html')).toContain(
      '<p class="ref-note">‘1.3’ is unchanged but now refers to another item: the one it referred to is now 1.4</p>',
    );
  });

  it('follows a reference to its renumbered target, in lists of points too', () => {
    const old = '## 1. X\n\n1.1 See points 1.2 and 1.3.\n\n1.2 Alpha beta gamma delta.\n\n1.3 Epsilon zeta eta theta.\n';
    const neu =
      '## 1. X\n\n1.1 See points 1.3 and 1.4.\n\n1.2 A new point about something else entirely.\n\n1.3 Alpha beta gamma delta.\n\n1.4 Epsilon zeta eta theta.\n';
    expect(change(old, neu)).toEqual(['added →1.2 {+A new point about something else entirely.+}', 'renumbered 1.2→1.3', 'renumbered 1.3→1.4']);
  });
});
