/**
 * Footnote calls are part of a point's text: a call added, removed or moved
 * to another word is a change in every format, compared by the footnote it
 * calls (a call whose footnote was only renumbered is no change).
 */
import { describe, expect, it } from 'vitest';
import { diffDrafts, diffToJson, formatDiff, type DiffResult } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { runMain } from '../helpers.js';
import { FIXTURES, diffFixture, diffSchemaValidator } from './helpers.js';

const HEAD = '## 1. Conclusions and recommendations\n\n';
const NOTES = '\n\n[^sprar]: SPRAR: a protection system.\n[^camelot]: Cooperatives Europe, 2017.\n';

function diff(old: string, neu: string): DiffResult {
  const a = parseMarkdownDraft(HEAD + old + NOTES, 'old.md').draft;
  const b = parseMarkdownDraft(HEAD + neu + NOTES, 'new.md').draft;
  return diffDrafts(a, b);
}

const CALLED =
  '1.1 The EESC considers that social economy enterprises are drivers of inclusion.[^sprar]\n\n1.2 The Camelot cooperative was founded in 1999.[^camelot]';
const MOVED =
  '1.1 The EESC considers that social economy enterprises[^sprar] are drivers of inclusion.\n\n1.2 The Camelot cooperative was founded in 1999.[^camelot]';

describe('footnote calls', () => {
  it('finds a call moved to another word of its point: modified, the call deleted and inserted', () => {
    const result = diff(CALLED, MOVED);
    expect(result.identical).toBe(false);
    expect(result.changes.map((change) => [change.kind, change.new[0]?.number])).toEqual([['modified', '1.1']]);
    const [change] = result.changes;
    // The words are the same: the operations keep them all; the calls are listed apart.
    expect(change?.ops).toEqual([{ op: 'equal', text: 'The EESC considers that social economy enterprises are drivers of inclusion.' }]);
    expect(diffToJson(result)).toMatchObject({
      changes: [
        {
          kind: 'modified',
          calls: [
            { op: 'insert', number: '1', offset: 50 },
            { op: 'delete', number: '1', offset: 76 },
          ],
        },
      ],
    });
    expect(formatDiff(result, 'terminal')).toContain('social economy enterprises{+⁽¹⁾+} are drivers of inclusion.[-⁽¹⁾-]');
    expect(formatDiff(result, 'markdown')).toContain('social economy enterprises{++⁽¹⁾++} are drivers of inclusion.{--⁽¹⁾--}');
    const html = formatDiff(result, 'html');
    expect(html).toContain('enterprises<ins><sup class="call">1</sup></ins> are drivers of inclusion.<del><sup class="call">1</sup></del>');
    // Side by side: the old column has the call at its old place, the new one at its new place.
    expect(html).toContain('are drivers of inclusion.<del><sup class="call">1</sup></del></p></td>');
    const sheet = formatDiff(result, 'amendments');
    expect(sheet).toContain('| The EESC considers that social economy enterprises are drivers of inclusion.⁽¹⁾ |');
    expect(sheet).toContain('~~enterprises~~**enterprises⁽¹⁾** are drivers of inclusion.~~⁽¹⁾~~ |');
  });

  it('finds a call added and one removed', () => {
    const added = diff(CALLED, CALLED.replace('1999.', '1999 in Ferrara.[^sprar]'));
    expect(added.changes.map((change) => change.kind)).toEqual(['modified']);
    // Two calls at one place, the first added: shown as the Word redline tracks them (the old call deleted, both new ones inserted).
    expect(formatDiff(added, 'terminal')).toContain('was founded in 1999{+ in Ferrara+}.[-⁽²⁾-]{+⁽¹⁾⁽²⁾+}');
    const removed = diff(CALLED, CALLED.replace('inclusion.[^sprar]', 'inclusion.').replace('1999.', '1999.[^sprar]'));
    expect(removed.changes.map((change) => [change.kind, change.new[0]?.number])).toEqual([
      ['modified', '1.1'],
      ['modified', '1.2'],
    ]);
    expect(formatDiff(removed, 'terminal')).toContain('drivers of inclusion.[-⁽¹⁾-]');
    expect(diffSchemaValidator()(diffToJson(removed))).toBe(true);
  });

  it('shows a call alone as an amendment, and a call of a footnote only renumbered as no change', () => {
    const moved = diff(CALLED, MOVED);
    expect(formatDiff(moved, 'amendments')).toContain('## AM 1');
    // `footnotes`: a footnote added before the others renumbers them; point 1.2's call (2 → 3) is no change.
    const renumbered = diffFixture('footnotes');
    expect(renumbered.changes.filter((change) => change.element === 'point').map((change) => change.new[0]?.number)).toEqual(['1.1']);
  });

  it('finds nothing where only the spaces around a call differ', () => {
    expect(diff(CALLED, CALLED.replace('inclusion.[^sprar]', 'inclusion. [^sprar]')).identical).toBe(true);
  });

  it('gives a point moved whose call changed as moved and edited', () => {
    const old = `${CALLED}\n\n1.3 The EESC calls for dedicated funding for cooperatives that employ migrants.`;
    const neu = `1.1 The EESC calls for dedicated funding for cooperatives that employ migrants.[^camelot]\n\n${CALLED.replace('1.1', '1.2').replace('1.2 The', '1.3 The').replace('.[^camelot]', '.')}`;
    const result = diff(old, neu);
    const moved = result.changes.find((change) => change.kind === 'moved');
    expect(moved).toMatchObject({ edited: true });
    expect(moved?.calls).toBeDefined();
  });

  it('exits 1 on the command line', async () => {
    const run = await runMain(['diff', 'calls/old.md', 'calls/new.md'], { cwd: FIXTURES });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('point 1.2 modified\n    The Camelot cooperative in Ferrara was founded in 1999 by social workers.[-⁽²⁾-]');
  });
});
