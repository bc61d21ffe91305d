/**
 * What `key create` and `method enroll` hand out once — the otpauth URL and the barcode: written to the files
 * the user named (mode 0600), or drawn once on the terminal as a barcode (the URL itself is never printed);
 * refused before anything is made when it would go nowhere.
 */
import { badInput } from '../core/errors.js';
import { qrTerminal } from '../core/qr.js';
import { writeSecretFile } from '../resources/secret-file.js';
import type { Io } from './io.js';

/** What is handed out, in refusals: `key` (nothing created, or --no-export) or `enrollment` (nobody enrolled). */
export type HandoutOf = 'key' | 'enrollment';

const LOST: Record<HandoutOf, { readonly noun: string; readonly outcome: string; readonly allowed: string }> = {
  key: { noun: 'key', outcome: 'nothing was created', allowed: '--qr FILE.png, --url-file FILE or --no-export' },
  enrollment: { noun: 'enrollment', outcome: 'nobody was enrolled', allowed: '--qr FILE.png or --url-file FILE' },
};

/**
 * Where the one handout of a new secret goes: the files asked for, or this terminal. Throws (exit 2) when it would
 * go nowhere, so the caller asks before the store is opened and such a secret is never made. `qrSize`, when known,
 * is the barcode's size (0: none is made).
 */
export function handoutTo(
  of: HandoutOf,
  asked: { readonly qr?: string | undefined; readonly urlFile?: string | undefined },
  where: { readonly json: boolean; readonly isTty: boolean; readonly qrSize?: number },
): 'files' | 'terminal' {
  const { noun, outcome, allowed } = LOST[of];
  if (asked.urlFile !== undefined) return 'files';
  if (asked.qr !== undefined) {
    if (where.qrSize !== 0) return 'files';
    throw badInput(
      '--qr',
      `no barcode is made with --qr-size 0, so the new ${noun} could never be enrolled; ${outcome}`,
      '--url-file FILE as well, or a --qr-size above 0',
    );
  }
  if (where.json) {
    throw badInput(
      '--json',
      `no barcode is drawn into JSON output, so the new ${noun}'s barcode and URL would be lost; ${outcome}`,
      allowed,
    );
  }
  if (!where.isTty) {
    throw badInput(
      '--qr/--url-file',
      `neither given and standard output is not a terminal, so the new ${noun}'s barcode and URL would be lost; ${outcome}`,
      allowed,
    );
  }
  if (where.qrSize === 0) {
    throw badInput(
      '--qr-size',
      `0 draws no barcode and the URL is never printed, so the new ${noun} could never be enrolled; ${outcome}`,
      '--url-file FILE, or a --qr-size above 0',
    );
  }
  return 'terminal';
}

/** Draws the barcode of `url` on the terminal: the only time it is shown. The URL itself is never printed. */
export async function drawOnce(url: string, io: Io): Promise<void> {
  io.out(`\n${await qrTerminal(url, io.isTty)}\n`);
  io.out('Scan it now with an authenticator app: it holds the seed and is not shown again.\n');
}

/** The files written. */
export interface SavedSecret {
  readonly qrFile?: string;
  readonly urlFile?: string;
}

/** Writes the barcode to `qr` and the URL to `urlFile` when asked; pushes a warning for what is lost or not written. */
export async function saveOnce(
  handed: { readonly url?: string | undefined; readonly barcode?: Uint8Array | undefined },
  asked: { readonly qr?: string | undefined; readonly urlFile?: string | undefined },
  warnings: string[],
): Promise<SavedSecret> {
  const qrFile =
    asked.qr !== undefined && handed.barcode
      ? await writeSecretFile(asked.qr, handed.barcode, 'barcode file')
      : undefined;
  const urlFile =
    asked.urlFile !== undefined && handed.url
      ? await writeSecretFile(asked.urlFile, `${handed.url}\n`, 'URL file')
      : undefined;
  if (handed.url === undefined) {
    if (asked.qr !== undefined || asked.urlFile !== undefined) {
      warnings.push(
        'nothing written to --qr/--url-file: there is no new secret to hand out (an imported or unexported key, or an existing enrollment)',
      );
    }
  } else if (asked.qr !== undefined && !handed.barcode) {
    warnings.push(
      `no barcode written to ${asked.qr}: qrSize is 0${urlFile ? '' : '; the URL can be saved with --url-file FILE'}`,
    );
  } else if (qrFile === undefined && urlFile === undefined) {
    warnings.push('the barcode and URL were not saved and cannot be shown again: use --qr FILE.png or --url-file FILE');
  }
  return { ...(qrFile ? { qrFile } : {}), ...(urlFile ? { urlFile } : {}) };
}
