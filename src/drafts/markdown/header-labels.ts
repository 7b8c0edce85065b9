/**
 * Header labels of drafts (the Official Journal wording, as `opinion build`
 * writes it for each language) and the stable field keys they stand for, so
 * that a converted Word draft and a built one compare field by field. The
 * keys are those of `Draft.header` written by the build.
 */

const LABELS: Record<string, readonly string[]> = {
  rapporteur: ['rapporteur', 'rapporteurs', 'rapporteure', 'relatore', 'relatori', 'berichterstatter', 'berichterstatterin', 'ponente', 'ponentes'],
  'co-rapporteur': [
    'co-rapporteur',
    'co-rapporteurs',
    'corapporteur',
    'corapporteurs',
    'correlatore',
    'correlatori',
    'mitberichterstatter',
    'mitberichterstatterin',
    'coponente',
  ],
  'rapporteur-general': [
    'rapporteur-general',
    'rapporteur general',
    'rapporteur général',
    'relatore generale',
    'hauptberichterstatter',
    'hauptberichterstatterin',
    'ponente general',
  ],
  referral: ['referral', 'saisine', 'consultazione', 'befassung', 'adviesaanvraag', 'consulta'],
  consultation: ['consultation'],
  decision: [
    'plenary assembly decision',
    'bureau decision',
    'décision de l’assemblée plénière',
    "décision de l'assemblée plénière",
    'décision du bureau',
    'decisione dell’assemblea plenaria',
    "decisione dell'assemblea plenaria",
    'decisione dell’ufficio di presidenza',
    "decisione dell'ufficio di presidenza",
    'beschluss des plenums',
    'beschluss des präsidiums',
    'decisión del pleno',
    'decisión de la mesa',
  ],
  legal_basis: ['legal basis', 'base juridique', 'base giuridica', 'rechtsgrundlage', 'fundamento jurídico'],
  section: ['section responsible', 'compétence', 'sezione competente', 'zuständige fachgruppe', 'sección competente'],
  adopted_in_section: ['adopted in section', 'adoption en section spécialisée', 'adozione in sezione', 'annahme in der fachgruppe', 'aprobado en sección'],
  adopted_at_plenary: [
    'adopted at plenary',
    'adoption en session plénière',
    'adozione in sessione plenaria',
    'verabschiedung auf der plenartagung',
    'aprobado en el pleno',
  ],
  plenary_session: ['plenary session no', 'session plénière no', 'session plénière nº', 'sessione plenaria n', 'plenartagung nr', 'pleno n.º'],
  vote: [
    'outcome of vote (for/against/abstentions)',
    'résultat du vote (pour/contre/abstentions)',
    'esito della votazione (favorevoli/contrari/astenuti)',
    'ergebnis der abstimmung (ja-stimmen/nein-stimmen/enthaltungen)',
    'resultado de la votación (a favor/en contra/abstenciones)',
  ],
};

/** Values of the label-less row under the legal basis: the opinion's kind. */
const KIND_VALUES = [
  'own-initiative opinion',
  'additional opinion',
  'avis d’initiative',
  "avis d'initiative",
  'avis supplémentaire',
  'parere d’iniziativa',
  "parere d'iniziativa",
  'parere supplementare',
  'initiativstellungnahme',
  'zusatzstellungnahme',
  'dictamen de iniciativa',
];

/** The banner of a non-final version, its purpose and version lines. */
const STAGE_VALUES = [
  'preliminary draft',
  'draft opinion',
  'section opinion',
  'avant-projet',
  'projet d’avis',
  "projet d'avis",
  'avis de section',
  'progetto preliminare',
  'progetto di parere',
  'parere di sezione',
  'vorentwurf',
  'entwurf einer stellungnahme',
  'stellungnahme der fachgruppe',
];
const STAGE_PURPOSE = /^(?:version for|version pour|versione per|fassung für)\b/iu;
const VERSION = /^(?:version|versione|fassung)\s+\d+\b/iu;
/** A reference, or the gap the build prints for one not known ("[to be completed]", "[reference not yet assigned]"). */
const REFERENCE = /^(?:(?:INT|ECO|SOC|NAT|TEN|REX|CCMI)\/\d+\b|\[[^\]\n]{1,60}\]$)/u;
const DOCUMENT = /^EESC-\d{4}-\d+/u;
const KIND_LINE = /^\(.+\)$/su;
/** The title line of an opinion or information report, in the languages the build knows. */
const TITLE =
  /^(?:opinion|information report|avis|rapport d’information|parere|relazione informativa|stellungnahme|informationsbericht|dictamen)\b.*[‘'"„“«]/iu;
/** "Brussels, 23 May 2018." and its translations: the closing block starts here. */
const CLOSING =
  /^(?:brussels|bruxelles|brüssel|bruselas|bruxelas|brussel|bryssel|bruksela|brusel|brisel|brüsszel|briuselis|brisele|brussell|bruiséal|βρυξέλλες|брюксел)\s*,/iu;

const BY_LABEL = new Map<string, string>();
for (const [field, labels] of Object.entries(LABELS)) for (const label of labels) BY_LABEL.set(label, field);

/** A label as looked up: lower case, no trailing colon or dot, single spaces. */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/\s+/gu, ' ').trim().replace(/[:.]$/u, '').trim();
}

/** The field of a labelled header row; the label itself (as a key) when unknown. */
export function fieldOfLabel(label: string): string {
  const key = labelKey(label);
  return BY_LABEL.get(key) ?? key;
}

export function isKnownLabel(label: string): boolean {
  return BY_LABEL.has(labelKey(label));
}

export function isKindValue(value: string): boolean {
  return KIND_VALUES.includes(labelKey(value));
}

/**
 * The banner of a non-final version written on one line, "DRAFT OPINION – version
 * for the section meeting": the stage and its purpose.
 */
export function splitBanner(line: string): { stage: string; purpose: string } | undefined {
  const match = /^(.+?)\s+[–—-]\s+(.+)$/u.exec(line.trim());
  if (!match || !STAGE_VALUES.includes(labelKey(match[1] ?? ''))) return undefined;
  return { stage: (match[1] ?? '').trim(), purpose: (match[2] ?? '').trim() };
}

/** The field of an unlabelled line before the first chapter (banner, reference…), if recognised. */
export function fieldOfLine(line: string): string | undefined {
  const text = line.trim();
  if (STAGE_VALUES.includes(labelKey(text))) return 'stage';
  if (STAGE_PURPOSE.test(text)) return 'stage_purpose';
  if (VERSION.test(text)) return 'version';
  if (REFERENCE.test(text)) return 'reference';
  if (DOCUMENT.test(text)) return 'document';
  if (KIND_LINE.test(text)) return 'kind_line';
  return undefined;
}

export function isTitleLine(line: string): boolean {
  return TITLE.test(line.trim());
}

export function isClosingLine(line: string): boolean {
  return CLOSING.test(line.trim());
}
