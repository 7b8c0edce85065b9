/**
 * opinion.yaml from the front of a draft: the reference and document number,
 * the title (out of the title line), the kind (the kind line or the header
 * row under the legal basis), the stage, version and date (the banner), the
 * header table's rows, and the closing block — each read with the label file
 * of the draft's language, so that `opinion build` writes them back the same.
 * Rows that have no place in the metadata are reported and kept as comments.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { DraftHeaderField } from '../core/draft.js';
import { report } from '../core/messages.js';
import type { Labels } from '../labels/labels.js';
import type { LabelKey } from '../labels/labels.js';
import { looseTitle, matchLabel, matchTemplate, normalise, parseLongDate, parseShortDate } from './labels.js';
import { formatClosingDate } from '../render/dates.js';
import { lineText } from '../drafts/markdown/front-matter.js';
import { labelKey, stageBannerStart } from '../drafts/markdown/header-labels.js';
import type { Structure } from './structure.js';
import { NOT_YET_ASSIGNED, TO_BE_COMPLETED } from '../core/placeholders.js';

export interface Metadata {
  meta: Record<string, unknown>;
  /** Header rows kept as comments in opinion.yaml. */
  unknown: string[];
}

const STAGE_KEYS = ['preliminary-draft', 'study-group', 'section', 'plenary'] as const;
const KIND_KEYS = ['own-initiative', 'exploratory', 'additional'] as const;

function info(file: VFile, reason: string, severity: 'info' | 'warning' = 'info', place?: Position): void {
  report(file, reason, { ruleId: severity === 'info' ? 'import/guess' : 'import/unmapped-header', severity, place });
}

/** A courtesy title before a name, as older Official Journal headers print it ("Mr Pegado LIZ", "M. Andris GOBIŅŠ", "Frau …"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Mme|Mlle|M\.|Herr|Frau|Sig\.(?:ra)?|Sr\.|Sra\.|Pan|Pani|de heer|mevrouw)\s+(?=\p{Lu})/u;

/**
 * The adoption and the section's work told as sentences, as Official Journal
 * headers did before the header table (English, French, German and Italian): "At its 478th
 * plenary session, held on 22-23 February 2012 (meeting of 22 February), the
 * European Economic and Social Committee adopted the following opinion by 118
 * votes to 3 with 8 abstentions." Groups: session, days held, meeting day,
 * for, against, abstentions; then section, date.
 */
const PLENARY_SENTENCES: Record<string, RegExp> = {
  de: /^Der (?:Europäische Wirtschafts- und Sozial)?Ausschuss verabschiedete auf seiner (\d+)\. Plenartagung,? (?:am |vom )?(.+?)(?: \(Sitzung vom (.+?)\))?,? mit (\d+) gegen (\d+) Stimmen?,? bei (\d+) (?:Stimm)?[Ee]nthaltungen? (?:folgende|die vorliegende|diese) Stellungnahme[.:]?$/u,
  en: /^At its (\d+)(?:st|nd|rd|th) plenary session,? held on (.+?)(?: \(meeting of (.+?)\))?, the European Economic and Social Committee adopted (?:the following|its|this) opinion,? by (\d+) votes? to (\d+|none),? with (\d+|no) abstentions?\.?$/iu,
  // "Alla sua 482a sessione plenaria, dei giorni 11 e 12 luglio 2012 (seduta dell'11 luglio), … con 143 voti favorevoli e 9 astensioni": none against is not said.
  it: /^Alla sua (\d+)a sessione plenaria,? (?:dei giorni |del |dell['’])?(.+?)(?: \(seduta del(?:l['’]| )(.+?)\))?,? il Comitato economico e sociale europeo ha adottato (?:il seguente|il presente) parere,? con (\d+) voti favorevoli(?:,? (\d+) voti? contrari)?(?:,? e (\d+) astensioni?)?\.?$/iu,
  fr: /^Lors de sa (\d+)e session plénière,? (?:tenue )?(?:les |le |des |du )?(.+?)(?: \(séance du (.+?)\))?, le Comité économique et social européen a adopté (?:le présent avis|l['’]avis suivant) par (\d+) voix pour,? (\d+) voix contre et (\d+) abstentions?\.?$/iu,
};
const SECTION_SENTENCES: Record<string, RegExp> = {
  // The rapporteur may follow in the same paragraph: "Berichterstatter war Herr PARIZA CASTAÑOS."
  de: /^Die mit den Vorarbeiten beauftragte (Fachgruppe .+?) nahm ihre Stellungnahme am (.+?) an\.(?:\s+(Berichterstatter.+?)\.?)?$/u,
  en: /^The (?:Section|Specialised Section) for (?:the )?(.+?), which was responsible for preparing the Committee['’]s work on the subject, adopted its opinion on (.+?)\.(?:\s*\(.*\)\.?)?$/iu,
  it: /^La sezione specializzata ["«»“ ]*(.+?)["«»” ]*, incaricata di preparare i lavori del Comitato in materia, ha formulato il proprio parere in data (.+?)\.?$/iu,
  fr: /^La section ["«»“ ]*(.+?)["«»” ]*, chargée de préparer les travaux du Comité en la matière, a adopté son avis le (.+?)\.(?:\s*\(.*\)\.?)?$/iu,
};
/** A count of votes as the sentence gives it; none when it says nothing ("143 voti favorevoli e 9 astensioni") or "none". */
const count = (value: string | undefined) => (value !== undefined && /^\d+$/u.test(value) ? Number(value) : 0);

/** "Berichterstatter war Herr X, Mitberichterstatterin war Frau Y": each role, its names, and whether the feminine form names it. */
function sentenceRapporteurs(text: string): { role: 'rapporteur' | 'co-rapporteur'; who: string; feminine: boolean }[] {
  return [...text.matchAll(/(Mit)?[Bb]erichterstatter(in)? war (.+?)(?=,?\s*(?:und )?Mitberichterstatter|\.?$)/gu)].map((m) => ({
    role: m[1] ? 'co-rapporteur' : 'rapporteur',
    who: m[3]!,
    feminine: m[2] !== undefined,
  }));
}

function names(value: string): string[] {
  return value
    .split(/\s*(?:,|;|\n| and | et | e | und )\s*/u)
    .map((name) => name.trim().replace(HONORIFIC, ''))
    .filter(Boolean);
}

export function metadataFrom(structure: Structure, labels: Labels, lang: string, file: VFile, fallbackReference: string): Metadata {
  const meta: Record<string, unknown> = {};
  const unknown: string[] = [];
  const rows = structure.front.header;
  const rapporteurs: { name: string; role: string; form?: 'feminine' }[] = [];
  let banner: string | undefined;
  let purpose: string | undefined;
  let kind: string | undefined;
  // A label as a message names it (single spaces, no trailing colon) and as compared with the draft's (lower case too).
  const bare = (text: string) => normalise(text).replace(/:$/u, '');
  const comparable = (text: string) => bare(text).toLowerCase();
  const label = (key: LabelKey) => comparable(labels.text[key] ?? '');
  // "Zpravodajka:", "Berichterstatterin:": a row whose label is the feminine form, where the language has one of its own.
  const feminine = (role: string, printed: string) =>
    (['', 's'] as const).some((plural) => {
      const form = label(`header.${role}${plural}-feminine` as LabelKey);
      return form !== '' && form !== label(`header.${role}${plural}` as LabelKey) && form === comparable(printed);
    });
  const keep = (what: string, row: { label: string; value: string }) => {
    unknown.push(`${row.label ? `${row.label} ` : ''}${row.value}`.trim());
    info(
      file,
      `Unexpected ${what} \`${`${row.label} ${row.value}`.trim()}\`, expected a header row \`opinion build\` writes: kept as a comment in opinion.yaml`,
      'warning',
      // At the paragraph it was read from (none for what is put together from several rows, a banner).
      structure.places.get(row as DraftHeaderField),
    );
  };

  // The build's visible gaps read back as the words that made them.
  const gap = normalise(labels.text['values.to-be-completed']);
  const unassigned = normalise(labels.text['values.reference-not-assigned']);
  const word = (value: string) => (value === gap ? TO_BE_COMPLETED : value === unassigned ? NOT_YET_ASSIGNED : value);
  const shortDate = (value: string) => (value === TO_BE_COMPLETED ? value : parseShortDate(labels, value));
  const longDate = (value: string) => (normalise(value) === gap ? TO_BE_COMPLETED : parseLongDate(labels, value));

  for (const row of rows) {
    const value = word(normalise(row.value));
    switch (row.field) {
      case 'reference':
      case 'document':
      case 'legal_basis':
      case 'section':
        meta[row.field] = value;
        break;
      case 'stage':
        banner = value;
        break;
      case 'stage_purpose':
        purpose = value;
        break;
      case 'version': {
        const withDate = matchLabel(labels, 'stage.version-date', value);
        const only = withDate ?? matchLabel(labels, 'stage.version', value);
        if (only?.version && /^\d+$/u.test(only.version)) meta.version = Number(only.version);
        const date = withDate?.date ? longDate(withDate.date) : undefined;
        if (date) meta.version_date = date;
        if (!only) keep('version line', row);
        break;
      }
      case 'kind_line': {
        const requested = matchLabel(labels, 'kind.exploratory-requested', value);
        if (requested?.requested_by) {
          kind = 'exploratory';
          meta.requested_by = requested.requested_by;
        } else {
          // As labels are looked up: case, spaces and a typed ' for the label file's ’ aside.
          const found = KIND_KEYS.find((key) => labelKey(labels.text[`kind.${key}`] ?? '') === labelKey(value));
          if (found) kind = found;
          else if (value === `(${gap})`) kind = TO_BE_COMPLETED;
          else keep('line', row);
        }
        break;
      }
      case 'kind':
        kind ??= normalise(labels.text['header.additional']) === value ? 'additional' : 'own-initiative';
        break;
      case 'rapporteur':
      case 'co-rapporteur':
      case 'rapporteur-general':
        for (const name of names(row.value))
          rapporteurs.push({ name: word(name), role: row.field, ...(feminine(row.field, row.label) ? { form: 'feminine' } : {}) });
        break;
      case 'decision': {
        const date = shortDate(value);
        if (!date) {
          keep('decision date', row);
          break;
        }
        meta.decision = { by: comparable(row.label) === label('header.bureau-decision') ? 'bureau' : 'plenary', date };
        break;
      }
      case 'referral':
      case 'consultation': {
        const parts = matchLabel(labels, 'header.referral-value', value);
        const date = parts?.date ? shortDate(word(parts.date)) : undefined;
        if (!parts?.body || !date) {
          keep('referral', row);
          break;
        }
        const referrals = (meta.referrals ??= []) as unknown[];
        referrals.push({ type: row.field, body: parts.body, date });
        break;
      }
      case 'adopted_in_section':
      case 'adopted_at_plenary': {
        const date = shortDate(value);
        if (date) meta[row.field] = date;
        else keep('date', row);
        break;
      }
      case 'plenary_session':
        if (/^\d+$/u.test(value)) meta.plenary_session = Number(value);
        else keep('session', row);
        break;
      case 'vote': {
        const vote = matchLabel(labels, 'header.vote-value', value);
        if (vote && [vote.for, vote.against, vote.abstentions].every((n) => /^\d+$/u.test(n ?? ''))) {
          meta.vote = { for: Number(vote.for), against: Number(vote.against), abstentions: Number(vote.abstentions) };
        } else keep('vote', row);
        break;
      }
      default: {
        const plenary = row.label ? null : (PLENARY_SENTENCES[lang]?.exec(value) ?? null);
        const section = row.label ? null : (SECTION_SENTENCES[lang]?.exec(value) ?? null);
        if (plenary) {
          const [, session, held, meeting, yes, no, abstentions] = plenary as unknown as string[];
          meta.plenary_session = Number(session);
          meta.vote = { for: Number(yes), against: count(no), abstentions: count(abstentions) };
          // The day of the meeting, its year that of the days held; or the one day it was held.
          const year = /\d{4}(?!.*\d{4})/u.exec(held!)?.[0];
          const date = longDate(meeting ? `${meeting}${/\d{4}/u.test(meeting) ? '' : ` ${year ?? ''}`}` : held!);
          if (date) meta.adopted_at_plenary = date;
          else keep('plenary date', { label: '', value });
        } else if (section) {
          const [, name, day, named] = section as unknown as (string | undefined)[];
          meta.section ??= name!.trim();
          for (const { role, who, feminine } of sentenceRapporteurs(named ?? ''))
            for (const one of names(who)) {
              if (!rapporteurs.some((r) => r.name === one)) rapporteurs.push({ name: one, role, ...(feminine ? { form: 'feminine' as const } : {}) });
            }
          const date = longDate(day!);
          if (date) meta.adopted_in_section = date;
          else keep('section date', { label: '', value });
        } else keep(row.label ? 'header row' : 'line before the first chapter', row);
      }
    }
  }

  // Title: the title line without its fixed wording.
  const titleLine = structure.front.title;
  if (titleLine) {
    // The title with its spaces as written (a narrow no-break space kept), as the diff reads the title line.
    const opinion = matchLabel(labels, 'title.opinion', titleLine, true);
    const report = matchLabel(labels, 'title.information-report', titleLine, true);
    if (report?.title) kind = 'information-report';
    // A published title line ends with the kind, as EUR-Lex names the document: "… sur «…» (avis exploratoire)".
    kind ??= KIND_KEYS.find((key) => {
      const line = labels.text[`kind.${key}`];
      return line && labelKey(titleLine).endsWith(` ${labelKey(line)}`);
    });
    const loose = opinion || report ? undefined : looseTitle(labels.text['title.opinion'], titleLine);
    meta.title = word((opinion ?? report)?.title ?? loose ?? lineText(titleLine));
    if (loose)
      info(
        file,
        `Unexpected title line \`${normalise(titleLine)}\`, expected \`${labels.text['title.opinion']}\`: read the title as \`${loose}\`, check it in opinion.yaml`,
      );
    else if (!opinion && !report)
      info(file, `Unexpected title line \`${normalise(titleLine)}\`, expected \`${labels.text['title.opinion']}\`: taken whole as the title`, 'warning');
  } else {
    meta.title = fallbackReference;
    info(
      file,
      `Unexpected draft without a title line, expected \`${labels.text['title.opinion']}\`: the title is \`${fallbackReference}\`, change it in opinion.yaml`,
      'warning',
    );
  }

  if (!meta.reference) {
    meta.reference = TO_BE_COMPLETED;
    info(
      file,
      'Unexpected draft without a reference (e.g. `INT/871`) before the first chapter, expected one: set to `to be completed` in opinion.yaml',
      'warning',
    );
  }
  if (kind === undefined) {
    kind = (meta.referrals as unknown[] | undefined)?.length ? 'referral' : 'own-initiative';
    info(file, `Unexpected draft without a kind line such as \`${labels.text['kind.own-initiative']}\`, expected one: guessed \`${kind}\``);
  }
  meta.kind = kind;
  // A referral or exploratory opinion names who asked for it: a gap the build shows, rather than a folder that does not validate.
  if ((kind === 'referral' || kind === 'exploratory') && !(meta.referrals as unknown[] | undefined)?.length) {
    meta.referrals = [{ type: 'referral', body: TO_BE_COMPLETED, date: TO_BE_COMPLETED }];
    info(
      file,
      `Unexpected ${kind} opinion without a \`${bare(labels.text['header.referral'] ?? '')}\` row, expected who asked for it and when: set to \`to be completed\` in opinion.yaml`,
      'warning',
    );
  }
  if (rapporteurs.length)
    meta.rapporteurs = rapporteurs.map(({ role, ...r }) => (role === 'rapporteur' ? r : { name: r.name, role, ...(r.form ? { form: r.form } : {}) }));

  // Stage: the banner's purpose says which version it is; the banner alone may not.
  let stage: string | undefined = STAGE_KEYS.find((key) => purpose !== undefined && normalise(labels.text[`stage.${key}-purpose`]) === purpose);
  if (!stage && banner !== undefined) {
    let matches = STAGE_KEYS.filter((key) => normalise(labels.text[`stage.${key}`]) === banner);
    // "PRELIMINARY DRAFT OPINION": a banner with a word more.
    const start = matches.length === 0 ? stageBannerStart(banner) : undefined;
    if (start !== undefined) {
      matches = STAGE_KEYS.filter((key) => labelKey(labels.text[`stage.${key}`] ?? '') === start);
      if (matches.length > 0)
        info(
          file,
          `Unexpected banner \`${banner}\`, expected \`${labels.text[`stage.${matches[0]!}`]}\`: read as the stage \`${matches[0]}\`, whose banner the build writes`,
        );
    }
    stage = matches[0];
    if (matches.length > 1) info(file, `Unexpected banner \`${banner}\` without the version's purpose, expected both: guessed stage \`${stage}\``);
    if (!stage) keep('banner', { label: '', value: banner });
  }
  if (!stage && !meta.adopted_at_plenary && structure.closing.length > 0) {
    // "Brussels, 28 March 2012" and the President: only the text as adopted is signed so.
    stage = 'adopted';
    info(
      file,
      "Unexpected draft without a stage banner, expected one: the closing block (place, date, the President) is the adopted text's, stage set to `adopted`",
    );
  }
  if (!stage) {
    stage = meta.adopted_at_plenary ? 'adopted' : 'preliminary-draft';
    if (stage !== 'adopted')
      info(
        file,
        `Unexpected draft without a stage banner, expected one such as \`${labels.text['stage.preliminary-draft']}\`: stage set to \`preliminary-draft\` (the build then shows its banner)`,
        'warning',
      );
  }
  meta.stage = stage;

  // Closing block: "Brussels, 23 May 2018." then the president's title and name.
  const [first, ...rest] = structure.closing;
  if (first) {
    // The place the build writes when none is given ("V Bruseli", whose space a `{place} {date}` pattern would split) first.
    const atBrussels = labels.text['closing.place-date'].replace('{place}', labels.text['values.brussels']);
    const placeDate = matchTemplate(atBrussels, first) ?? matchLabel(labels, 'closing.place-date', first);
    const date = placeDate?.date
      ? normalise(placeDate.date) === gap
        ? TO_BE_COMPLETED
        : (parseLongDate(labels, placeDate.date, formatClosingDate) ?? parseLongDate(labels, placeDate.date))
      : undefined;
    const closing: Record<string, unknown> = {};
    if (placeDate?.place) closing.place = placeDate.place;
    if (date) closing.date = date;
    const president = normalise(labels.text['closing.president']);
    const names = rest.filter((line) => normalise(line) !== president);
    if (names.length === 1) closing.president = names[0];
    if (!date || names.length > 1 || !rest.some((line) => normalise(line) === president)) {
      unknown.push(...structure.closing);
      info(
        file,
        `Unexpected closing block \`${structure.closing.join(' / ')}\`, expected \`${labels.text['closing.place-date']}\`, \`${president}\` and a name: kept as a comment in opinion.yaml`,
        'warning',
      );
    }
    meta.closing = closing;
    if (stage !== 'adopted') {
      report(
        file,
        `Unexpected closing block \`${structure.closing.join(' / ')}\` on a version at stage \`${stage}\`, expected it on the text as adopted only: kept in opinion.yaml, the build prints it once \`stage\` is \`adopted\``,
        {
          ruleId: 'import/closing-before-adoption',
          severity: 'warning',
        },
      );
    }
  }
  meta.language = lang;
  meta.languages = [lang];
  return { meta, unknown };
}
