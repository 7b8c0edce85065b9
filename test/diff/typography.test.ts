/**
 * Typographic-only changes (’ for ', – for -, … for ..., kinds of space):
 * flagged `typographic`, left out of the amendment sheet unless asked for,
 * and no change at all with `ignoreTypography` — in the change list and in
 * the Word redline alike.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers.js';
import { diffDrafts, formatAmendments, formatTerminal, type DiffOptions } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { amendedChanges } from '../../src/diff/format/amendments.js';
import { typographicKey, typographicOnly } from '../../src/diff/text/typography.js';
import { redlineDocx } from '../../src/diff/format/word/index.js';
import { loadFormatter, loadWordFormatter } from '../../src/diff/format/formats.js';

/** A fixture pair read and compared, with its drafts (for the Word redline). */
function diffFixture(name: string, options: DiffOptions = {}) {
  const old = parseMarkdownDraft(readFileSync(join(FIXTURES, name, 'old.md'), 'utf8'), 'old.md').draft;
  const neu = parseMarkdownDraft(readFileSync(join(FIXTURES, name, 'new.md'), 'utf8'), 'new.md').draft;
  return { result: diffDrafts(old, neu, options), old, neu };
}

describe('typographic-only changes', () => {
  it('knows typography from wording', () => {
    expect(typographicOnly("migrants' inclusion", 'migrants’ inclusion')).toBe(true);
    expect(typographicOnly('long history - which', 'long history – which')).toBe(true);
    expect(typographicOnly('into work...', 'into work…')).toBe(true);
    expect(typographicOnly('the "Camelot" cooperative', 'the « Camelot » cooperative')).toBe(true);
    expect(typographicOnly('40 people', '40\u00a0people')).toBe(true);
    expect(typographicOnly('the same', 'the same')).toBe(false);
    expect(typographicOnly('cooperatives', 'enterprises')).toBe(false);
    expect(typographicKey('a – b')).toBe('a - b');
  });

  it('sees no change in invisible characters (soft hyphens, zero-width spaces, word joiners), as the Word reader drops them', () => {
    const text = (point: string) => `## 1. Conclusions\n\n1.1 ${point}\n\n1.2 The Committee notes the cooperatives of 20 regions.\n`;
    const old = parseMarkdownDraft(text('The EESC considers that cooperatives help migrants.'), 'old.md').draft;
    // A draft converted from Word by pandoc keeps Word's optional hyphens as U+00AD; pasted text brings U+200B and U+2060.
    const neu = parseMarkdownDraft(text('The EESC con\u00adsiders that co\u00adop\u00aderatives\u200b help mi\u2060grants.'), 'new.md').draft;
    expect(diffDrafts(old, neu).changes).toEqual([]);
    // A real edit next to them is still one word.
    const edited = parseMarkdownDraft(text('The EESC con\u00adsiders that co\u00adop\u00aderatives support migrants.'), 'new.md').draft;
    const [change] = diffDrafts(old, edited).changes;
    expect(change?.words).toEqual({ added: 1, deleted: 1 });
  });

  it('flags them, and counts them in the summary line', () => {
    const { result } = diffFixture('typography');
    expect(result.changes.map((change) => [change.kind, change.new[0]?.number, change.typographic ?? false])).toEqual([
      ['modified', '1.1', true],
      ['modified', '1.2', true],
      ['modified', '1.3', true],
      ['modified', '1.4', false],
    ]);
    expect(formatTerminal(result, { color: false })).toContain('point 1.1 modified (typography only)');
    expect(formatTerminal(result, { color: false })).toContain('Summary: 4 modified; 3 typography only; words +3 −1');
  });

  it('leaves them out of the amendment sheet by default', () => {
    const { result } = diffFixture('typography');
    expect(amendedChanges(result).map((change) => change.new[0]?.number)).toEqual(['1.4']);
    expect(amendedChanges(result, { typography: true })).toHaveLength(4);
    expect(formatAmendments(result).match(/^## AM \d/gmu)).toHaveLength(1);
    expect(formatAmendments(result, { typography: true }).match(/^## AM \d/gmu)).toHaveLength(4);
  });

  it('lists them in both amendment sheets, Markdown and Word, when asked for (--amend-typography through the format registry)', async () => {
    const { result, old, neu } = diffFixture('typography');
    const sheet = await loadFormatter('amendments');
    expect(sheet(result, {}).match(/^## AM \d/gmu)).toHaveLength(1);
    expect(sheet(result, { typography: true }).match(/^## AM \d/gmu)).toHaveLength(4);
    const word = await loadWordFormatter('amendments');
    const amendments = async (typography: boolean) => {
      const xml = strFromU8(unzipSync(await word(result, { old, new: neu }, typography ? { typography } : {}))['word/document.xml'] as Uint8Array);
      return xml.replace(/<[^>]+>/gu, '').match(/Amend as follows/gu) ?? [];
    };
    expect(await amendments(false)).toHaveLength(1);
    expect(await amendments(true)).toHaveLength(4);
  });

  it('hides them with ignoreTypography, in the change list and in the Word redline', async () => {
    const { result, old, neu } = diffFixture('typography', { ignoreTypography: true });
    expect(result.changes.map((change) => [change.kind, change.new[0]?.number])).toEqual([['modified', '1.4']]);
    const xml = strFromU8(unzipSync(await redlineDocx(result, { old, new: neu }))['word/document.xml'] as Uint8Array);
    const revised = xml.split('<w:p>').filter((paragraph) => /<w:(?:ins|del) /u.test(paragraph));
    expect(revised).toHaveLength(1);
    expect(revised[0]).toContain('with dedicated funding');
    expect(xml).toContain('migrants’ inclusion');
  });
});
