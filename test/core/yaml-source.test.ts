/**
 * The two YAML parsers of core/yaml-source.ts in agreement: wherever the fast
 * path (js-yaml, plain subset) gives data, the `yaml` package gives the same
 * data (same values, same types, same key order, -0 and NaN included) with no
 * error and no warning, over every YAML file of the project and a set of
 * tricky snippets; and a source read either way reports the same messages
 * and positions.
 */
import { deepStrictEqual } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { notPlainByLine, notPlainWhole, parseYamlSource, readPlainYaml, yamlTooDeep } from '../../src/core/yaml-source.js';
import { seededRandom } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const FIXTURES = ['test', 'opinions', 'templates', 'schemas'].flatMap((dir) => yamlFiles(join(ROOT, dir))).sort();

/** Values with their key order, -0 and NaN made visible. */
const shape = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(shape)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([k, v]) => [k, shape(v)])
      : typeof value === 'number' && (Number.isNaN(value) || Object.is(value, -0) || !Number.isFinite(value))
        ? `number:${Object.is(value, -0) ? '-0' : String(value)}`
        : value;

const SNIPPETS = [
  'a: 1\nb: -0\nc: +12\nd: 0o17\ne: 0x1F\nf: 017\ng: 0b101\nh: 1_000\n',
  'a: 1.0\nb: .5\nc: 1e3\nd: -1.5E-2\ne: .inf\nf: -.Inf\ng: .nan\nh: 1.\ni: 12345678901234567890\n',
  'a: true\nb: True\nc: TRUE\nd: yes\ne: no\nf: on\ng: off\nh: y\ni: tRUE\n',
  'a: null\nb: ~\nc:\nd: Null\ne: NULL\nf: nUll\n',
  'date: 2020-01-21\ntime: 12:30:00\nversion: 1.2.3\n',
  '"quoted": "1"\nsingle: \'true\'\nplain: hello world\n',
  'text: >\n  folded\n  lines\n\n  para\nkeep: |+\n  kept\n\nstrip: |-\n  stripped\n',
  'list:\n- a\n- b\nnested:\n  - [1, 2, "x"]\n  - {k: v, n: 1}\n',
  'multi: first\n  second line\n  third\nq: "esc \\t \\u00e9 \\x41 \\n"\n',
  '__proto__: x\nconstructor: y\n',
  '1: one\n2.5: two\ntrue: three\nnull: four\n',
  '~: a\n',
  'Null: a\n',
  '"": a\n',
  '0o17: a\n-0: b\n1e3: c\n.nan: d\nTrue: e\nFALSE: f\n',
  '[a, b]: c\n',
  '{a: 1}: c\n',
  '- [a, b]: c\n',
  '- {a: 1}:\n',
  "rules:\n  - ['([^aeiou])y$', '$1ies']\n  - ['$', 's'] # plural: regular\n",
  '- [a] # see [x]: y\n',
  'k: [a, b]\nm: {x: [1, {y: 2}]}\n',
  'a: b # comment\n# only comment\nc: d#not\n',
  '---\na: 1\n...\n',
  '',
  '# just a comment\n',
  'text: R&D and *emphasis* and !bang\n',
  'a: 1\na: 2\n',
  'a: [1, 2\n',
  'key: value\n  bad: indent\n',
  '- a\n- b: c\n  d: e\n',
  'é: ü\nemoji: "😀"\n',
  "a: \"multi\n  line quoted\"\nb: 'it''s'\n",
  'a: -\nb: - x\n',
  'a: @x\n',
  'a: `x\n',
  'a:  \n',
  'long: ' + 'x'.repeat(2000) + '\n',
  'k'.repeat(1100) + ': v\n',
];

function agree(text: string, where: string): 'fast' | 'full' {
  const fast = readPlainYaml(text);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2', schema: 'core' });
  if (!fast) return 'full';
  expect(
    doc.errors.map((e) => e.message),
    where,
  ).toEqual([]);
  expect(
    doc.warnings.map((e) => e.message),
    where,
  ).toEqual([]);
  const data = doc.toJS({ maxAliasCount: 100 });
  deepStrictEqual(fast.data, data, where);
  expect(shape(fast.data), where).toEqual(shape(data));
  return 'fast';
}

describe('YAML fast path', () => {
  it('agrees with the `yaml` package on every YAML file of the project', () => {
    expect(FIXTURES.length).toBeGreaterThan(50);
    const ways = FIXTURES.map((file) => agree(readFileSync(file, 'utf8'), relative(ROOT, file)));
    // The sample opinions and the shipped label files are plain YAML: they take the fast path.
    const samples = FIXTURES.filter((f) => f.startsWith(join(ROOT, 'opinions')) || f.startsWith(join(ROOT, 'templates')));
    expect(samples.filter((f) => ways[FIXTURES.indexOf(f)] === 'full').map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('agrees with the `yaml` package on tricky snippets', () => {
    for (const snippet of SNIPPETS) agree(snippet, JSON.stringify(snippet.slice(0, 80)));
  });

  it('leaves anchors, aliases, tags, directives, tabs and duplicate keys to `yaml`', () => {
    for (const text of [
      '- [a, b]: c\n',
      '- {a: 1}:\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\n\t- 1\n',
      'a: 1\na: 2\n',
      '? [a, b]\n: c\n',
      'a: [\n  1\n]\n',
    ])
      expect(readPlainYaml(text), text).toBeUndefined();
  });

  it('reports the same messages at the same places either way', () => {
    for (const file of FIXTURES) {
      const text = readFileSync(file, 'utf8');
      const fast = parseYamlSource(new VFile({ path: file, value: text }));
      const pointers = fast.data && typeof fast.data === 'object' ? Object.keys(fast.data).map((k) => '/' + k.replace(/~/g, '~0').replace(/\//g, '~1')) : [];
      const located = pointers.map((p) => [fast.locate(p), fast.locate(p, 'key')]);
      const full = parseYamlSource(new VFile({ path: file, value: text }), { positions: 'eager' });
      expect(full.positioned).toBe(true);
      expect(fast.file.messages.map(String)).toEqual(full.file.messages.map(String));
      expect(located).toEqual(pointers.map((p) => [full.locate(p), full.locate(p, 'key')]));
    }
  });

  it('finds text outside the plain subset line by line as over the whole text', () => {
    // Random lines of the characters that matter, every YAML file of the project and the snippets.
    const alphabet = ['a', ' ', ' ', '\n', '\n', '-', '[', ']', '{', '}', ':', ',', '&', '*', '!', '%', '?', '\t', '#', '\r', '\u2028'];
    const random = seededRandom(7);
    const texts = [...FIXTURES.map((file) => readFileSync(file, 'utf8')), ...SNIPPETS];
    for (let n = 0; n < 50_000; n++)
      texts.push(Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    let plain = 0;
    for (const text of texts) {
      expect(notPlainByLine(text), JSON.stringify(text.slice(0, 80))).toBe(notPlainWhole(text));
      if (!notPlainWhole(text)) plain++;
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it('refuses nesting past the limit however the lines break', () => {
    const deep = Array.from({ length: 65 }, () => '- ').join('') + 'x\n';
    for (const text of [deep, 'a: 1\n' + deep, 'a: 1\r\n' + deep, ' '.repeat(257) + 'x\n', 'a:\n  ' + deep, '['.repeat(65) + '\n'])
      expect(yamlTooDeep(text), JSON.stringify(text.slice(0, 20))).toBeDefined();
    for (const text of [Array.from({ length: 64 }, () => '- ').join('') + 'x\n', ' '.repeat(200) + 'x\n', '['.repeat(64) + '\n', 'a: 1\n'])
      expect(yamlTooDeep(text), JSON.stringify(text.slice(0, 20))).toBeUndefined();
  });

  it('places every value and key where the `yaml` Document does, scalars without building it', () => {
    const texts: [string, string][] = [
      ...FIXTURES.map((file): [string, string] => [relative(ROOT, file), readFileSync(file, 'utf8')]),
      ...SNIPPETS.map((snippet): [string, string] => [JSON.stringify(snippet.slice(0, 80)), snippet]),
      ...PLACES.map((snippet): [string, string] => [JSON.stringify(snippet.slice(0, 80)), snippet]),
    ];
    let placedFast = 0;
    const documentBuilt: string[] = [];
    for (const [where, text] of texts) {
      const fast = parseYamlSource(new VFile({ path: where, value: text }));
      if (fast.positioned) continue;
      const full = parseYamlSource(new VFile({ path: where, value: text }), { positions: 'eager' });
      const pointers = everyPointer(fast.data);
      // Scalars and keys first: placed without the Document.
      for (const [pointer, value, inMapping] of pointers) {
        const scalar = value !== null && typeof value !== 'object';
        for (const part of scalar ? (['value', 'key'] as const) : inMapping ? (['key'] as const) : []) {
          expect(fast.locate(pointer, part), `${where} ${pointer} ${part}`).toEqual(full.locate(pointer, part));
          if (!fast.positioned) placedFast++;
        }
      }
      if (fast.positioned) documentBuilt.push(where);
      // Then collections, empty values and the root, which the Document places.
      for (const [pointer] of [['', null, false] as const, ...pointers]) expect(fast.locate(pointer), `${where} ${pointer}`).toEqual(full.locate(pointer));
    }
    expect(placedFast).toBeGreaterThan(5000);
    // The sample opinions and the shipped files need no Document for their scalars.
    expect(documentBuilt.filter((where) => /^(?:opinions|templates)\//.test(where))).toEqual([]);
  });
});

/** Places of scalars in every shape of the plain subset: quoted, folded, multi-line, with comments around, in flow collections. */
const PLACES = [
  'a:   spaced   \nb: "quoted"  # c\nc: \'single\'\n',
  'a:\n  # comment\n  value\nb:\n\n  later\n',
  'text: |\n  kept\n\n  lines\n\n# after\nnext: >-\n  folded\n  text\n\n\n',
  'keep: |+\n  a\n\n\nstrip: |2\n    b\n',
  'multi: one\n  two\n\n  three # c\nz: 1\n',
  'list:\n  - a\n  -   b  \n  - - c\n    - d\n  - e: f\n    g: h\n',
  'flow: [a, "b", \'c\', {d: e}, [f]]\nmap: {x: 1, y: "2" }\n',
  'flow: [\n  a,\n  b\n  ]\n',
  "q: \"multi\n  line\n\n  quoted\"\nr: 'it''s\n  more'\n",
  'a: b\r\nc: d\r\ne:\r\n  - f\r\n',
  '"k 1": v\n\'k 2\': w\nk3 : x\n',
  'a: 1\nb: 1.5\nc: true\nd: 0x1F\ne: .inf\nf: ""\ng: \'\'\n',
  'nested:\n  deeper:\n    deepest: x\n    list: [1, 2]\n  empty: {}\n  none: []\n',
  '- a\n-\n- c\n',
  'a:\nb: ~\nc: null\n',
  '# head\n\n---\n# doc\na: 1 # tail\n',
  'é: ü\nemoji: "😀 x"\n',
];

/** Every JSON pointer into `data` with its value and whether it is a mapping's (the root excluded). */
function everyPointer(data: unknown, pointer = ''): [string, unknown, boolean][] {
  const children: [string, unknown, boolean][] = Array.isArray(data)
    ? data.map((item, i) => [`${pointer}/${i}`, item, false])
    : data !== null && typeof data === 'object'
      ? Object.entries(data).map(([k, v]) => [`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, v, true])
      : [];
  return children.flatMap((child) => [child, ...everyPointer(child[1], child[0])]);
}
