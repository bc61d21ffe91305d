// Fails a test when any form of a seed appears in text a user or a log could see.
import { expect } from 'vitest';
import { encodeBase32 } from '../../src/core/base32.js';

/** The forms in which a seed could leak: Base32 (either case, with or without padding), hex, base64. */
export function seedForms(seed: Uint8Array): string[] {
  const buf = Buffer.from(seed);
  const b32 = encodeBase32(buf);
  return [
    b32,
    b32.toLowerCase(),
    buf.toString('hex'),
    buf.toString('hex').toUpperCase(),
    buf.toString('base64'),
    buf.toString('base64url'),
  ];
}

/** Asserts that no form of `seed`, nor any 8 consecutive characters of one, occurs in `text`. */
export function expectNoSeed(text: string, seed: Uint8Array, where = 'output'): void {
  for (const form of seedForms(seed)) {
    const width = Math.min(8, form.length);
    for (let i = 0; i + width <= form.length; i++) {
      const piece = form.slice(i, i + width);
      if (text.includes(piece)) {
        expect.fail(
          `${where} contains part of the seed (${width} consecutive characters of a ${form === form.toLowerCase() ? 'lower' : 'upper'}-case form)`,
        );
      }
    }
  }
}
