/**
 * The opinion pipeline: open an opinion folder once (`openOpinion`), then
 * build it, or make its draft; `check` and `stats` take the opened opinion too.
 *
 *   const opened = await openOpinion('opinions/see-migrants');
 *   const build = await buildOpinion(opened, { langs: 'all' });
 *   if (build.ok) await writeOutputs(build, { out: 'build' });
 */
export { openOpinion, OpenOpinion, type OpenOptions } from './open.js';
export { buildOpinion, type BuildOptions } from './build.js';
export { draftFromSources } from './draft.js';
export type { OpinionBuild } from '../render/render.js';
