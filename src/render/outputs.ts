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
  /** The Word draft printed by LibreOffice (`src/pdf/`): asking for it makes the Word draft. */
  pdf: { extension: 'pdf', field: 'pdf', printedFrom: 'docx' },
} as const;

export type Output = keyof typeof BUILD_OUTPUTS;
export const OUTPUTS = Object.keys(BUILD_OUTPUTS) as Output[];
/** The outputs the renderer makes itself (a PDF is printed afterwards from the Word draft). */
export type Format = Exclude<Output, 'pdf'>;
export const FORMATS = OUTPUTS.filter((output): output is Format => output !== 'pdf');
/**
 * The outputs made when none are asked for. The Word draft is made on demand: loading the Word
 * writer and packing the sample costs about 0.2 s in a one-shot build, a quarter of the rest.
 */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'json'];
