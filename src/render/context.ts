/**
 * What every rendering pass needs: the opinion, the language being built and
 * its labels, and the VFiles of the sources (where messages go).
 */
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Lang, Located, Numbering, Opinion, YamlKind } from '../core/model.js';
import type { Labels } from '../labels/labels.js';

export interface RenderContext {
  opinion: Opinion;
  lang: Lang;
  /** The original language of the opinion. */
  original: Lang;
  labels: Labels;
  /** The original language's labels, to recognise standard wording written once (see `source-text.ts`). */
  originalLabels?: Labels;
  numbering: Numbering;
  /** Keep internal notes (`:::note`, `notes/`), clearly marked. */
  notes: boolean;
  /** The VFile of a source path (messages are added to it). */
  file(path: string): VFile;
  /** The VFile of a YAML kind (`recommendations.yaml`…). */
  yamlFile(kind: YamlKind): VFile;
  locate(kind: YamlKind, pointer: string, part?: 'key' | 'value'): Located | undefined;
}

export type ContextOptions = Pick<RenderContext, 'lang' | 'labels' | 'originalLabels'> & { notes?: boolean };

export function createContext(opinion: Opinion, options: ContextOptions): RenderContext {
  const byPath = new Map<string, VFile>();
  for (const file of opinion.files) if (file.path) byPath.set(file.path, file);
  const file = (path: string): VFile => {
    let found = byPath.get(path);
    if (!found) {
      found = new VFile({ path });
      byPath.set(path, found);
      opinion.files.push(found);
    }
    return found;
  };
  // Asked for every field rendered: the path is joined once per kind.
  const yamlFiles = new Map<YamlKind, VFile>();
  const original = typeof opinion.meta.language === 'string' ? opinion.meta.language : options.lang;
  return {
    opinion,
    lang: options.lang,
    original,
    labels: options.labels,
    originalLabels: options.originalLabels,
    // An explicit setting wins; otherwise the stage decides: the EESC's `1.1` for
    // the internal drafts, the Official Journal's `1.1.` for the text as adopted.
    numbering: opinion.meta.numbering === 'oj' || opinion.meta.numbering === 'eesc' ? opinion.meta.numbering : opinion.meta.stage === 'adopted' ? 'oj' : 'eesc',
    notes: options.notes ?? false,
    file,
    yamlFile: (kind) => {
      let found = yamlFiles.get(kind);
      if (!found) yamlFiles.set(kind, (found = file(yamlPath(opinion, kind))));
      return found;
    },
    locate: (kind, pointer, part) => opinion.locate(kind, pointer, part),
  };
}

/** The path the loader gives a YAML source (same `join`, so the same VFile). */
function yamlPath(opinion: Opinion, kind: YamlKind): string {
  return join(opinion.dir, `${kind}.yaml`);
}
