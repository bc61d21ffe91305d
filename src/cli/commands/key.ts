/** `totp-kit key …`: TOTP engine keys in the store (create, get, list, delete, code, verify). */
import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';
import { checkName } from '../../core/names.js';
import { DEFAULTS, LIMITS } from '../../core/settings.js';
import { describeCodes } from '../../core/totp.js';
import { checkedKeySpec, createKey, deleteKey, findKey, listKeys, readKey, validateKey } from '../../resources/key.js';
import { refusalMessage } from '../../resources/verdicts.js';
import type { Io } from '../io.js';
import { emit, emitRecord } from '../output.js';
import { type CodeFlags, printCode } from '../print-code.js';
import { drawOnce, handoutTo, saveOnce } from '../secret-output.js';
import { ENCODER_HELP, flagOf, printWarnings, withDefault } from '../seed-options.js';
import { storeContext, wantsJson } from '../store-context.js';
import { AT_FLAGS, atHelp, parseAt } from '../timing-options.js';

interface CreateFlags {
  readonly generate?: boolean;
  readonly from?: string;
  readonly issuer?: string;
  readonly account?: string;
  readonly keySize?: string;
  readonly algorithm?: string;
  readonly digits?: string;
  readonly period?: string;
  readonly skew?: string;
  readonly qrSize?: string;
  readonly encoder?: string;
  readonly export: boolean;
  readonly qr?: string;
  readonly urlFile?: string;
}

/** The note of a default that an imported key's otpauth URL may state instead. */
const FROM_URL = "or the imported URL's";

/** How a generated key's barcode and URL are handed out, in `key create --help`. */
const HANDOUT_HELP =
  "A generated key's barcode and otpauth URL hold its seed and are handed out once: written to --qr / --url-file,\n" +
  'else drawn on the terminal. Without a terminal, or with --json, one of --qr, --url-file or --no-export is\n' +
  'required: otherwise nothing is created.';

/** Registers `key` and its subcommands. */
export function registerKey(program: Command, io: Io, result: (code?: number) => void): void {
  const key = program.command('key').description("TOTP keys kept in the store (like Vault's TOTP engine)");

  key
    .command('create <name>')
    .description(
      "generate a key (--generate) or import one from a source (--from); a generated key's barcode is handed out only here",
    )
    .option('--generate', 'generate a new seed (needs --issuer and --account)')
    .option('--from <source>', 'import the seed from env:NAME, file:PATH or store:NAME (read once, kept in the store)')
    .option('--issuer <issuer>', 'issuer shown by authenticator apps (no ":"; for --from, the URL\'s unless given)')
    .option(
      '--account <account>',
      'account name shown by authenticator apps (no ":"; for --from, the URL\'s unless given)',
    )
    .option(
      '--key-size <bytes>',
      withDefault(`seed size of a generated key, ${LIMITS.minKeySize} to ${LIMITS.maxKeySize}`, DEFAULTS.keySize),
    )
    .option('--algorithm <name>', withDefault('SHA1, SHA256 or SHA512', DEFAULTS.algorithm, FROM_URL))
    .option('--digits <n>', withDefault('6 or 8', DEFAULTS.digits, FROM_URL))
    .option('--period <seconds>', withDefault('time step in seconds', DEFAULTS.period, FROM_URL))
    .option('--skew <steps>', withDefault('steps accepted either side when verifying: 0 or 1', DEFAULTS.skew))
    .option('--qr-size <pixels>', withDefault('barcode size, 0 for none', DEFAULTS.qrSize))
    .option(
      '--encoder <name>',
      withDefault(`${ENCODER_HELP}, for imported keys`, 'totp', 'or steam for a Steam .maFile or URL'),
    )
    .option('--no-export', 'never hand out the URL or barcode (codes come from `key code` only)')
    .option('--qr <file.png>', 'write the barcode of a generated key to this file (mode 0600) instead of the terminal')
    .option('--url-file <file>', 'write the otpauth URL of a generated key to this file (mode 0600)')
    .addHelpText('after', `\n${HANDOUT_HELP}`)
    .action(async (name: string, flags: CreateFlags, command: Command) => {
      if (flags.generate && flags.from !== undefined) {
        throw badInput('--generate', 'and --from were both given', 'exactly one of --generate and --from SOURCE');
      }
      const spec = checkedKeySpec(
        {
          name,
          ...(flags.generate
            ? { generate: { issuer: flags.issuer, accountName: flags.account, keySize: flags.keySize } }
            : {}),
          ...(flags.from !== undefined ? { importFrom: flags.from } : {}),
          ...(!flags.generate ? { issuer: flags.issuer, accountName: flags.account } : {}),
          algorithm: flags.algorithm,
          digits: flags.digits,
          period: flags.period,
          skew: flags.skew,
          qrSize: flags.qrSize,
          exported: flags.export,
          ...(flags.encoder !== undefined ? { encoder: flags.encoder } : {}),
        },
        (setting) =>
          setting === 'generate'
            ? '--generate'
            : setting === 'importFrom'
              ? '--from'
              : setting === 'name'
                ? 'NAME'
                : flagOf(setting),
      );
      const json = wantsJson(command);
      // Decided before the store is opened: a key whose barcode and URL would be lost is never made.
      const handout =
        spec.generated && spec.exported
          ? handoutTo('key', flags, { json, isTty: io.isTty, qrSize: spec.settings.qrSize })
          : 'files';
      const ctx = await storeContext(command, io);
      const created = await createKey(ctx, spec);
      const warnings = [...created.warnings];
      const { qrFile, urlFile } =
        handout === 'terminal' ? {} : await saveOnce(created, { qr: flags.qr, urlFile: flags.urlFile }, warnings);
      printWarnings(warnings, io);
      const k = created.key;
      emit(io, json, { ...k, ...(qrFile ? { qrFile } : {}), ...(urlFile ? { urlFile } : {}) }, [
        `created key "${k.name}" (${k.generated ? 'generated' : `imported from ${k.importFrom}`}; ${describeCodes(k)})`,
        ...(qrFile ? [`barcode written to ${qrFile}`] : []),
        ...(urlFile ? [`otpauth URL written to ${urlFile}`] : []),
      ]);
      if (handout === 'terminal' && created.url !== undefined) await drawOnce(created.url, io);
      result();
    });

  key
    .command('get <name>')
    .description('show a key (never its seed)')
    .action(async (name: string, _flags: unknown, command: Command) => {
      checkName('NAME', name);
      const info = await readKey(await storeContext(command, io), name);
      emitRecord(io, wantsJson(command), info);
      result();
    });

  key
    .command('list')
    .description('list key names')
    .action(async (_flags: unknown, command: Command) => {
      const names = await listKeys(await storeContext(command, io));
      emit(io, wantsJson(command), { keys: names }, names.length > 0 ? names : []);
      result();
    });

  key
    .command('delete <name>')
    .description('delete a key (succeeds when there is none)')
    .option('--generation <id>', 'delete only this generation of the key')
    .action(async (name: string, flags: { generation?: string }, command: Command) => {
      checkName('NAME', name);
      const outcome = await deleteKey(await storeContext(command, io), name, flags.generation);
      emit(
        io,
        wantsJson(command),
        { name, ...outcome },
        outcome.deleted ? `deleted key "${name}"` : `key "${name}" was not there (nothing to delete)`,
      );
      result();
    });

  key
    .command('code <name>')
    .description('print the current code of a key in the store')
    .option(AT_FLAGS, atHelp('compute the code at this time instead of now'))
    .option('--min-remaining <seconds>', 'if the code expires sooner than this, wait for the next one', '0')
    .action(async (name: string, flags: Pick<CodeFlags, 'at' | 'minRemaining'>, command: Command) => {
      checkName('NAME', name);
      const globals = command.optsWithGlobals();
      // The store source reads the seed and its settings; a Steam key's encoder is passed along as given.
      const record = await findKey(await storeContext(command, io), name);
      await printCode(
        { ...flags, from: `store:${name}`, ...(record?.encoder !== undefined ? { encoder: record.encoder } : {}) },
        io,
        globals.json === true,
        globals.store as string | undefined,
      );
      result();
    });

  key
    .command('verify <name>')
    .description('check a code with replay protection: a code presented before is refused (exit 0 valid, 1 not)')
    .requiredOption('--code <code>', 'the code to check (spaces are ignored)')
    .option(AT_FLAGS, atHelp('check at this time instead of now'))
    .action(async (name: string, flags: { code: string; at?: string }, command: Command) => {
      checkName('NAME', name);
      const at = flags.at !== undefined ? parseAt(flags.at) : undefined;
      const outcome = await validateKey(await storeContext(command, io), name, flags.code, at);
      if (wantsJson(command)) io.out(`${JSON.stringify(outcome)}\n`);
      else {
        io.out(outcome.valid ? 'valid\n' : 'invalid\n');
        if (outcome.reason) io.err(`totp-kit: ${refusalMessage(outcome)}\n`);
      }
      result(outcome.valid ? 0 : 1);
    });
}
