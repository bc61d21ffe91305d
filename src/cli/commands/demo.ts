/**
 * `totp-kit demo` (what `npm start` runs): creates or reuses a demo key in the embedded store, shows
 * its QR code to scan and its live code. The seed itself is never printed; scan the barcode or read
 * the store file to check the code with another tool. The barcode holds the seed, so it is drawn only
 * for the key demo created itself (`isDemoKey`): a key named `demo` that was imported, is not exported or
 * was made otherwise is refused in one line.
 */
import type { Command } from 'commander';
import { TotpKitError } from '../../core/errors.js';
import type { KeyMaterial } from '../../core/key.js';
import { formatOtpauthUrl } from '../../core/otpauth-url.js';
import { qrTerminal } from '../../core/qr.js';
import { remainingSeconds } from '../../core/time.js';
import { generateCode } from '../../core/totp.js';
import { newGeneration, type ResourceContext } from '../../resources/context.js';
import { checkedKeySpec, createKey, findKey, openKey } from '../../resources/key.js';
import type { KeyRecord } from '../../stores/records.js';
import { openStore, resolveStoreRef } from '../../stores/store-ref.js';
import type { Io } from '../io.js';
import { AT_FLAGS, atHelp, parseAt } from '../timing-options.js';

/** The demo key's name in the store. */
export const DEMO_KEY = 'demo';
/** How demo marks the key it creates: its generation id starts with this (other keys get a bare UUID). */
export const DEMO_GENERATION = 'totp-kit-demo-';
const DEMO_LABELS = { issuer: 'totp-kit', accountName: 'demo' } as const;

/**
 * True for a key demo created itself: generated (never an imported seed), exported, with demo's labels and
 * demo's mark on its generation. Only such a key has its barcode (which holds the seed) drawn.
 */
export function isDemoKey(record: KeyRecord): boolean {
  return (
    record.generated &&
    record.exported &&
    record.importFrom === undefined &&
    record.issuer === DEMO_LABELS.issuer &&
    record.accountName === DEMO_LABELS.accountName &&
    record.generation.startsWith(DEMO_GENERATION)
  );
}

/** The refusal for a key named `demo` that demo did not create: one line, nothing of the key. */
function notDemoKey(ctx: ResourceContext): TotpKitError {
  return new TotpKitError(
    'bad-input',
    'E_NOT_DEMO_KEY',
    `demo: key "${DEMO_KEY}" in store ${ctx.store.reference} was not created by totp-kit demo (or is not exported), so its barcode is not shown; run the demo on another store: totp-kit demo --store file:PATH`,
  );
}

/** The demo key: the one in the store if demo made it, or a new generated one. */
async function demoKey(ctx: ResourceContext): Promise<{ key: KeyMaterial; created: boolean }> {
  const existing = await findKey(ctx, DEMO_KEY);
  if (existing) {
    if (!isDemoKey(existing)) throw notDemoKey(ctx);
    return { key: openKey(ctx, existing), created: false };
  }
  const spec = checkedKeySpec({ name: DEMO_KEY, generate: { ...DEMO_LABELS } });
  try {
    await createKey(ctx, spec, { generation: `${DEMO_GENERATION}${newGeneration()}` });
  } catch (e) {
    // Another demo run created it first: use that one (if demo made it).
    if (!(e instanceof TotpKitError && e.code === 'E_EXISTS')) throw e;
  }
  const record = await findKey(ctx, DEMO_KEY);
  if (!record)
    throw new TotpKitError(
      'backend',
      'E_STORE_LOST',
      `store ${ctx.store.reference}: the demo key vanished after it was created`,
    );
  if (!isDemoKey(record)) throw notDemoKey(ctx);
  return { key: openKey(ctx, record), created: true };
}

function groupCode(code: string): string {
  const half = code.length / 2;
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** Registers `demo` on the program. */
export function registerDemo(program: Command, io: Io, result: (code?: number) => void): void {
  program
    .command('demo')
    .description('create (or reuse) a demo key in the embedded store and show its QR code and current code')
    .option(AT_FLAGS, atHelp('show the code at this time instead of now'))
    .option('--watch', 'keep showing the code as it changes, until interrupted')
    .action(async (flags: { at?: string; watch?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals();
      const fixed = flags.at !== undefined ? parseAt(flags.at) : undefined;
      const ref = resolveStoreRef(globals.store as string | undefined, io.env, '--store');
      const ctx: ResourceContext = { store: await openStore(ref, io.env), now: io.now };
      const { key, created } = await demoKey(ctx);
      const url = formatOtpauthUrl(key);
      io.out(`totp-kit demo: ${created ? 'created' : 'reusing'} key "${DEMO_KEY}" in ${ref.reference}\n\n`);
      io.out(await qrTerminal(url, io.isTty));
      io.out('\nScan it with an authenticator app (Google Authenticator, 1Password, Authy), then compare codes.\n');
      io.out(
        `  issuer ${key.issuer}   account ${key.accountName}   ${key.algorithm}, ${key.digits} digits, every ${key.period} s\n\n`,
      );
      const show = (t: number) =>
        io.out(`  current code  ${groupCode(generateCode(key, t))}   (${remainingSeconds(t, key.period)} s left)\n`);
      show(fixed ?? io.now());
      if (flags.watch && fixed === undefined) {
        for (;;) {
          const t = io.now();
          await new Promise((r) => setTimeout(r, (remainingSeconds(t, key.period) - (t % 1)) * 1000 + 50));
          show(io.now());
        }
      }
      io.out(
        '\nNext: npx totp-kit code --from env:NAME prints a code for a seed of yours; npx totp-kit --help lists all\n' +
          'commands (without npx once installed with npm install --global totp-kit).\n',
      );
      result();
    });
}
