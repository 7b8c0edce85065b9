/** The served page: the built page's policy with the reload channel's directives only, and its script. */
import { expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { errorPage, RELOAD_SCRIPT, withReloadChannel } from '../../src/preview/index.js';

const page = (policy: string) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">\n<title>t</title>\n</head>\n<body><p>x</p></body>\n</html>\n`;
const hash = `'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`;

it("adds script-src (the script's hash) and connect-src 'self' to the policy, and the script before </head>", () => {
  const html = withReloadChannel(page('default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;'));
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src ${hash}; connect-src 'self'"`);
  expect(html).toContain(`<script>${RELOAD_SCRIPT}</script>\n</head>`);
  expect(html.match(/<script>/g)).toHaveLength(1);
});

it('replaces a script-src or connect-src the page had, keeping every other directive', () => {
  const html = withReloadChannel(page("default-src 'none'; script-src 'unsafe-eval'; img-src https:; connect-src *"));
  expect(html).toContain(`content="default-src 'none'; img-src https:; script-src ${hash}; connect-src 'self'"`);
});

it('the error page escapes the report and carries the same policy and channel', () => {
  const html = errorPage({ title: 'x', heading: 'x: not built', report: 'a <b> & "c"', csp: "default-src 'none'" });
  expect(html).toContain('<pre class="preview-report">a &lt;b&gt; &amp; &quot;c&quot;</pre>');
  expect(html).toContain(`content="default-src 'none'; script-src ${hash}; connect-src 'self'"`);
});
