/**
 * Nothing outside the opinion is read (item 1), the Markdown draft is
 * cleaned like the HTML (item 2), outputs never overwrite each other
 * (items 3, 13), hostile Word files are refused with a message about the
 * file (items 8, 11, 13), and `--jobs` stays within the cores (item 10).
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, appendFileSync, existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { threadsFor } from '../../src/core/worker-pool.js';
import { allFiles, copyBasic, expectClean, run, tempDir } from './helpers.js';

const SECRET = 'SECRET-TOKEN-7f3a9c';

function expectNoSecret(where: { path: string; bytes: Buffer }[], outputs: string[]): void {
  for (const file of where) expect(file.bytes.includes(Buffer.from(SECRET)), file.path).toBe(false);
  for (const text of outputs) expect(text).not.toContain(SECRET);
}

describe('nothing outside the opinion is read', () => {
  const cases: [string, (dir: string, secret: string) => void][] = [
    [
      'a slot file linked to a secret',
      (dir, secret) => {
        mkdirSync(join(dir, 'slots'));
        symlinkSync(secret, join(dir, 'slots', 'signature.md'));
      },
    ],
    ['a chapter linked to a secret', (dir, secret) => symlinkSync(secret, join(dir, 'text', 'en', '09-extra.md'))],
    [
      'a language folder linked outside',
      (dir, secret) => {
        mkdirSync(join(secret, '..', 'fr'));
        writeFileSync(join(secret, '..', 'fr', '01-x.md'), `# ${SECRET}\n`);
        symlinkSync(join(secret, '..', 'fr'), join(dir, 'text', 'fr'));
      },
    ],
    ['a note linked to a secret', (dir, secret) => symlinkSync(secret, join(dir, 'notes', 'leak.md'))],
    [
      'a label file linked to a secret',
      (dir, secret) => {
        mkdirSync(join(dir, 'labels'));
        symlinkSync(secret, join(dir, 'labels', 'en.yaml'));
      },
    ],
    ['template: ../secret', (dir) => appendFileSync(join(dir, 'opinion.yaml'), '\ntemplate: ../secret.md\n')],
    ['template: an absolute path', (dir, secret) => appendFileSync(join(dir, 'opinion.yaml'), `\ntemplate: ${secret}\n`)],
    [
      'template: a link inside the opinion to outside',
      (dir, secret) => {
        symlinkSync(secret, join(dir, 'template.md'));
        appendFileSync(join(dir, 'opinion.yaml'), '\ntemplate: template.md\n');
      },
    ],
  ];
  for (const [what, make] of cases) {
    it(`refuses ${what}, at its place, and no byte of it reaches an output or a message`, async () => {
      const root = tempDir();
      const secret = join(root, 'secret.md');
      // Text that would pass as Markdown, a template or YAML: only confinement keeps it out.
      writeFileSync(secret, `# ${SECRET}\n\n::chapters\n\nlang: en\n`);
      const dir = copyBasic(root);
      make(dir, secret);
      const out = join(root, 'out');
      const outcomes = [await run(['validate', dir]), await run(['build', dir, '--out', out, '--notes', '--to', 'md,html,json,docx'])];
      for (const outcome of outcomes) {
        expectClean(outcome, what);
        expect(outcome.code, outcome.stdout).toBe(1);
        expect(outcome.stdout).toMatch(/source\/outside/);
      }
      expectNoSecret(
        allFiles(out),
        outcomes.flatMap((o) => [o.stdout, o.stderr]),
      );
    }, 60_000);
  }

  it('reads a template or label file given explicitly on the command line', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    const template = join(root, 'mine.md');
    writeFileSync(template, readFileSync(join(import.meta.dirname, '../../templates/eesc-opinion.md'), 'utf8') + '\nExplicit template.\n');
    const outcome = await run(['build', dir, '--out', join(root, 'out'), '--template', template]);
    expectClean(outcome);
    expect(outcome.code).toBe(0);
    expect(readFileSync(join(root, 'out', 'o', 'en', 'opinion.md'), 'utf8')).toContain('Explicit template.');
  }, 60_000);
});

describe('the Markdown draft is cleaned like the HTML', () => {
  it('keeps no raw HTML, javascript:, file: or remote image from a footnote or a template, and warns at their place', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    appendFileSync(
      join(dir, 'text', 'en', readdirSync(join(dir, 'text', 'en')).sort()[0]!),
      '\n{#p-hostile} A point with a note.[^evil]\n\n[^evil]: See <script>alert(1)</script> <img src=x onerror=alert(2)> [js](javascript:alert(3)) [f](file:///etc/passwd) [d](data:text/html,x) ![t](https://tracker.example/p.png)\n',
    );
    const template = join(root, 'template.md');
    writeFileSync(template, readFileSync(join(import.meta.dirname, '../../templates/eesc-opinion.md'), 'utf8') + '\n[click](javascript:alert(4))\n');
    const outcome = await run(['build', dir, '--out', join(root, 'out'), '--template', template, '--to', 'md,html,json']);
    expectClean(outcome);
    expect(outcome.code).toBe(0);
    for (const rule of ['source/raw-html', 'source/unsafe-url', 'source/image']) expect(outcome.stdout).toContain(rule);
    for (const ext of ['md', 'html', 'json']) {
      const text = readFileSync(join(root, 'out', 'o', 'en', `opinion.${ext}`), 'utf8');
      expect(text, ext).not.toMatch(/<script|onerror|javascript:|file:|data:text|<img|!\[t\]/i);
    }
  }, 60_000);
});

describe('what a draft leaves out of a chapter is said by validate, where CI sees it', () => {
  it('reports raw HTML, an image, an unsafe link and extra table cells once, at their place, in validate and in build', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    const chapter = join(dir, 'text', 'en', readdirSync(join(dir, 'text', 'en')).sort()[0]!);
    appendFileSync(
      chapter,
      '\n{#p-odd} A point with <b>bold</b>, ![chart](chart.png), [a link](javascript:alert(1)) and a table:\n\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n',
    );
    const line =
      readFileSync(chapter, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('{#p-odd}')) + 1;
    const rules = ['source/raw-html', 'source/image', 'source/unsafe-url', 'source/table-cells'];
    const validated = await run(['validate', dir, '--format', 'json']);
    expect(validated.code).toBe(0);
    const messages = (JSON.parse(validated.stdout) as { files: { path: string; messages: { ruleId: string; line: number }[] }[] }).files.flatMap((f) =>
      f.messages.filter((m) => rules.includes(m.ruleId)).map((m) => `${m.ruleId}@${m.line}`),
    );
    expect(messages.sort()).toEqual(
      [`source/image@${line}`, `source/raw-html@${line}`, `source/raw-html@${line}`, `source/unsafe-url@${line}`, `source/table-cells@${line + 4}`].sort(),
    );
    // The build says each once too (validation's), and leaves them out.
    const built = await run(['build', dir, '--out', join(root, 'out'), '--to', 'md']);
    expect(built.code).toBe(0);
    for (const rule of rules) expect(built.stdout.split(rule).length - 1, rule).toBe(rule === 'source/raw-html' ? 2 : 1);
    expect(readFileSync(join(root, 'out', 'o', 'en', 'opinion.md'), 'utf8')).not.toMatch(/<b>|javascript:|chart\.png|\| 3 \|/);
  }, 60_000);
});

describe('outputs never overwrite each other', () => {
  it('refuses two opinions with the same folder name, and writes nothing', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    const a = copyBasic(join(root, 'a'), 'x');
    const b = copyBasic(join(root, 'b'), 'x');
    for (const args of [
      ['build', a, b],
      ['build', root],
    ]) {
      const outcome = await run([...args, '--out', join(root, 'out')]);
      expectClean(outcome);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/2 opinions are named `x`/);
      expect(existsSync(join(root, 'out'))).toBe(false);
    }
  }, 60_000);

  it('refuses --out inside the sources, and a folder given to --template or --labels', async () => {
    const root = tempDir();
    const dir = copyBasic(root);
    const inside = await run(['build', dir, '--out', join(dir, 'build')]);
    expectClean(inside);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/unexpected --out .* inside the opinion folder/);
    for (const option of ['--template', '--labels']) {
      const folder = await run(['build', dir, '--out', join(root, 'out'), option, root]);
      expectClean(folder);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain(`given to ${option}: it is a folder, expected a file`);
    }
  }, 60_000);
});

/** A .docx-like zip holding `document` as word/document.xml. */
function docx(document: string): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(document),
    }),
  );
}
const BODY = (inner: string) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;

describe('hostile Word files', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    [
      'an entry that inflates beyond its declared size',
      () => {
        const zip = docx(BODY('<w:p><w:r><w:t>' + 'a'.repeat(2_000_000) + '</w:t></w:r></w:p>'));
        // Declare 40,000 bytes in both headers, as a lying zip bomb does.
        for (let at = zip.indexOf(Buffer.from('PK\u0001\u0002')); at !== -1; at = zip.indexOf(Buffer.from('PK\u0001\u0002'), at + 4)) {
          if (zip.toString('latin1', at + 46, at + 46 + 17) === 'word/document.xml') zip.writeUInt32LE(40_000, at + 24);
        }
        return zip;
      },
      /inflates to more than the 40,000 bytes it declares/,
    ],
    [
      'a part that fails its CRC check',
      () => {
        const zip = docx(BODY('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>'));
        for (let at = zip.indexOf(Buffer.from('PK\u0001\u0002')); at !== -1; at = zip.indexOf(Buffer.from('PK\u0001\u0002'), at + 4)) {
          if (zip.toString('latin1', at + 46, at + 46 + 17) === 'word/document.xml') zip.writeUInt32LE(0xdeadbeef, at + 16);
        }
        return zip;
      },
      /fails its CRC check/,
    ],
    [
      'a part named twice',
      () => {
        const zip = docx(BODY('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>'));
        // Rename [Content_Types].xml's entry (same length names are not needed: patch the central name to a duplicate).
        const name = Buffer.from('[Content_Types].xml');
        const twin = Buffer.from('word/document.xml\u0000\u0000');
        void twin;
        const at = zip.indexOf(name, zip.indexOf(Buffer.from('PK\u0001\u0002')));
        // Same length as "word/document.xml" is 17; "[Content_Types].xml" is 19: write "word/document.xml" and shorten the name length.
        Buffer.from('word/document.xml').copy(zip, at);
        zip.writeUInt16LE(17, at - 46 + 28);
        // Keep the directory walkable: the two freed bytes become extra field length.
        zip.writeUInt16LE(zip.readUInt16LE(at - 46 + 30) + 2, at - 46 + 30);
        return zip;
      },
      /holds `word\/document.xml` twice/,
    ],
    ['XML nested 100,000 deep', () => docx(BODY('<w:p>'.repeat(100_000) + '</w:p>'.repeat(100_000))), /nests elements more than 200 deep/],
    [
      'a part declaring more than the limit',
      () => {
        const zip = docx(BODY('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>'));
        // Declare 600 MB in both headers: refused before a byte is inflated.
        for (const [signature, offset] of [
          ['PK\u0003\u0004', 22],
          ['PK\u0001\u0002', 24],
        ] as const) {
          for (let at = zip.indexOf(Buffer.from(signature)); at !== -1; at = zip.indexOf(Buffer.from(signature), at + 4)) {
            const nameAt = at + (signature === 'PK\u0003\u0004' ? 30 : 46);
            if (zip.toString('latin1', nameAt, nameAt + 17) === 'word/document.xml') zip.writeUInt32LE(600 * 1024 * 1024, at + offset);
          }
        }
        return zip;
      },
      /would take 600 MB uncompressed, more than the 512 MB a Word draft's part may have/,
    ],
    [
      'a DTD with external and nested entities (XXE, billion laughs)',
      () =>
        docx(
          '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;&b;</w:t></w:r></w:p></w:body></w:document>',
        ),
      /part `word\/document.xml` declares a DTD \(`<!DOCTYPE`\) at 1:\d+/,
    ],
    [
      'more text than a draft may have',
      () => docx(BODY(`<w:p><w:r><w:t>${'The Committee considers. '.repeat(30_000)}</w:t></w:r></w:p>`.repeat(24))),
      /part `word\/document.xml` holds more than 16 MB of text at 1:\d+, more than a draft may have/,
    ],
    [
      'a paragraph of more elements than the reader holds at once',
      () => docx(BODY('<w:p>' + '<w:r/>'.repeat(1_000_001) + '</w:p>')),
      /part `word\/document.xml` holds more than 1,000,000 elements in one paragraph or table at 1:\d+/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what} with a one-line message (import and diff)`, async () => {
      const root = tempDir();
      const file = join(root, 'draft.docx');
      writeFileSync(file, make());
      const imported = await run(['import', file, '--out', join(root, 'imported')]);
      const diffed = await run(['diff', file, file]);
      for (const outcome of [imported, diffed]) {
        expectClean(outcome, what);
        expect(outcome.code, outcome.stderr).toBe(2);
        expect(outcome.stderr).toMatch(message);
        expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect(existsSync(join(root, 'imported'))).toBe(false);
    }, 60_000);
  }
});

it('never uses more worker threads than cores, whatever --jobs says', () => {
  expect(threadsFor(1000, 1000, 2)).toBe(2);
  expect(threadsFor(1000, undefined, 8)).toBe(8);
  expect(threadsFor(10, undefined, 8)).toBe(1);
  expect(threadsFor(3, 1000, 8)).toBe(3);
  expect(threadsFor(1000, 1000, availableParallelism())).toBeLessThanOrEqual(availableParallelism());
});
