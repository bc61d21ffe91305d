/**
 * QR barcodes of otpauth URLs: PNG files for enrollment (error correction M, as Vault) and a terminal
 * rendering for the demo and the CLI. The text passed in holds a seed: it is only ever encoded.
 * The QR library is loaded when a barcode is first drawn: codes and checks never pay for it.
 */
import { badInput } from './errors.js';
import { LIMITS } from './settings.js';

const qrcode = async () => (await import('qrcode')).default;

/**
 * A PNG QR code of `size` × `size` pixels (qrSize in README.md "Limits and choices"). A size of 0 means no barcode.
 * @throws TotpKitError (bad-input) when the size is too small to draw the code's modules.
 */
export async function qrPng(text: string, size: number): Promise<Buffer | undefined> {
  if (size === 0) return undefined;
  if (!Number.isSafeInteger(size) || size < 0 || size > LIMITS.maxQrSize) {
    throw badInput('qrSize', `${size} is out of range`, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
  }
  const QRCode = await qrcode();
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
  const margin = 4;
  if (size < modules + 2 * margin) {
    throw badInput(
      'qrSize',
      `${size} px is too small for this barcode`,
      `at least ${modules + 2 * margin} pixels, or 0`,
    );
  }
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', width: size, margin });
}

/**
 * The QR code as text for a terminal: half-block characters, two modules per row, drawn black on an
 * explicit white background so it scans on dark and light terminal themes alike. Without `colours`
 * (output to a file or a pipe), plain block characters with a quiet zone and no escape codes.
 */
export async function qrTerminal(text: string, colours = true): Promise<string> {
  const QRCode = await qrcode();
  if (!colours) return QRCode.toString(text, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 });
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
