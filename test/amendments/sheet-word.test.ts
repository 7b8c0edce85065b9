/**
 * The Word sheet's body is written from the shapes docx compiled once
 * (src/amendments/sheet-word.ts). It must give exactly the bytes of the
 * document built object by object: checked on random sheets (texts with
 * XML's special characters, control characters, tabs, line breaks, empty
 * texts, braces, private-use characters; cells with line breaks, paragraph
 * breaks, bold, struck and nested marks), on the sample's sheets in each of
 * its languages and stages, and on every point of the sample rewritten.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { PhrasingContent } from 'mdast';
import { ROOT, seededRandom } from '../helpers.js';
import { sheetDocxWritten, sheetDocxByObjects as byObjects, type WordParts } from '../../src/amendments/sheet-word.js';
import { sheetDocx, sheetDocxByObjects, sheetOf, type Sheet, type SheetEntry } from '../../src/amendments/sheet.js';
import { sheetLabels } from '../../src/amendments/sheet-labels.js';
import { rewritingAmendments } from './scratch.js';
import { openOpinion } from '../../src/opinion/open.js';
import { indexPoints } from '../../src/validate/amendments/points.js';

const PIECES = ['word', 'Word', 'é', 'Ωμέγα', ' ', ',', '.', '–', '’', '&', '<', '>', '"', "'", '\t', '\n', '\u0001', '\u001f', '12', '(EN)', '&amp;'];
const RARE = ['{', '}', '{point-list-0}', '\uE000'];

describe('the Word sheet written from docx’s compiled shapes', () => {
  it('gives the bytes of the document built object by object, on random sheets', async () => {
    const random = seededRandom(1212);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let rare = false;
    const word = () => {
      let value = '';
      const length = Math.floor(random() * 5);
      for (let j = 0; j < length; j++) value += rare && random() < 0.05 ? pick(RARE) : pick(PIECES);
      return value;
    };
    const t = (value: string): PhrasingContent => ({ type: 'text', value });
    let nested = false;
    const cell = (): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const count = Math.floor(random() * 7);
      for (let i = 0; i < count; i++) {
        const kind = pick(['text', 'text', 'strong', 'delete', 'br', 'brbr', 'emphasis'] as const);
        if (kind === 'text') out.push(t(word()));
        else if (kind === 'br') out.push({ type: 'html', value: '<br>' });
        else if (kind === 'brbr') out.push({ type: 'html', value: '<br><br>' });
        else if (nested && kind === 'delete') out.push({ type: 'delete', children: [t(word()), { type: 'strong', children: [t(word())] }] });
        else out.push({ type: kind, children: [t(word()), ...(random() < 0.3 ? [{ type: 'strong' as const, children: [t(word())] }] : [])] });
      }
      return out;
    };
    const ways = { shapes: 0, objects: 0 };
    for (let i = 0; i < Number(process.env.FUZZ ?? 40); i++) {
      rare = i % 5 === 4;
      nested = i % 7 === 6;
      const cells = new Map<SheetEntry, [PhrasingContent[], PhrasingContent[]]>();
      const reasons = new Map<SheetEntry, string[]>();
      const entries: SheetEntry[] = [];
      for (let j = 0; j < Math.floor(random() * 4); j++) {
        const e = {
          id: `am-${j}`,
          stage: 'section',
          number: `AM ${j + 1}`,
          point: word(),
          action: word(),
          by: word(),
          change: { kind: 'modified', element: 'point', old: [], new: [], ops: [], words: { added: 0, deleted: 0 } },
          ...(random() < 0.3 ? { compromise: word() } : {}),
          ...(random() < 0.7 ? { reason: word() } : {}),
          ...(random() < 0.5 ? { position: word() } : {}),
          ...(random() < 0.5 ? { outcome: word() } : {}),
        } as SheetEntry;
        entries.push(e);
        cells.set(e, [cell(), cell()]);
        reasons.set(e, Array.from({ length: 1 + Math.floor(random() * 2) }, word));
      }
      const sheet: Sheet = {
        lang: pick(['en', 'fr', 'el']),
        title: word(),
        column: word(),
        words: { amendment: word(), tabledBy: word(), reason: word(), position: word(), outcome: word(), none: word() },
        entries,
        untranslated: [],
      };
      const parts: WordParts = { columns: (e) => cells.get(e)!, reason: (e) => reasons.get(e)! };
      const options = i % 2 ? { date: '2018-05-02', reference: word() } : {};
      const written = await sheetDocxWritten(sheet, parts, options);
      expect(
        Buffer.from(written.bytes).equals(Buffer.from(await byObjects(sheet, parts, options))),
        JSON.stringify({ sheet, cells: [...cells.values()] }),
      ).toBe(true);
      ways[written.way]++;
    }
    // Both ways are exercised.
    expect(ways.shapes).toBeGreaterThan(10);
    expect(ways.objects).toBeGreaterThan(2);
  });

  it('gives the bytes of the document built object by object, on the sample’s sheets and on rewritten points', async () => {
    const opened = await openOpinion(join(ROOT, 'opinions/see-migrants'), { positions: 'lazy' });
    const opinion = opened.opinion!;
    const sheets: Sheet[] = [];
    for (const lang of ['en', 'fr']) {
      const { labels } = await sheetLabels(lang, opened.validated.labels ?? [], { file: opened.files[0]! });
      for (const stage of ['section', 'plenary', undefined]) sheets.push(sheetOf(opinion, indexPoints(opinion), labels!, stage));
    }
    const points = indexPoints(opinion);
    const amendments = rewritingAmendments(
      [...points.points.keys()],
      (n) => `The EESC considers that amendment ${n} improves this point with new words & “quotes” <here>.`,
      (n) => `Illustrative reason ${n}.\n\nA second paragraph.`,
    );
    const { labels } = await sheetLabels('en', opened.validated.labels ?? [], { file: opened.files[0]! });
    sheets.push(sheetOf({ ...opinion, amendments: amendments as never }, points, labels!, 'section'));
    for (const [i, sheet] of sheets.entries()) {
      const options = { date: '2018-05-02', reference: 'SOC/580' };
      expect(Buffer.from(await sheetDocx(sheet, options)).equals(Buffer.from(await sheetDocxByObjects(sheet, options))), `sheet ${i}`).toBe(true);
    }
  });
});
