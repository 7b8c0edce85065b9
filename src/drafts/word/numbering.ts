/**
 * Word's automatic list numbering (word/numbering.xml), computed the way
 * Word displays it: a paragraph's `w:numPr` (direct or from its style) names
 * a `w:num`, which points at an `w:abstractNum` whose levels give the start
 * value, the format (`decimal`, `lowerLetter`, `upperRoman`…), the text
 * (`%1.%2`) and whether lower levels restart. Lists that share an abstract
 * definition continue each other's counting, as in Word, unless a `w:num`
 * overrides a level's start (`w:startOverride`), which restarts it.
 * `w:isLgl` writes every level of the number in decimal.
 */
import type { Root } from 'xast';
import { attribute, element, elements, rootElement, toggle, valueOf, type Element } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  /** Restart after this (1-based) level is used; 0 = never; undefined = after any higher level. */
  restart?: number;
  /** A paragraph style linked to this level. */
  style?: string;
  suffix: 'tab' | 'space' | 'nothing';
}

interface Instance {
  abstractId: string;
  /** Levels replaced by the instance (`w:lvlOverride/w:lvl`). */
  levels: Map<number, Level>;
  /** Start overrides, applied the first time the instance is used. */
  starts: Map<number, number>;
}

export interface DisplayedNumber {
  /** The number as displayed: "1.2", "a)", "•". */
  text: string;
  bullet: boolean;
  level: number;
  suffix: 'tab' | 'space' | 'nothing';
  /** A decimal number that shows its own level's counter alone ("3.", "3)", not "1.3"): its value, as an ordered list item's. */
  alone?: number;
  /** `alone`, in a list none of whose levels shows two counters: a plain numbered list (pandoc's, Word's "1. 2. 3."). */
  simple?: boolean;
}

function readLevel(lvl: Element): Level {
  const restart = valueOf(lvl, 'w:lvlRestart');
  return {
    start: Number(valueOf(lvl, 'w:start') ?? '0'),
    format: valueOf(lvl, 'w:numFmt') ?? 'decimal',
    text: valueOf(lvl, 'w:lvlText') ?? '',
    legal: toggle(lvl, 'w:isLgl') ?? false,
    suffix: (valueOf(lvl, 'w:suff') as Level['suffix'] | undefined) ?? 'tab',
    restart: restart === undefined ? undefined : Number(restart),
    style: valueOf(lvl, 'w:pStyle'),
  };
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, aaa… (the letter repeated). */
function letters(value: number): string {
  if (value <= 0) return '';
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

export function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/** A level text that shows one counter and punctuation only ("%1.", "(%2)"): its level's number, in group 1. */
const OWN_COUNTER = /^[^%\p{L}\p{N}]*%([1-9])[^%\p{L}\p{N}]*$/u;

export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, Instance>();
  /** Counters per abstract definition, by level. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(root: Root | undefined) {
    const top = root ? rootElement(root) : undefined;
    if (!top) return;
    for (const abstract of elements(top, 'w:abstractNum')) {
      const id = attribute(abstract, 'w:abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of elements(abstract, 'w:lvl')) levels.set(Number(attribute(lvl, 'w:ilvl') ?? '0'), readLevel(lvl));
      this.abstracts.set(id, levels);
    }
    for (const num of elements(top, 'w:num')) {
      const id = attribute(num, 'w:numId');
      const abstractId = valueOf(num, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const instance: Instance = { abstractId, levels: new Map(), starts: new Map() };
      for (const override of elements(num, 'w:lvlOverride')) {
        const ilvl = Number(attribute(override, 'w:ilvl') ?? '0');
        const start = valueOf(override, 'w:startOverride');
        if (start !== undefined) instance.starts.set(ilvl, Number(start));
        const lvl = element(override, 'w:lvl');
        if (lvl) instance.levels.set(ilvl, readLevel(lvl));
      }
      this.instances.set(id, instance);
    }
  }

  /** The level of a list that a paragraph style is linked to (`w:pStyle` in a level). */
  levelOfStyle(numId: string, style: string | undefined): number | undefined {
    if (style === undefined) return undefined;
    const instance = this.instances.get(numId);
    const levels = instance ? this.abstracts.get(instance.abstractId) : undefined;
    for (const [ilvl, level] of levels ?? []) if (level.style === style) return ilvl;
    return undefined;
  }

  private level(instance: Instance, ilvl: number): Level | undefined {
    return instance.levels.get(ilvl) ?? this.abstracts.get(instance.abstractId)?.get(ilvl);
  }

  /** Count one more paragraph of list `numId` at level `ilvl` and return its displayed number; undefined for numId 0 (numbering removed). */
  next(numId: string, ilvl: number): DisplayedNumber | undefined {
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const current = this.level(instance, ilvl);
    if (!current) return undefined;
    const counters = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [level, start] of instance.starts) {
        counters[level] = undefined;
        counters.length = Math.max(counters.length, level + 1);
        this.startAt.set(`${instance.abstractId}/${level}`, start);
      }
    }
    const value = counters[ilvl];
    counters[ilvl] = value === undefined ? this.startOf(instance, ilvl) : value + 1;
    // Lower levels restart after this one, unless they say otherwise.
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) {
      const restart = this.level(instance, deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || restart - 1 >= ilvl) counters[deeper] = undefined;
    }
    if (current.format === 'bullet') return { text: current.text, bullet: true, level: ilvl, suffix: current.suffix };
    const text = current.text.replace(/%([1-9])/g, (_, n: string) => {
      const level = Number(n) - 1;
      const definition = this.level(instance, level);
      const count = counters[level] ?? (definition ? this.startOf(instance, level) : 0);
      return formatCounter(count, current.legal ? 'decimal' : (definition?.format ?? 'decimal'));
    });
    // Only the level's counter and punctuation: "%1.", "(%1)"; not "1.%1" (a chapter's points numbered by a one-level list).
    const own = current.format === 'decimal' && !current.legal && OWN_COUNTER.exec(current.text)?.[1] === String(ilvl + 1);
    return {
      text,
      bullet: false,
      level: ilvl,
      suffix: current.suffix,
      ...(own ? { alone: counters[ilvl] ?? 0 } : {}),
      ...(own && this.simple(instance) ? { simple: true } : {}),
    };
  }

  /** No level of the list shows another level's counter ("1.2", "%1.%2"): a plain list, not the numbering of points. Once per list. */
  private simple(instance: Instance): boolean {
    let simple = this.simpleLists.get(instance);
    if (simple === undefined) {
      const levels = [...(this.abstracts.get(instance.abstractId)?.values() ?? []), ...instance.levels.values()];
      simple = levels.every((level) => level.format === 'bullet' || (level.text.match(/%[1-9]/gu) ?? []).length <= 1);
      this.simpleLists.set(instance, simple);
    }
    return simple;
  }

  private readonly simpleLists = new Map<Instance, boolean>();

  private readonly startAt = new Map<string, number>();

  private startOf(instance: Instance, ilvl: number): number {
    const key = `${instance.abstractId}/${ilvl}`;
    const override = this.startAt.get(key);
    if (override !== undefined) {
      this.startAt.delete(key);
      return override;
    }
    return this.level(instance, ilvl)?.start ?? 0;
  }
}
