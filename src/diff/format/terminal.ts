/**
 * A redline for the terminal: changed items grouped by chapter, deletions
 * and insertions marked inside the text. With colour, deletions are red and
 * struck, insertions green; without, wdiff-style markers `[-…-]` and `{+…+}`.
 * Only this formatter uses chalk, and only when colour is asked for.
 */
import { Chalk } from 'chalk';
import type { Change, DiffResult, HeaderChange } from '../types.js';
import { chapterHeading, chapterOf, fieldLabel, headline, retargetedNote } from './describe.js';
import { plural } from '../../core/messages.js';
import { opsWithCalls, superscriptCall } from './calls.js';
import { inlineParagraphs, partParagraphs, textParagraphs, type Segment } from './paragraphs.js';
import { summaryLine } from './summary-line.js';

export interface TerminalOptions {
  /** Use ANSI colours (the caller decides: TTY, NO_COLOR, FORCE_COLOR, --color). */
  color?: boolean;
}

interface Style {
  deleted(text: string): string;
  inserted(text: string): string;
  heading(text: string): string;
  kind(text: string): string;
  dim(text: string): string;
}

const PLAIN: Style = {
  deleted: (text) => `[-${text}-]`,
  inserted: (text) => `{+${text}+}`,
  heading: (text) => text,
  kind: (text) => text,
  dim: (text) => text,
};

function colourStyle(): Style {
  const chalk = new Chalk({ level: 1 });
  return {
    deleted: (text) => chalk.red.strikethrough(text),
    inserted: (text) => chalk.green(text),
    heading: (text) => chalk.bold(text),
    kind: (text) => chalk.cyan(text),
    dim: (text) => chalk.dim(text),
  };
}

/** Markers per line, so that colour and markers never run across a line break. */
function mark(text: string, paint: (text: string) => string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : paint(line)))
    .join('\n');
}

function segments(paragraph: readonly Segment[], style: Style): string {
  return paragraph
    .map((segment) => (segment.op === 'equal' ? segment.text : mark(segment.text, segment.op === 'delete' ? style.deleted : style.inserted)))
    .join('');
}

const indent = (text: string, by: string): string => mark(text, (line) => by + line);

function body(change: Change, style: Style): string[] {
  switch (change.kind) {
    case 'renumbered':
      return [];
    case 'added':
    case 'deleted': {
      const side = change.kind === 'added' ? change.new : change.old;
      const paint = change.kind === 'added' ? style.inserted : style.deleted;
      return side.flatMap((item) => textParagraphs(item.text).map((paragraph) => mark(paragraph, paint)));
    }
    default: {
      const ops = opsWithCalls(change, superscriptCall);
      if (ops.length === 0) {
        // Moved, split or merged without edits: the text as it now reads.
        return change.new.flatMap((item, i) =>
          textParagraphs(item.text).map((paragraph, j) => (change.new.length > 1 && j === 0 ? style.dim(`${change.new[i]?.number} `) : '') + paragraph),
        );
      }
      const paragraphs = inlineParagraphs(ops);
      const starts = change.kind === 'split' ? partParagraphs(change.new, paragraphs.length) : undefined;
      return paragraphs.map((paragraph, i) => {
        const part = starts?.get(i);
        return (part ? style.dim(`${part.number} `) : '') + segments(paragraph, style);
      });
    }
  }
}

/** A header field's change: its old value deleted, its new one inserted (an added field has no old value, a deleted one no new). */
function headerLine(change: HeaderChange, style: Style): string {
  return `  ${fieldLabel(change)}: ${mark(change.old ?? '', style.deleted)}${mark(change.new ?? '', style.inserted)}`;
}

function renumberedLine(run: readonly Change[], style: Style): string {
  const pairs = run.map((change) => `${change.old[0]?.number || 'unnumbered'} → ${change.new[0]?.number || 'unnumbered'}`);
  const what = run[0]?.element === 'footnote' ? 'footnote' : run.every((c) => c.element === 'point') ? 'point' : 'item';
  const list = pairs.length > 8 ? `${pairs[0]} … ${pairs[pairs.length - 1]} (${plural(pairs.length, what)})` : pairs.join(', ');
  return `  ${style.kind('renumbered')}: ${list}`;
}

export function formatTerminal(result: DiffResult, options: TerminalOptions = {}): string {
  const style = options.color ? colourStyle() : PLAIN;
  const lines: string[] = [style.heading(`opinion diff ${result.old.origin} → ${result.new.origin}`)];
  if (result.identical) {
    lines.push('', 'No differences.');
    return lines.join('\n') + '\n';
  }
  if (result.header.length > 0) {
    lines.push('', style.heading('Header'));
    for (const change of result.header) lines.push(headerLine(change, style));
  }
  let group: string | undefined;
  let renumbered: Change[] = [];
  const flush = (): void => {
    if (renumbered.length > 0) lines.push(renumberedLine(renumbered, style));
    renumbered = [];
  };
  for (const change of result.changes) {
    const heading = chapterHeading(chapterOf(change));
    if (heading !== group) {
      flush();
      lines.push('', style.heading(heading));
      group = heading;
    }
    if (change.kind === 'renumbered') {
      renumbered.push(change);
      continue;
    }
    flush();
    lines.push(
      `  ${style.kind(headline(change))}${change.amendment ? ` (amendment \`${change.amendment}\`)` : change.unexplained ? ' (explained by no adopted amendment)' : ''}`,
    );
    for (const paragraph of body(change, style)) lines.push(indent(paragraph, '    '));
    for (const ref of change.retargeted ?? []) lines.push(`    ${style.dim(`(${retargetedNote(ref)})`)}`);
  }
  flush();
  lines.push('', summaryLine(result));
  return lines.join('\n') + '\n';
}
