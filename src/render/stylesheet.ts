/**
 * The stylesheet embedded in every HTML draft: an A4 page set like an EESC
 * document (serif body, the reference on top, the header table, hanging point
 * numbers, footnotes under a short rule), with page numbers when printed.
 * On screen the page is a sheet on a grey desk; printed, the same layout
 * fills A4 with running heads and "page / pages" numbers.
 */

/** A CSS string: quotes, backslashes, line ends and `<` (never `</style>` in the page) written as escapes. */
function cssString(value: string): string {
  return `"${value.replace(/["\\<\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

export interface PageInfo {
  reference: string;
  document?: string;
  lang: string;
}

export function stylesheet(page: PageInfo): string {
  const top = cssString(page.reference);
  const documentNumber = cssString(page.document ?? '');
  const lang = cssString(page.lang.toUpperCase());
  return `@page {
  size: A4;
  margin: 22mm 20mm 22mm 25mm;
  @top-left { content: ${top}; font: bold 9pt "Times New Roman", Times, "Liberation Serif", serif; }
  @top-right { content: ${documentNumber}; font: 8pt "Times New Roman", Times, "Liberation Serif", serif; color: #444; }
  @bottom-left { content: ${top} " – " ${lang}; font: 8pt "Times New Roman", Times, "Liberation Serif", serif; color: #444; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 10pt "Times New Roman", Times, "Liberation Serif", serif; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}
:root { color-scheme: light; }
html { background: #d9d9d6; }
body {
  margin: 0;
  font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif;
  font-size: 12pt;
  line-height: 1.35;
  color: #000;
  -webkit-font-smoothing: antialiased;
}
.opinion {
  box-sizing: border-box;
  width: 210mm;
  min-height: 297mm;
  margin: 10mm auto;
  padding: 22mm 20mm 22mm 25mm;
  background: #fff;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3), 0 6px 18px rgba(0, 0, 0, 0.12);
}
p { margin: 0 0 9pt; text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
a { color: #003399; text-decoration: none; }
a:hover { text-decoration: underline; }
:target { background: #fff3b0; }

/* Front: stage banner, reference, title, header table */
.stage {
  margin: 0 0 14pt;
  padding: 5pt 8pt;
  border: 1.5pt solid #000;
  text-align: center;
  letter-spacing: 0.03em;
}
.stage strong { font-size: 13pt; letter-spacing: 0.08em; }
.reference { margin: 0 0 18pt; text-align: left; font-weight: bold; }
h1.title {
  margin: 24pt 8mm 6pt;
  font-size: 13pt;
  font-weight: bold;
  text-align: center;
  line-height: 1.3;
}
.kind { margin: 0 0 20pt; text-align: center; }
table.header-block {
  width: 100%;
  margin: 0 0 26pt;
  border-collapse: collapse;
  border-top: 0.75pt solid #000;
  border-bottom: 0.75pt solid #000;
  font-size: 11pt;
}
.header-block td { padding: 3pt 8pt 3pt 0; border: 0; vertical-align: top; text-align: left; }
.header-block td:first-child { width: 48%; }
.header-block tr:first-child td { padding-top: 7pt; }
.header-block tr:last-child td { padding-bottom: 7pt; }

/* Body: chapters, sections, points with hanging numbers */
h2, h3, h4, h5, h6 { font-size: 12pt; margin: 0; break-after: avoid; page-break-after: avoid; }
h2.chapter { margin: 20pt 0 10pt; padding-left: 12mm; text-indent: -12mm; }
h2.chapter .num { display: inline-block; min-width: 12mm; text-indent: 0; white-space: pre; }
h2.unnumbered { padding-left: 0; text-indent: 0; }
h3.section, h4.section, h5.section { margin: 14pt 0 8pt; padding-left: 15mm; text-indent: -15mm; font-style: italic; }
h4.section, h5.section { font-weight: normal; }
.section .num { display: inline-block; min-width: 15mm; font-style: normal; text-indent: 0; white-space: pre; }
p.point { padding-left: 15mm; text-indent: -15mm; }
p.point .num { display: inline-block; min-width: 15mm; text-indent: 0; white-space: pre; }
p.point.unnumbered { padding-left: 0; text-indent: 0; }
.point-part { margin-left: 15mm; }
ul.point-part, ol.point-part { padding-left: 6mm; }
ul.point-part, ul.point-part ul { list-style-type: '–  '; }
li { margin: 0 0 4pt; text-align: justify; }
li > p { margin: 0; }
blockquote { margin: 0 0 9pt 15mm; padding: 0 0 0 6mm; border-left: 1pt solid #777; }
table { border-collapse: collapse; margin: 0 0 9pt; }
th, td { border: 0.5pt solid #555; padding: 2pt 5pt; vertical-align: top; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 10pt; }
/* A reference ("point 3.1.2") is not broken across lines */
a.ref { color: inherit; border-bottom: 0.5pt dotted #555; white-space: nowrap; }

/* Closing block and signature */
.closing { margin: 26pt 0 14pt; text-align: left; }
.signature { margin: 0 0 0 45%; text-align: center; }

/* Appendix of rejected amendments */
h2.appendix { break-before: page; page-break-before: always; margin: 0 0 4pt; text-align: center; }
.appendix-subtitle { text-align: center; margin-bottom: 16pt; }
h3.amendment { margin: 14pt 0 6pt; }
.amendment-vote { font-style: italic; }

/* Internal notes (only with --notes): never mistaken for the opinion */
blockquote.internal-note, .internal-note {
  border: 1pt dashed #b3261e;
  background: #fff5f4;
  color: #5c1410;
}
blockquote.internal-note { margin: 6pt 0 12pt 15mm; padding: 5pt 8pt; }
h2.internal-notes { break-before: page; page-break-before: always; color: #b3261e; margin: 0 0 10pt; }
:not(blockquote).internal-note { padding: 3pt 8pt; margin: 0; border-top: 0; border-bottom: 0; }

/* A fact nobody entered yet (\`to be completed\`): a gap nobody can miss */
.gap { background: #fff3b0; outline: 1pt dashed #8a6d00; font-style: italic; }

/* Footnotes: under a short rule, smaller, numbers that link both ways */
sup { font-size: 0.7em; line-height: 0; vertical-align: super; }
sup a[data-footnote-ref] { color: inherit; padding: 0 1pt; }
section.footnotes { margin-top: 26pt; font-size: 10pt; line-height: 1.25; }
section.footnotes::before { content: ""; display: block; width: 55mm; margin-bottom: 6pt; border-top: 0.75pt solid #000; }
section.footnotes ol { margin: 0; padding-left: 7mm; }
section.footnotes li { margin-bottom: 3pt; }
section.footnotes p { text-align: left; margin: 0; }
a[data-footnote-backref] { margin-left: 3pt; font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}

@media screen and (max-width: 230mm) {
  .opinion { width: auto; min-height: 0; margin: 0; padding: 8mm 6mm; box-shadow: none; }
}
@media print {
  html { background: none; }
  .opinion { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  a { color: inherit; }
  a.ref { border-bottom: 0; }
  a[data-footnote-backref] { display: none; }
  :target { background: none; }
}
`;
}
