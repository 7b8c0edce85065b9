// Benchmark of `opinion check` and `opinion stats`, whole process (NODE_EXTRA_CA_CERTS
// unset, as on a user's machine), next to `opinion validate` which check runs first:
// the sample opinion (4 languages) against `node -e 0`, and 1,000 generated opinions.
//
// The generated opinions read like real ones — the rules' cost depends on the text:
// sentences are drawn (without repetition within an opinion) from the sample opinion's
// English and French chapters, in three chapters of ~11,000 characters with sections,
// cross-references, citations, footnotes, the sample's principles, recommendations,
// evidence and glossary; every other opinion has a French version.
// Written to .bench/check-1000/ (gitignored), once.
//
// Run: npm run build && node bench/check.mjs [count] [--generate-only]
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compare, table, fmt, BENCH_DIR, ROOT, scaledRuns } from './lib.mjs';

const SAMPLE = join(ROOT, 'opinions', 'see-migrants');

/**
 * The commands run from a copy of the built package, so that a rebuild of
 * dist/ while the benchmark runs (another terminal, a watch) does not break it.
 */
function snapshot() {
  const dir = join(BENCH_DIR, 'check-package');
  rmSync(dir, { recursive: true, force: true });
  for (const part of ['package.json', 'bin', 'dist', 'schemas', 'templates']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return join(dir, 'bin', 'opinion.js');
}
const bin = snapshot();
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1000);

/** Sentences of the sample's chapters in one language, markup and ids removed. */
function sentencePool(lang) {
  const dir = join(SAMPLE, 'text', lang);
  const text = readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n\n')
    .replace(/:::note[\s\S]*?:::/g, '')
    .split(/\n\s*\n/)
    .filter((p) => !/^(#|::|\[\^)/.test(p.trim()))
    .map((p) =>
      p
        .replace(/\s*\((?:see|voir) :ref\{#[^}]*\}\)/g, '')
        .replace(/\s*:(?:ref|cite)\{#[^}]*\}/g, '')
        .replace(/\{#[^}]*\}/g, '')
        .replace(/\[\^[^\]]*\]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join(' ');
  return text.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«"])/).filter((s) => s.split(' ').length >= 6);
}

/** A small deterministic random number generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(list, rand) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const POOLS = { en: sentencePool('en'), fr: sentencePool('fr') };
const SEE = { en: 'see', fr: 'voir' };
const TITLES = {
  en: [
    'Conclusions and recommendations',
    'General comments',
    'Specific comments',
    ['Reception and first integration', 'Work and participation', 'Entrepreneurship', 'Access to funding'],
  ],
  fr: [
    'Conclusions et recommandations',
    'Observations générales',
    'Observations particulières',
    ['Accueil et première intégration', 'Travail et participation', 'Entrepreneuriat', 'Accès au financement'],
  ],
};

/** The chapters of one language: the same structure and ids in every language, sentences of that language. */
function chapters(lang, shape, rand) {
  const pool = shuffled(POOLS[lang], rand);
  let next = 0;
  const say = (n) => Array.from({ length: n }, () => pool[next++ % pool.length]).join(' ');
  const [c1, c2, c3, sections] = TITLES[lang];
  const point = (p) => {
    let text = say(p.sentences);
    if (p.ref) text = text.replace(/\.$/, ` (${SEE[lang]} :ref{#${p.ref}}).`);
    if (p.cite) text = text.replace(/\.$/, ` :cite{#${p.cite}}.`);
    if (p.footnote) text = text.replace(/\.$/, `.[^${p.footnote}]`);
    return `{#${p.id}} ${text}\n`;
  };
  const one = [`# ${c1}\n`, ...shape.c1.map(point), '::recommendations\n'].join('\n');
  const two = [`# ${c2}\n`, ...shape.c2.slice(0, -1).map(point), '::principles\n', point(shape.c2[shape.c2.length - 1]), `[^fn-g]: ${say(1)}\n`].join('\n');
  const three = [`# ${c3}\n`, ...shape.c3.flatMap((section, k) => [`## ${sections[k]} {#s-${k + 1}}\n`, ...section.map(point)]), `[^fn-s]: ${say(1)}\n`].join(
    '\n',
  );
  return { '01-conclusions-and-recommendations.md': one, '02-general-comments.md': two, '03-specific-comments.md': three };
}

function shape(rand) {
  const sentences = () => 1 + Math.floor(rand() * 2.2);
  const c1 = Array.from({ length: 6 + Math.floor(rand() * 3) }, (_, i) => ({ id: `c-${i + 1}`, sentences: sentences() }));
  const c2 = Array.from({ length: 5 + Math.floor(rand() * 3) }, (_, i) => ({ id: `g-${i + 1}`, sentences: sentences() }));
  const c3 = Array.from({ length: 4 }, (_, k) =>
    Array.from({ length: 3 + Math.floor(rand() * 2) }, (_, i) => ({ id: `s-${k + 1}-${i + 1}`, sentences: sentences() })),
  );
  c1[1].ref = 'g-2';
  c1[4].cite = 'camelot-startups';
  c2[1].cite = 'see-settlement';
  c2[2].footnote = 'fn-g';
  c3[0][0].cite = 'sprar';
  c3[1][0].cite = 'camelot-staff';
  c3[1][1].ref = 'c-1';
  c3[2][0].footnote = 'fn-s';
  return { c1, c2, c3 };
}

function writeOpinion(dir, n) {
  const rand = random(n + 1);
  const langs = n % 2 === 0 ? ['en'] : ['en', 'fr'];
  const form = shape(rand);
  mkdirSync(dir, { recursive: true });
  for (const name of ['principles.yaml', 'recommendations.yaml', 'evidence.yaml', 'glossary.yaml']) {
    // The sample's YAML, its schema link pointing from the generated folder.
    const text = readFileSync(join(SAMPLE, name), 'utf8').replace(
      /\$schema=\S+/,
      `$schema=${relative(dir, join(ROOT, 'schemas'))}/${name.replace('.yaml', '.schema.json')}`,
    );
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(
    join(dir, 'opinion.yaml'),
    [
      `reference: INT/${1000 + n}`,
      `title: Generated opinion ${n} on cooperatives and migrants`,
      'kind: own-initiative',
      'legal_basis: Rule 29(2) of the Rules of Procedure',
      'rapporteurs:',
      '  - name: Giuseppe GUERINI',
      '    role: rapporteur',
      'section: Single Market, Production and Consumption',
      'decision: { by: plenary, date: 2017-09-21 }',
      'language: en',
      `languages: [${langs.join(', ')}]`,
      'stage: study-group',
      '',
    ].join('\n'),
  );
  for (const lang of langs) {
    mkdirSync(join(dir, 'text', lang), { recursive: true });
    for (const [name, text] of Object.entries(chapters(lang, form, random(n * 31 + lang.length)))) writeFileSync(join(dir, 'text', lang, name), text);
  }
}

function generate(root, total) {
  const marker = join(root, `.count-${total}`);
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  for (let n = 0; n < total; n++) writeOpinion(join(root, `opinion-${String(n).padStart(4, '0')}`), n);
  writeFileSync(marker, '');
  return root;
}

const corpus = generate(join(BENCH_DIR, `check-${count}`), count);
if (process.argv.includes('--generate-only')) {
  console.log(corpus);
  process.exit(0);
}
const runs = (code) => (r) => {
  if (r.code !== code) throw new Error(`unexpected exit code ${r.code}:\n${r.stdout.slice(0, 2000)}${r.stderr}`);
};

const one = compare(
  [
    { name: 'node -e 0', argv: ['node', '-e', '0'] },
    { name: 'opinion validate (sample, 4 languages)', argv: ['node', bin, 'validate', 'opinions/see-migrants'], check: runs(0) },
    { name: 'opinion check (sample, 4 languages)', argv: ['node', bin, 'check', 'opinions/see-migrants'], check: runs(0) },
    { name: 'opinion stats (sample, 4 languages)', argv: ['node', bin, 'stats', 'opinions/see-migrants', '--format', 'json'], check: runs(0) },
  ],
  { runs: 10, warmup: 2 },
);
const many = compare(
  [
    { name: `opinion validate (${count} generated opinions)`, argv: ['node', bin, 'validate', corpus, '--format', 'json'], check: runs(0) },
    { name: `opinion check (${count} generated opinions)`, argv: ['node', bin, 'check', corpus, '--format', 'json'], check: runs(0) },
    { name: `opinion stats (${count} generated opinions)`, argv: ['node', bin, 'stats', corpus, '--format', 'json'], check: runs(0) },
    { name: `opinion stats --quick (${count} generated opinions)`, argv: ['node', bin, 'stats', corpus, '--quick', '--format', 'json'], check: runs(0) },
  ],
  // Each corpus run takes seconds: a few runs, no warm-up (the files are in the OS cache since they were generated).
  { runs: scaledRuns(3), warmup: 0 },
);
// --cache: the first run fills the cache (every opinion computed), the next ones find nothing changed.
const cacheDir = join(BENCH_DIR, 'check-cache');
rmSync(cacheDir, { recursive: true, force: true });
mkdirSync(cacheDir, { recursive: true });
const cached = [];
for (const [command, extra] of [
  ['validate', ['--format', 'json']],
  ['check', ['--format', 'json']],
  ['stats', ['--format', 'json']],
]) {
  const argv = ['node', bin, command, corpus, ...extra, '--cache-location', join(cacheDir, command)];
  const [cold] = compare([{ name: `opinion ${command} --cache, empty cache (${count} generated opinions)`, argv, check: runs(0) }], { runs: 1, warmup: 0 });
  const [warm] = compare([{ name: `opinion ${command} --cache, nothing changed (${count} generated opinions)`, argv, check: runs(0) }], { runs: 3, warmup: 0 });
  cached.push(cold, warm);
}
const base = one[0].median;
console.log(
  table(
    ['command (whole process, NODE_EXTRA_CA_CERTS unset)', 'median', 'min', '× node -e 0', 'peak RSS'],
    [...one, ...many, ...cached].map((r) => [r.name, fmt(r.median), fmt(r.min), (r.median / base).toFixed(1) + '×', `${r.rssMb.toFixed(0)} MB`]),
  ),
);
