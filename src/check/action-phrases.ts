/**
 * Words by which a recommendation calls for something, per language
 * (matched at the start of a word, case-insensitively; `*` allows any
 * ending). Verified for EN, FR, IT and DE only.
 */
export const ACTION_PHRASES: Record<string, string[]> = {
  en: [
    'call* on', 'call* for', 'call* upon', 'urge*', 'recommend*', 'ask*', 'invite*', 'request*', 'encourage*', 'propose*', 'suggest*',
    'advocate*', 'appeal* to', 'demand*', 'insist*', 'should', 'must', 'need* to', 'has to', 'have to', 'it is necessary', 'it is essential',
    'stresses the need', 'emphasises the need', 'underlines the need',
  ],
  fr: [
    'invite*', 'appelle*', 'demande*', 'recommande*', 'exhorte*', 'encourage*', 'préconise*', 'propose*', 'suggère*', 'plaide*', 'insiste*',
    'engage*', 'prie*', 'devrai*', 'doit', 'doivent', 'il convient', 'il faut', 'il est nécessaire', 'il est essentiel',
  ],
  it: [
    'invita*', 'chiede*', 'raccomanda*', 'esorta*', 'incoraggia*', 'sollecita*', 'propone*', 'suggerisce*', 'auspica*', 'insiste*', 'invoca*',
    'richiede*', 'dovrebbe*', 'deve', 'devono', 'occorre', 'è necessario', 'è essenziale',
  ],
  de: [
    'fordert*', 'empfiehlt*', 'ruft*', 'ersucht*', 'appelliert*', 'bittet*', 'drängt*', 'schlägt*', 'regt*', 'plädiert*', 'spricht sich',
    'sollte*', 'muss', 'müssen', 'ist es notwendig', 'ist erforderlich', 'setzt sich', 'tritt',
  ],
};
