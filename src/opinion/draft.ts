/**
 * `draftFromSources`: an opinion folder as a `Draft` — what a reader of the
 * built draft sees, in one language: numbered chapters and points with their
 * ids and plain text, references resolved (target ids and offsets),
 * footnotes, the title line and the header rows. For `opinion diff`,
 * `check` and `stats`.
 *
 * The draft is made whenever the sources can be read, even when they hold
 * semantic errors (an unknown id renders as `[id]`); those are messages on
 * `files`, as are the reasons when no draft can be made.
 */
import type { VFile } from 'vfile';
import type { Draft } from '../core/draft.js';
import type { Opinion } from '../core/model.js';
import { buildOpinion } from './build.js';
import type { OpenOpinion } from './open.js';

export async function draftFromSources(
  source: string | OpenOpinion,
  options: { lang?: string },
): Promise<{ draft?: Draft; files: VFile[]; opinion?: Opinion }> {
  const build = await buildOpinion(source, { ...(options.lang ? { langs: [options.lang] } : {}), formats: [], lenient: true });
  const render = build.renders[0];
  if (!render) return { files: build.files };
  const draft = { ...render.draft, header: [...render.banner, ...render.draft.header, ...render.closing] };
  return { draft, files: build.files, ...(build.opinion ? { opinion: build.opinion } : {}) };
}
