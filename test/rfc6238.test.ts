// RFC 6238 Appendix B: the published test vectors, through the code generator and the verifier.
// Seeds are the ASCII strings of Appendix B (the HMAC key length matches each hash's output size).
import { describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../src/core/key.js';
import type { Algorithm } from '../src/core/settings.js';
import { counterAt, generateCode, verifyCode } from '../src/core/totp.js';

const SEEDS: Readonly<Record<Algorithm, Uint8Array>> = {
  SHA1: Buffer.from('12345678901234567890', 'ascii'),
  SHA256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  SHA512: Buffer.from('1234567890'.repeat(7).slice(0, 64), 'ascii'),
};

/** [unix time, SHA1, SHA256, SHA512], RFC 6238 Appendix B (T0 = 0, X = 30, 8 digits). */
const TABLE: readonly (readonly [number, string, string, string])[] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const VECTORS = TABLE.flatMap(([time, ...codes]) =>
  ALGORITHMS.map((algorithm, i) => ({ time, algorithm, code: codes[i] as string })),
);

function keyFor(algorithm: Algorithm, digits: 6 | 8 = 8): KeyMaterial {
  return { secret: SEEDS[algorithm], algorithm, digits, period: 30 };
}

describe('RFC 6238 Appendix B', () => {
  it('has the 18 vectors and seeds of 20, 32 and 64 bytes', () => {
    expect(VECTORS).toHaveLength(18);
    expect([SEEDS.SHA1.length, SEEDS.SHA256.length, SEEDS.SHA512.length]).toEqual([20, 32, 64]);
    expect(Buffer.from(SEEDS.SHA512).toString('ascii')).toBe(
      '1234567890123456789012345678901234567890123456789012345678901234',
    );
  });

  it.each(VECTORS)('generateCode $algorithm at $time is $code', ({ time, algorithm, code }) => {
    expect(generateCode(keyFor(algorithm), time)).toBe(code);
  });

  it.each(VECTORS)('verifyCode accepts $code for $algorithm at $time with skew 0', ({ time, algorithm, code }) => {
    const result = verifyCode(keyFor(algorithm), code, { at: time, skew: 0 });
    expect(result).toEqual({ valid: true, code, counter: counterAt(time, 30), delta: 0 });
  });

  it.each(VECTORS)(
    'verifyCode refuses $code for $algorithm one step later with skew 0',
    ({ time, algorithm, code }) => {
      const nextStep = (counterAt(time, 30) + 1) * 30;
      expect(verifyCode(keyFor(algorithm), code, { at: nextStep, skew: 0 })).toEqual({ valid: false, code });
    },
  );

  it.each(VECTORS)('6 digits for $algorithm at $time are the last 6 of $code (RFC 4226 truncation)', (v) => {
    expect(generateCode(keyFor(v.algorithm, 6), v.time)).toBe(v.code.slice(2));
  });

  it('uses counter = floor(unix / 30): the vector of 59 holds for the whole step 30..59 and not at 60', () => {
    const key = keyFor('SHA1');
    expect(generateCode(key, 30)).toBe('94287082');
    expect(generateCode(key, 59.999)).toBe('94287082');
    expect(generateCode(key, 60)).not.toBe('94287082');
    expect(generateCode(key, 29)).not.toBe('94287082');
  });

  it('handles the 20000000000 vector, whose counter needs more than 32 bits of time', () => {
    expect(20000000000).toBeGreaterThan(2 ** 32);
    expect(counterAt(20000000000, 30)).toBe(666666666);
    expect(generateCode(keyFor('SHA512'), 20000000000)).toBe('47863826');
  });
});
