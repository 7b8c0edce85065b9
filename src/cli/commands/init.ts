import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { DefineCommand } from './index.js';
import { EXIT, UsageError } from '../io.js';
import { displayPath } from '../../report/paths.js';
import { SCHEMAS_DIR, TEMPLATES_DIR } from '../package-paths.js';
import { OFFICIAL_LANGUAGES } from '../../core/languages.js';

const KINDS = ['own-initiative', 'exploratory', 'referral', 'additional', 'information-report'];
/** The official languages, alphabetically (as the help lists them). */
const LANGS = [...OFFICIAL_LANGUAGES].sort();

export const initCommand: DefineCommand = (io, setExit) =>
  new Command('init')
    .summary('create a new opinion folder with every source file, commented and valid')
    .description(
      'Create a new opinion folder: opinion.yaml, principles, recommendations, evidence,\n' +
        'hearings, glossary, the chapters in text/<lang>/ and notes/, each commented and\n' +
        'linked to its JSON Schema for completion in editors. Never overwrites anything.',
    )
    .argument('<dir>', 'the new opinion folder (must not exist, or be empty)')
    .option('--reference <code>', 'reference code, e.g. INT/835')
    .option('--title <title>', 'title of the opinion')
    .addOption(new Option('--kind <kind>', 'kind of opinion').choices(KINDS))
    .option('--rapporteur <name>', 'rapporteur, surname in capitals (e.g. "Giuseppe GUERINI")')
    .addOption(new Option('--language <code>', 'original language').choices(LANGS).default('en'))
    .action(async (dir: string, options: { reference?: string; title?: string; kind?: string; rapporteur?: string; language: string }) => {
      const { scaffoldOpinion } = await import('../../init/index.js');
      const { writeNewFolder } = await import('../../core/atomic-write.js');
      if (options.reference && !/^(INT|ECO|SOC|NAT|TEN|REX|CCMI)\/[0-9]+$/.test(options.reference)) {
        throw new UsageError(`unexpected reference \`${options.reference}\`, expected a section code and a number, e.g. INT/835`);
      }
      const target = resolve(io.cwd, dir);
      const files = await scaffoldOpinion({
        scaffoldDir: resolve(TEMPLATES_DIR, 'scaffold'),
        schemasDir: SCHEMAS_DIR,
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
