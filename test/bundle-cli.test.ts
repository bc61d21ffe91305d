// The bundled CLI (dist/cli.js, `npm run build`) run as users run it, for what only a real process shows: the
// shebang and the package's bin, the process's exit codes, standard input from a pipe, a reader that goes away
// (`| head -1`), and the version the bundler put in. Everything else runs in-process against the sources
// (helpers/in-process-cli.ts).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { CLI, type CliResult, runCli } from './helpers/run-cli.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const ENV = { TOTP_SEED: B32 };
const FROM = ['--from', 'env:TOTP_SEED'];
const AT = 1_700_000_015;
const PKG = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-bundle-cli-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL)
  console.warn('oathtool is not installed: the bundle is checked against src/ only (SKIPPED oathtool)');

/** The code of the seed at `at`: oathtool when installed, else the core. */
function reference(at: number): string {
  if (!HAS_OATHTOOL) return generateCode({ secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 }, at);
  const r = spawnSync('oathtool', ['--totp', `--now=@${at}`, SEED.toString('hex')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** `node dist/cli.js …args`, its output leak-scanned. */
function run(args: readonly string[], options: Parameters<typeof runCli>[1] = { env: ENV }): CliResult {
  const r = runCli(args, options);
  expectNoSeedInCli(r, SEED, `totp-kit ${args.join(' ')}`);
  return r;
}

describe('the bin', () => {
  it('package.json names dist/cli.js, which runs by its shebang and prints the version the bundler put in', () => {
    expect(PKG.bin['totp-kit']).toBe('dist/cli.js');
    accessSync(CLI, constants.X_OK);
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const r = spawnSync(CLI, ['--version'], {
      encoding: 'utf8',
      env: { PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` },
    });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 0,
      stdout: `${PKG.version}\n`,
      stderr: '',
    });
  });
});

describe("the process's exit code", () => {
  it('0 and the code alone for `code` (oathtool agrees)', () => {
    expect(run(['code', ...FROM, '--at', String(AT)])).toEqual({ status: 0, stdout: `${reference(AT)}\n`, stderr: '' });
  });

  it('1 for an invalid code, 2 for bad input, 3 for a store that cannot be read', () => {
    const wrong = String((Number(reference(AT)) + 500_000) % 1_000_000).padStart(6, '0');
    expect(run(['verify', ...FROM, '--code', wrong, '--at', String(AT), '--skew', '0'])).toEqual({
      status: 1,
      stdout: 'invalid\n',
      stderr: '',
    });
    expect(run(['code', ...FROM, '--digits', '7'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'totp-kit: --digits: "7" is not allowed (allowed: 6 or 8)\n',
    });
    const corrupt = join(DIR, 'corrupt.json');
    writeFileSync(corrupt, 'not json', { mode: 0o600 });
    const r = run(['key', 'list', '--store', `file:${corrupt}`]);
    expect([r.status, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(new RegExp(`^totp-kit: store file:${corrupt}: [^\\n]*\\n$`));
  });
});

describe('standard input from a pipe', () => {
  it.each(['file:/dev/stdin', 'file:-'])('%s reads the seed, even when standard input is a socket', (ref) => {
    // Node gives a child process a socket, not a pipe, for its standard input: /dev/stdin cannot be opened.
    const r = run(['code', '--from', ref, '--at', String(AT)], { input: `${B32}\n` });
    expect(r).toEqual({ status: 0, stdout: `${reference(AT)}\n`, stderr: '' });
  });

  it('plan reads its declaration from standard input', () => {
    const declaration = { kind: 'key', name: 'bot', generate: { issuer: 'Acme', accountName: 'bot' } };
    const store = `file:${join(DIR, 'stdin-store.json')}`;
    const r = run(['plan', '--store', store], { input: JSON.stringify(declaration) });
    expect(r).toEqual({ status: 0, stdout: 'key "bot": create\n  does not exist yet\n', stderr: '' });
  });
});

describe('a reader that goes away (`totp-kit … | head -1`)', () => {
  it('stdout closed before the CLI writes: exit 0, no EPIPE trace', async () => {
    const child = spawn(process.execPath, [CLI, 'check', ...FROM, '--at', String(AT)], {
      env: { ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expectNoSeed(stderr, SEED, 'stderr');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  });
});
