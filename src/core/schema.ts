/**
 * JSON Schema validation of a YAML source, with every ajv error turned into a
 * message at the right place in the user's file: an unknown property at its
 * key (with "did you mean"), a missing property at the parent mapping, a bad
 * value at the value.
 */
import { TO_BE_COMPLETED } from '../core/placeholders.js';
import type { ErrorObject } from 'ajv';
import { opinion } from '../generated/validators/opinion.js';
import { principles } from '../generated/validators/principles.js';
import { recommendations } from '../generated/validators/recommendations.js';
import { evidence } from '../generated/validators/evidence.js';
import { hearings } from '../generated/validators/hearings.js';
import { glossary } from '../generated/validators/glossary.js';
import { amendments } from '../generated/validators/amendments.js';
import { report, type MessageOptions } from './messages.js';
import { didYouMeanNearest, suggest } from './suggest.js';
import type { YamlKind } from './model.js';
import type { YamlSource } from './yaml-source.js';
import { escapePointerSegment, pointerSegments, valueAt } from './json-pointer.js';
import { schemas } from './schemas.js';

type SchemaNode = Record<string, unknown>;

/** The validators of the YAML sources, each from its own module so that a bundle holds only these. */
const validators = { opinion, principles, recommendations, evidence, hearings, glossary, amendments };

export function checkSchema(kind: YamlKind, source: YamlSource): void {
  const validate = validators[kind];
  if (validate(source.data)) return;
  const errors = pruneErrors(validate.errors ?? [], source.data);
  // `adressees:` is both an unknown property and a missing `addressees`: the
  // "did you mean" message says it all, so the missing-property one is dropped.
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((resolveSchemaPath(schemas[kind], error.schemaPath)?.properties as SchemaNode | undefined) ?? {});
    for (const near of suggest(String(error.params.additionalProperty), allowed, 1)) misspelt.add(`${error.instancePath}|${near}`);
  }
  for (const error of errors) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`)) continue;
    reportError(kind, source, error);
  }
}

/** Drop errors that only restate a more precise one (ajv reports both). */
function pruneErrors(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const seen = new Set<string>();
  const result: ErrorObject[] = [];
  for (const error of errors) {
    // A failed propertyNames check is reported through its inner error, which names the key.
    if (error.keyword === 'propertyNames') continue;
    // A fact's date may be the words `to be completed` (reported as a warning by the semantic checks).
    if (error.keyword === 'format' && error.schemaPath.includes('/factDate/') && valueAt(data, error.instancePath) === TO_BE_COMPLETED) continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}|${error.propertyName ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(error);
  }
  return result;
}

function reportError(kind: YamlKind, source: YamlSource, error: ErrorObject): void {
  const { file } = source;
  const parentSchema = resolveSchemaPath(schemas[kind], error.schemaPath);
  const path = error.instancePath;
  const where = (pointer: string, part: 'key' | 'value' = 'value') => source.locate(pointer, part) ?? source.locate(path) ?? source.locate('');
  /** A message at the value that failed (`path`). */
  const say = (reason: string, ruleId: string, more: Omit<MessageOptions, 'ruleId'> = {}) => report(file, reason, { ruleId, place: where(path), ...more });

  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(error.params.additionalProperty);
      const allowed = Object.keys((parentSchema?.properties as SchemaNode | undefined) ?? {});
      const near = suggest(property, allowed, 1);
      report(file, `Unexpected property \`${property}\`${didYouMeanNearest(near)}`, {
        ruleId: 'schema/unknown-property',
        place: where(`${path}/${escapePointerSegment(property)}`, 'key'),
        expected: allowed,
        actual: property,
        note: near.length ? undefined : `Allowed here: ${allowed.map((a) => `\`${a}\``).join(', ')}`,
      });
      return;
    }
    case 'required': {
      const property = String(error.params.missingProperty);
      const description = firstSentence(((parentSchema?.properties as SchemaNode | undefined)?.[property] as SchemaNode | undefined)?.description);
      // Point at the first line of the parent mapping, not its whole span.
      const parentName = path === '' ? `\`${kind}.yaml\`` : `\`${fieldName(path)}\``;
      report(file, `Missing property \`${property}\` in ${parentName}${description ? `, expected ${lowerFirst(description)}` : ''}`, {
        ruleId: 'schema/missing-property',
        place: parentPlace(source, path),
        expected: [property],
      });
      return;
    }
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]);
      const value = error.propertyName ?? valueAt(source.data, path);
      say(`Unexpected ${describeValue(value)} for \`${fieldName(path)}\`, expected ${expected.map(describeType).join(' or ')}`, 'schema/type', {
        expected,
        actual: typeOf(value),
      });
      return;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      if (error.propertyName !== undefined) {
        // A key that is not allowed (e.g. an unknown language code in a translatable text).
        const near = suggest(error.propertyName, allowed, 1);
        report(file, `Unexpected key \`${error.propertyName}\`${didYouMeanNearest(near, `, expected one of ${list(allowed)}`)}`, {
          ruleId: 'schema/unknown-key',
          place: where(`${path}/${escapePointerSegment(error.propertyName)}`, 'key'),
          expected: allowed,
          actual: error.propertyName,
        });
        return;
      }
      const value = valueAt(source.data, path);
      const near = typeof value === 'string' ? suggest(value, allowed, 1) : [];
      say(
        `Unexpected \`${String(value)}\` for \`${fieldName(path)}\`, expected one of ${list(allowed)}${near.length ? ` (did you mean \`${near[0]}\`?)` : ''}`,
        'schema/enum',
        { expected: allowed, actual: String(value) },
      );
      return;
    }
    case 'format': {
      const value = valueAt(source.data, path);
      const format = String(error.params.format);
      const expected =
        format === 'date'
          ? `a real date written \`YYYY-MM-DD\` (e.g. \`2018-05-23\`)${error.schemaPath.includes('/factDate/') ? ', or `to be completed`' : ''}`
          : format === 'uri'
            ? 'a full address starting with `https://`'
            : `a valid ${format}`;
      say(`Unexpected ${format} \`${String(value)}\` for \`${fieldName(path)}\`, expected ${expected}`, format === 'date' ? 'schema/date' : 'schema/format', {
        actual: String(value),
      });
      return;
    }
    case 'pattern': {
      const value = error.propertyName ?? valueAt(source.data, path);
      say(
        `Unexpected \`${String(value)}\` for \`${fieldName(path)}\`, expected ${describePattern(String(error.params.pattern), parentSchema)}`,
        'schema/pattern',
        { actual: String(value) },
      );
      return;
    }
    case 'minLength':
    case 'minItems':
    case 'minProperties': {
      const empty = error.keyword === 'minLength' ? 'empty text' : error.keyword === 'minItems' ? 'empty list' : 'empty mapping';
      say(
        `Unexpected ${empty} for \`${fieldName(path)}\`, expected ${error.keyword === 'minLength' ? 'some text' : `at least ${String(error.params.limit)} ${error.keyword === 'minItems' ? 'item' : 'entry'}${Number(error.params.limit) === 1 ? '' : 's'}`}`,
        'schema/empty',
      );
      return;
    }
    case 'uniqueItems': {
      const j = Number(error.params.j);
      report(file, `Unexpected duplicate item in \`${fieldName(path)}\`, expected each item once`, {
        ruleId: 'schema/duplicate-item',
        place: where(`${path}/${Math.max(Number(error.params.i), j)}`),
      });
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const value = valueAt(source.data, path);
      say(
        `Unexpected \`${String(value)}\` for \`${fieldName(path)}\`, expected a number ${String(error.params.comparison)} ${String(error.params.limit)}`,
        'schema/range',
      );
      return;
    }
    default:
      say(`Unexpected value for \`${fieldName(path)}\`: ${error.message ?? error.keyword}`, `schema/${error.keyword}`);
  }
}

/** A missing property is reported on the parent mapping: its first key line, not its whole span. */
function parentPlace(source: YamlSource, path: string) {
  const position = source.locate(path);
  if (!position) return undefined;
  if (path === '') return { line: position.start.line, column: position.start.column };
  if (/\/\d+$/.test(path)) {
    // A list item: its first line.
    const line = String(source.file.value).split('\n')[position.start.line - 1] ?? '';
    const end = position.start.line === position.end.line ? position.end.column : line.trimEnd().length + 1;
    return { start: position.start, end: { line: position.start.line, column: end } };
  }
  return source.locate(path, 'key') ?? position;
}

function resolveSchemaPath(root: SchemaNode, schemaPath: string): SchemaNode | undefined {
  // "#/properties/a/items/additionalProperties" → the schema holding the keyword.
  const segments = pointerSegments(schemaPath.replace(/^#/, ''));
  segments.pop();
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as SchemaNode)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as SchemaNode) : undefined;
}

function fieldName(pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments.length === 0) return '(top level)';
  // `recommendations[2].text` reads better than a JSON pointer.
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const VALUE_NAMES = new Map([
  ['null', 'empty value'],
  ['array', 'list'],
  ['object', 'mapping'],
]);

function describeValue(value: unknown): string {
  const type = typeOf(value);
  if (type === 'string') return `text \`${truncate(String(value))}\``;
  return VALUE_NAMES.get(type) ?? `${type} \`${String(value)}\``;
}

const TYPE_NAMES = new Map([
  ['object', 'a mapping (`key: value` lines)'],
  ['array', 'a list (`- item` lines)'],
  ['string', 'text'],
  ['integer', 'a whole number'],
  ['number', 'a number'],
  ['boolean', '`true` or `false`'],
]);

const describeType = (type: string): string => TYPE_NAMES.get(type) ?? type;

const PATTERNS: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'an id in lower-case kebab case starting with a letter (e.g. `rec-funding`)',
  '^(INT|ECO|SOC|NAT|TEN|REX|CCMI)/[0-9]+$': 'a reference code: a section and a number (e.g. `INT/835`, `SOC/800`)',
};

function describePattern(pattern: string, schema: SchemaNode | undefined): string {
  if (PATTERNS[pattern]) return PATTERNS[pattern];
  const examples = schema?.examples;
  if (Array.isArray(examples) && examples.length > 0) return `a value like \`${String(examples[0])}\``;
  return `text matching \`${pattern}\``;
}

function list(values: string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + '…' : text;
}

function firstSentence(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  let sentence = text.split(/(?<=\.)\s|\n/)[0]!.replace(/\.$/, '');
  // A long first sentence: its first clause.
  if (sentence.length > 100) sentence = sentence.split(/,\s|\s\(|:\s/)[0]!;
  return sentence.length > 100 ? undefined : sentence;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
