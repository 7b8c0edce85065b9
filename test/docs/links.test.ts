/**
 * The README and docs/ read well wherever they are read: in the repository,
 * in the installed package (node_modules/eesc-opinion/), and on the registry's
 * page. Every relative link (Markdown link, image or <img src>) points to a
 * file that exists and that the package ships (package.json `files`), so
 * none breaks once installed; the packed README's links are absolute (see
 * src/scripts/pack-manifest.mjs).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../helpers.js';

/** What the package ships: its `files`, and what npm always adds. */
const SHIPPED: string[] = [...JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files, 'README.md', 'package.json'];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** Relative targets of a page's links and images, without their #fragment; code blocks and spans left out. */
export function relativeLinks(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const targets = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...prose.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => t.split('#')[0]!)
    .filter(Boolean);
}

describe('links of the README and docs', () => {
  const pages = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
  it.each(pages.map((page) => [relative(ROOT, page), page]))('%s links only to files the package ships', (_name, page) => {
    const broken: string[] = [];
    for (const target of relativeLinks(readFileSync(page, 'utf8'))) {
      const file = relative(ROOT, join(dirname(page), decodeURIComponent(target)));
      const shipped = SHIPPED.some((entry) => file === entry || file.startsWith(entry + '/'));
      if (!existsSync(join(ROOT, file)) || !shipped)
        broken.push(`${target} (${file}${existsSync(join(ROOT, file)) ? ', not in the package' : ', no such file'})`);
    }
    expect(broken).toEqual([]);
  });
});
