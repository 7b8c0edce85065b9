// Builds dist/: the CLI and the library bundled by esbuild (fast start-up: one
// file per entry instead of hundreds of small modules), with the JSON Schema
// validators compiled ahead of time by ajv (no schema compilation at run time).
// Run by `npm ci` / `npm install` through the `prepare` script.
//
// - dist/index.js (+ chunks): the library, ES modules.
// - dist/cli.js: the whole CLI as ES modules (what `import('opinion/dist/cli.js')` gets).
// - dist/commands/<command>.cjs: what the bin runs. One CommonJS script per
//   command holding only that command's code (`all.cjs`: every command, for
//   `--help`, `--version` and mistakes), so that the bin can compile it with a
//   V8 code cache (bin/opinion.js); a command's lazily imported parts stay lazy
//   (esbuild wraps them in init functions run on first use).
// - dist/commands/manifest.json: a content hash per script, the key of its code cache.
// - dist/worker.cjs: the code of the worker threads (validate, check and stats of many opinions), one
//   CommonJS script that bin/worker.js compiles with a V8 code cache as the bin does a command's;
//   dist/worker.json: its content hash, the key of its code caches.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, relative as relativePath, resolve as resolvePath, sep } from 'node:path';
import { generateDraftLabels } from './generate-draft-labels.mjs';
import { generateValidators } from './generate-validators.mjs';
import { asciiRegExps } from './ascii-regexps.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(root + 'package.json', 'utf8'));
// The commands, as src/cli/commands/index.ts lists them: `import { buildCommand } from './build.js'`.
const COMMANDS = Object.fromEntries(
  [...(await readFile(root + 'src/cli/commands/index.ts', 'utf8')).matchAll(/^import \{ (\w+Command) \} from '\.\/([\w-]+)\.js';$/gm)].map((m) => [m[2], m[1]]),
);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild turns every regular expression literal with a `\p{…}` escape into `new RegExp(…)` for a Node target
  // (a newer Unicode property could be a syntax error on an older Node): one built at each call where the literal
  // sits in a function, as most do. The properties used (general categories: L, Lu, Ll, M, N, No, P, S) are in every Node from 20 on.
  supported: { 'regexp-unicode-property-escapes': true },
  packages: 'bundle',
  define: { OPINION_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
};

/** CommonJS has no import.meta: each CommonJS script defines its own URL. */
const scriptUrl = {
  define: { ...common.define, 'import.meta.url': '__opinionScriptUrl' },
  banner: { js: "var __opinionScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * Virtual entry points `command:<name>`: the program with that one command (or
 * all of them; `completion` too, which writes the script of every command).
 */
const commandEntries = {
  name: 'command-entries',
  setup(b) {
    b.onResolve({ filter: /^command:/ }, (args) => ({ path: args.path.slice('command:'.length), namespace: 'command' }));
    b.onLoad({ filter: /.*/, namespace: 'command' }, (args) => {
      const names = args.path === 'all' || args.path === 'completion' ? Object.keys(COMMANDS) : [args.path];
      return {
        resolveDir: root,
        loader: 'ts',
        contents: [
          "import { runCommands } from './src/cli/process.ts';",
          ...names.map((n) => `import { ${COMMANDS[n]} } from './src/cli/commands/${n}.ts';`),
          `export function run() { return runCommands([${names.map((n) => COMMANDS[n]).join(', ')}]); }`,
        ].join('\n'),
      };
    });
  },
};

/**
 * Node's built-in modules that are costly to load and that a command seldom
 * needs, loaded on first use instead of when the bundle starts: `crypto`
 * (some 15 ms of CPU: the tree cache's keys, a build manifest's SHA-256
 * entries written before xxHash64, the `--cache`),
 * `child_process` (with `net`, `dgram` and the streams: commander loads it at
 * its top level for stand-alone executable subcommands, which opinion has none
 * of), `worker_threads` (only runs over many opinions start threads), `os` (the
 * number of cores, for runs over many opinions; about 3 ms on Node 24), `v8`
 * (its heap snapshot streams load `node:stream`; only a run over many
 * opinions puts V8's flags back before its threads start, and the bin sets
 * them without it on Node 20 and 22). Each
 * becomes a module of getters that require the real one when a property is
 * first read: esbuild reads an imported binding at its use
 * (`(0, import_node_crypto.createHash)(…)`), so the import stays an import.
 */
const LAZY_BUILTINS = ['crypto', 'child_process', 'worker_threads', 'os', 'v8'];
/**
 * Bundled packages whose initialisation costs and that a run often does not
 * use, initialised on first use the same way (a module of getters requiring
 * the bundled package): `hast-util-to-html` builds property-information's
 * tables of every HTML, SVG and ARIA attribute when loaded (6–10 ms), and
 * only an HTML output uses it (not `diff`, `stats` nor `build --to md`);
 * `yaml` is parsed for positions only when a message needs one that
 * js-yaml's events cannot give (see core/yaml-source.ts);
 * `decode-named-character-reference` holds the table of every HTML character
 * name (over 2,000 entries, built when loaded), read only for a `&name;` in
 * Markdown that micromark or the text scanner decodes. Only their named
 * exports are imported (no default), and none is read when a module loads.
 */
const LAZY_PACKAGES = ['hast-util-to-html', 'yaml', 'decode-named-character-reference'];
/**
 * Modules of the project initialised on first use the same way (a module of
 * getters requiring the real one), with the names they export:
 * `src/core/schemas.ts` holds the JSON Schemas of the YAML sources, with
 * their descriptions (some 130 kB of object literals to build at every
 * start), read only to word a message about a file that does not match its
 * schema; `src/render/amendments-appendix.ts` brings the amendment table's
 * cells and the diff's word tokenizer (a table of character classes built
 * when loaded), used only by an opinion with amendments.yaml;
 * `src/core/markdown-remark.ts` brings remark's parser, micromark and their
 * GFM and directive extensions, used only for a piece of Markdown that the
 * fast reader leaves to remark (none in the sample opinion);
 * `src/render/to-markdown.ts` brings remark-parse and remark-stringify with
 * their extensions for the Markdown output, which `build --to html` and
 * `diff` do not write.
 */
const LAZY_MODULES = {
  'src/core/schemas.ts': ['schemas'],
  'src/render/amendments-appendix.ts': ['amendmentsAppendix'],
  'src/core/markdown-remark.ts': ['remarkTree', 'markdownProcessor'],
  'src/render/to-markdown.ts': ['STRINGIFY_OPTIONS', 'draftMarkdown', 'toMarkdown', 'unwrapReferences'],
};
/** fs/promises functions whose callback form in `fs` takes the same arguments and gives the same results and errors. */
const CALLBACK_FS = [
  'access',
  'appendFile',
  'chmod',
  'copyFile',
  'lstat',
  'mkdir',
  'mkdtemp',
  'readFile',
  'readdir',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'unlink',
  'utimes',
  'writeFile',
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const names = LAZY_BUILTINS.join('|');
    b.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, (args) =>
      // The getters' own require() is of the real module.
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const keys = Object.keys(await import(`node:${args.path}`)).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
      return {
        loader: 'js',
        contents: [
          `let loaded; const load = () => (loaded ??= require('node:${args.path}'));`,
          `module.exports = { ${keys.map((key) => `get ${key}() { return load().${key}; }`).join(', ')} };`,
        ].join('\n'),
      };
    });
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) =>
      // The getters' own require() is of the bundled package (resolved as usual).
      args.namespace === 'lazy-package' ? undefined : { path: args.path, namespace: 'lazy-package' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, async (args) => {
      const keys = Object.keys(await import(args.path)).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
      return {
        loader: 'js',
        resolveDir: root,
        contents: [
          `let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          `module.exports = { ${keys.map((key) => `get ${key}() { return load().${key}; }`).join(', ')} };`,
        ].join('\n'),
      };
    });
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace === 'lazy-module') return undefined;
      const path = resolvePath(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
      const name = relativePath(root, path).split(sep).join('/');
      // Named by its path in the project: the bundle holds no path of the machine that built it.
      return Object.hasOwn(LAZY_MODULES, name) ? { path: name, namespace: 'lazy-module' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      contents: [
        `let loaded; const load = () => (loaded ??= require(${JSON.stringify(`./${args.path}`)}));`,
        `module.exports = { ${LAZY_MODULES[args.path].map((key) => `get ${key}() { return load().${key}; }`).join(', ')} };`,
      ].join('\n'),
    }));
    // `fs/promises` loads readline's interface (for FileHandle#readLines) and more, some 4 ms; the functions
    // whose callback form is the same call (same arguments, results and errors) use that form, the rest
    // (open, cp…) the real module on first use.
    b.onResolve({ filter: /^(node:)?fs\/promises$/ }, (args) =>
      args.namespace === 'fs-promises' ? { path: 'node:fs/promises', external: true } : { path: 'fs/promises', namespace: 'fs-promises' },
    );
    b.onLoad({ filter: /.*/, namespace: 'fs-promises' }, async () => {
      const keys = Object.keys(await import('node:fs/promises')).filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
      return {
        loader: 'js',
        contents: [
          "const fs = require('node:fs');",
          "let loaded; const load = () => (loaded ??= require('node:fs/promises'));",
          "const callback = require('node:util').promisify;",
          `module.exports = { ${keys
            .map((key) =>
              key === 'realpath'
                ? // fs.realpath resolves links itself; fs/promises asks the system, as fs.realpath.native does.
                  'realpath: callback(fs.realpath.native)'
                : CALLBACK_FS.includes(key)
                  ? `${key}: callback(fs.${key})`
                  : `get ${key}() { return load().${key}; }`,
            )
            .join(', ')} };`,
        ].join('\n'),
      };
    });
    // chalk detects the terminal's colours when loaded (loading `tty`, hence `net` and the streams); opinion never
    // asks it to: every Chalk is made with the level that src/cli/io.ts's useColor chose (NO_COLOR, FORCE_COLOR, TTY).
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-color-detection' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({
      loader: 'js',
      contents: 'export default { stdout: false, stderr: false };',
    }));
  },
};

/** Command scripts in ASCII only: the non-ASCII characters esbuild leaves (those of regular expression literals) as escapes (./ascii-regexps.mjs). */
const asciiScripts = {
  name: 'ascii-scripts',
  setup(b) {
    const done = new Map();
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (!done.has(args.path)) done.set(args.path, asciiRegExps(await readFile(args.path, 'utf8'), args.path));
      const contents = done.get(args.path);
      return contents === undefined ? undefined : { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

await generateValidators(root);
await generateDraftLabels(root);
await rm(root + 'dist', { recursive: true, force: true });
try {
  await build({
    ...common,
    entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts' },
    outdir: 'dist',
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    banner: {
      // Some bundled CommonJS dependencies call require(); give them one.
      js: "import { createRequire as __opinionCreateRequire } from 'node:module'; const require = __opinionCreateRequire(import.meta.url);",
    },
  });
  await build({
    ...common,
    entryPoints: { ...Object.fromEntries(['all', ...Object.keys(COMMANDS)].map((n) => [`commands/${n}`, `command:${n}`])), worker: 'src/worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // import() of what stays outside the bundle (node: modules, optional packages) becomes require(): a script
    // compiled by vm.Script has no module loader for import() (on Node 20 only an experimental one, which warns).
    supported: { ...common.supported, 'dynamic-import': false },
    plugins: [commandEntries, lazyBuiltins, asciiScripts],
    // No comments nor indentation: less to read at each start (the code cache skips parsing, not reading), and
    // only ASCII left, which V8 keeps as one byte a character. Names stay (error messages, profiles).
    // OPINION_BUNDLE_READABLE=1 keeps the layout and the `// <module path>` comments, to read a profile by.
    minifyWhitespace: !process.env.OPINION_BUNDLE_READABLE,
    ...scriptUrl,
  });
  const manifest = {};
  for (const file of (await readdir(root + 'dist/commands')).filter((f) => f.endsWith('.cjs')).sort()) {
    manifest[file.replace(/\.cjs$/, '')] = await contentHash(root + 'dist/commands/' + file);
  }
  await writeFile(root + 'dist/commands/manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(root + 'dist/worker.json', JSON.stringify({ hash: await contentHash(root + 'dist/worker.cjs') }) + '\n');
  await precompileLabels();
} catch {
  // esbuild has already printed the errors with their places.
  process.exitCode = 1;
}

/** A script's content hash, the key of its code cache (bin/code-cache.js). */
async function contentHash(file) {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
    .slice(0, 16);
}

/**
 * dist/labels/<lang>.json: the data of each label file that ships
 * (templates/languages/<lang>.yaml) as the run-time YAML reader gives it, with
 * the file's text and its labels as checking and flattening them gives
 * (`flat`, see src/labels/load.ts). At run time a label file of the package whose text is
 * exactly that one takes its data from the JSON (JSON.parse instead of a cold
 * YAML parse, some 10 ms a command); an edited file, or one the reader had
 * anything to say about, is read as YAML. Its places (for messages) are found
 * as for any YAML file, by parsing it when one is asked for.
 */
async function precompileLabels() {
  const generated = root + 'dist/.labels-reader.cjs';
  await build({
    ...common,
    stdin: {
      contents: [
        "import { VFile } from 'vfile';",
        "import { parseYamlSource } from './src/core/yaml-source.ts';",
        "import { flatLabels, parseLabelFile } from './src/labels/load.ts';",
        'export function read(path, text) {',
        '  const file = new VFile({ path, value: text });',
        '  const data = parseYamlSource(file).data;',
        '  if (file.messages.length > 0 || data === undefined) return { data, messages: file.messages.length };',
        '  // The labels as flattening them gives, for a file it has nothing to say about.',
        '  const checked = new VFile({ path, value: text });',
        '  const flat = flatLabels(parseLabelFile(checked, data));',
        '  return { data, flat, messages: checked.messages.length };',
        '}',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    format: 'cjs',
    outfile: generated,
    ...scriptUrl,
  });
  const { read } = createRequire(import.meta.url)(generated);
  await rm(generated);
  const dir = root + 'templates/languages/';
  await mkdir(root + 'dist/labels', { recursive: true });
  for (const name of (await readdir(dir)).filter((n) => /^[a-z]{2,3}\.yaml$/.test(n)).sort()) {
    const text = await readFile(dir + name, 'utf8');
    const { data, flat, messages } = read(dir + name, text);
    // Only data that JSON gives back exactly, from a file read and checked without a word.
    if (messages > 0 || data === undefined || !isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)) continue;
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(flat)), flat)) continue;
    await writeFile(root + `dist/labels/${name.replace(/\.yaml$/, '.json')}`, JSON.stringify({ text, data, flat }) + '\n');
  }
}
