// Non-ASCII characters in regular expression literals, written as escapes.
//
// esbuild writes every non-ASCII character of a string, template or name as
// an escape (its default `charset: 'ascii'`), but leaves those of regular
// expression literals as they are: one `’` in a 2 MB command script makes
// Node decode the whole file as UTF-8 into a two-byte string. With only ASCII
// left, the bin reads the script as Latin-1, a plain copy (bin/opinion.js),
// some milliseconds of every start. The bundler runs this on each file it
// loads that has a non-ASCII character (src/scripts/bundle.mjs).
//
// An escape means the same character in every kind of expression: `\u2019`
// for a character of the Basic Multilingual Plane; above it, `\u{…}` with the
// `u` or `v` flag, and without them the two halves of the surrogate pair
// (which is what such an expression sees anyway). A character written with
// an identity escape (`\’`, only valid without `u`) loses its backslash.
import ts from 'typescript';

const NON_ASCII = /[\u0080-\uffff]/;

/** `text` (a JavaScript or TypeScript file) with the non-ASCII characters of its regular expression literals escaped; `undefined` when there are none. */
export function asciiRegExps(text, fileName) {
  if (!NON_ASCII.test(text)) return undefined;
  const kind = /\.[cm]?tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && NON_ASCII.test(node.text)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (found.length === 0) return undefined;
  let out = '';
  let at = 0;
  for (const node of found) {
    const start = node.getStart(source);
    out += text.slice(at, start) + escapeLiteral(text.slice(start, node.end));
    at = node.end;
  }
  return out + text.slice(at);
}

/** One literal, `/…/flags`, with its non-ASCII characters escaped. */
export function escapeLiteral(literal) {
  const end = literal.lastIndexOf('/');
  const flags = literal.slice(end + 1);
  const unicode = flags.includes('u') || flags.includes('v');
  let body = '';
  const chars = [...literal.slice(0, end)];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    const code = char.codePointAt(0);
    if (code < 0x80) {
      body += char;
      continue;
    }
    // An identity escape of this character (`\’`): the escape below replaces it.
    let slashes = 0;
    for (let j = body.length - 1; j >= 0 && body[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 1) body = body.slice(0, -1);
    body +=
      code <= 0xffff
        ? hex4(code)
        : unicode
          ? `\\u{${code.toString(16).toUpperCase()}}`
          : hex4(0xd800 + ((code - 0x10000) >> 10)) + hex4(0xdc00 + ((code - 0x10000) & 0x3ff));
  }
  return body + literal.slice(end);
}

function hex4(code) {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
