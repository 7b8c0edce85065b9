/**
 * The amendment sheet's Markdown has no character references inside words
 * (`societ&#x79;**`): a change that starts or ends with punctuation against a
 * word takes in that word. And the project's own Word redline reads back
 * without warnings about its notes on moved points.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDrafts, formatAmendments } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { draftFromDocx } from '../../src/drafts/word-file.js';
import { redlineDocx } from '../../src/diff/format/word/index.js';
import { FIXTURES, fixtureCases } from './helpers.js';

const read = (text: string, name: string) => parseMarkdownDraft(text, name).draft;
const CHARACTER_REFERENCE = /&#x?[0-9a-f]+;/iu;

describe('amendment sheet Markdown', () => {
  it('marks whole words where a change starts or ends with punctuation against a word', () => {
    const old = read('## 1. Conclusions\n\n1.1 The EESC supports civil society organisations.\n\n1.2 The funds (ESF+) help.\n', 'old.md');
    const neu = read(
      '## 1. Conclusions\n\n1.1 The EESC supports civil society, trade unions and organisations.\n\n1.2 The funds (ESF+, ERDF) help.\n',
      'new.md',
    );
    const sheet = formatAmendments(diffDrafts(old, neu));
    expect(sheet).not.toMatch(CHARACTER_REFERENCE);
    expect(sheet).toContain('The EESC supports civil ~~society~~**society, trade unions and** organisations.');
    expect(sheet).toContain('The funds (ESF+**, ERDF**) help.');
  });

  for (const name of fixtureCases()) {
    it(`has no character reference in the amendments of fixture ${name}`, () => {
      const old = read(readFileSync(join(FIXTURES, name, 'old.md'), 'utf8'), 'old.md');
      const neu = read(readFileSync(join(FIXTURES, name, 'new.md'), 'utf8'), 'new.md');
      const sourceHasOne = CHARACTER_REFERENCE.test(readFileSync(join(FIXTURES, name, 'new.md'), 'utf8'));
      if (!sourceHasOne) expect(formatAmendments(diffDrafts(old, neu, {}), { typography: true })).not.toMatch(CHARACTER_REFERENCE);
    });
  }
});

describe('amendment sheet of a copy with an empty numbered paragraph', () => {
  it('has no amendment for a point without text (Enter pressed twice in Word), only for the new point typed', () => {
    const old = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The first point.\n\n1.2 The second point.\n', 'old.md').draft;
    const neu = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The first point.\n\n1.2 A new point typed.\n\n1.3\n\n1.4 The second point.\n', 'new.md').draft;
    const result = diffDrafts(old, neu);
    // The diff itself says what the copy holds: two points added.
    expect(result.changes.filter((change) => change.kind === 'added').map((change) => change.new[0]?.number)).toEqual(['1.2', '1.3']);
    const sheet = formatAmendments(result);
    expect(sheet.match(/^## AM \d/gmu)).toHaveLength(1);
    expect(sheet).toContain('A new point typed.');
    // And the other way round: deleting an empty paragraph is no amendment either.
    expect(formatAmendments(diffDrafts(neu, old)).match(/^## AM \d/gmu)).toHaveLength(1);
  });
});

describe('reading back the Word redline', () => {
  for (const name of ['moved', 'moved-and-edited', 'chapter-reordered']) {
    it(`reads the redline of ${name} as the new version, without a warning about its move notes`, async () => {
      const old = read(readFileSync(join(FIXTURES, name, 'old.md'), 'utf8'), 'old.md');
      const neu = read(readFileSync(join(FIXTURES, name, 'new.md'), 'utf8'), 'new.md');
      const bytes = await redlineDocx(diffDrafts(old, neu), { old, new: neu });
      const back = await draftFromDocx(bytes, 'redline.docx');
      // Only what says that its tracked changes were read as accepted.
      const messages = back.files.flatMap((file) => file.messages);
      expect(messages.filter((m) => m.ruleId !== 'word/tracked-changes').map(String)).toEqual([]);
      expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['word/tracked-changes', undefined]]);
      expect(diffDrafts(neu, back.draft).changes).toEqual([]);
    });
  }
});
