/**
 * `--watch`: rebuild an opinion when a file in its folder changes (or, for
 * every opinion, when a shared file such as the template changes). Changes
 * are gathered for a short while so that an editor's save — several events —
 * triggers one build; builds of one opinion never overlap. Resolves when the
 * signal aborts.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';

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

  const start = (path: string, recursive: boolean, onEvent: (name: string | null) => void) => {
    try {
      const watcher = watch(path, { recursive, signal: options.signal }, (_event, name) => onEvent(name));
      watcher.on('error', (error) => options.onError?.(path, error));
      watchers.push(watcher);
    } catch (error) {
      options.onError?.(path, error as Error);
    }
  };
  const skip = (options.ignore ?? []).map((p) => resolve(p));
  const inside = (path: string) => skip.some((folder) => path === folder || path.startsWith(folder + sep));
  for (const dir of dirs) {
    start(dir, true, (name) => {
      if (name !== null && (ignored(name) || inside(resolve(dir, name)))) return;
      schedule(dir);
    });
  }
  const shared = new Set((options.shared ?? []).map((p) => resolve(p)));
  for (const folder of new Set([...shared].map((p) => dirname(p)))) {
    start(folder, false, (name) => {
      if (name !== null && shared.has(resolve(folder, name))) for (const dir of dirs) schedule(dir);
    });
  }

  return new Promise((done) => {
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      void Promise.all(running.values()).then(() => done());
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
  });
}
