/** The library entry point: one import gives load, validate, build, diff, check and stats. */
import { afterEach, describe, it, expect, vi } from 'vitest';
import { join } from 'node:path';
import * as opinion from '../src/index.js';

const sample = (name: string) => join(import.meta.dirname, '..', 'opinions', name);

describe('library API', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('validates, builds, diffs, checks and counts the sample without printing anything', async () => {
    // Everything a library could print through: the streams and the console.
    const printed: string[] = [];
    const capture =
      (where: string) =>
      (...args: unknown[]) =>
        void printed.push(`${where}: ${args.map(String).join(' ')}`);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture('stdout') as never);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture('stderr') as never);
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const)
      vi.spyOn(console, method).mockImplementation(capture(`console.${method}`));

    const validated = await opinion.validateOpinion(sample('see-migrants'));
    // Two facts of the sample are not known (its reference, the hearing's date): warnings, nothing else.
    expect(opinion.countMessages(validated.files)).toEqual({ errors: 0, warnings: 2, infos: 0 });
    expect(validated.opinion?.meta.reference).toBe('to be completed');

    const old = await opinion.draftFromSources(sample('see-migrants-preliminary'), {});
    const now = await opinion.draftFromSources(sample('see-migrants'), {});
    const diff = opinion.diffDrafts(old.draft!, now.draft!);
    expect(diff.summary.counts).toMatchObject({ added: 1, deleted: 1, modified: 5, moved: 1, renumbered: 2 });

    const checked = await opinion.checkOpinion(sample('see-migrants'));
    expect(checked.checked).toBe(true);
    expect(opinion.countMessages(checked.files).errors).toBe(0);

    const stats = await opinion.statsOfOpinion(sample('see-migrants'));
    expect(stats.stats?.languages[0]?.total.charactersNoSpaces).toBe(10758);

    const report = JSON.parse(opinion.formatReport(checked.files, 'json'));
    expect(report.summary.errors).toBe(0);

    const built = await opinion.buildOpinion(sample('see-migrants'), { formats: ['md', 'html', 'json'] });
    expect(built.renders[0]?.markdown).toContain('Cooperatives and social economy enterprises');

    vi.restoreAllMocks();
    expect(printed).toEqual([]);
  }, 60_000);
});
