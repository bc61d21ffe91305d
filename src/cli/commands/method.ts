/** `totp-kit method …`: MFA methods, their enrollments and per-enrollment validation. */
import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';
import { checkName } from '../../core/names.js';
import { DEFAULTS, LIMITS } from '../../core/settings.js';
import { notFound } from '../../resources/context.js';
import { enroll, enrollmentRefusal, readEnrollment, unenroll, validateEnrollment } from '../../resources/enrollment.js';
import {
  checkedMethodSpec,
  createMethod,
  deleteMethod,
  findMethod,
  listMethods,
  type MethodSpec,
  readMethod,
  updateMethod,
} from '../../resources/method.js';
import type { Io } from '../io.js';
import { emit, emitRecord } from '../output.js';
import { drawOnce, handoutTo, saveOnce } from '../secret-output.js';
import { flagOf, printWarnings, withDefault } from '../seed-options.js';
import { storeContext, wantsJson } from '../store-context.js';
import { AT_FLAGS, atHelp, parseAt } from '../timing-options.js';

interface MethodFlags {
  readonly issuer?: string;
  readonly algorithm?: string;
  readonly digits?: string;
  readonly period?: string;
  readonly keySize?: string;
  readonly qrSize?: string;
  readonly skew?: string;
  readonly maxValidationAttempts?: string;
}

/**
 * The settings flags. `create` says the default it fills in for each; `update` changes only the settings given
 * (the rest are kept), so its help names no default.
 */
function addSettings(command: Command, mode: 'create' | 'update'): Command {
  const create = mode === 'create';
  const stated = (text: string, value: string | number) => (create ? withDefault(text, value) : text);
  const newOnes = create ? '' : ', for enrollments made afterwards';
  const everyOne = create ? '' : ', for every enrollment at once';
  return command
    .option('--issuer <issuer>', `issuer shown by authenticator apps (no ":")${create ? '; required' : newOnes}`)
    .option('--algorithm <name>', stated(`SHA1, SHA256 or SHA512${newOnes}`, DEFAULTS.algorithm))
    .option('--digits <n>', stated(`6 or 8${newOnes}`, DEFAULTS.digits))
    .option('--period <seconds>', stated(`time step${newOnes}`, DEFAULTS.period))
    .option(
      '--key-size <bytes>',
      stated(`seed size of new enrollments, ${LIMITS.minKeySize} to ${LIMITS.maxKeySize}`, DEFAULTS.keySize),
    )
    .option('--qr-size <pixels>', stated('barcode size of new enrollments, 0 for none', DEFAULTS.qrSize))
    .option('--skew <steps>', stated(`steps accepted either side: 0 or 1${everyOne}`, DEFAULTS.skew))
    .option(
      '--max-validation-attempts <n>',
      stated(`failed attempts allowed per period before a lockout${everyOne}`, DEFAULTS.maxValidationAttempts),
    );
}

/** The flags given, as spec fields (absent flags left out). */
function given(flags: MethodFlags): Partial<MethodSpec> {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}

const label = (setting: string) => (setting === 'methodName' ? 'NAME' : flagOf(setting));

/** How a new enrollment's barcode and URL are handed out, in `method enroll --help`. */
const HANDOUT_HELP =
  "A new enrollment's barcode and otpauth URL hold its seed and are handed out once: written to --qr / --url-file,\n" +
  'else drawn on the terminal. Without a terminal, or with --json, --qr or --url-file is required: otherwise\n' +
  'nobody is enrolled.';

/** Registers `method` and its subcommands. */
export function registerMethod(program: Command, io: Io, result: (code?: number) => void): void {
  const method = program
    .command('method')
    .description("MFA methods and their enrollments (like Vault's identity MFA TOTP)");

  addSettings(method.command('create <name>').description('create an MFA method (names are unique)'), 'create').action(
    async (name: string, flags: MethodFlags, command: Command) => {
      const spec = checkedMethodSpec({ methodName: name, ...given(flags), issuer: flags.issuer }, label);
      const record = await createMethod(await storeContext(command, io), spec);
      emit(
        io,
        wantsJson(command),
        record,
        `created MFA method "${name}" (${record.algorithm}, ${record.digits} digits, ${record.period} s)`,
      );
      result();
    },
  );

  addSettings(
    method
      .command('update <name>')
      .description(
        'change only the settings given; existing enrollments keep their issuer, algorithm, digits and period',
      ),
    'update',
  ).action(async (name: string, flags: MethodFlags, command: Command) => {
    checkName('NAME', name);
    const ctx = await storeContext(command, io);
    const current = await findMethod(ctx, name);
    if (!current) throw notFound(`MFA method "${name}"`);
    const spec = checkedMethodSpec({ ...current, ...given(flags), methodName: name }, label);
    const record = await updateMethod(ctx, spec);
    emit(io, wantsJson(command), record, `updated MFA method "${name}"`);
    result();
  });

  method
    .command('get <name>')
    .description('show an MFA method and how many entities are enrolled')
    .action(async (name: string, _flags: unknown, command: Command) => {
      checkName('NAME', name);
      const info = await readMethod(await storeContext(command, io), name);
      emitRecord(io, wantsJson(command), info);
      result();
    });

  method
    .command('list')
    .description('list MFA method names')
    .action(async (_flags: unknown, command: Command) => {
      const names = await listMethods(await storeContext(command, io));
      emit(io, wantsJson(command), { methods: names }, names);
      result();
    });

  method
    .command('delete <name>')
    .description('delete an MFA method (refused while entities are enrolled, unless --force)')
    .option('--force', 'also delete its enrollments')
    .action(async (name: string, flags: { force?: boolean }, command: Command) => {
      checkName('NAME', name);
      const outcome = await deleteMethod(await storeContext(command, io), name, { force: flags.force === true });
      const text = outcome.deleted
        ? `deleted MFA method "${name}"${outcome.enrollmentsDeleted > 0 ? ` and ${outcome.enrollmentsDeleted} enrollment${outcome.enrollmentsDeleted === 1 ? '' : 's'}` : ''}`
        : `MFA method "${name}" was not there (nothing to delete)`;
      emit(io, wantsJson(command), { name, ...outcome }, text);
      result();
    });

  method
    .command('enroll <method>')
    .description('give an entity a secret for the method; its barcode is handed out only here')
    .requiredOption('--entity <id>', 'the entity (user, bot) to enroll')
    .option('--qr <file.png>', 'write the barcode to this file (mode 0600) instead of the terminal')
    .option('--url-file <file>', 'write the otpauth URL to this file (mode 0600)')
    .addHelpText('after', `\n${HANDOUT_HELP}`)
    .action(async (name: string, flags: { entity: string; qr?: string; urlFile?: string }, command: Command) => {
      checkName('METHOD', name);
      const json = wantsJson(command);
      // Decided before anything is enrolled: a secret that would be lost is never made.
      const handout = handoutTo('enrollment', flags, { json, isTty: io.isTty });
      const ctx = await storeContext(command, io);
      const found = await findMethod(ctx, name);
      if (!found) throw notFound(`MFA method "${name}"`);
      if (found.qrSize === 0 && flags.urlFile === undefined) {
        throw badInput(
          flags.qr !== undefined ? '--qr' : `MFA method "${name}"`,
          'its qrSize is 0, so no barcode is made and the URL is never printed: the new enrollment could never be used; nobody was enrolled',
          '--url-file FILE',
        );
      }
      const enrolled = await enroll(ctx, name, flags.entity);
      const warnings = enrolled.warning ? [enrolled.warning] : [];
      const { qrFile, urlFile } =
        handout === 'terminal' ? {} : await saveOnce(enrolled, { qr: flags.qr, urlFile: flags.urlFile }, warnings);
      printWarnings(warnings, io);
      const text = enrolled.created
        ? [
            `enrolled "${flags.entity}" in MFA method "${name}"`,
            ...(qrFile ? [`barcode written to ${qrFile}`] : []),
            ...(urlFile ? [`otpauth URL written to ${urlFile}`] : []),
          ]
        : [`"${flags.entity}" was already enrolled in MFA method "${name}"; kept`];
      emit(
        io,
        json,
        {
          created: enrolled.created,
          ...enrolled.enrollment,
          ...(qrFile ? { qrFile } : {}),
          ...(urlFile ? { urlFile } : {}),
        },
        text,
      );
      if (handout === 'terminal' && enrolled.url !== undefined) await drawOnce(enrolled.url, io);
      result();
    });

  method
    .command('enrollment <method>')
    .description("show an entity's enrollment (never its seed)")
    .requiredOption('--entity <id>', 'the enrolled entity')
    .action(async (name: string, flags: { entity: string }, command: Command) => {
      checkName('METHOD', name);
      const info = await readEnrollment(await storeContext(command, io), name, flags.entity);
      emitRecord(io, wantsJson(command), info);
      result();
    });

  method
    .command('unenroll <method>')
    .description("remove an entity's secret (succeeds when there is none)")
    .requiredOption('--entity <id>', 'the entity to unenroll')
    .action(async (name: string, flags: { entity: string }, command: Command) => {
      checkName('METHOD', name);
      const outcome = await unenroll(await storeContext(command, io), name, flags.entity);
      const text = outcome.deleted
        ? `unenrolled "${flags.entity}" from MFA method "${name}"`
        : `"${flags.entity}" was not enrolled (nothing to do)`;
      emit(io, wantsJson(command), { method: name, entityId: flags.entity, ...outcome }, text);
      result();
    });

  method
    .command('verify <method>')
    .description("check an entity's code: replays and lockouts refused (exit 0 valid, 1 not)")
    .requiredOption('--entity <id>', 'the entity whose code it is')
    .requiredOption('--code <code>', 'the code to check (spaces are ignored)')
    .option(AT_FLAGS, atHelp('check at this time instead of now'))
    .action(async (name: string, flags: { entity: string; code: string; at?: string }, command: Command) => {
      checkName('METHOD', name);
      const at = flags.at !== undefined ? parseAt(flags.at) : undefined;
      const ctx = await storeContext(command, io);
      const outcome = await validateEnrollment(ctx, name, flags.entity, flags.code, at);
      if (wantsJson(command)) io.out(`${JSON.stringify(outcome)}\n`);
      else {
        io.out(outcome.valid ? 'valid\n' : 'invalid\n');
        if (!outcome.valid) {
          const enrollment = await readEnrollment(ctx, name, flags.entity);
          io.err(`totp-kit: ${enrollmentRefusal(outcome, enrollment.digits)}\n`);
        }
      }
      result(outcome.valid ? 0 : 1);
    });
}
