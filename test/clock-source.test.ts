// The clock check (`--clock-source URL`, `--time-offset S`, the action's `clock-source` / `time-offset`):
// a loopback HTTP server whose Date header is skewed stands in for the service. The offset is reported,
// applied when over 2 s (the code is then the code of the service's time), ignored within 2 s; a server
// that cannot tell the time is a warning, never a failure; bad values are refused in one line each.
// The CLI runs in-process (main(argv, io), against the sources) on a fixed clock, and the server's Date headers
// are fixed relative to it, so every offset, code and message is exact whatever second a test starts in. The
// action runs in-process the same way (helpers/in-process-action.ts); one test runs its bundle on the real clock
// (with a server that follows the real clock too), asserting what holds whatever the load: the step it used lies
// between the service times before and after it ran.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { readClock } from '../src/sources/server-clock.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { runAction } from './helpers/run-action.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const KEY = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
/** This machine's clock in the in-process runs (Unix seconds). */
const LOCAL = 1_700_000_000;
/** Seconds each path's Date header is ahead of LOCAL; under /live/ ahead of the real clock instead. */
const SKEWS: Readonly<Record<string, number>> = { '/ahead': 37, '/behind': -100, '/close': 1, '/far': 200_000 };

let server: Server;
let base: string;
let closedPort: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.sendDate = false;
    if (path === '/nodate') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/garbage') {
      res.writeHead(200, { Date: 'not a date at all' }).end();
      return;
    }
    const live = path.startsWith('/live/');
    const skew = SKEWS[live ? path.slice('/live'.length) : path] ?? 0;
    const time = (live ? Date.now() / 1000 : LOCAL) + skew;
    // Any status carries the Date header: a 405 for HEAD is as good as a 200.
    res.writeHead(path === '/close' ? 405 : 200, { Date: new Date(time * 1000).toUTCString() }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Runs `totp-kit ...args` in-process with the seed in TOTP_SEED and this machine's clock at LOCAL. */
async function cli(args: readonly string[]): Promise<InProcessRun> {
  const r = await runInProcess(args, { env: { TOTP_SEED: B32 }, now: LOCAL });
  expectNoSeedInCli(r, SEED, args.join(' '));
  return r;
}

/** What `code --json` prints when the code is computed for LOCAL + `offset` (the offset applied). */
function codeJsonAt(offset: number) {
  const t = LOCAL + offset;
  const end = (Math.floor(t / 30) + 1) * 30;
  return {
    code: generateCode(KEY, t),
    period: 30,
    digits: 6,
    algorithm: 'SHA1',
    remaining: end - Math.floor(t),
    expiresAt: new Date(end * 1000).toISOString(),
    clockOffset: offset,
  };
}

/** `code --json` with the extra flags: exit 0, its JSON, and what it said on stderr. */
async function codeWith(flags: readonly string[]) {
  const r = await cli(['code', '--from', 'env:TOTP_SEED', '--json', ...flags]);
  expect(r.status, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as unknown, stderr: r.stderr };
}

describe('--clock-source', () => {
  it("uses a server's time that is more than 2 s ahead, and says so", async () => {
    // The Date header has whole seconds: the server's time is taken as the header + 0.5 s.
    expect(await codeWith(['--clock-source', `${base}/ahead`])).toEqual({
      json: codeJsonAt(37.5),
      stderr: `totp-kit: clock: ${base} is 37.5 s ahead of this machine; codes use its time\n`,
    });
  });

  it("uses a server's time that is behind", async () => {
    expect(await codeWith(['--clock-source', `${base}/behind`])).toEqual({
      json: codeJsonAt(-99.5),
      stderr: `totp-kit: clock: ${base} is 99.5 s behind this machine; codes use its time\n`,
    });
  });

  it("keeps this machine's clock within 2 s (any status carries the Date header)", async () => {
    expect(await codeWith(['--clock-source', `${base}/close`])).toEqual({
      json: codeJsonAt(0),
      stderr: `totp-kit: clock: ${base} is within 2 s of this machine (offset +1.5 s); codes use this machine's clock\n`,
    });
  });

  for (const [what, url, why] of [
    ['sends no Date header', '/nodate', 'sent no Date header'],
    ['sends a Date header that is not a date', '/garbage', 'sent a Date header that is not a date'],
    [
      'says a time more than a day away',
      '/far',
      "says a time 200000.5 s ahead of this machine (more than a day): fix this machine's clock",
    ],
  ] as const) {
    it(`warns and keeps this machine's clock when the server ${what}`, async () => {
      expect(await codeWith(['--clock-source', `${base}${url}`])).toEqual({
        json: codeJsonAt(0),
        stderr: `totp-kit: warning: --clock-source: ${base} ${why}; codes use this machine's clock\n`,
      });
    });
  }

  it("warns and keeps this machine's clock when the server cannot be reached", async () => {
    expect(await codeWith(['--clock-source', `http://127.0.0.1:${closedPort}/`])).toEqual({
      json: codeJsonAt(0),
      stderr: `totp-kit: warning: --clock-source: http://127.0.0.1:${closedPort} unreachable (ECONNREFUSED); codes use this machine's clock\n`,
    });
  });

  it('names only the origin: no user, password, path or query from the URL', async () => {
    const url = `http://ci-user:hunter2secret@127.0.0.1:${new URL(base).port}/ahead?token=abcdef123456`;
    const run = await codeWith(['--clock-source', url]);
    expect(run.stderr).toBe(`totp-kit: clock: ${base} is 37.5 s ahead of this machine; codes use its time\n`);
    const reading = await readClock(url, 'clock-source', { now: () => LOCAL });
    expect(reading).toEqual({ origin: base, offset: 37.5, roundTrip: 0, applied: true });
  });

  it('applies to verify: a code of the service time is valid with it, invalid without', async () => {
    const code = generateCode(KEY, LOCAL + 37.5);
    const args = ['verify', '--from', 'env:TOTP_SEED', '--code', code, '--skew', '0', '--json'];
    const withClock = await cli([...args, '--clock-source', `${base}/ahead`]);
    expect({ status: withClock.status, stdout: withClock.stdout }).toEqual({
      status: 0,
      stdout: `${JSON.stringify({ valid: true, delta: 0 })}\n`,
    });
    // Without it, the code is of the step after this machine's.
    const without = await cli(args);
    expect({ status: without.status, stdout: without.stdout }).toEqual({
      status: 1,
      stdout: `${JSON.stringify({ valid: false, reason: 'invalid' })}\n`,
    });
  });
});

describe('--time-offset', () => {
  it("adds the offset to this machine's clock", async () => {
    expect(await codeWith(['--time-offset', '-3600'])).toEqual({
      json: codeJsonAt(-3600),
      stderr: "totp-kit: clock: --time-offset -3600 s applied to this machine's clock\n",
    });
  });

  it('applies to verify and check', async () => {
    const code = generateCode(KEY, LOCAL + 600);
    expect((await cli(['verify', '--from', 'env:TOTP_SEED', '--code', code, '--time-offset', '600'])).status).toBe(0);
    expect((await cli(['verify', '--from', 'env:TOTP_SEED', '--code', code])).status).toBe(1);
    const check = await cli(['check', '--from', 'env:TOTP_SEED', '--time-offset', '600', '--json']);
    expect(check.status, check.stderr).toBe(0);
    const codes = (JSON.parse(check.stdout) as { codes: { code: string }[] }).codes.map((c) => c.code);
    expect(codes).toContain(code);
  });

  const refusals: [string, readonly string[], RegExp][] = [
    [
      'both flags',
      ['--clock-source', 'https://example.com', '--time-offset', '3'],
      /^totp-kit: --clock-source: and --time-offset were both given/,
    ],
    [
      'a clock source that is not http',
      ['--clock-source', 'ftp://example.com/'],
      /--clock-source: has the scheme "ftp" where http or https is needed/,
    ],
    [
      'a clock source that is not a URL',
      ['--clock-source', 'example dot com'],
      /--clock-source: is not a URL \(its value was not printed\)/,
    ],
    ['an offset that is not a number', ['--time-offset', '5min'], /--time-offset: "5min" is not a number of seconds/],
    ['an offset of more than a day', ['--time-offset', '90000'], /--time-offset: "90000" is out of range/],
    ['a clock flag with --at', ['--time-offset', '3', '--at', '100'], /--time-offset: cannot be used with --at/],
  ];
  for (const [what, flags, message] of refusals) {
    it(`refuses ${what} in one line (exit 2)`, async () => {
      const r = await cli(['code', '--from', 'env:TOTP_SEED', ...flags]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  }
});

describe('the action with clock-source / time-offset', () => {
  /** Runs the action in-process (helpers/in-process-action.ts) with the runner's clock at LOCAL. */
  const action = (inputs: Record<string, string>) =>
    runActionInProcess({ inputs: { secret: B32, 'min-remaining': '0', ...inputs }, now: LOCAL });

  it('outputs the code of the server time and the offset; the summary names the origin', async () => {
    const r = await action({ 'clock-source': `${base}/ahead` });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      code: generateCode(KEY, LOCAL + 37.5),
      step: String(Math.floor((LOCAL + 37.5) / 30)),
      'clock-offset': '37.5',
    });
    expect(r.summary).toContain(`<code>${base}</code>`);
    expect(r.summary).toContain('(applied)');
    expect(r.stdout.split('\n')).toContain(`clock: ${base} is 37.5 s ahead of this machine; codes use its time`);
    expectNoSeed(r.maskedView, SEED, 'the action');
  });

  it('warns and uses the runner clock when the clock source cannot be read', async () => {
    const r = await action({ 'clock-source': `http://127.0.0.1:${closedPort}` });
    expect(r.exitCode).toBe(0);
    expect(r.warnings.join('\n')).toMatch(/clock-source: http:\/\/127\.0\.0\.1:\d+ unreachable/);
    expect(r.outputs).toMatchObject({ code: generateCode(KEY, LOCAL), 'clock-offset': '0' });
  });

  it('applies time-offset, and refuses both inputs at once', async () => {
    const r = await action({ 'time-offset': '-600' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      code: generateCode(KEY, LOCAL - 600),
      step: String(Math.floor((LOCAL - 600) / 30)),
      'clock-offset': '-600',
    });
    const both = await action({ 'time-offset': '3', 'clock-source': base });
    expect(both.exitCode).toBe(1);
    expect(both.errors).toEqual([
      'clock-source: and time-offset were both given (allowed: one of them: measure the offset, or state it)',
    ]);
  });

  it('the bundle on the real clock, against a server on the real clock 37 s ahead', async () => {
    // min-remaining 0: no wait for a later step, so the step is that of the service's time while it ran.
    const before = Date.now() / 1000;
    const r = await runAction({
      inputs: { secret: B32, 'clock-source': `${base}/live/ahead`, 'min-remaining': '0', 'install-cli': 'false' },
    });
    const after = Date.now() / 1000;
    expect(r.exitCode, r.stdout).toBe(0);
    // 37 s, give or take what the request took (the header has whole seconds; its time is taken mid-request).
    const offset = Number(r.outputs['clock-offset']);
    expect(offset).toBeGreaterThan(34);
    expect(offset).toBeLessThan(40);
    const step = Number(r.outputs.step);
    expect(step).toBeGreaterThanOrEqual(Math.floor((before + offset) / 30));
    expect(step).toBeLessThanOrEqual(Math.floor((after + offset) / 30));
    expect(r.outputs.code).toBe(generateCode(KEY, step * 30));
    expect(r.stdout).toMatch(/clock: .* ahead of this machine; codes use its time/);
    expectNoSeed(r.maskedView, SEED, 'the action');
  });
});
