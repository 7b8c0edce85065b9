/**
 * Amendments: the sources (`amendments.yaml`, see schemas/amendments.schema.json),
 * their list and sheet, tabling from a member's copy, applying the adopted
 * ones, the appendix of rejected ones, and the attribution of a diff's changes.
 * Data in, data plus VFile messages out; `src/cli/commands/amendments.ts` is
 * the thin command.
 */
export * from '../core/amendments.js';
export { indexPoints, type PointIndex, type PointInfo } from '../validate/amendments/points.js';
export { listAmendments, formatListTable, type ListRow } from './list.js';
export { sheetOf, sheetMarkdown, sheetHtml, sheetDocx, type Sheet, type SheetEntry } from './sheet.js';
export { sheetLabels, SHEET_LABELS, type SheetLabels } from './sheet-labels.js';
export { applyAmendments, writeNextVersion, type ApplyOptions, type ApplyResult } from './apply.js';
export { validateAmendments, amendmentsFile } from '../validate/amendments/validate.js';
export { textOrder } from '../validate/amendments/order.js';
export { attributeChanges, describeChange, type Attribution } from '../diff/attribution.js';
export { tableAmendments, appendItems, type TableOptions, type TableResult, type TabledItem } from './table.js';
export { merge3 } from './merge.js';
export { amendmentsAppendix } from '../render/amendments-appendix.js';
