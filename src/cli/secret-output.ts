/**
 * What `key create` and `method enroll` hand out once — the otpauth URL and the barcode — written only
 * to the files the user named (mode 0600), never to the terminal; and the warnings when that loses them.
 */
import { writeSecretFile } from '../resources/secret-file.js';

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
