/**
 * Recognising recommendations where the text makes them clear: a point that
 * opens with "The EESC (therefore) recommends / calls on / urges / asks /
 * invites …" (and the French, Italian and German forms), addressed to
 * someone the text names ("the Commission", "the Member States"…), mapped to
 * the model's addressees. Anything less clear stays prose.
 */
import type { Addressee } from '../core/model.js';

const OPENINGS: readonly RegExp[] = [
  /^the (?:eesc|committee)(?: therefore| also| further)? (?:recommends|calls on|calls upon|urges|asks|invites)\b/iu,
  /^le (?:cese|comité)(?: donc| également| par conséquent)? (?:recommande|invite|demande|exhorte|appelle)\b/iu,
  /^il (?:cese|comitato)(?: pertanto| inoltre| quindi)? (?:raccomanda|invita|esorta|chiede)\b/iu,
  /^der (?:ewsa|ausschuss)(?: daher| ferner| deshalb)? (?:empfiehlt|fordert|appelliert|ersucht)\b/iu,
];

const NAMES: readonly [Addressee, RegExp][] = [
  ['european-commission', /\b(?:the (?:european )?commission|la commission|la commissione|die kommission|der kommission)\b/iu],
  ['council', /\b(?:the council|le conseil|il consiglio|den rat|der rat)\b/iu],
  ['european-parliament', /\b(?:the european parliament|le parlement européen|il parlamento europeo|das europäische parlament|dem europäischen parlament)\b/iu],
  ['member-states', /\b(?:member states|états membres|stati membri|mitgliedstaaten)\b/iu],
  [
    'regional-and-local-authorities',
    /\b(?:regional and local authorities|local and regional authorities|local authorities|collectivités (?:locales|territoriales)|autorités locales|enti locali|autorità locali|kommunalen|gebietskörperschaften)\b/iu,
  ],
  [
    'social-economy-enterprises',
    /\b(?:[Ss]ocial economy enterprises|SEEs|[Ee]ntreprises de l'économie sociale|EES|[Ii]mprese dell'economia sociale|IES|Unternehmen der Sozialwirtschaft)\b/u,
  ],
  ['social-partners', /\b(?:social partners|partenaires sociaux|parti sociali|sozialpartner)\b/iu],
  [
    'civil-society-organisations',
    /\b(?:civil society organisations|organisations de la société civile|organizzazioni della società civile|organisationen der zivilgesellschaft)\b/iu,
  ],
  ['eu-institutions', /\b(?:the eu institutions|institutions de l'ue|istituzioni dell'ue|eu-organe)\b/iu],
];

export interface Recognised {
  addressees: Addressee[];
}

/** The addressees of a point that reads as a recommendation; undefined when it does not, or names no addressee. */
export function recogniseRecommendation(text: string): Recognised | undefined {
  const trimmed = text.trim();
  const opening = OPENINGS.map((pattern) => pattern.exec(trimmed)).find(Boolean);
  if (!opening) return undefined;
  // Addressees are named in the clause that opens the sentence, before its verb's object ("to …").
  const clause = trimmed.slice(0, opening[0].length + 160).split(/\bto\b|\bà\b|\ba\b(?= [a-z]+are\b)|\bzu\b/iu)[0] ?? '';
  const named = trimmed.slice(0, opening[0].length) + clause.slice(opening[0].length);
  const addressees = NAMES.filter(([, pattern]) => pattern.test(named)).map(([addressee]) => addressee);
  return addressees.length > 0 ? { addressees } : undefined;
}
