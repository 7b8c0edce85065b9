/**
 * The source files of one opinion, by path: their text, a line index for
 * each, and origins for prose held in YAML scalars.
 */
import type { VFile } from 'vfile';
import { textIn, type Opinion, type Text, type YamlKind } from '../core/model.js';
import { LineIndex } from '../core/line-index.js';
import { yamlValueOffsets } from '../core/align.js';
import type { Origin } from './prose.js';

export class SourceFiles {
  private readonly files = new Map<string, VFile>();
  private readonly lines = new Map<string, LineIndex>();

  constructor(private readonly opinion: Opinion) {
    for (const file of opinion.files) if (file.path) this.files.set(file.path, file);
  }

  file(path: string): VFile | undefined {
    return this.files.get(path);
  }

  text(path: string): string {
    const value = this.files.get(path)?.value;
    return typeof value === 'string' ? value : '';
  }

  lineIndex(path: string): LineIndex {
    let index = this.lines.get(path);
    if (!index) {
      index = new LineIndex(this.text(path));
      this.lines.set(path, index);
    }
    return index;
  }

  /** The origin of a Markdown file's own text. */
  markdownOrigin(path: string): Origin {
    const base = this.text(path);
    const lines = this.lineIndex(path);
    return { file: path, base, point: (offset) => lines.point(offset) };
  }

  /**
   * The origin of a YAML scalar holding `value` (inline Markdown), found by
   * kind and JSON pointer; undefined when the value cannot be located.
   */
  yamlOrigin(kind: YamlKind, pointer: string, value: string): Origin | undefined {
    const located = this.opinion.locate(kind, pointer);
    if (!located) return undefined;
    const path = located.file;
    // The offsets are read on first use: a YAML file read by the fast path is
    // parsed again with positions only when a place in it is asked for.
    let map: Int32Array | undefined;
    return {
      file: path,
      base: value,
      point: (offset) => {
        map ??= yamlValueOffsets(value, this.text(path), located.position);
        return this.lineIndex(path).point(map[Math.max(0, Math.min(offset, value.length))]!);
      },
    };
  }
}

/** A translatable text in one language, with the pointer suffix that reaches it. */
export function textWithPointer(text: Text | undefined, lang: string, original: string): { value: string; pointer: string } | undefined {
  const value = textIn(text, lang, original);
  return value !== undefined && value.trim() !== '' ? { value, pointer: typeof text === 'string' ? '' : `/${lang}` } : undefined;
}
