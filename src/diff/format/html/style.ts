/**
 * The redline page's stylesheet: a document column in the Official Journal
 * manner (number column, serif text), deletions struck in red, insertions
 * underlined in green, a coloured rule per kind of change, a table of
 * contents beside the text, views switched without script (radio buttons),
 * and a print layout on A4.
 */
export const STYLE = `
:root {
  --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --paper: #ffffff; --wash: #f6f7f9;
  --del: #a50e0e; --del-bg: #fce8e6; --ins: #0d652d; --ins-bg: #e6f4ea;
  --added: #188038; --deleted: #c5221f; --modified: #b06000; --moved: #1967d2; --split: #007b83; --merged: #007b83; --renumbered: #80868b;
  --serif: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--wash); color: var(--ink); }
body { margin: 0; font: 16px/1.55 var(--serif); }
a { color: var(--moved); }
.view-toggle { position: absolute; opacity: 0; pointer-events: none; }
.page-header { background: var(--paper); border-bottom: 1px solid var(--rule); padding: 24px 32px 16px; font-family: var(--sans); }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
.page-header h1 { margin: 4px 0 6px; font: 600 22px/1.3 var(--serif); max-width: 60em; }
.versions { margin: 0 0 12px; font-size: 14px; color: var(--muted); }
.versions code { font-size: 13px; background: var(--wash); padding: 1px 5px; border-radius: 3px; color: var(--ink); }
.bar { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; }
.controls { display: inline-flex; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; }
.controls label { padding: 5px 12px; font-size: 13px; cursor: pointer; user-select: none; border-right: 1px solid var(--rule); background: var(--paper); }
.controls label:last-child { border-right: 0; }
#view-inline:checked ~ .page-header label[for="view-inline"],
#view-sbs:checked ~ .page-header label[for="view-sbs"],
#only-changes:checked ~ .page-header label[for="only-changes"] { background: var(--ink); color: var(--paper); }
.view-toggle:focus-visible ~ .page-header .controls { outline: 2px solid var(--moved); outline-offset: 2px; }
.summary { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; font-size: 13px; }
.summary li { padding: 2px 8px; border-radius: 10px; background: var(--wash); border: 1px solid var(--rule); }
.summary .count { font-weight: 600; }
.legend { font-size: 13px; color: var(--muted); margin: 10px 0 0; }
.layout { display: grid; grid-template-columns: minmax(200px, 280px) minmax(0, 1fr); gap: 24px; padding: 24px 32px 64px; align-items: start; }
.toc { position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow: auto; font: 13px/1.4 var(--sans); background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 12px 14px; }
.toc h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 8px; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc .toc-chapter { margin: 10px 0 4px; font-weight: 600; color: var(--ink); }
.toc li a { display: block; padding: 3px 6px 3px 8px; border-left: 3px solid var(--rule); color: var(--ink); text-decoration: none; }
.toc li a:hover { background: var(--wash); }
.toc .toc-note { color: var(--muted); margin-top: 10px; }
.toc .kind-added a { border-color: var(--added); } .toc .kind-deleted a { border-color: var(--deleted); }
.toc .kind-modified a { border-color: var(--modified); } .toc .kind-moved a { border-color: var(--moved); }
.toc .kind-split a, .toc .kind-merged a { border-color: var(--split); } .toc .kind-header a { border-color: var(--muted); }
#view-inline:checked ~ .layout .toc .to-sbs, #view-sbs:checked ~ .layout .toc .to-inline { display: none; }
#view-inline:checked ~ .layout .sbs-view, #view-sbs:checked ~ .layout .inline-view { display: none; }
#only-changes:checked ~ .layout .same { display: none; }
main { min-width: 0; }
.document, .header-changes, .sbs-view { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 24px 32px; margin-bottom: 24px; }
.header-changes h2, .sbs-view h2, .footnotes-title { font: 600 13px/1.4 var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 12px; }
.header-changes table { border-collapse: collapse; width: 100%; font-size: 15px; }
.header-changes th, .header-changes td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--rule); }
.header-changes th { font: 600 12px/1.4 var(--sans); color: var(--muted); }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 2px; }
.item { display: grid; grid-template-columns: 4.5em minmax(0, 1fr) auto; column-gap: 12px; padding: 6px 12px 6px 9px; margin: 0 -12px; border-left: 3px solid transparent; scroll-margin-top: 16px; }
.item p { margin: 0 0 .6em; }
.item p:last-child { margin-bottom: 0; }
.item .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.item .was { display: block; font: 11px/1.3 var(--sans); color: var(--muted); }
.ref-note { font: 12px/1.4 var(--sans); color: var(--muted); }
.item .num { grid-column: 1; grid-row: 1; }
.item .badge { grid-column: 3; grid-row: 1; align-self: start; justify-self: end; white-space: nowrap; font: 600 10.5px/1.2 var(--sans); text-transform: uppercase; letter-spacing: .05em; padding: 3px 6px; border-radius: 3px; margin-top: 3px; color: var(--paper); }
.item .badge a { color: inherit; }
.item .text { grid-column: 2; grid-row: 1; }
.item.chapter { margin-top: 22px; }
.item.chapter:first-child { margin-top: 0; }
.item.chapter .num, .item.chapter .text { font-weight: 700; font-size: 17px; }
.item.heading .text, .item.heading .num { font-style: italic; font-weight: 600; }
.item.added { border-left-color: var(--added); } .item.added .badge { background: var(--added); }
.item.deleted { border-left-color: var(--deleted); } .item.deleted .badge { background: var(--deleted); }
.item.modified { border-left-color: var(--modified); } .item.modified .badge { background: var(--modified); }
.item.moved, .item.moved-away { border-left-color: var(--moved); } .item.moved .badge, .item.moved-away .badge { background: var(--moved); }
.item.split, .item.merged { border-left-color: var(--split); } .item.split .badge, .item.merged .badge { background: var(--split); }
.item.renumbered .badge { background: transparent; color: var(--renumbered); border: 1px solid var(--rule); }
.item.moved-away .text { opacity: .75; }
.item:target { background: #fff8e1; }
.part-num { font: 600 12px/1 var(--sans); color: var(--muted); margin-right: 6px; }
.footnotes { margin-top: 28px; border-top: 1px solid var(--rule); padding-top: 12px; font-size: 14px; }
.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sbs th { font: 600 12px/1.4 var(--sans); color: var(--muted); text-align: left; padding: 6px 10px; border-bottom: 2px solid var(--rule); }
.sbs td { vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--rule); }
.sbs td p { margin: 0 0 .5em; } .sbs td p:last-child { margin-bottom: 0; }
.sbs tr.chapter td { font-weight: 700; padding-top: 18px; }
.sbs tr.heading td { font-style: italic; font-weight: 600; }
.sbs tr.same td { color: var(--muted); }
.sbs tr:target td { background: #fff8e1; }
.sbs .num { font-variant-numeric: tabular-nums; margin-right: .5em; }
.sbs .note { display: block; font: 600 11px/1.3 var(--sans); text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 3px; }
.sbs tr.added td.new, .sbs tr.deleted td.old, .sbs tr.modified td, .sbs tr.moved td, .sbs tr.moved-away td, .sbs tr.split td, .sbs tr.merged td { background: #fbfbfc; }
.empty { color: var(--muted); font-style: italic; }
.no-changes { font: 15px/1.5 var(--sans); color: var(--muted); }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } .toc { position: static; max-height: none; } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html, body { background: #fff; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .controls, .view-toggle, .toc .to-sbs { display: none !important; }
  .page-header { border: 0; padding: 0 0 8pt; }
  .layout { display: block; padding: 0; }
  .toc { position: static; max-height: none; border: 0; padding: 0 0 8pt; break-after: page; }
  .document, .header-changes, .sbs-view { border: 0; padding: 0; margin: 0 0 12pt; }
  .item, .sbs tr { break-inside: avoid; }
  .item.chapter { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
