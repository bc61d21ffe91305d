// The clock check (`--clock-source URL`, `--time-offset S`, the action's `clock-source` / `time-offset`):
// a loopback HTTP server whose Date header is skewed stands in for the service. The offset is reported,
// applied when over 2 s (the code is then the code of the service's time), ignored within 2 s; a server
// that cannot tell the time is a warning, never a failure; bad values are refused in one line each.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { readClock } from '../src/core/clock.js';
import { generateCode } from '../src/core/totp.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { runAction } from './helpers/run-action.js';
import { type CliResult, runCliAsync } from './helpers/run-cli.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const KEY = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
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
    const skew = SKEWS[path] ?? 0;
    // Any status carries the Date header: a 405 for HEAD is as good as a 200.
    res.writeHead(path === '/close' ? 405 : 200, { Date: new Date(Date.now() + skew * 1000).toUTCString() }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const r = await runCliAsync(args, { env: { TOTP_SEED: B32, ...env } });
  expectNoSeedInCli(r, SEED, args.join(' '));
  return r;
}

interface CodeJson {
  readonly code: string;
  readonly expiresAt: string;
  readonly clockOffset?: number;
}

/** `code --json` with the extra flags, and the service-time window it ran in (this machine's clock + skew). */
async function codeWith(flags: readonly string[], skew: number) {
  const before = Date.now() / 1000 + skew;
  const r = await cli(['code', '--from', 'env:TOTP_SEED', '--json', ...flags]);
  const after = Date.now() / 1000 + skew;
  expect(r.status, r.stderr).toBe(0);
  return { r, json: JSON.parse(r.stdout) as CodeJson, before, after };
}

function expectCodeOfServiceTime(run: Awaited<ReturnType<typeof codeWith>>): void {
  const { json, before, after } = run;
  const step = Date.parse(json.expiresAt) / 1000 / 30 - 1;
  expect([Math.floor(before / 30), Math.floor(after / 30)]).toContain(step);
  expect(json.code).toBe(generateCode(KEY, step * 30));
}

describe('--clock-source', () => {
  it("uses a server's time that is more than 2 s ahead, and says so", async () => {
    const run = await codeWith(['--clock-source', `${base}/ahead`], 37);
    expect(run.json.clockOffset).toBeGreaterThan(35.5);
    expect(run.json.clockOffset).toBeLessThan(38.5);
    expectCodeOfServiceTime(run);
    expect(run.r.stderr).toMatch(
      new RegExp(`^totp-kit: clock: ${base} is 3[678]\\.\\d s ahead of this machine; codes use its time$`, 'm'),
    );
  });

  it("uses a server's time that is behind", async () => {
    const run = await codeWith(['--clock-source', `${base}/behind`], -100);
    expect(run.json.clockOffset).toBeGreaterThan(-101.5);
    expect(run.json.clockOffset).toBeLessThan(-98.5);
    expectCodeOfServiceTime(run);
    expect(run.r.stderr).toMatch(/s behind this machine; codes use its time/);
  });

  it("keeps this machine's clock within 2 s (any status carries the Date header)", async () => {
    const run = await codeWith(['--clock-source', `${base}/close`], 0);
    expect(run.json.clockOffset).toBe(0);
    expectCodeOfServiceTime(run);
    expect(run.r.stderr).toMatch(
      /is within 2 s of this machine \(offset [+-][0-9]\.\d s\); codes use this machine's clock/,
    );
  });

  for (const [what, url, why] of [
    ['sends no Date header', '/nodate', /sent no Date header/],
    ['sends a Date header that is not a date', '/garbage', /sent a Date header that is not a date/],
    [
      'says a time more than a day away',
      '/far',
      /says a time (199999|200000)\.\d s ahead of this machine \(more than a day\)/,
    ],
  ] as const) {
    it(`warns and keeps this machine's clock when the server ${what}`, async () => {
      const run = await codeWith(['--clock-source', `${base}${url}`], 0);
      expectCodeOfServiceTime(run);
      expect(run.r.stderr.startsWith(`totp-kit: warning: --clock-source: ${base} `)).toBe(true);
      expect(run.r.stderr).toMatch(why);
      expect(run.r.stderr).toMatch(/codes use this machine's clock\n$/);
    });
  }

  it("warns and keeps this machine's clock when the server cannot be reached", async () => {
    const run = await codeWith(['--clock-source', `http://127.0.0.1:${closedPort}/`], 0);
    expectCodeOfServiceTime(run);
    expect(run.r.stderr).toBe(
      `totp-kit: warning: --clock-source: http://127.0.0.1:${closedPort} unreachable (ECONNREFUSED); codes use this machine's clock\n`,
    );
  });

  it('names only the origin: no user, password, path or query from the URL', async () => {
    const url = `http://ci-user:hunter2secret@127.0.0.1:${new URL(base).port}/ahead?token=abcdef123456`;
    const run = await codeWith(['--clock-source', url], 37);
    expect(run.r.stderr).not.toMatch(/hunter2|ci-user|token|abcdef|\/ahead/);
    const reading = await readClock(url, 'clock-source');
    expect(reading.origin).toBe(base);
    expect(reading.applied).toBe(true);
  });

  it('applies to verify: a code of the service time is valid with it, invalid without', async () => {
    const code = generateCode(KEY, Date.now() / 1000 + 37 + 5);
    // 5 s into the future still falls in the skew window of the service's step, never in this machine's.
    const withClock = await cli([
      'verify',
      '--from',
      'env:TOTP_SEED',
      '--code',
      code,
      '--clock-source',
      `${base}/ahead`,
    ]);
    expect(withClock.status, withClock.stderr).toBe(0);
    const without = await cli(['verify', '--from', 'env:TOTP_SEED', '--code', code, '--skew', '0']);
    expect(without.status).toBe(1);
  });
});

describe('--time-offset', () => {
  it("adds the offset to this machine's clock", async () => {
    const run = await codeWith(['--time-offset', '-3600'], -3600);
    expect(run.json.clockOffset).toBe(-3600);
    expectCodeOfServiceTime(run);
    expect(run.r.stderr).toBe("totp-kit: clock: --time-offset -3600 s applied to this machine's clock\n");
  });

  it('applies to verify and check', async () => {
    const code = generateCode(KEY, Date.now() / 1000 + 600);
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
  it('outputs the code of the server time and the offset; the summary names the origin', async () => {
    const before = Date.now() / 1000 + 37;
    const r = await runAction({ inputs: { secret: B32, 'clock-source': `${base}/ahead`, 'install-cli': 'false' } });
    const after = Date.now() / 1000 + 37 + 30;
    expect(r.exitCode, r.stdout).toBe(0);
    const offset = Number(r.outputs['clock-offset']);
    expect(offset).toBeGreaterThan(35.5);
    expect(offset).toBeLessThan(38.5);
    const step = Number(r.outputs.step);
    expect(step).toBeGreaterThanOrEqual(Math.floor(before / 30));
    expect(step).toBeLessThanOrEqual(Math.floor(after / 30));
    expect(r.outputs.code).toBe(generateCode(KEY, step * 30));
    expect(r.summary).toContain(`<code>${base}</code>`);
    expect(r.summary).toContain('(applied)');
    expect(r.stdout).toMatch(/clock: .* ahead of this machine; codes use its time/);
    expectNoSeed(r.maskedView, SEED, 'the action');
  });

  it('warns and uses the runner clock when the clock source cannot be read', async () => {
    const r = await runAction({
      inputs: { secret: B32, 'clock-source': `http://127.0.0.1:${closedPort}`, 'install-cli': 'false' },
    });
    expect(r.exitCode).toBe(0);
    expect(r.warnings.join('\n')).toMatch(/clock-source: http:\/\/127\.0\.0\.1:\d+ unreachable/);
    expect(r.outputs['clock-offset']).toBe('0');
  });

  it('applies time-offset, and refuses both inputs at once', async () => {
    const r = await runAction({ inputs: { secret: B32, 'time-offset': '-600', 'install-cli': 'false' } });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['clock-offset']).toBe('-600');
    const step = Number(r.outputs.step);
    expect(Math.abs(step - Math.floor((Date.now() / 1000 - 600) / 30))).toBeLessThanOrEqual(1);
    expect(r.outputs.code).toBe(generateCode(KEY, step * 30));
    const both = await runAction({
      inputs: { secret: B32, 'time-offset': '3', 'clock-source': base, 'install-cli': 'false' },
    });
    expect(both.exitCode).toBe(1);
    expect(both.errors).toEqual([
      'clock-source: and time-offset were both given (allowed: one of them: measure the offset, or state it)',
    ]);
  });
});
