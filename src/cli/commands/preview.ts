import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { EXIT, opinionFolders, UsageError, useColor } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { LABELS_OPTION, parseLangs, projectDefaults, sourceFiles, TEMPLATE_OPTION, type RenderCliOptions } from '../render-options.js';
import { withThousands } from '../../core/messages.js';

interface PreviewCliOptions extends Pick<RenderCliOptions, 'lang' | 'template' | 'labels'> {
  port: string;
  notes?: boolean;
  quiet?: boolean;
}

export const previewCommand: DefineCommand = (io, setExit) =>
  new Command('preview')
    .summary('serve the built HTML draft on localhost, rebuilt and reloaded on every save')
    .description(
      'Build the HTML draft of one opinion in memory and serve it on 127.0.0.1 (this computer only; never on the network). ' +
        'Open the address it prints in a browser: each time a source is saved the draft is rebuilt and the page reloads. ' +
        'When the sources have errors, the page and the terminal show them (file, line, column) until they are fixed. ' +
        'Nothing is written to disk. The page has the Content Security Policy of the built file, with only the reload channel added.\n\n' +
        'Exit codes: 2 could not start (no such opinion, port taken); otherwise it runs until Ctrl-C.',
    )
    .argument('<opinion>', 'the opinion folder')
    .option('-l, --lang <codes>', 'language(s) to serve: a code (fr), a list (en,fr) or "all" (default: the original language)')
    .addOption(new Option('-p, --port <number>', 'port to listen on (default 0: a free port, printed)').default('0'))
    .option('--notes', "include the rapporteur's internal notes, clearly marked")
    .option(...TEMPLATE_OPTION)
    .option(...LABELS_OPTION)
    .option('-q, --quiet', 'report errors only, not warnings')
    .action(async (path: string, options: PreviewCliOptions, command: Command) => {
      await projectDefaults(io, command, options, ['lang', 'template', 'labels']);
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535)
        throw new UsageError(`unexpected \`${options.port}\` for --port, expected a port number from 0 to 65535 (0: a free port)`);
      const langs = parseLangs(options.lang);
      const dir = resolve(io.cwd, path);
      const { template, labels } = await sourceFiles(io, options);
      const [{ buildOpinion }, { watchOpinions, HTML_CSP }, { formatHuman }, preview] = await Promise.all([
        import('../../opinion/build.js'),
        import('../../render/index.js'),
        import('../../report/index.js'),
        import('../../preview/index.js'),
      ]);
      const folders = await opinionFolders(io, [path]);
      if (folders.length !== 1 || folders[0] !== dir) {
        throw new UsageError(
          `unexpected \`${path}\` for preview, expected one opinion folder (with its opinion.yaml)${folders.length > 1 ? `; it holds ${folders.length}: preview one of them` : ''}`,
        );
      }
      const show = (p: string) => displayPath(p, io.cwd);

      /** The served pages by language (the first is where `/` leads), and the languages that failed. */
      let pages = new Map<string, string>();
      let failed: string[] = [];
      let failure: string | undefined;
      let name = dir.split(/[\\/]/).pop() ?? dir;
      const rebuild = async (): Promise<void> => {
        const build = await buildOpinion(dir, {
          ...(langs ? { langs } : {}),
          formats: ['html'],
          notes: options.notes ?? false,
          ...(template ? { template } : {}),
          labels,
        });
        name = build.name;
        if (options.quiet) for (const f of build.files) f.messages = f.messages.filter((m) => m.fatal === true);
        const reported = build.files.filter((f) => f.messages.length > 0);
        if (reported.length > 0) io.stderr(formatHuman(reported, { color: useColor(io, 'stderr'), cwd: io.cwd }));
        pages = new Map(build.renders.filter((render) => render.html !== undefined).map((render) => [render.lang, preview.withReloadChannel(render.html!)]));
        failed = build.failed;
        failure = undefined;
        if (pages.size === 0 || failed.length > 0) {
          const errors = build.files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === true).length, 0);
          const heading = `${build.name}${failed.length > 0 ? ` ${failed.join(', ')}` : ''}: not built, ${errors} error${errors === 1 ? '' : 's'} in the sources`;
          failure = preview.errorPage({
            title: `${heading} – opinion preview`,
            heading,
            report: formatHuman(
              build.files.filter((f) => f.messages.some((m) => m.fatal === true)),
              { color: false, cwd: io.cwd },
            ),
            csp: HTML_CSP,
          });
          io.stderr(`${heading} (shown in the page)\n`);
        }
        for (const render of build.renders) {
          io.stderr(
            `${build.name} ${render.lang}: ${withThousands(render.length.characters)} characters without spaces${render.length.exceeded ? ' (over the limit)' : ''}\n`,
          );
        }
      };
      const route = (path: string) => {
        if (path === '/') {
          const first = [...pages.keys(), ...failed][0];
          return first !== undefined ? { redirect: `/${first}/` } : failure !== undefined ? { html: failure } : undefined;
        }
        const lang = /^\/([a-z]{2})\/(?:index\.html|opinion\.html)?$/.exec(path)?.[1];
        if (lang === undefined) return undefined;
        if (failure !== undefined && (pages.size === 0 || failed.includes(lang))) return { html: failure };
        const page = pages.get(lang);
        return page === undefined ? undefined : { html: page };
      };

      await rebuild();
      let server;
      try {
        server = await preview.startPreviewServer(route, { port });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(
          `cannot serve the preview on 127.0.0.1:${port}: ${code === 'EADDRINUSE' ? 'the port is taken, expected a free port (or --port 0 for any free one)' : (error as Error).message}`,
        );
      }
      const running = server;
      io.stdout(`Serving ${name} at ${running.url} (Ctrl-C to stop)\n`);
      setExit(EXIT.ok);
      await watchOpinions(
        [dir],
        async () => {
          io.stderr(`\n${new Date().toTimeString().slice(0, 8)} ${show(dir)} changed\n`);
          await rebuild();
          running.reload();
        },
        {
          shared: [...(template ? [template] : []), ...labels],
          onError: (p, error) => io.stderr(`opinion: cannot watch ${show(p)}: ${error.message}\n`),
        },
      );
    });
