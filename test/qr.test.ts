// The barcodes must scan: decode them with an independent QR reader (jsQR) and compare with the URL.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { TotpKitError } from '../src/core/errors.js';
import { formatOtpauthUrl } from '../src/core/otpauth-url.js';
import { qrPng, qrTerminal } from '../src/core/qr.js';
import { generateSeed } from '../src/core/seed.js';
import { expectNoSeedInError, leakCheckedAsync } from './helpers/leak.js';

const SEED = generateSeed(20);
const url = formatOtpauthUrl({
  secret: SEED,
  issuer: 'Acme Co',
  accountName: 'alice@example.com',
  algorithm: 'SHA256',
  digits: 8,
  period: 30,
});

// jsqr is CommonJS with an ES-style default in its types; at run time the default import is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

function decodeRgba(data: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(data, width, height)?.data;
}

/**
 * Turns the terminal rendering back into pixels: each character is one module wide and two tall, and
 * a half-block is dark only where it is drawn in the black foreground (the border uses white ones).
 */
function terminalToRgba(text: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const grid: boolean[][] = [];
  for (const row of text.replace(/\n$/, '').split('\n')) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    let black = false;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the renderer's ANSI colour codes
    for (const [, codes, glyph] of row.matchAll(/\u001b\[([0-9;]*)m|(.)/gsu)) {
      if (codes !== undefined) {
        for (const code of codes.split(';')) {
          if (code === '30') black = true;
          if (code === '37' || code === '0' || code === '') black = false;
        }
        continue;
      }
      top.push(black && (glyph === '█' || glyph === '▀'));
      bottom.push(black && (glyph === '█' || glyph === '▄'));
    }
    grid.push(top, bottom);
  }
  const quiet = 4;
  const width = (Math.max(...grid.map((r) => r.length)) + 2 * quiet) * scale;
  const height = (grid.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  grid.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + quiet) * scale + dy) * width + (x + quiet) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    });
  });
  return { data, width, height };
}

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
