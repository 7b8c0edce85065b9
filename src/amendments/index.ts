/**
 * Amendments: the sources (`amendments.yaml`, see schemas/amendments.schema.json),
 * their list and sheet, tabling from a member's copy, applying the adopted
 * ones, the appendix of rejected ones, and the attribution of a diff's changes.
 * Data in, data plus VFile messages out; `src/cli/commands/amendments.ts` is
 * the thin command.
 */
export * from '../core/amendments.js';
export { indexPoints } from '../validate/amendments/points.js';
export { listAmendments, formatListTable } from './list.js';
export { sheetOf, sheetMarkdown, sheetHtml, sheetDocx } from './sheet.js';
export { sheetLabels } from './sheet-labels.js';
export { applyAmendments, writeNextVersion } from './apply.js';
export { tableAmendments } from './table.js';
