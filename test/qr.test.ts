// The barcodes must scan: decode them with an independent QR reader (jsQR) and compare with the URL.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { TotpKitError } from '../src/core/errors.js';
import { formatOtpauthUrl } from '../src/core/otpauth-url.js';
import { qrPng, qrTerminal } from '../src/core/qr.js';
import { generateSeed } from '../src/core/seed.js';
import { expectNoSeedInError, leakCheckedAsync } from './helpers/leak.js';
import { decodeRgba, terminalToRgba } from './helpers/qr-decode.js';

const SEED = generateSeed(20);
const url = formatOtpauthUrl({
  secret: SEED,
  issuer: 'Acme Co',
  accountName: 'alice@example.com',
  algorithm: 'SHA256',
  digits: 8,
  period: 30,
});

describe('PNG barcode', () => {
  it.each([200, 300, 512])('is a %i px square PNG that decodes to the URL', async (size) => {
    const png = await qrPng(url, size);
    expect(png?.subarray(1, 4).toString('ascii')).toBe('PNG');
    const image = PNG.sync.read(png as Buffer);
    expect([image.width, image.height]).toEqual([size, size]);
    expect(decodeRgba(new Uint8ClampedArray(image.data), image.width, image.height)).toBe(url);
  });

  it('is absent for qrSize 0', async () => {
    expect(await qrPng(url, 0)).toBeUndefined();
  });

  it.each([-1, 1.5, 5000])('refuses qrSize %s by name', async (size) => {
    await expect(leakCheckedAsync(qrPng(url, size), SEED)).rejects.toThrow(/^qrSize: /);
  });

  it('refuses a size too small to draw the modules, saying the minimum', async () => {
    const error = await qrPng(url, 20).catch((e: unknown) => e);
    expectNoSeedInError(error, SEED);
    expect(error).toBeInstanceOf(TotpKitError);
    expect((error as TotpKitError).message).toMatch(
      /^qrSize: 20 px is too small for this barcode \(allowed: at least \d+ pixels, or 0\)$/,
    );
  });
});

describe('terminal barcode', () => {
  it('draws black on an explicit white background and decodes to the URL', async () => {
    const text = await qrTerminal(url);
    expect(text).toContain('\u001b[47m');
    const { data, width, height } = terminalToRgba(text);
    expect(decodeRgba(data, width, height)).toBe(url);
  });
});
