// verifyCode at the edges a login form meets (step boundaries, skew, pasted whitespace, hostile input),
// and the time helpers behind --min-remaining. Expected codes come from the otpauth library, an
// implementation independent of src/core/totp.ts.
import { HOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { TotpKitError } from '../src/core/errors.js';
import type { KeyMaterial } from '../src/core/key.js';
import { expiresAt, planFreshCode, remainingSeconds } from '../src/core/time.js';
import { counterAt, generateCode, hotp, verifyCode } from '../src/core/totp.js';
import { expectNoSeedInError } from './helpers/leak.js';

const KEY: KeyMaterial = {
  secret: Buffer.from('verify-test-seed-0123', 'ascii'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};

/** The code of time step `counter`, computed by the otpauth library. */
function codeOf(counter: number, key: KeyMaterial = KEY): string {
  return HOTP.generate({
    secret: new Secret({ buffer: Uint8Array.from(key.secret).buffer }),
    algorithm: key.algorithm,
    digits: key.digits,
    counter,
  });
}

const C = 57_000_000; // a step in 2024; its first second is C * 30
const FIRST = C * 30;
const LAST = C * 30 + 29;

describe('verifyCode: skew at step boundaries', () => {
  it('the codes of steps c-2..c+2 are all different (so each check below means something)', () => {
    const codes = [-2, -1, 0, 1, 2].map((d) => codeOf(C + d));
    expect(new Set(codes).size).toBe(5);
    expect(generateCode(KEY, FIRST)).toBe(codeOf(C));
  });

  it('accepts the code of c-1 at the first second of c with skew 1, reporting delta -1', () => {
    expect(verifyCode(KEY, codeOf(C - 1), { at: FIRST, skew: 1 })).toEqual({
      valid: true,
      code: codeOf(C - 1),
      counter: C - 1,
      delta: -1,
    });
  });

  it('refuses the code of c-1 at the first second of c with skew 0', () => {
    expect(verifyCode(KEY, codeOf(C - 1), { at: FIRST, skew: 0 })).toEqual({ valid: false, code: codeOf(C - 1) });
  });

  it('accepts the code of c+1 at the last second of c with skew 1, reporting delta +1', () => {
    expect(verifyCode(KEY, codeOf(C + 1), { at: LAST, skew: 1 })).toEqual({
      valid: true,
      code: codeOf(C + 1),
      counter: C + 1,
      delta: 1,
    });
    expect(verifyCode(KEY, codeOf(C + 1), { at: LAST + 0.999, skew: 1 }).delta).toBe(1);
  });

  it('refuses the code of c+1 at the last second of c with skew 0', () => {
    expect(verifyCode(KEY, codeOf(C + 1), { at: LAST, skew: 0 }).valid).toBe(false);
  });

  it('refuses c-2 and c+2 even with skew 1', () => {
    expect(verifyCode(KEY, codeOf(C - 2), { at: FIRST, skew: 1 })).toEqual({ valid: false, code: codeOf(C - 2) });
    expect(verifyCode(KEY, codeOf(C + 2), { at: LAST, skew: 1 })).toEqual({ valid: false, code: codeOf(C + 2) });
  });

  it('reports counter c and delta 0 for the current code anywhere in the step', () => {
    for (const at of [FIRST, FIRST + 14.5, LAST]) {
      expect(verifyCode(KEY, codeOf(C), { at, skew: 1 })).toEqual({
        valid: true,
        code: codeOf(C),
        counter: C,
        delta: 0,
      });
    }
  });

  it('uses skew 1 when none is given (the PRODUCT.md default)', () => {
    expect(verifyCode(KEY, codeOf(C - 1), { at: FIRST }).valid).toBe(true);
    expect(verifyCode(KEY, codeOf(C - 2), { at: FIRST }).valid).toBe(false);
  });

  it('checks against the current time when no time is given', () => {
    const now = counterAt(Date.now() / 1000, 30);
    expect(verifyCode(KEY, codeOf(now), { skew: 1 }).valid).toBe(true);
    expect(verifyCode(KEY, codeOf(now + 5)).valid).toBe(false);
  });

  it('works the same for 8-digit SHA512 keys', () => {
    const key: KeyMaterial = { ...KEY, algorithm: 'SHA512', digits: 8, period: 60 };
    const at = C * 60;
    expect(verifyCode(key, codeOf(C - 1, key), { at, skew: 1 })).toMatchObject({ valid: true, delta: -1 });
    expect(verifyCode(key, codeOf(C - 1, key), { at, skew: 0 }).valid).toBe(false);
    expect(verifyCode(key, codeOf(C - 1, key).slice(2), { at, skew: 1 }).valid).toBe(false);
  });
});

describe('verifyCode at time 0', () => {
  it('accepts the step-0 code and the step-1 code with skew 1, never trying a negative counter', () => {
    expect(verifyCode(KEY, codeOf(0), { at: 0, skew: 1 })).toEqual({
      valid: true,
      code: codeOf(0),
      counter: 0,
      delta: 0,
    });
    expect(verifyCode(KEY, codeOf(1), { at: 0, skew: 1 })).toEqual({
      valid: true,
      code: codeOf(1),
      counter: 1,
      delta: 1,
    });
    expect(verifyCode(KEY, codeOf(2), { at: 0, skew: 1 })).toEqual({ valid: false, code: codeOf(2) });
    // A wrong code makes every candidate counter be tried; counter -1 would throw from the HMAC message.
    const wrong = codeOf(0) === '000000' ? '111111' : '000000';
    expect(() => verifyCode(KEY, wrong, { at: 0, skew: 1 })).not.toThrow();
    expect(verifyCode(KEY, wrong, { at: 0, skew: 1 })).toEqual({ valid: false, code: wrong });
  });
});

describe('verifyCode: what a person types or pastes', () => {
  const code = codeOf(C);
  const spaced = [
    ` ${code}`,
    `${code} `,
    `${code.slice(0, 3)} ${code.slice(3)}`,
    `${code.slice(0, 2)}\t${code.slice(2, 4)}\n${code.slice(4)}`,
    `\r\n ${code.slice(0, 3)}  ${code.slice(3)}\t\n`,
    `${code.slice(0, 3)}\u00a0${code.slice(3)}`,
  ];

  it.each(spaced.map((s) => [JSON.stringify(s), s]))('accepts %s and returns the normalised code', (_, input) => {
    expect(verifyCode(KEY, input, { at: FIRST })).toEqual({ valid: true, code, counter: C, delta: 0 });
  });

  it("normalises '123 456' and '123456 ' to the same replay key, valid or not (HCSEC-2025-17)", () => {
    const wrong = code === '123456' ? '654321' : '123456';
    const a = verifyCode(KEY, `${wrong.slice(0, 3)} ${wrong.slice(3)}`, { at: FIRST });
    const b = verifyCode(KEY, `${wrong} `, { at: FIRST });
    expect(a).toEqual({ valid: false, code: wrong });
    expect(b).toEqual(a);
    const keys = new Set(spaced.map((s) => verifyCode(KEY, s, { at: FIRST }).code));
    expect([...keys]).toEqual([code]);
  });

  it.each([
    ['5 digits', code.slice(1)],
    ['7 digits', `${code}0`],
    ['8 digits for a 6-digit key', `00${code}`],
    ['empty', ''],
    ['only whitespace', ' \t\n'],
  ])('finds %s invalid without throwing', (_, input) => {
    expect(verifyCode(KEY, input, { at: FIRST })).toEqual({ valid: false, code: input.replace(/\s+/g, '') });
  });

  const arabic = [...code].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
  const fullwidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
  it.each([
    ['Arabic-Indic digits', '٠١٢٣٤٥'],
    ['fullwidth digits', '１２３４５６'],
    ['the right code in Arabic-Indic digits', arabic],
    ['the right code in fullwidth digits', fullwidth],
    ['one multi-byte digit (right JS length)', `${code.slice(0, 5)}٦`],
    ['a sign', `+${code.slice(1)}`],
    ['letters', 'abcdef'],
  ])('finds %s invalid without throwing', (_, input) => {
    expect(input).toHaveLength(6);
    expect(verifyCode(KEY, input, { at: FIRST })).toEqual({ valid: false, code: input });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['the right code as a number', Number(code)],
    ['an object that stringifies to the right code', { toString: () => code }],
    ['an array holding the right code', [code]],
    ['a Buffer of the right code', Buffer.from(code)],
  ])('finds %s invalid without throwing', (_, input) => {
    expect(verifyCode(KEY, input, { at: FIRST })).toEqual({ valid: false });
  });
});

describe('remainingSeconds and expiresAt', () => {
  it.each([
    [0, 30, 30, 30],
    [29, 30, 1, 30],
    [29.9, 30, 1, 30],
    [30, 30, 30, 60],
    [59, 30, 1, 60],
    [1234567890, 30, 30, 1234567920],
    [1234567891, 30, 29, 1234567920],
    [100, 45, 35, 135],
    [7, 1, 1, 8],
    [253402300799, 30, 1, 253402300800],
  ])('at t=%d with period %d: %d s left, expires at %d', (t, period, left, expires) => {
    expect(remainingSeconds(t, period)).toBe(left);
    expect(expiresAt(t, period)).toBe(expires);
  });

  it('expiresAt is the first second of the next step: the code changes exactly there', () => {
    const t = FIRST + 17;
    const end = expiresAt(t, 30);
    expect(counterAt(end, 30)).toBe(C + 1);
    expect(generateCode(KEY, end - 1)).toBe(codeOf(C));
    expect(generateCode(KEY, end)).toBe(codeOf(C + 1));
  });
});

describe('planFreshCode', () => {
  it.each([
    [100, 30, 5, { at: 100, waitSeconds: 0 }],
    [115, 30, 5, { at: 115, waitSeconds: 0 }],
    [116, 30, 5, { at: 120, waitSeconds: 4 }],
    [119, 30, 5, { at: 120, waitSeconds: 1 }],
    [116.5, 30, 5, { at: 120, waitSeconds: 3.5 }],
    [119, 30, 0, { at: 119, waitSeconds: 0 }],
    [90, 30, 29, { at: 90, waitSeconds: 0 }],
    [91, 30, 29, { at: 91, waitSeconds: 0 }],
    [92, 30, 29, { at: 120, waitSeconds: 28 }],
    [0, 1, 0, { at: 0, waitSeconds: 0 }],
  ])('t=%d period=%d min-remaining=%d → %j', (t, period, min, plan) => {
    expect(planFreshCode(t, period, min)).toEqual(plan);
  });

  it.each([
    [30, 30, 'minRemaining: 30 is out of range for a 30 s period (allowed: whole seconds from 0 to 29)'],
    [-1, 30, 'minRemaining: -1 is out of range for a 30 s period (allowed: whole seconds from 0 to 29)'],
    [1.5, 30, 'minRemaining: 1.5 is out of range for a 30 s period (allowed: whole seconds from 0 to 29)'],
    [1, 1, 'minRemaining: 1 is out of range for a 1 s period (allowed: whole seconds from 0 to 0)'],
  ])('refuses min-remaining %d for a %d s period', (min, period, message) => {
    let thrown: unknown;
    try {
      planFreshCode(100, period, min);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TotpKitError);
    expect(thrown).toMatchObject({ kind: 'bad-input', message });
  });
});

describe('times that are not Unix seconds', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, -31])('verifyCode at %s is invalid and does not throw', (at) => {
    expect(verifyCode(KEY, generateCode(KEY, 0), { at })).toEqual({ valid: false, code: generateCode(KEY, 0) });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -31])('generateCode at %s is refused as bad input', (at) => {
    const error = (() => {
      try {
        generateCode(KEY, at);
      } catch (e) {
        return e;
      }
    })();
    expectNoSeedInError(error, KEY.secret);
    expect(error).toBeInstanceOf(TotpKitError);
    expect((error as TotpKitError).kind).toBe('bad-input');
    expect((error as TotpKitError).message).toMatch(/^time: is not a Unix time/);
  });

  it('reports delta 0, not -0, for the current step with skew 0', () => {
    const at = FIRST + 5;
    expect(Object.is(verifyCode(KEY, generateCode(KEY, at), { at, skew: 0 }).delta, 0)).toBe(true);
  });
});

describe('the HMAC construction', () => {
  it('equals node:crypto createHmac for keys of every length up to 300 bytes (beyond both block sizes)', async () => {
    const { createHmac, randomBytes } = await import('node:crypto');
    const { hotp } = await import('../src/core/totp.js');
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      for (let length = 1; length <= 300; length += 1) {
        const secret = randomBytes(length);
        const counter = length * 7919;
        const message = Buffer.alloc(8);
        message.writeUInt32BE(counter, 4);
        const mac = createHmac(algorithm.toLowerCase(), secret).update(message).digest();
        const offset = (mac[mac.length - 1] as number) & 0x0f;
        const expected = String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e8).padStart(8, '0');
        expect(hotp(secret, counter, algorithm, 8), `${algorithm}, ${length}-byte key`).toBe(expected);
      }
    }
  });
});

describe('hotp: the settings generateCode refuses', () => {
  /** What a call throws, as the caller sees it. */
  function refusal(call: () => unknown): Pick<TotpKitError, 'kind' | 'code' | 'message' | 'problems'> {
    try {
      call();
    } catch (e) {
      if (!(e instanceof TotpKitError)) throw e;
      return { kind: e.kind, code: e.code, message: e.message, problems: e.problems };
    }
    return expect.fail('no error was thrown');
  }

  it('refuses digits 7 (it returned "0000NaN") and algorithm MD5 with the error generateCode throws', () => {
    const digits = 7 as unknown as 6;
    const algorithm = 'MD5' as unknown as 'SHA1';
    const sevenDigits = refusal(() => hotp(KEY.secret, 1, 'SHA1', digits));
    expect(sevenDigits).toEqual({
      kind: 'bad-input',
      code: 'E_BAD_INPUT',
      message: 'digits: "7" is not allowed (allowed: 6 or 8)',
      problems: [{ setting: 'digits', problem: '"7" is not allowed', allowed: '6 or 8' }],
    });
    expect(sevenDigits).toEqual(refusal(() => generateCode({ ...KEY, digits }, 30)));
    const md5 = refusal(() => hotp(KEY.secret, 1, algorithm, 6));
    expect(md5.message).toBe('algorithm: "MD5" is not supported (allowed: SHA1, SHA256 or SHA512)');
    expect(md5).toEqual(refusal(() => generateCode({ ...KEY, algorithm }, 30)));
  });

  it('checks a key again when its settings change after a code was made with it (JavaScript callers can)', () => {
    const key: { -readonly [K in keyof KeyMaterial]: KeyMaterial[K] } = { ...KEY };
    expect(generateCode(key, 30)).toBe(codeOf(1));
    key.digits = 7 as unknown as 6;
    expect(refusal(() => generateCode(key, 30)).message).toBe('digits: "7" is not allowed (allowed: 6 or 8)');
    key.digits = 6;
    key.period = 0;
    expect(refusal(() => generateCode(key, 30)).problems).toMatchObject([{ setting: 'period' }]);
    key.period = 30;
    key.encoder = 'steam';
    key.algorithm = 'SHA256';
    expect(refusal(() => generateCode(key, 30)).message).toContain('does not fit a Steam key');
  });

  it('refuses a counter that is not a whole number from 0, and computes the RFC 4226 values otherwise', () => {
    for (const counter of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expect(refusal(() => hotp(KEY.secret, counter, 'SHA1', 6))).toMatchObject({
        kind: 'bad-input',
        problems: [{ setting: 'counter', allowed: 'a whole number from 0 to 2^53 - 1' }],
      });
    }
    const rfc4226 = Buffer.from('12345678901234567890', 'ascii');
    expect([0, 1, 9].map((counter) => hotp(rfc4226, counter, 'SHA1', 6))).toEqual(['755224', '287082', '520489']);
    expect(hotp(KEY.secret, C, 'SHA1', 6)).toBe(codeOf(C));
  });
});
