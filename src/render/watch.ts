/**
 * `--watch`: rebuild an opinion when a file in its folder changes (or, for
 * every opinion, when a shared file such as the template changes). Changes
 * are gathered for a short while so that an editor's save — several events —
 * triggers one build; builds of one opinion never overlap. Resolves when the
 * signal aborts.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

export interface WatchOptions {
  signal?: AbortSignal;
  /** Milliseconds of quiet before a rebuild (default 120). */
  debounce?: number;
  /** Files outside the opinion folders whose change rebuilds every opinion (template, label files). */
  shared?: readonly string[];
  /** Folders whose changes are ignored: the build's own output, when it lies inside an opinion folder. */
  ignore?: readonly string[];
  /** Reports a watcher that could not start (e.g. a folder removed). */
  onError?: (path: string, error: Error) => void;
}

/** Names editors and builds write next to real files. */
function ignored(name: string): boolean {
  const base = basename(name);
  if (name.split(/[\\/]/).some((part) => part.startsWith('.') && part.length > 1)) return true;
  return base.startsWith('.') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.tmp') || base.startsWith('#');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function watchOpinions(dirs: readonly string[], rebuild: (dir: string) => Promise<void>, options: WatchOptions = {}): Promise<void> {
  const delay = options.debounce ?? 120;
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const run = (dir: string) => {
    if (running.has(dir)) {
      again.add(dir);
      return;
    }
    const job = rebuild(dir)
      .catch(() => undefined)
      .finally(() => {
        running.delete(dir);
        if (again.delete(dir) && !options.signal?.aborted) run(dir);
      });
    running.set(dir, job);
  };
  const schedule = (dir: string) => {
    clearTimeout(timers.get(dir));
    timers.set(
      dir,
      setTimeout(() => {
        timers.delete(dir);
        run(dir);
      }, delay),
    );
  };

  const start = (path: string, onEvent: (name: string | null) => void): FSWatcher | undefined => {
    try {
      const watcher = watch(path, { signal: options.signal }, (_event, name) => onEvent(name));
      watcher.on('error', (error) => options.onError?.(path, error));
      watchers.push(watcher);
      return watcher;
    } catch (error) {
      options.onError?.(path, error as Error);
      return undefined;
    }
  };
  const skip = (options.ignore ?? []).map((p) => resolve(p));
  const inside = (path: string) => skip.some((folder) => path === folder || path.startsWith(folder + sep));
  /**
   * Every folder of an opinion is watched on its own (not with `recursive`,
   * which on Linux before Node 22 watches each file by inode and so misses a
   * save that replaces the file: `sed -i`, `perl -pi`, an editor's "safe
   * write" to a temporary renamed over the original). A folder watcher sees
   * every name that appears in it, whatever the inode; folders created later
   * are watched as they appear.
   */
  const byFolder = new Map<string, FSWatcher>();
  const watchFolder = (opinion: string, folder: string) => {
    if (options.signal?.aborted || inside(folder)) return;
    byFolder.get(folder)?.close();
    const watcher = start(folder, (name) => {
      if (name === null) return schedule(opinion);
      const path = join(folder, name);
      if (ignored(name) || inside(path)) return;
      if (isFolder(path)) watchFolder(opinion, path);
      schedule(opinion);
    });
    if (!watcher) return;
    byFolder.set(folder, watcher);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // Removed meanwhile: its parent's watcher reports it.
    }
    for (const entry of entries) if (entry.isDirectory() && !ignored(entry.name)) watchFolder(opinion, join(folder, entry.name));
  };
  for (const dir of dirs) watchFolder(dir, resolve(dir));
  const shared = new Set((options.shared ?? []).map((p) => resolve(p)));
  for (const folder of new Set([...shared].map((p) => dirname(p)))) {
    start(folder, (name) => {
      if (name !== null && shared.has(resolve(folder, name))) for (const dir of dirs) schedule(dir);
    });
  }

  return new Promise((done) => {
    const stop = () => {
      for (const watcher of [...watchers, ...byFolder.values()]) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      void Promise.all(running.values()).then(() => done());
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
  });
}
