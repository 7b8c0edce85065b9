/** `opinion.config.yaml` for the CLI: found from the current folder; a file with problems stops the command (exit 2). */
import type { Io } from './io.js';
import { UsageError } from './io.js';
import { displayPath } from '../report/paths.js';

export async function projectConfig(io: Io): Promise<import('../config/project.js').LoadedProjectConfig | undefined> {
  const { findProjectConfig, readProjectConfig } = await import('../config/project.js');
  const path = await findProjectConfig(io.cwd);
  if (!path) return undefined;
  const loaded = await readProjectConfig(path);
  if (!loaded.config) {
    const { formatReport } = await import('../report/index.js');
    const { useColor } = await import('./io.js');
    io.stderr(formatReport([loaded.file], 'human', { color: useColor(io, 'stderr'), cwd: io.cwd }));
    throw new UsageError(`cannot use \`${displayPath(path, io.cwd)}\`: fix the problems above`);
  }
  return loaded;
}
