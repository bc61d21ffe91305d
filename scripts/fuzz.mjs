// Fuzzes the parsers of the core (their sources, through tsx) with random and mutated inputs: `npm run fuzz`
// (not part of `npm test`). Inputs start from valid corpora (Base32 seeds, otpauth URLs, JSON secrets,
// source references, settings objects, declarations, codes) and are mutated by byte flips, insertions
// of unicode / NUL / % / quotes / URL and JSON syntax, deletions, truncation and duplication.
//
// A crash is any exception that is not a TotpKitError, or a TotpKitError whose message holds 8
// consecutive characters of a seed embedded in that input (Base32 either case, hex, base64). Problems
// *returned* (checkSettings, declarationProblems) that quote a seed are counted as leaks and listed.
// The script prints iterations/s, outcomes per parser, and every crash signature with a reproducible
// example; it exits 1 when there is any crash.
//
//   FUZZ_SEED=<n>        the PRNG seed (printed; random when unset)
//   FUZZ_ITERATIONS=<n>  inputs to generate (default 1,000,000)
//   FUZZ_START=<i>       first iteration index (each iteration has its own PRNG: FUZZ_START=i
//                        FUZZ_ITERATIONS=1 replays iteration i of a run exactly)
//   FUZZ_VERBOSE=1       print every input of the run (with FUZZ_START, to inspect one iteration)
import { inspect } from 'node:util';
// The parsers' own modules (run by tsx): most of them are internal, not exports of the library bundle.
import { decodeBase32, encodeBase32 } from '../src/core/base32.ts';
import { clockSourceProblem, parseTimeOffset } from '../src/core/clock.ts';
import { formatProblem, TotpKitError } from '../src/core/errors.ts';
import { formatOtpauthUrl, parseOtpauthUrl } from '../src/core/otpauth-url.ts';
import { parseSeedText } from '../src/core/seed-text.ts';
import { checkSettings } from '../src/core/settings.ts';
import { decodeSteamSecret } from '../src/core/steam.ts';
import { generateCode, verifyCode } from '../src/core/totp.ts';
import { declarationProblems } from '../src/resources/declaration.ts';
import { resolveSource } from '../src/sources/index.ts';

/** Refusals that name a JSON secret's fields (never its values). */
const NAMES_FIELDS = new Set(['E_JSON_FIELD', 'E_JSON_AMBIGUOUS', 'E_JSON_DUPLICATE']);

const SEED =
  process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 1_000_000);
const START = Number(process.env.FUZZ_START ?? 0);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
/** Longest input generated: long enough for every parser's paths, short enough for 1M in minutes. */
const MAX_LENGTH = 2048;
/** A single call slower than this is reported (a super-linear path is a denial of service). */
const SLOW_MS = 50;
const RUN = 8;

if (!Number.isSafeInteger(ITERATIONS) || ITERATIONS < 1 || !Number.isSafeInteger(START) || START < 0) {
  console.error('fuzz: FUZZ_ITERATIONS must be a whole number ≥ 1 and FUZZ_START ≥ 0');
  process.exit(2);
}

// ---- PRNG: splitmix32 to seed sfc32, one stream per iteration so any iteration replays alone ----

function splitmix32(a) {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

function sfc32(seed) {
  const s = splitmix32(seed);
  let a = s();
  let b = s();
  let c = s();
  let d = s();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** The random helpers of one iteration. */
function randomOf(seed) {
  const next = sfc32(seed);
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
  };
}

// ---- Seeds and their forms: an 8-character run of any form in a message is a leak ----

function formsOf(bytes) {
  const buf = Buffer.from(bytes);
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

function windowsOf(forms) {
  const set = new Set();
  for (const form of forms) for (let i = 0; i + RUN <= form.length; i++) set.add(form.slice(i, i + RUN));
  return set;
}

/** The first 8-character run of the seed in `text`, or undefined. */
function leakIn(text, windows) {
  for (let i = 0; i + RUN <= text.length; i++) {
    const piece = text.slice(i, i + RUN);
    if (windows.has(piece)) return piece;
  }
  return undefined;
}

const poolRandom = randomOf(SEED ^ 0x5eed);
/** Seeds embedded in the corpora; each input records which one it holds. */
const SEEDS = Array.from({ length: 64 }, (_, i) => {
  const bytes = poolRandom.bytes([10, 16, 20, 32, 64][i % 5]);
  const b32 = encodeBase32(bytes);
  return { bytes, b32, windows: windowsOf([...formsOf(bytes), encodeURIComponent(b32)]) };
});

// ---- Corpora (valid inputs, each holding the seed) ----

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512', 'sha-256', 'sha1'];

/** The ways a person writes a Base32 seed. */
function writtenSeed(r, seed) {
  const b32 = seed.b32;
  switch (r.int(6)) {
    case 0:
      return b32;
    case 1:
      return b32.toLowerCase();
    case 2:
      return b32.replace(/(.{4})(?=.)/g, '$1 ');
    case 3:
      return `${b32}${'='.repeat((8 - (b32.length % 8)) % 8)}`;
    case 4:
      return `  ${b32.toLowerCase()}\n`;
    default:
      return [...b32].map((c) => (r.chance(0.5) ? c.toLowerCase() : c)).join('');
  }
}

function otpauthUrl(r, seed) {
  if (r.chance(0.4)) {
    return formatOtpauthUrl({
      secret: seed.bytes,
      algorithm: r.pick(['SHA1', 'SHA256', 'SHA512']),
      digits: r.pick([6, 8]),
      period: r.pick([30, 60, 15, 1, 300]),
      ...(r.chance(0.8) ? { issuer: r.pick(['ACME', 'Acme Corp', 'a&b', '日本', '100%']) } : {}),
      ...(r.chance(0.9) ? { accountName: r.pick(['alice', 'alice@example.com', 'bob smith', 'x/y?z#w']) } : {}),
    });
  }
  const params = [`secret=${r.chance(0.2) ? encodeURIComponent(writtenSeed(r, seed)) : seed.b32}`];
  if (r.chance(0.6)) params.push(`issuer=${r.pick(['ACME', 'Example%20Co', ''])}`);
  if (r.chance(0.5)) params.push(`algorithm=${r.pick(ALGORITHMS)}`);
  if (r.chance(0.5)) params.push(`digits=${r.pick(['6', '8'])}`);
  if (r.chance(0.5)) params.push(`period=${r.pick(['30', '60', '15'])}`);
  for (let i = params.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [params[i], params[j]] = [params[j], params[i]];
  }
  const label = r.pick(['ACME:alice', 'ACME: alice', 'alice', 'Example%20Co:bob%40example.com', '']);
  return `otpauth://totp/${label}?${params.join('&')}`;
}

function jsonSecret(r, seed) {
  const inner = r.chance(0.5) ? writtenSeed(r, seed) : otpauthUrl(r, seed);
  const field = r.pick(['secret', 'seed', 'totp', 'url', 'otpauth_url', 'value']);
  const others = [];
  if (r.chance(0.4)) others.push(['note', r.pick(['"npm"', '1', 'null', 'true', '{"a":1}', '["x"]'])]);
  if (r.chance(0.2)) others.push(['username', '"release-bot"']);
  const entries = [[field, JSON.stringify(inner)], ...others];
  if (r.chance(0.3)) entries.reverse();
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(r.pick([',', ', ', ',\n  ']))}}`;
}

function reference(r, seed) {
  const s = r.chance(0.3) ? seed.b32 : null;
  return r.pick([
    () => `env:${s ?? r.pick(['TOTP_SEED', 'NPM_OTP', '_X1'])}`,
    () => `file:${r.pick(['/run/secrets/npm-otp', './seed.txt', '-', '/dev/stdin', `/tmp/${s ?? 'x'}`])}`,
    () => `store:${s ?? r.pick(['npm-bot', 'a.b@c', 'x_1'])}`,
    () =>
      `aws-sm:${r.pick(['prod/totp', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:npm-AbCdEf', s ?? 'x'])}${r.chance(0.5) ? `#${r.pick(['secret', 'seed', 'totp'])}` : ''}`,
    () => `vault-kv:${r.pick(['secret', 'kv'])}/${s ?? 'app/npm'}${r.chance(0.6) ? '#totp' : ''}`,
    () => `vault-totp:${r.pick(['totp', 'mfa'])}/${s ?? 'npm-bot'}`,
  ])();
}

function settingValue(r, seed, setting) {
  const valid = {
    algorithm: () => r.pick(ALGORITHMS),
    digits: () => r.pick([6, 8, '6', '8']),
    period: () => r.pick([30, 60, '30', 15, 1, 4294967295]),
    keySize: () => r.pick([16, 20, 32, '64']),
    skew: () => r.pick([0, 1, '1']),
    qrSize: () => r.pick([0, 200, '300', 4096]),
    maxValidationAttempts: () => r.pick([1, 5, '10', 1000]),
    issuer: () => r.pick(['ACME', 'Acme Corp', '日本']),
    accountName: () => r.pick(['alice', 'bob@example.com']),
  }[setting];
  switch (r.int(10)) {
    case 0:
      return mutate(r, String(valid()));
    case 1:
      return r.pick([Number.NaN, Number.POSITIVE_INFINITY, -0, -1, 1.5, 1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_VALUE]);
    case 2:
      return r.pick([null, true, false, [], [6], {}, { value: 6 }, '', ' ', 10n, Symbol('x')]);
    case 3:
      // A seed pasted into the wrong field.
      return r.chance(0.5) ? writtenSeed(r, seed) : otpauthUrl(r, seed);
    case 4:
      // Objects whose string form is hostile: a non-callable toString, a throwing one, no prototype.
      return r.pick([
        { toString: 1 },
        { toString: () => 'SHA1' },
        { valueOf: () => 6 },
        Object.create(null),
        new Date(0),
      ]);
    default:
      return valid();
  }
}

const SETTINGS = [
  'algorithm',
  'digits',
  'period',
  'keySize',
  'skew',
  'qrSize',
  'maxValidationAttempts',
  'issuer',
  'accountName',
];

function settingsObject(r, seed) {
  const object = {};
  for (const setting of SETTINGS) if (r.chance(0.45)) object[setting] = settingValue(r, seed, setting);
  if (r.chance(0.1)) object[r.pick(['toString', '__proto__', 'constructor', 'digits '])] = 6;
  return object;
}

function declaration(r, seed) {
  const kind = r.pick(['key', 'key', 'method', 'enrollment', 'KEY', undefined, 7]);
  const value = (setting) => settingValue(r, seed, setting);
  const d = kind === undefined ? {} : { kind };
  if (kind === 'key' || kind === 'KEY') {
    d.name = r.pick(['npm-bot', 'a', '-bad', '', seed.b32, mutate(r, 'npm-bot')]);
    if (r.chance(0.5))
      d.generate = r.pick([
        { issuer: value('issuer'), accountName: value('accountName') },
        { keySize: value('keySize') },
        'yes',
        null,
      ]);
    else d.importFrom = r.pick([reference(r, seed), otpauthUrl(r, seed), writtenSeed(r, seed), '', 5]);
    for (const setting of ['algorithm', 'digits', 'period', 'skew', 'qrSize'])
      if (r.chance(0.3)) d[setting] = value(setting);
    if (r.chance(0.2)) d.exported = r.pick([true, false, 'no']);
  } else if (kind === 'method') {
    d.methodName = r.pick(['ops', 'x.y', '', seed.b32]);
    for (const setting of SETTINGS) if (r.chance(0.35)) d[setting] = value(setting);
  } else if (kind === 'enrollment') {
    d.method = r.pick(['ops', '', 1, null]);
    d.entityId = r.pick(['alice', 'a b', seed.b32, '']);
  }
  if (r.chance(0.2)) d.qrCodeFile = r.pick(['enroll/a.png', '', 0]);
  if (r.chance(0.1)) d[r.pick(['extra', 'toString', 'issuer '])] = 1;
  return d;
}

// ---- Mutations ----

const TOKENS = [
  '\u0000',
  '%',
  '%00',
  '%zz',
  '%E0%A4%A',
  '%2F',
  '%3A',
  '"',
  "'",
  '`',
  '\\',
  '\\u0000',
  '=',
  '==',
  '&',
  '?',
  '#',
  ':',
  '/',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"":',
  'secret=',
  '&secret=',
  '&secret=A',
  'otpauth://',
  'hotp',
  'totp',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2028',
  '-',
  '.',
  '..',
  'é',
  'İ',
  'ı',
  'ſ',
  '\u212a',
  '０',
  '٣',
  '😀',
  '\ud800',
  '\udfff',
  '0',
  '1',
  '8',
  '9',
  '1e3',
  '-1',
  'NaN',
  '99999999999999999999',
  'toString',
  '__proto__',
  'env:',
  'store:',
  'aws-sm:',
  '#FIELD',
  'null',
  'true',
];

function randomChar(r) {
  switch (r.int(4)) {
    case 0:
      return String.fromCharCode(r.int(128));
    case 1:
      return String.fromCharCode(r.int(0x10000));
    case 2:
      return String.fromCodePoint(0x10000 + r.int(0x100000));
    default:
      return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[r.int(32)];
  }
}

/** One to four mutations of `text`. */
function mutate(r, text) {
  let s = text;
  const rounds = 1 + r.int(4);
  for (let k = 0; k < rounds; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(11)) {
      case 0: {
        // Flip one bit of one UTF-8 byte, decoded back as UTF-8 (invalid sequences become U+FFFD) or Latin-1.
        const bytes = Buffer.from(s, 'utf8');
        if (bytes.length === 0) break;
        bytes[r.int(bytes.length)] ^= 1 << r.int(8);
        s = bytes.toString(r.chance(0.7) ? 'utf8' : 'latin1');
        break;
      }
      case 1:
      case 2:
        s = s.slice(0, at) + r.pick(TOKENS) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at) + randomChar(r) + s.slice(at);
        break;
      case 4:
        s = s.slice(0, at) + s.slice(at + 1 + r.int(8));
        break;
      case 5:
        s = s.slice(0, r.int(s.length + 1));
        break;
      case 6: {
        const end = at + 1 + r.int(32);
        s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
        break;
      }
      case 7: {
        const i = r.int(Math.max(1, s.length));
        s = s.slice(0, i) + randomChar(r) + s.slice(i + 1);
        break;
      }
      case 8:
        s = [...s]
          .map((c) => (r.chance(0.3) ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c))
          .join('');
        break;
      case 9:
        // A long run of one token: where a quadratic path shows up. Rare, and long only now and then.
        if (r.chance(0.05))
          s = s.slice(0, at) + r.pick(TOKENS).repeat(r.chance(0.1) ? 1000 + r.int(7000) : 8 + r.int(200)) + s.slice(at);
        break;
      default:
        s = s + s.slice(0, r.int(64));
    }
    if (s.length > MAX_LENGTH * 4) s = s.slice(0, MAX_LENGTH * 4);
  }
  return s;
}

function randomText(r) {
  const n = r.int(r.chance(0.9) ? 64 : MAX_LENGTH);
  let s = '';
  for (let i = 0; i < n; i++) s += randomChar(r);
  return s;
}

// ---- Running the targets ----

const stats = new Map();
const crashes = new Map();
const leaks = new Map();
const slow = [];
let crashCount = 0;
let leakCount = 0;

function stat(target) {
  let s = stats.get(target);
  if (!s) {
    s = { ok: 0, refused: 0, crash: 0, codes: new Map() };
    stats.set(target, s);
  }
  return s;
}

function describeInput(input) {
  if (typeof input === 'string')
    return { base64: Buffer.from(input, 'utf16le').toString('base64'), encoding: 'utf16le' };
  const text = inspect(input, { depth: 6, breakLength: Number.POSITIVE_INFINITY, maxStringLength: 4096 });
  return { base64: Buffer.from(text, 'utf8').toString('base64'), encoding: 'util.inspect, utf8' };
}

function record(map, signature, example) {
  const entry = map.get(signature);
  if (entry) entry.count++;
  else map.set(signature, { count: 1, example });
}

/** How long one more call of a (pure) target takes, in ms. */
function retime(fn) {
  const started = performance.now();
  try {
    fn();
  } catch {
    // The outcome was counted already.
  }
  return performance.now() - started;
}

/** Calls one target on one input: counts the outcome, records a crash with what reproduces it. */
function run(target, input, seed, iteration, fn) {
  const started = performance.now();
  const s = stat(target);
  try {
    const result = fn();
    s.ok++;
    return result;
  } catch (e) {
    if (e instanceof TotpKitError) {
      // JSON field names are named by contract (PRODUCT.md: "naming the keys, never the values"); a mutation
      // that moves seed text into a key is not a leak of a value, so only the rest of the message is scanned.
      const scanned = NAMES_FIELDS.has(e.code) ? e.message.replace(/"(?:[^"\\]|\\.)*"/g, '""') : e.message;
      const piece = leakIn(scanned, seed.windows);
      if (piece === undefined) {
        s.refused++;
        s.codes.set(e.code, (s.codes.get(e.code) ?? 0) + 1);
        return undefined;
      }
      crashCount++;
      s.crash++;
      record(crashes, `${target}: TotpKitError ${e.code} quotes the seed`, {
        iteration,
        input: describeInput(input),
        message: e.message,
        piece,
      });
      return undefined;
    }
    crashCount++;
    s.crash++;
    const first = (e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${typeof e}: ${String(e)}`).split('\n')[0];
    record(crashes, `${target}: ${first.replace(/[0-9]+/g, 'N').slice(0, 120)}`, {
      iteration,
      input: describeInput(input),
      message: first,
      stack: e instanceof Error ? e.stack?.split('\n').slice(1, 4).join('\n') : undefined,
    });
    return undefined;
  } finally {
    const ms = performance.now() - started;
    if (ms > SLOW_MS) {
      // A pause of the garbage collector is not the input's doing: time it again and keep the fastest.
      const again = Math.min(ms, retime(fn), retime(fn));
      if (again > SLOW_MS && slow.length < 1000) {
        slow.push({
          target,
          ms: again,
          iteration,
          length: typeof input === 'string' ? input.length : undefined,
          input,
        });
      }
    }
  }
}

/** Problems a target returned (not threw) that quote the seed. */
function checkProblems(target, problems, input, seed, iteration) {
  for (const p of problems ?? []) {
    const line = formatProblem(p);
    const piece = leakIn(line, seed.windows);
    if (piece !== undefined) {
      leakCount++;
      // One signature per kind of problem; the settings it was seen on are listed with it.
      const shape = p.problem.replace(/"(?:[^"\\]|\\.)*"/, 'VALUE');
      const signature = `${target}: a returned problem quotes the seed: "${shape}"`;
      record(leaks, signature, { iteration, input: describeInput(input), message: line, piece, settings: new Set() });
      leaks.get(signature).example.settings.add(p.setting);
    }
  }
}

const ENV = Object.freeze({});
const LABELS = ['secret', '--secret', 'env:TOTP_SEED', 'source'];

function fuzzText(r, seed, text, iteration) {
  const label = r.pick(LABELS);
  run('decodeBase32', text, seed, iteration, () => decodeBase32(text, label));
  run('parseOtpauthUrl', text, seed, iteration, () => parseOtpauthUrl(text, label));
  const field = r.chance(0.2) ? r.pick(['secret', 'seed', 'url', 'missing', '']) : undefined;
  run('parseSeedText', text, seed, iteration, () => parseSeedText(text, label, field));
  // Steam: bare text is base64 (or upper-case Base32); a .maFile's shared_secret states the encoder.
  run('parseSeedText steam', text, seed, iteration, () => parseSeedText(text, label, field, { encoder: 'steam' }));
  run('decodeSteamSecret', text, seed, iteration, () => decodeSteamSecret(text, label));
  run('parseTimeOffset', text, seed, iteration, () => parseTimeOffset(text, '--time-offset'));
  const clockProblem = run('clockSourceProblem', text, seed, iteration, () => clockSourceProblem(text, 'clock-source'));
  if (clockProblem) checkProblems('clockSourceProblem', [clockProblem], text, seed, iteration);
  run('resolveSource', text, seed, iteration, () => {
    const source = resolveSource(text, 'source', ENV, {});
    if (typeof source.reference !== 'string') throw new Error('resolveSource returned a source without a reference');
    return source;
  });
}

function fuzzSettings(r, seed, iteration) {
  let input;
  if (r.chance(0.3)) {
    // Settings as JSON text (a construct's props, an action's inputs), mutated, then parsed when it still parses.
    const text = mutate(
      r,
      JSON.stringify(settingsObject(r, seed), (_, v) =>
        typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v,
      ) ?? '{}',
    );
    try {
      input = JSON.parse(text);
    } catch {
      input = { algorithm: text };
    }
    if (typeof input !== 'object' || input === null) input = { digits: input };
  } else {
    input = settingsObject(r, seed);
  }
  const generated = r.chance(0.5);
  const result = run('checkSettings', input, seed, iteration, () => checkSettings(input, { generated }));
  if (result) checkProblems('checkSettings', result.problems, input, seed, iteration);
}

function fuzzDeclaration(r, seed, iteration) {
  let input = declaration(r, seed);
  if (r.chance(0.3)) {
    const text = mutate(
      r,
      JSON.stringify(input, (_, v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v)) ?? 'null',
    );
    try {
      input = JSON.parse(text);
    } catch {
      input = text;
    }
  }
  const problems = run('declarationProblems', input, seed, iteration, () => declarationProblems(input));
  if (problems) checkProblems('declarationProblems', problems, input, seed, iteration);
}

function fuzzVerify(r, seed, iteration) {
  const key = {
    secret: seed.bytes,
    algorithm: r.pick(['SHA1', 'SHA256', 'SHA512']),
    digits: r.pick([6, 8]),
    period: r.pick([30, 60, 1, 4294967295]),
  };
  const at = r.pick([
    () => r.int(2 ** 31),
    () => r.next() * 253402300799,
    () =>
      r.pick([
        0,
        -0,
        -1,
        -1e-9,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        2 ** 53,
        2 ** 53 - 1,
        Number.MAX_VALUE,
        1e300,
      ]),
    () => r.pick(['1700000000', null, true, {}, [], 10n, { valueOf: () => 5 }, undefined]),
  ])();
  const valid = generateCode(key, 1_700_000_000);
  const input = r.pick([
    () => valid,
    () => mutate(r, valid),
    () => ` ${valid.slice(0, 3)} ${valid.slice(3)} `,
    () => randomText(r),
    () => r.pick([null, undefined, 123456, 12345678n, [valid], { toString: () => valid }, Symbol('x'), Number.NaN, {}]),
  ])();
  const options = { ...(at !== undefined ? { at } : {}), ...(r.chance(0.8) ? { skew: r.pick([0, 1]) } : {}) };
  const outcome = run('verifyCode', input, seed, iteration, () => verifyCode(key, input, options));
  if (outcome !== undefined && typeof outcome.valid !== 'boolean') {
    crashCount++;
    record(crashes, 'verifyCode: result without a boolean valid', {
      iteration,
      input: describeInput(input),
      message: inspect(outcome),
    });
  }
}

/** Seeds as Steam keeps them: base64 shared_secret, a .maFile, Steam otpauth URLs. */
function steamSeed(r, seed) {
  const buf = Buffer.from(seed.bytes);
  switch (r.int(5)) {
    case 0:
      return buf.toString('base64');
    case 1:
      return buf.toString('base64url');
    case 2:
      return JSON.stringify({
        shared_secret: buf.toString('base64'),
        identity_secret: buf.toString('base64'),
        account_name: 'bot',
        revocation_code: 'R12345',
      });
    case 3:
      return `otpauth://totp/Steam:bot?secret=${seed.b32}&issuer=Steam`;
    default:
      return `otpauth://steam/Steam:bot?secret=${seed.b32}&digits=5`;
  }
}

const CORPORA = [writtenSeed, otpauthUrl, jsonSecret, reference, steamSeed];

function iterate(iteration) {
  const r = randomOf((SEED ^ Math.imul(iteration + 1, 0x9e3779b1)) >>> 0);
  const seed = r.pick(SEEDS);
  const kind = r.int(100);
  if (kind < 8) return fuzzSettings(r, seed, iteration);
  if (kind < 14) return fuzzDeclaration(r, seed, iteration);
  if (kind < 20) return fuzzVerify(r, seed, iteration);
  let text;
  if (kind < 26) text = randomText(r);
  else {
    text = r.pick(CORPORA)(r, seed);
    if (r.chance(0.15)) text += r.pick(['', '\n', '&', ' ']) + r.pick(CORPORA)(r, r.pick(SEEDS)); // crossover
    if (r.chance(0.9)) text = mutate(r, text);
  }
  if (text.length > MAX_LENGTH * 4) text = text.slice(0, MAX_LENGTH * 4);
  if (VERBOSE) console.log(`#${iteration}`, JSON.stringify(text));
  fuzzText(r, seed, text, iteration);
}

// ---- Main loop and report ----

console.log(`fuzz: src/, ${ITERATIONS.toLocaleString('en')} iterations from ${START}, FUZZ_SEED=${SEED}`);
const started = performance.now();
let lastReport = started;
for (let i = START; i < START + ITERATIONS; i++) {
  iterate(i);
  if ((i - START + 1) % 100_000 === 0 || performance.now() - lastReport > 30_000) {
    lastReport = performance.now();
    const done = i - START + 1;
    const rate = done / ((lastReport - started) / 1000);
    console.log(
      `  ${done.toLocaleString('en')} iterations, ${Math.round(rate).toLocaleString('en')}/s, ${crashCount} crashes, ${leakCount} leaks`,
    );
  }
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `\nfuzz: ${ITERATIONS.toLocaleString('en')} iterations in ${seconds.toFixed(1)} s: ${Math.round(ITERATIONS / seconds).toLocaleString('en')} iterations/s (FUZZ_SEED=${SEED})`,
);
console.log('\noutcomes per parser (ok / refused with a TotpKitError / crash):');
for (const [target, s] of [...stats].sort()) {
  const codes = [...s.codes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(
    `  ${target.padEnd(20)} ${String(s.ok).padStart(8)} ok ${String(s.refused).padStart(8)} refused ${String(s.crash).padStart(6)} crash${codes ? `   (${codes}${s.codes.size > 6 ? ', …' : ''})` : ''}`,
  );
}

function printSignatures(title, map) {
  for (const [signature, { count, example }] of map) {
    console.log(`\n${title} ×${count}: ${signature}`);
    if (example.settings) console.log(`  seen on: ${[...example.settings].join(', ')}`);
    console.log(`  message: ${example.message}`);
    if (example.piece) console.log(`  quoted seed run: ${JSON.stringify(example.piece)}`);
    if (example.stack) console.log(example.stack.replace(/^/gm, '  '));
    console.log(`  input (${example.input.encoding}, base64): ${example.input.base64}`);
    console.log(`  replay: FUZZ_SEED=${SEED} FUZZ_START=${example.iteration} FUZZ_ITERATIONS=1 node scripts/fuzz.mjs`);
  }
}

if (slow.length > 0) {
  console.log(`\nslow calls (> ${SLOW_MS} ms on three tries): ${slow.length}`);
  for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const preview =
      typeof s.input === 'string'
        ? JSON.stringify(s.input.length > 80 ? `${s.input.slice(0, 40)}…${s.input.slice(-40)}` : s.input)
        : '(object)';
    console.log(
      `  ${s.target} ${s.ms.toFixed(0)} ms, input of ${s.length ?? '?'} characters ${preview}, replay FUZZ_START=${s.iteration}`,
    );
  }
}
if (leakCount > 0) {
  console.log(`\nreturned problems quoting a seed: ${leakCount} (${leaks.size} signatures)`);
  printSignatures('LEAK', leaks);
}
if (crashCount > 0) {
  console.log(`\ncrashes: ${crashCount} (${crashes.size} signatures)`);
  printSignatures('CRASH', crashes);
}
console.log(
  `\nfuzz: ${crashCount} crashes, ${leakCount} returned-problem leaks, ${slow.length} slow calls in ${ITERATIONS.toLocaleString('en')} iterations`,
);
process.exitCode = crashCount > 0 ? 1 : 0;
