// Pairs of Markdown drafts with KNOWN changes, for bench/diff.mjs: an old
// version and a new one made from it by edits, added and deleted points, an
// added point opening chapter 1 and an added chapter 2 (so that every later
// chapter and point is renumbered), points moved to another chapter (some
// also edited), points split in two and pairs of points merged. Some points
// refer to others ("(see point 4.12)"); the new version refers to the same
// points by their new numbers, so those references are NOT changes.
//
// Returns the two texts, the exact list of changes `opinion diff` must find
// (kind, from, to, edited), and how many words truly changed.
//
// Deterministic: the same size and seed give the same bytes.

const VOCABULARY = (
  'social economy enterprises cooperatives migrants refugees integration inclusion labour market training local ' +
  'communities networks partnerships public authorities regional employment skills support funding access ' +
  'entrepreneurship participation members reception language courses mentoring credit housing procedures ' +
  'subsidiarity democratic governance Committee Commission Member States programmes projects services workers ' +
  'young people women families schools health care agriculture tourism culture digital transition climate ' +
  'green jobs quality dialogue civil society organisations volunteers citizens rights obligations recognition ' +
  'qualifications experience knowledge research data statistics evaluation monitoring transparency administrative ' +
  'burden small medium sized firms banks investment capital grants loans guarantees procurement contracts ' +
  'clauses criteria standards principles values solidarity cohesion territorial rural urban areas mountain islands ' +
  'cross border cooperation exchange good practices pilot scheme network platform forum hearing consultation'
).split(' ');
const CONNECTORS = ['and', 'of', 'for', 'with', 'in', 'to', 'by', 'the', 'the', 'the', 'a', 'their', 'through', 'between', 'on'];
const OPENINGS = [
  'The EESC considers that',
  'The Committee calls on the Commission to strengthen',
  'The EESC recommends that Member States support',
  'The Committee notes that',
  'The EESC stresses the importance of',
  'The Committee welcomes',
  'The EESC is concerned that',
  'The Committee believes that',
];
const FRESH = ['newly', 'additional', 'specific', 'targeted', 'sustainable', 'innovative', 'effective', 'inclusive', 'stable', 'long-term'];

/** mulberry32: a small seeded generator. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;
export const countWords = (text) => (text.match(WORD) ?? []).length;

/**
 * Make a pair of drafts of about `points` points.
 * Each known change has `probe`: words a tool must mark as inserted or
 * deleted to show it (none for splits and merges, whose words are unchanged).
 * @returns {{ old: string, new: string, known: {kind: string, from?: string|string[], to?: string|string[], edited?: boolean, probe?: {inserted?: string[], deleted?: string[]}}[], trueWords: number, signatures: string[] }}
 */
export function generatePair(points, seed = 1, options = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const sentence = (words) => {
    const out = [pick(OPENINGS)];
    for (let i = 0; i < words; i++) out.push(i % 3 === 2 ? pick(CONNECTORS) : pick(VOCABULARY));
    return out.join(' ') + '.';
  };
  let nextKey = 0;
  const point = (sentences) => ({ key: `p${nextKey++}`, type: 'point', sentences });
  const newPoint = () => point([sentence(12 + Math.floor(rnd() * 10)), sentence(10 + Math.floor(rnd() * 10))]);

  // The old version: chapters of about 40 points (200 points: 5 chapters; 5,000: 125),
  // or `options.chapters` chapters (5 chapters of 1,000 points: numbers up to x.1000).
  const perChapter = 40;
  // `options.sizes`: the number of points of each chapter ([5000, 20, 20]).
  const chapterCount = options.sizes?.length ?? options.chapters ?? Math.max(5, Math.round(points / perChapter));
  const chapters = [];
  let made = 0;
  for (let c = 0; c < chapterCount; c++) {
    const count = options.sizes ? options.sizes[c] : Math.round(((c + 1) * points) / chapterCount) - made;
    made += count;
    const items = [];
    const sections = options.sections ?? (c % 3 === 2 ? 2 : 0); // every third chapter has two sub-headings
    for (let i = 0; i < count; i++) {
      if (sections && i % Math.ceil(count / sections) === 0)
        items.push({ key: `h${nextKey++}`, type: 'heading', text: `${pick(VOCABULARY)} and ${pick(VOCABULARY)} ${c + 1}.${i}` });
      items.push(newPoint());
    }
    chapters.push({ key: `c${c}`, title: `Comments on ${pick(VOCABULARY)} ${pick(VOCABULARY)} (part ${c + 1})`, items });
  }

  // References between points: about one point in eight refers to an unchanged point.
  const allPoints = () => chapters.flatMap((chapter) => chapter.items.filter((item) => item.type === 'point'));
  const pool = allPoints();
  const busy = new Set(); // points taking part in a change, and their neighbours
  const reserve = (item) => {
    const flat = chapters.flatMap((chapter) => chapter.items);
    const at = flat.indexOf(item);
    for (const neighbour of [flat[at - 1], item, flat[at + 1]]) if (neighbour) busy.add(neighbour.key);
  };
  const free = () => {
    for (let tries = 0; tries < 10000; tries++) {
      const candidate = pick(pool);
      if (!busy.has(candidate.key) && !candidate.referred) return candidate;
    }
    throw new Error('generator: no free point left; use a larger size');
  };
  const scale = Math.max(1, Math.round(points / 200));
  const plan = {
    edits: 6 * scale,
    deletions: 2 * scale,
    additions: 2 * scale,
    moves: 2 * scale,
    movedEdited: 2 * scale,
    splits: 2 * scale,
    merges: 2 * scale,
    ...options.plan,
  };

  const known = [];
  let trueWords = 0;
  const signatures = [];
  let fresh = 0;
  /** Edit a point: replace a word, insert two words, delete one; returns the words changed. */
  const edit = (item) => {
    const words = item.sentences[0].slice(0, -1).split(' ');
    const signature = `${FRESH[fresh % FRESH.length]}${fresh++}`;
    const at = 5 + Math.floor(rnd() * (words.length - 7));
    let other = pick(VOCABULARY);
    while (other === words[at] || other === words[at + 1] || other === words[at - 1]) other = pick(VOCABULARY);
    const removed = words.splice(at, 1, signature, other);
    words.splice(at + 4, 1);
    item.sentences = [words.join(' ') + '.', ...item.sentences.slice(1)];
    signatures.push(signature);
    return countWords(removed.join(' ')) + 2 + 1;
  };

  // Choose the points to change, apart from each other.
  const chosen = (n) => {
    const list = [];
    for (let i = 0; i < n; i++) {
      const item = free();
      reserve(item);
      list.push(item);
    }
    return list;
  };
  const edited = chosen(plan.edits);
  const deleted = chosen(plan.deletions);
  const moved = chosen(plan.moves);
  const movedEdited = chosen(plan.movedEdited);
  const split = chosen(plan.splits);
  const mergeFirsts = [];
  for (let i = 0; i < plan.merges; i++) {
    for (let tries = 0; ; tries++) {
      const first = free();
      const chapter = chapters.find((ch) => ch.items.includes(first));
      const second = chapter.items[chapter.items.indexOf(first) + 1];
      if (second && second.type === 'point' && !busy.has(second.key)) {
        reserve(first);
        reserve(second);
        mergeFirsts.push([first, second]);
        break;
      }
      if (tries > 1000) throw new Error('generator: no pair to merge');
    }
  }
  // References: from unchanged points to unchanged points.
  for (const item of pool) {
    if (busy.has(item.key) || rnd() > 0.125) continue;
    const target = pick(pool);
    if (target === item || busy.has(target.key)) continue;
    item.ref = target.key;
    target.referred = true;
  }

  const number = (version) => {
    const numbers = new Map();
    version.forEach((chapter, c) => {
      const n = String(c + 1);
      numbers.set(chapter.key, n);
      let section = 0;
      let inSection = 0;
      let plain = 0;
      for (const item of chapter.items) {
        if (item.type === 'heading') {
          section++;
          inSection = 0;
          numbers.set(item.key, `${n}.${section}`);
        } else if (section > 0) numbers.set(item.key, `${n}.${section}.${++inSection}`);
        else numbers.set(item.key, `${n}.${++plain}`);
      }
    });
    return numbers;
  };
  const render = (version, numbers) => {
    const out = [
      '# Opinion of the European Economic and Social Committee on ‘Generated opinion for benchmarks’',
      '',
      '| | |',
      '|---|---|',
      '| Rapporteur: | Jane DOE |',
      '| Legal basis | Rule 29(2) of the Rules of Procedure |',
      '',
    ];
    for (const chapter of version) {
      out.push(`## ${numbers.get(chapter.key)}. ${chapter.title}`, '');
      for (const item of chapter.items) {
        if (item.type === 'heading') out.push(`### ${numbers.get(item.key)} ${item.text}`, '');
        else out.push(`${numbers.get(item.key)} ${item.sentences.join(' ')}${item.ref ? ` (see point ${numbers.get(item.ref)})` : ''}`, '');
      }
    }
    return out.join('\n');
  };

  const clone = (list) =>
    list.map((chapter) => ({ ...chapter, items: chapter.items.map((item) => ({ ...item, sentences: item.sentences ? [...item.sentences] : undefined })) }));
  const oldVersion = clone(chapters);
  const oldNumbers = number(oldVersion);
  const version = clone(chapters);
  const find = (key) => {
    for (const chapter of version) {
      const at = chapter.items.findIndex((item) => item.key === key);
      if (at !== -1) return { chapter, at, item: chapter.items[at] };
    }
    throw new Error(`generator: lost ${key}`);
  };
  const changes = new Map(); // key → change description, filled below
  const textOf = (item) => item.sentences.join(' ');
  const wordsOf = (text) => text.match(WORD) ?? [];

  for (const { key } of edited) {
    trueWords += edit(find(key).item);
    changes.set(key, { kind: 'modified', probe: { inserted: [signatures[signatures.length - 1]] } });
  }
  for (const { key } of deleted) {
    const { chapter, at, item } = find(key);
    trueWords += countWords(textOf(item));
    chapter.items.splice(at, 1);
    changes.set(key, { kind: 'deleted', probe: { deleted: wordsOf(textOf(item)) } });
  }
  for (const { key } of split) {
    const { chapter, at, item } = find(key);
    const second = { key: `${key}b`, type: 'point', sentences: item.sentences.slice(1) };
    item.sentences = item.sentences.slice(0, 1);
    chapter.items.splice(at + 1, 0, second);
    changes.set(key, { kind: 'split', parts: [key, second.key] });
  }
  for (const [first, second] of mergeFirsts) {
    const a = find(first.key);
    const b = find(second.key);
    a.item.sentences = [...a.item.sentences, ...b.item.sentences];
    b.chapter.items.splice(b.at, 1);
    changes.set(first.key, { kind: 'merged', parts: [first.key, second.key] });
    changes.set(second.key, { kind: 'merged-part' });
  }
  const moveFar = (key, withEdit) => {
    const { chapter, at, item } = find(key);
    chapter.items.splice(at, 1);
    const from = version.indexOf(chapter);
    const to = version[(from + Math.max(2, Math.floor(version.length / 2))) % version.length];
    // Between two points that stay where they are.
    let place = Math.floor(to.items.length / 2);
    while (place < to.items.length && (busy.has(to.items[place - 1]?.key) || busy.has(to.items[place]?.key) || to.items[place - 1]?.type !== 'point')) place++;
    const before = textOf(item);
    if (withEdit) trueWords += edit(item);
    to.items.splice(place, 0, item);
    reserve(item);
    changes.set(key, { kind: 'moved', edited: withEdit, probe: { deleted: wordsOf(before), inserted: wordsOf(textOf(item)) } });
  };
  for (const { key } of moved) moveFar(key, false);
  for (const { key } of movedEdited) moveFar(key, true);
  // Added points: one opening chapter 1 (renumbering the whole chapter), others here and there.
  const added = [];
  for (let i = 0; i < plan.additions; i++) {
    const item = newPoint();
    const signature = `${FRESH[fresh % FRESH.length]}${fresh++}`;
    item.sentences[0] = item.sentences[0].replace(/\.$/, ` ${signature}.`);
    signatures.push(signature);
    if (i === 0) version[0].items.unshift(item);
    else {
      const chapter = version[1 + (i % (version.length - 1))];
      let place = Math.floor(chapter.items.length / 3);
      while (
        place < chapter.items.length &&
        (busy.has(chapter.items[place - 1]?.key) || busy.has(chapter.items[place]?.key) || chapter.items[place - 1]?.type !== 'point')
      )
        place++;
      chapter.items.splice(place, 0, item);
    }
    trueWords += countWords(textOf(item));
    added.push(item);
  }
  // An added chapter 2: every later chapter and point is renumbered.
  const newChapter = { key: 'c-new', title: 'Comments on the hearing held in Rome (new chapter)', items: [newPoint(), newPoint()] };
  version.splice(1, 0, newChapter);
  trueWords += countWords(newChapter.title) + newChapter.items.reduce((n, item) => n + countWords(item.sentences.join(' ')), 0);

  const newNumbers = number(version);
  const inNew = new Set(newNumbers.keys());
  const describeChange = (key) => {
    const change = changes.get(key);
    const from = oldNumbers.get(key);
    if (!change) {
      const to = newNumbers.get(key);
      return to !== from ? { kind: 'renumbered', from, to } : undefined;
    }
    switch (change.kind) {
      case 'modified':
        return { kind: 'modified', from, to: newNumbers.get(key), probe: change.probe };
      case 'deleted':
        return { kind: 'deleted', from, probe: change.probe };
      case 'split':
        return { kind: 'split', from, to: change.parts.map((part) => newNumbers.get(part)), edited: false };
      case 'merged':
        return { kind: 'merged', from: change.parts.map((part) => oldNumbers.get(part)), to: newNumbers.get(key), edited: false };
      case 'moved':
        return { kind: 'moved', from, to: newNumbers.get(key), edited: change.edited, probe: change.probe };
      default:
        return undefined;
    }
  };
  for (const key of oldNumbers.keys()) {
    const change = describeChange(key);
    if (change) known.push(change);
  }
  known.push({ kind: 'added', to: newNumbers.get('c-new'), probe: { inserted: wordsOf(newChapter.title) } });
  for (const item of [...newChapter.items, ...added]) known.push({ kind: 'added', to: newNumbers.get(item.key), probe: { inserted: wordsOf(textOf(item)) } });
  const addedKeys = new Set([...newChapter.items, ...added].map((item) => item.key));
  for (const key of inNew)
    if (!oldNumbers.has(key) && !key.endsWith('b') && key !== 'c-new' && !addedKeys.has(key)) throw new Error(`generator: unexpected new key ${key}`);

  return { old: render(oldVersion, oldNumbers), new: render(version, newNumbers), known, trueWords, signatures };
}
