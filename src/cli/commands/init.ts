import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { commaList, EXIT, UsageError } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { BUILTIN_TEMPLATES_DIR } from '../../core/package-files.js';
import { OPINION_KINDS, STAGES } from '../../core/model.js';
import { isOfficialLanguage, LANGUAGE_CODES } from '../../core/languages.js';
import { parseIsoDate } from '../../render/dates.js';
import type { ScaffoldOptions } from '../../init/index.js';

const STAGE_NAMES = [...STAGES];

export const initCommand: DefineCommand = (io, setExit) =>
  new Command('init')
    .summary('create a new opinion folder with every source file, commented and valid')
    .description(
      'Create a new opinion folder: opinion.yaml, principles, recommendations, evidence,\n' +
        'hearings, glossary, the chapters in text/<lang>/ and notes/, each commented and\n' +
        'linked to its JSON Schema for completion in editors. Never overwrites anything.\n' +
        'Only the facts given as options are written: every other fact is `to be\n' +
        'completed`, which validate reports and build prints as a visible gap.',
    )
    .argument('<dir>', 'the new opinion folder (must not exist, or be empty)')
    .option('--reference <code>', 'reference code, e.g. INT/835, or "not yet assigned"')
    .option('--title <title>', 'title of the opinion')
    .addOption(new Option('--kind <kind>', 'kind of opinion').choices(OPINION_KINDS))
    .option('--legal-basis <text>', 'legal basis, e.g. "Rule 52(2) of the Rules of Procedure"')
    .option('--section <name>', 'section responsible, e.g. "Single Market, Production and Consumption"')
    .option('--rapporteur <name>', 'rapporteur, surname in capitals (e.g. "Giuseppe GUERINI")')
    .addOption(new Option('--decided-by <body>', 'who decided to draw up the opinion').choices(['plenary', 'bureau']))
    .option('--decision-date <date>', 'date of that decision, YYYY-MM-DD')
    .addOption(new Option('--stage <stage>', 'stage of the first version').choices(STAGE_NAMES))
    .option('--version-date <date>', 'date of the first version, YYYY-MM-DD')
    .addOption(new Option('--language <code>', 'original language').choices(LANGUAGE_CODES).default('en'))
    // As `import`, `build` and `diff` name a language (`opinion init x --lang fr`).
    .addOption(new Option('-l, --lang <code>', 'original language (the same as --language)').choices(LANGUAGE_CODES).conflicts('language').hideHelp())
    .option('--languages <codes>', 'every language of the text, comma-separated (e.g. en,fr,de)')
    .action(async (dir: string, raw: InitOptions) => {
      const options = checkOptions(raw);
      const { scaffoldOpinion } = await import('../../init/index.js');
      const { writeNewFolder } = await import('../../core/atomic-write.js');
      const target = resolve(io.cwd, dir);
      const files = await scaffoldOpinion({
        scaffoldDir: resolve(BUILTIN_TEMPLATES_DIR, 'scaffold'),
        targetDir: target,
        ...options,
      });
      await writeNewFolder(target, files, { refusal: 'init never overwrites anything: choose a new folder' });
      const shown = displayPath(target, io.cwd);
      io.stdout(`Created ${shown}/ with ${files.length} files:\n`);
      for (const file of files) io.stdout(`  ${file.path}\n`);
      io.stdout(`\nNext: edit the files, then run \`opinion validate ${shown}\`.\n`);
      setExit(EXIT.ok);
    });

/** The options as commander gives them: the scaffold's facts, `--languages` still a comma-separated list. */
type InitOptions = Omit<ScaffoldOptions, 'scaffoldDir' | 'schemasDir' | 'targetDir' | 'language' | 'languages'> & {
  language: string;
  lang?: string;
  languages?: string;
};

/** The options as the scaffold takes them, or a usage error naming the bad one (nothing written yet). */
function checkOptions(raw: InitOptions): Omit<InitOptions, 'languages'> & { languages?: string[] } {
  if (raw.reference && raw.reference !== 'not yet assigned' && !/^(INT|ECO|SOC|NAT|TEN|REX|CCMI)\/[0-9]+$/.test(raw.reference)) {
    throw new UsageError(`unexpected reference \`${raw.reference}\`, expected a section code and a number, e.g. INT/835`);
  }
  for (const [flag, value] of [
    ['--decision-date', raw.decisionDate],
    ['--version-date', raw.versionDate],
  ] as const) {
    if (value !== undefined && !parseIsoDate(value))
      throw new UsageError(`unexpected ${flag} \`${value}\`, expected a real date written YYYY-MM-DD, e.g. 2018-05-23`);
  }
  for (const [flag, value] of [
    ['--title', raw.title],
    ['--legal-basis', raw.legalBasis],
    ['--section', raw.section],
    ['--rapporteur', raw.rapporteur],
  ] as const) {
    if (value !== undefined && value.trim() === '')
      throw new UsageError(`unexpected empty ${flag}, expected some text (leave the option out to keep it \`to be completed\`)`);
  }
  const { languages: list, lang, ...rest } = raw;
  if (lang !== undefined) rest.language = lang;
  if (list === undefined) return rest;
  const languages = commaList(list);
  const bad = languages.find((l) => !isOfficialLanguage(l));
  if (bad !== undefined || languages.length === 0)
    throw new UsageError(`unexpected language \`${bad ?? list}\` in --languages, expected codes among ${LANGUAGE_CODES.join(', ')}`);
  return { ...rest, languages };
}
