/**
 * A deep copy of mdast nodes, as `structuredClone` makes of them (plain
 * objects, arrays and values), except that a node's `position` is copied
 * without being read: a place of a YAML field (core/yaml-source.ts
 * `lazyPosition`) is found only if the copy's place is read, where
 * `structuredClone` would locate every field it copies.
 */
import { lazyPosition } from '../core/yaml-source.js';
import type { Position } from '../core/model.js';

export function cloneNodes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneNodes) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    copy[key] = key === 'position' && item !== null && typeof item === 'object' ? copyPosition(item as Position) : cloneNodes(item);
  }
  return copy as T;
}

function copyPosition(position: Position): Position {
  return lazyPosition(() => ({ start: { ...position.start }, end: { ...position.end } }));
}
