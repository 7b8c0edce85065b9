/**
 * `opinion preview`: the built HTML page served on the loopback interface,
 * reloaded in the browser after each rebuild. The page is the built file
 * itself with one addition, the reload channel: an inline script (allowed by
 * its hash, nothing else) that listens to a Server-Sent Events stream on the
 * same origin. Its Content Security Policy is the file's, with only the two
 * directives that channel needs (`script-src 'sha256-…'`, `connect-src
 * 'self'`). When the sources have errors, the page shows them instead of the
 * draft, under the same policy.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the page listens for "rebuilt, reload". */
export const EVENTS_PATH = '/__opinion/events';

/** The script the page runs: reload on each `reload` event of the stream. */
export const RELOAD_SCRIPT = `new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', function () { location.reload(); });`;

const RELOAD_HASH = `'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`;

/** The directives the reload channel adds to a page's policy. */
export const RELOAD_DIRECTIVES = `script-src ${RELOAD_HASH}; connect-src 'self'`;

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/**
 * A built page with the reload channel: its own policy plus the two
 * directives above, and the script before `</head>`. A page without a
 * policy gets one allowing that script only (with `default-src 'none'`
 * otherwise absent, nothing else is taken away).
 */
export function withReloadChannel(html: string): string {
  const script = `<script>${RELOAD_SCRIPT}</script>\n`;
  const withPolicy = CSP_META.test(html)
    ? html.replace(CSP_META, (_all, start: string, policy: string, end: string) => `${start}${addDirectives(policy)}${end}`)
    : html.replace(/<head>/i, `<head>\n<meta http-equiv="Content-Security-Policy" content="${RELOAD_DIRECTIVES}">`);
  const at = withPolicy.search(/<\/head>/i);
  return at < 0 ? script + withPolicy : withPolicy.slice(0, at) + script + withPolicy.slice(at);
}

/** The policy (an attribute's text) with the reload channel's directives in place of any `script-src` / `connect-src` it had. */
function addDirectives(attribute: string): string {
  const policy = attribute
    .replace(/&#x27;|&#39;/gi, "'")
    .replace(/&quot;|&#x22;|&#34;/gi, '"')
    .replace(/&amp;/gi, '&');
  const kept = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^(script-src|connect-src)(\s|$)/i.test(directive));
  return [...kept, RELOAD_DIRECTIVES].join('; ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page shown while the sources have errors: the report as the terminal
 * prints it (without colours), under the built page's policy.
 */
export function errorPage(options: { title: string; heading: string; report: string; csp: string; lang?: string }): string {
  return withReloadChannel(
    [
      '<!doctype html>',
      `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}">`,
      `<title>${escapeHtml(options.title)}</title>`,
      '<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h1{color:#b00020;font-size:1.4rem}pre{background:#fff4f4;border-left:4px solid #b00020;padding:1rem;overflow:auto;white-space:pre-wrap}</style>',
      '</head>',
      '<body>',
      `<h1 class="preview-error">${escapeHtml(options.heading)}</h1>`,
      `<pre class="preview-report">${escapeHtml(options.report)}</pre>`,
      '<p>The page reloads when the sources are saved again.</p>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  );
}

/** What the server answers for a path: a page, a redirect, or nothing (404). */
export type PreviewRoute = { html: string } | { redirect: string } | undefined;

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 only (port 0: a free one). `route` is asked
 * for every page; the events stream is served here.
 */
export function startPreviewServer(route: (path: string) => PreviewRoute, options: { port?: number } = {}): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === EVENTS_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': opinion preview\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const answer = route(path);
    if (answer === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${path}\n`);
    } else if ('redirect' in answer) {
      response.writeHead(302, { Location: answer.redirect }).end();
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(answer.html);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        reload() {
          for (const client of clients) client.write('event: reload\ndata: \n\n');
        },
        close() {
          for (const client of clients) client.end();
          clients.clear();
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
