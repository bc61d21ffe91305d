/** `totp-kit method …`: MFA methods, their enrollments and per-enrollment validation. */
import type { Command } from 'commander';
import { parseUnixSeconds } from '../../core/time.js';
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
import { checkName } from '../../resources/names.js';
import type { Io } from '../io.js';
import { saveOnce } from '../secret-output.js';
import { flagOf, printWarnings } from '../seed-options.js';
import { emit, emitRecord, storeContext, wantsJson } from '../store-context.js';

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

function addSettings(command: Command): Command {
  return command
    .option('--issuer <issuer>', 'issuer shown by authenticator apps (no ":")')
    .option('--algorithm <name>', 'SHA1, SHA256 or SHA512 (default SHA1)')
    .option('--digits <n>', '6 or 8 (default 6)')
    .option('--period <seconds>', 'time step (default 30)')
    .option('--key-size <bytes>', 'seed size of new enrollments, 16 to 1024 (default 20)')
    .option('--qr-size <pixels>', 'barcode size, 0 for none (default 200)')
    .option('--skew <steps>', 'steps accepted either side: 0 or 1 (default 1)')
    .option('--max-validation-attempts <n>', 'failed attempts allowed per period before a lockout (default 5)');
}

/** The flags given, as spec fields (absent flags left out). */
function given(flags: MethodFlags): Partial<MethodSpec> {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}

const label = (setting: string) => (setting === 'methodName' ? 'NAME' : flagOf(setting));

/** Registers `method` and its subcommands. */
export function registerMethod(program: Command, io: Io, result: (code: number) => void): void {
  const method = program
    .command('method')
    .description("MFA methods and their enrollments (like Vault's identity MFA TOTP)");

  addSettings(method.command('create <name>').description('create an MFA method (names are unique)')).action(
    async (name: string, flags: MethodFlags, command: Command) => {
      const spec = checkedMethodSpec({ methodName: name, ...given(flags), issuer: flags.issuer }, label);
      const record = await createMethod(await storeContext(command, io), spec);
      emit(
        io,
        wantsJson(command),
        record,
        `created MFA method "${name}" (${record.algorithm}, ${record.digits} digits, ${record.period} s)`,
      );
      result(0);
    },
  );

  addSettings(
    method.command('update <name>').description('change settings; enrollments keep their algorithm, digits and period'),
  ).action(async (name: string, flags: MethodFlags, command: Command) => {
    checkName('NAME', name);
    const ctx = await storeContext(command, io);
    const current = await findMethod(ctx, name);
    if (!current) throw notFound(`MFA method "${name}"`);
    const spec = checkedMethodSpec({ ...current, ...given(flags), methodName: name }, label);
    const record = await updateMethod(ctx, spec);
    emit(io, wantsJson(command), record, `updated MFA method "${name}"`);
    result(0);
  });

  method
    .command('get <name>')
    .description('show an MFA method and how many entities are enrolled')
    .action(async (name: string, _flags: unknown, command: Command) => {
      checkName('NAME', name);
      const info = await readMethod(await storeContext(command, io), name);
      emitRecord(io, wantsJson(command), info);
      result(0);
    });

  method
    .command('list')
    .description('list MFA method names')
    .action(async (_flags: unknown, command: Command) => {
      const names = await listMethods(await storeContext(command, io));
      emit(io, wantsJson(command), { methods: names }, names);
      result(0);
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
      result(0);
    });

  method
    .command('enroll <method>')
    .description('give an entity a secret for the method; the barcode is shown only here')
    .requiredOption('--entity <id>', 'the entity (user, bot) to enroll')
    .option('--qr <file.png>', 'write the barcode to this file (mode 0600)')
    .option('--url-file <file>', 'write the otpauth URL to this file (mode 0600)')
    .action(async (name: string, flags: { entity: string; qr?: string; urlFile?: string }, command: Command) => {
      checkName('METHOD', name);
      const enrolled = await enroll(await storeContext(command, io), name, flags.entity);
      const warnings = enrolled.warning ? [enrolled.warning] : [];
      const { qrFile, urlFile } = await saveOnce(enrolled, { qr: flags.qr, urlFile: flags.urlFile }, warnings);
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
        wantsJson(command),
        {
          created: enrolled.created,
          ...enrolled.enrollment,
          ...(qrFile ? { qrFile } : {}),
          ...(urlFile ? { urlFile } : {}),
        },
        text,
      );
      result(0);
    });

  method
    .command('enrollment <method>')
    .description("show an entity's enrollment (never its seed)")
    .requiredOption('--entity <id>', 'the enrolled entity')
    .action(async (name: string, flags: { entity: string }, command: Command) => {
      checkName('METHOD', name);
      const info = await readEnrollment(await storeContext(command, io), name, flags.entity);
      emitRecord(io, wantsJson(command), info);
      result(0);
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
      result(0);
    });

  method
    .command('verify <method>')
    .description("check an entity's code: replays and lockouts refused (exit 0 valid, 1 not)")
    .requiredOption('--entity <id>', 'the entity whose code it is')
    .requiredOption('--code <code>', 'the code to check (spaces are ignored)')
    .option('--at <unix-seconds>', 'check at this time instead of now')
    .action(async (name: string, flags: { entity: string; code: string; at?: string }, command: Command) => {
      checkName('METHOD', name);
      const at = flags.at !== undefined ? parseUnixSeconds(flags.at, '--at') : undefined;
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
