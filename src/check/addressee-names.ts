/**
 * How the text names each addressee, per language: word stems matched at
 * the start of a word, case-insensitively (`*` allows any ending; without
 * it a plural `s` is allowed). Verified for EN, FR, IT and DE only.
 */
import type { Addressee } from '../core/model.js';
import { escapeRegExp } from '../core/regexp.js';
import { wordPattern } from '../text/word-pattern.js';

export const ADDRESSEE_NAMES: Record<string, Record<Addressee, string[]>> = {
  en: {
    'european-commission': ['Commission'],
    council: ['Council'],
    'european-parliament': ['Parliament'],
    'member-states': ['Member State'],
    'regional-and-local-authorities': [
      'regional and local authorit*',
      'local and regional authorit*',
      'local authorit*',
      'regional authorit*',
      'municipalit*',
      'cities',
      'regions',
    ],
    'social-economy-enterprises': ['social economy enterprise', 'social-economy enterprise', 'SEE', 'social enterprise', 'cooperative', 'social economy'],
    'social-partners': ['social partner', 'trade union', "employers' organisation"],
    'civil-society-organisations': ['civil society*', 'civil-society*', 'NGO', 'non-governmental organisation'],
    eesc: ['EESC', 'Committee'],
    'eu-institutions': ['EU institution', 'European institution', 'institutions of the EU', 'institutions of the European Union', 'EU'],
  },
  fr: {
    'european-commission': ['Commission'],
    council: ['Conseil'],
    'european-parliament': ['Parlement'],
    'member-states': ['États membres', 'État membre', 'Etats membres', 'Etat membre'],
    'regional-and-local-authorities': [
      'autorités régionales et locales',
      'autorités locales',
      'autorités régionales',
      'collectivités',
      'pouvoirs locaux',
      'pouvoirs publics locaux',
    ],
    'social-economy-enterprises': ['EES', "entreprises de l'économie sociale", "entreprise de l'économie sociale", 'économie sociale', 'coopérative'],
    'social-partners': ['partenaires sociaux', 'syndicat'],
    'civil-society-organisations': ['société civile', 'ONG'],
    eesc: ['CESE', 'Comité'],
    'eu-institutions': ["institutions de l'UE", "institutions de l'Union", 'institutions européennes', 'UE'],
  },
  it: {
    'european-commission': ['Commissione'],
    council: ['Consiglio'],
    'european-parliament': ['Parlamento'],
    'member-states': ['Stati membri', 'Stato membro'],
    'regional-and-local-authorities': [
      'autorità regionali e locali',
      'autorità locali',
      'autorità regionali',
      'enti locali',
      'enti territoriali',
      'comuni',
      'regioni',
    ],
    'social-economy-enterprises': ['IES', "imprese dell'economia sociale", "impresa dell'economia sociale", 'economia sociale', 'cooperativ*'],
    'social-partners': ['parti sociali', 'sindacat*'],
    'civil-society-organisations': ['società civile', 'ONG'],
    eesc: ['CESE', 'Comitato'],
    'eu-institutions': ["istituzioni dell'UE", "istituzioni dell'Unione", 'istituzioni europee', 'UE'],
  },
  de: {
    'european-commission': ['Kommission*'],
    council: ['Rat', 'Rates', 'Rats'],
    'european-parliament': ['Parlament*'],
    'member-states': ['Mitgliedstaat*', 'Mitgliedsstaat*'],
    'regional-and-local-authorities': ['Gebietskörperschaft*', 'Kommunen', 'Gemeinden', 'Regionen', 'lokale* Behörde*', 'regionale* Behörde*'],
    'social-economy-enterprises': ['Unternehmen der Sozialwirtschaft', 'Sozialwirtschaft*', 'Sozialunternehmen', 'Genossenschaft*'],
    'social-partners': ['Sozialpartner*', 'Gewerkschaft*'],
    'civil-society-organisations': ['Zivilgesellschaft*', 'zivilgesellschaftliche*', 'NGO*', 'Nichtregierungsorganisation*'],
    eesc: ['EWSA', 'Ausschuss*'],
    'eu-institutions': ['EU-Organ*', 'EU-Institution*', 'Organe der EU', 'Institutionen der EU', 'EU'],
  },
};

/** Whether `text` names `name` (a cheap look for its first word comes first). */
export function mentions(text: string, name: string): boolean {
  const { first, caseless, body } = nameOf(name);
  if (!(caseless ? lowerCase(text) : text).includes(first)) return false;
  return wordPattern(body, caseless ? 'i' : '', name).test(text);
}

interface Name {
  /** The literal start of its first word (in lower case when it matches in any case). */
  first: string;
  caseless: boolean;
  /** Its pattern: words at word boundaries, `*` for any ending, apostrophes and hyphens loose. */
  body: string;
}

/** Names read once: the rules look for the same few in every recommendation and language. */
const NAMES = new Map<string, Name>();

function nameOf(name: string): Name {
  let found = NAMES.get(name);
  if (!found) {
    const caseless = !CAPITALS.test(name);
    // Its first word up to an apostrophe or hyphen, which the pattern matches loosely (`employers’` for `employers'`).
    const first = name.split(/\s+/)[0]!.replace(/\*$/, '').split(/['’-]/)[0]!;
    const body = name
      .split(/\s+/)
      .map((word) => {
        const open = word.endsWith('*');
        const stem = escapeRegExp(open ? word.slice(0, -1) : word)
          .replace(/['’]/g, "['’]")
          .replace(/-/g, '[-‐‑ ]?');
        return open ? `${stem}[\\w\u00c0-\u024f-]*` : `${stem}(?:s|es)?`;
      })
      .join('\\s+');
    NAMES.set(name, (found = { first: caseless ? first.toLowerCase() : first, caseless, body }));
  }
  return found;
}

/** The last text looked in, in lower case: each is looked in for many names in turn. */
let lastText = '';
let lastLower = '';

function lowerCase(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** A name starting with two capitals (`EU`, `SEEs`) is matched in its case; any other in any case. */
const CAPITALS = /^\p{Lu}{2,}/u;
