/**
 * The outputs of `opinion build`, each listed once: its name on the command
 * line (`--to md,html`), the extension of the file it is written to
 * (`<out>/<opinion>/<lang>/opinion.<extension>`) and the field of a render
 * result that holds it. Order is the order files are written and listed.
 */
export const BUILD_OUTPUTS = {
  md: { extension: 'md', field: 'markdown' },
  html: { extension: 'html', field: 'html' },
  json: { extension: 'json', field: 'json' },
  docx: { extension: 'docx', field: 'docx' },
} as const;

export type Format = keyof typeof BUILD_OUTPUTS;
export const FORMATS = Object.keys(BUILD_OUTPUTS) as Format[];
/**
 * The outputs made when none are asked for. The Word draft is made on demand: loading the Word
 * writer and packing the sample costs about 0.2 s in a one-shot build, a quarter of the rest.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'json'];
