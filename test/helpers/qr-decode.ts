// Decodes barcodes with an independent QR reader (jsQR): PNG pixels, and the terminal rendering turned back
// into pixels.
import jsQRModule from 'jsqr';

// jsqr is CommonJS with an ES-style default in its types; at run time the default import is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export function decodeRgba(data: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(data, width, height)?.data;
}

/**
 * Turns the terminal rendering back into pixels: each character is one module wide and two tall, and
 * a half-block is dark only where it is drawn in the black foreground (the border uses white ones).
 */
export function terminalToRgba(text: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
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

/** The text a terminal rendering of a barcode holds, or undefined when it does not scan. */
export function decodeTerminal(text: string): string | undefined {
  const { data, width, height } = terminalToRgba(text);
  return decodeRgba(data, width, height);
}
