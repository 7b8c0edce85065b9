/** Groups of aligned items: one-to-one, one old split into several new, several old merged into one new. */

export interface Group {
  /** Indices of the old items, ascending. */
  old: number[];
  /** Indices of the new items, ascending. */
  new: number[];
}

export class Alignment {
  readonly groups: Group[] = [];
  /** For each old item, the index of its group, or -1. */
  readonly oldGroup: number[];
  /** For each new item, the index of its group, or -1. */
  readonly newGroup: number[];

  constructor(oldLength: number, newLength: number) {
    this.oldGroup = new Array<number>(oldLength).fill(-1);
    this.newGroup = new Array<number>(newLength).fill(-1);
  }

  oldFree(index: number): boolean {
    return this.oldGroup[index] === -1;
  }

  newFree(index: number): boolean {
    return this.newGroup[index] === -1;
  }

  add(old: number[], neu: number[]): Group {
    const group: Group = { old: [...old].sort((a, b) => a - b), new: [...neu].sort((a, b) => a - b) };
    const at = this.groups.length;
    this.groups.push(group);
    for (const index of group.old) this.oldGroup[index] = at;
    for (const index of group.new) this.newGroup[index] = at;
    return group;
  }

  /** Reduce a split (merged) group to one of its new (old) items: the others are free again. */
  keepOnly(group: Group, side: 'old' | 'new', index: number): void {
    const free = side === 'old' ? this.oldGroup : this.newGroup;
    for (const other of group[side]) if (other !== index) free[other] = -1;
    group[side] = [index];
  }

  /** Add an old or new item to an existing group (splits and merges). */
  extend(group: Group, side: 'old' | 'new', index: number): void {
    const at = this.groups.indexOf(group);
    group[side].push(index);
    group[side].sort((a, b) => a - b);
    (side === 'old' ? this.oldGroup : this.newGroup)[index] = at;
  }
}
