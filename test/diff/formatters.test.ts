/**
 * Every output format on the same comparison, byte for byte against golden
 * files in golden/ (the `redline` fixture covers added, modified, renumbered,
 * split and moved points, header changes and footnotes), and the amendment
 * sheet on drafts whose points carry reasons.
 * Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npx vitest run test/diff
 * and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Draft } from '../../src/core/draft.js';
import { diffDrafts, formatDiff, type DiffFormat } from '../../src/diff/index.js';
import { parseMarkdownDraft } from '../../src/drafts/index.js';
import { golden } from '../helpers.js';
import { GOLDEN, diffFixture } from './helpers.js';

const CASES: [DiffFormat, string, { color?: boolean }][] = [
  ['terminal', 'redline.terminal.txt', {}],
  ['terminal', 'redline.terminal-color.txt', { color: true }],
  ['markdown', 'redline.critic.md', {}],
  ['html', 'redline.html', {}],
  ['json', 'redline.json', {}],
  ['amendments', 'redline.amendments.md', {}],
];

describe('formatters', () => {
  const result = diffFixture('redline');
  for (const [format, file, options] of CASES) {
    it(`${format}${options.color ? ' (colour)' : ''}`, () => {
      const output = formatDiff(result, format, options);
      expect(output).toBe(golden(join(GOLDEN, file), output));
    });
  }

  it('gives the same bytes every time', () => {
    for (const [format, , options] of CASES) expect(formatDiff(diffFixture('redline'), format, options)).toBe(formatDiff(result, format, options));
  });

  it('uses no colour codes unless asked, and wdiff markers instead', () => {
    const plain = formatDiff(result, 'terminal');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain('[-considers-]{+believes+}');
    expect(formatDiff(result, 'terminal', { color: true })).toContain('\u001b[9m');
  });

  it('writes CriticMarkup for deletions, insertions and substitutions', () => {
    const markdown = formatDiff(result, 'markdown');
    expect(markdown).toContain('{~~considers~>believes~~}');
    expect(markdown).toContain('{++1.1 The EESC welcomes the hearing held in Rome.++}');
    expect(markdown).toContain('{--2.1 Cooperatives have a long history of integrating vulnerable people.--} {>>moved to 2.3.2<<}');
  });

  it('writes a point added or deleted empty (its number typed, its text to come) as its number, as the other formats list it', () => {
    const old = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The first point.\n', 'old.md').draft;
    const neu = parseMarkdownDraft('## 1. Conclusions\n\n1.1 The first point.\n\n1.2\n', 'new.md').draft;
    expect(formatDiff(diffDrafts(old, neu), 'markdown')).toContain('\n1.1 The first point.\n\n{++1.2++}\n');
    expect(formatDiff(diffDrafts(neu, old), 'markdown')).toContain('\n1.1 The first point.\n\n{--1.2--}\n');
  });

  it('says there is nothing to compare when the drafts are the same', () => {
    const same = diffFixture('identical');
    expect(formatDiff(same, 'terminal')).toBe('opinion diff old.md → new.md\n\nNo differences.\n');
    expect(formatDiff(same, 'amendments')).toContain('\n\nNo amendments.\n');
  });
});

const point = (number: string, id: string, text: string, reason?: string): Draft['chapters'][number]['points'][number] => ({
  number,
  id,
  text,
  kind: 'recommendation',
  ...(reason ? { reason } : {}),
});

describe('amendment sheet', () => {
  const old: Draft = {
    origin: 'opinions/x@v-section',
    title: 'Opinion of the European Economic and Social Committee on ‘X’',
    header: [],
    footnotes: [],
    chapters: [
      {
        number: '1',
        id: 'conclusions',
        title: 'Conclusions and recommendations',
        points: [
          point('1.1', 'rec-a', 'The EESC calls on the Commission to support cooperatives.', 'Cooperatives employ migrants.'),
          point('1.2', 'rec-b', 'The EESC calls on Member States to recognise qualifications.'),
          point('1.3', 'rec-c', 'The EESC asks for a study | with a pipe and *stars*.'),
          point('1.4', 'rec-d', 'Member States should fund language courses.'),
          point('1.5', 'rec-e', 'Those courses should be linked to work experience.'),
        ],
      },
    ],
  };
  const neu: Draft = {
    ...old,
    origin: 'opinions/x',
    chapters: [
      {
        number: '1',
        id: 'conclusions',
        title: 'Conclusions and recommendations',
        points: [
          point('1.1', 'rec-new', 'The EESC welcomes the hearing held in Rome.', 'The hearing gave the opinion its evidence.'),
          point(
            '1.2',
            'rec-a',
            'The EESC calls on the Commission to support cooperatives and social enterprises.',
            'Cooperatives employ migrants; so do other social enterprises.',
          ),
          point('1.3', 'rec-b', 'The EESC calls on Member States to recognise qualifications.'),
          point('1.4', 'rec-d', 'Member States should fund language courses, and those courses should be linked to work experience.'),
        ],
      },
    ],
  };

  it('has one numbered amendment per changed point, with its action, table and reason', () => {
    const sheet = formatDiff(diffDrafts(old, neu), 'amendments');
    expect(sheet).toBe(golden(join(GOLDEN, 'reasons.amendments.md'), sheet));
    expect(sheet).toContain('**New point**\n\nAdd at the start of chapter 1:');
    expect(sheet).toContain('Delete the point.');
    expect(sheet).toContain('**Points 1.4, 1.5**\n\nMerge into one as follows:');
    expect(sheet).toContain('support cooperatives **and social enterprises**.');
    expect(sheet).toContain('~~The EESC asks for a study \\| with a pipe and \\*stars\\*.~~');
    expect(sheet).toContain('**Reason**\n\nCooperatives employ migrants; so do other social enterprises.');
    expect(sheet).not.toContain('renumbered');
  });
});

describe('a footnote renumbered and edited', () => {
  it('keeps its number in brackets, the old number substituted inside them', () => {
    const old = parseMarkdownDraft(
      '## 1. Conclusiones\n\n1.1 Uno.[^1] Dos.[^2]\n\n[^1]: Primera nota.\n\n[^2]: Segunda nota sin cambios de fondo.\n',
      'old.md',
    ).draft;
    const neu = parseMarkdownDraft('## 1. Conclusiones\n\n1.1 Uno. Dos.[^1]\n\n[^1]: Segunda nota sin cambios de forma.\n', 'new.md').draft;
    const markdown = formatDiff(diffDrafts(old, neu), 'markdown');
    expect(markdown).toContain('\n({~~2~>1~~}) Segunda nota sin cambios de {~~fondo~>forma~~}.\n');
  });
});

describe('a chapter added after a chapter with points', () => {
  it('is added after that chapter, as a moved chapter is, not after its last point', () => {
    const old = parseMarkdownDraft('## 1. Conclusiones\n\n1.1 Uno.\n\n1.2 Dos.\n\n## 2. Observaciones\n\n2.1 Tres.\n', 'old.md').draft;
    const neu = parseMarkdownDraft(
      '## 1. Conclusiones\n\n1.1 Uno.\n\n1.2 Dos.\n\n## 2. Antecedentes del dictamen\n\n## 3. Observaciones\n\n3.1 Tres.\n',
      'new.md',
    ).draft;
    const result = diffDrafts(old, neu);
    expect(result.changes.find((change) => change.kind === 'added')?.after).toEqual({ number: '1', element: 'chapter' });
    expect(formatDiff(result, 'amendments')).toContain('\nAdd after chapter 1:\n');
  });
});

describe('an amendment whose point lost a space beside other edits', () => {
  it('strikes the words around the space, so that the amendment column without its struck text reads as the new point', () => {
    const old = parseMarkdownDraft('## 1. Conclusiones\n\n1.1 Las EES , en general, apoyan "la cohesión" etc.. y más.\n', 'old.md').draft;
    const neu = parseMarkdownDraft('## 1. Conclusiones\n\n1.1 Las EES, en general, apoyan «la cohesión» etc. y más.\n', 'new.md').draft;
    const row = formatDiff(diffDrafts(old, neu), 'amendments')
      .split('\n')
      .find((line) => line.startsWith('| Las EES'));
    const amendment = row?.split(' | ')[1] ?? '';
    expect(amendment).toContain('Las ~~EES ,~~**EES,** en general');
    expect(amendment.replace(/~~[^~]*~~/gu, '').replace(/\*\*/gu, '')).toBe('Las EES, en general, apoyan «la cohesión» etc. y más. |');
  });
});

describe('a point holding a list split after the list', () => {
  const whole =
    '## 1. Uno\n\n1.1 El CESE propone medidas para las cooperativas:\n\n- apoyo financiero a la creación de empresas;\n- formación de los socios;\n\ny además pide a la Comisión que evalúe los resultados cada año.\n\n1.2 Otro punto final.\n';
  const parts =
    '## 1. Uno\n\n1.1 El CESE propone medidas para las cooperativas:\n\n- apoyo financiero a la creación de empresas;\n- formación de los socios.\n\n1.2 Además pide a la Comisión que evalúe los resultados cada año.\n\n1.3 Otro punto final.\n';
  const split = diffDrafts(parseMarkdownDraft(whole, 'old.md').draft, parseMarkdownDraft(parts, 'new.md').draft);
  const merged = diffDrafts(parseMarkdownDraft(parts, 'old.md').draft, parseMarkdownDraft(whole, 'new.md').draft);

  it('numbers the second part where it opens, not the list item of the same rank', () => {
    expect(split.changes[0]).toMatchObject({ kind: 'split', old: [{ number: '1.1' }], new: [{ number: '1.1' }, { number: '1.2' }] });
    expect(formatDiff(split, 'markdown')).toContain('\n1.2 {++Además++} {--además --}pide a la Comisión');
    expect(formatDiff(split, 'terminal')).toContain('\n    1.2 {+Además+} [-además -]pide a la Comisión');
    const html = formatDiff(split, 'html');
    expect(html).toContain('<p><span class="part-num">1.2</span><ins>Además</ins>');
    expect(html).toContain('<p><span class="num">1.2</span><ins>Además</ins>');
  });

  it('numbers each part of a merge where it opens on the old side', () => {
    expect(merged.changes[0]).toMatchObject({ kind: 'merged', old: [{ number: '1.1' }, { number: '1.2' }] });
    expect(formatDiff(merged, 'html')).toContain('<p><span class="num">1.2</span><del>Además</del>');
  });
});

describe('the language of a Markdown draft', () => {
  const spanish = (point: string) =>
    parseMarkdownDraft(`# Dictamen del Comité Económico y Social Europeo sobre «Cooperativas»\n\n## 1. Conclusiones\n\n1.1 ${point}\n`, 'es.md').draft;

  it('is read from its title line, as the build writes it in each language, and named by the JSON and HTML outputs', () => {
    expect(spanish('El CESE acoge.').lang).toBe('es');
    const result = diffDrafts(spanish('El CESE acoge.'), spanish('El CESE acoge favorablemente.'));
    expect(JSON.parse(formatDiff(result, 'json')).new.lang).toBe('es');
    expect(formatDiff(result, 'html')).toContain('<html lang="es"');
  });

  it('is none when the title line is no built-in language’s', () => {
    expect(parseMarkdownDraft('# Notes of a meeting\n\n## 1. Conclusions\n\n1.1 Text.\n', 'x.md').draft.lang).toBeUndefined();
  });
});
