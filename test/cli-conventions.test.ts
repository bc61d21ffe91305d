// The CLI's conventions, through main(argv, io) on the sources (a closed pipe in a real process: bundle-cli.test.ts):
// -v/-V, one JSON object for a failure under --json, defaults stated in one form and applied as stated, --at in
// Unix seconds or ISO 8601 wherever it exists, completion scripts made from the command tree and run in the real
// shells, and a reader that goes away (`| head -1`) ending the CLI quietly. Every output is leak-scanned.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompletionNode, completionTree } from '../src/cli/completion.js';
import type { Io } from '../src/cli/io.js';
import { createProgram, main } from '../src/cli/main.js';
import { withDefault } from '../src/cli/seed-options.js';
import { AT_FORMS, parseAtValue } from '../src/cli/timing-options.js';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import type { KeyMaterial as TotpKey } from '../src/core/key.js';
import { MAX_UNIX_SECONDS } from '../src/core/time.js';
import { generateCode } from '../src/core/totp.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const KEY: TotpKey = { secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 };
/** 2026-12-05T10:00:00Z. */
const T = 1_796_464_800;
const FROM = ['--from', 'env:TOTP_SEED'];
const ENV = { TOTP_SEED: B32, PATH: process.env.PATH ?? '' };
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-conventions-'));
const STORE = ['--store', `file:${join(DIR, 'store.json')}`];
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the Io's stdout writer (a reader that goes away). */
  readonly out?: (text: string) => void;
}

/** `totp-kit …argv` in-process at T + 5, with TOTP_SEED set; stdout and stderr leak-scanned. */
async function cli(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out:
      options.out ??
      ((text) => {
        stdout += text;
      }),
    err: (text) => {
      stderr += text;
    },
    env: options.env ?? { ...ENV },
    now: () => T + 5,
    isTty: false,
  };
  const status = await main(argv, io);
  const run = { status, stdout, stderr };
  expectNoSeedInCli(run, SEED, `totp-kit ${argv.join(' ')}`);
  return run;
}

/** Every command of the program with its options and subcommands, as help and completion see them. */
const TREE: readonly CompletionNode[] = completionTree(
  createProgram({ out: () => {}, err: () => {}, env: {}, now: () => T, isTty: false }),
);

/** The argv of a node's path: `totp-kit key create` → ['key', 'create']. */
const argvOf = (node: CompletionNode) => node.path.split(' ').slice(1);

/** A code of the seed that none of the steps around T (skew 1) has. */
const WRONG = (() => {
  const near = new Set([T - 30, T, T + 30].map((t) => generateCode(KEY, t)));
  for (let t = T + 300; ; t += 30) {
    const code = generateCode(KEY, t);
    if (!near.has(code)) return code;
  }
})();

describe('-v and -V print the version, as --version does', () => {
  it.each(['-v', '-V', '--version'])('totp-kit %s', async (flag) => {
    expect(await cli([flag])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('help lists -v, --version', () => {
    const root = TREE.find((n) => n.path === 'totp-kit');
    expect(root?.options.find((o) => o.names.includes('--version'))?.names).toEqual(['-v', '--version']);
  });
});

describe('--json: a failure is one JSON object on stdout, with the exit code it has without --json', () => {
  interface FailureCase {
    readonly name: string;
    readonly argv: readonly string[];
    readonly env?: NodeJS.ProcessEnv;
    readonly status: number;
    readonly error: Record<string, unknown>;
  }
  const corrupt = join(DIR, 'corrupt', 'store.json');
  beforeAll(() => {
    mkdirSync(dirname(corrupt), { mode: 0o700 });
    writeFileSync(corrupt, 'not json', { mode: 0o600 });
  });
  const CASES: readonly FailureCase[] = [
    {
      name: 'several bad settings',
      argv: ['code', ...FROM, '--digits', '7', '--period', '0'],
      status: 2,
      error: {
        code: 'E_BAD_SETTINGS',
        kind: 'bad-input',
        message:
          '--digits: "7" is not allowed (allowed: 6 or 8)\n--period: 0 is out of range (allowed: whole seconds from 1 to 4294967295)',
        problems: [
          { setting: '--digits', problem: '"7" is not allowed', allowed: '6 or 8' },
          { setting: '--period', problem: '0 is out of range', allowed: 'whole seconds from 1 to 4294967295' },
        ],
      },
    },
    {
      name: 'a bad --at',
      argv: ['code', ...FROM, '--at', 'noon'],
      status: 2,
      error: {
        code: 'E_BAD_SETTINGS',
        kind: 'bad-input',
        message: `--at: "noon" is not a time (allowed: ${AT_FORMS})`,
        problems: [{ setting: '--at', problem: '"noon" is not a time', allowed: AT_FORMS }],
      },
    },
    {
      name: 'no seed',
      argv: ['code'],
      status: 2,
      error: {
        code: 'E_NO_SEED',
        kind: 'bad-input',
        message: 'seed: none given (allowed: --from SOURCE (e.g. --from env:TOTP_SEED), --url URL or --secret BASE32)',
        problems: [
          {
            setting: 'seed',
            problem: 'none given',
            allowed: '--from SOURCE (e.g. --from env:TOTP_SEED), --url URL or --secret BASE32',
          },
        ],
      },
    },
    {
      name: "commander's unknown option",
      argv: ['code', '--frob'],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: "unknown option '--frob' (Did you mean --from?) (see totp-kit --help)",
        problems: [],
      },
    },
    {
      name: 'an unknown option that could be a seed',
      argv: ['code', `--${B32}`],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: 'unknown option (not printed: it could be a seed) (see totp-kit --help)',
        problems: [],
      },
    },
    {
      name: 'a seed typed as an argument',
      argv: ['code', ...FROM, B32],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: "too many arguments for 'code'. Expected 0 arguments but got 1. (see totp-kit --help)",
        problems: [],
      },
    },
    {
      name: "commander's missing argument",
      argv: ['key', 'get'],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: "missing required argument 'name' (see totp-kit --help)",
        problems: [],
      },
    },
    {
      name: "commander's missing option value",
      argv: ['code', '--from'],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: "option '--from <source>' argument missing (see totp-kit --help)",
        problems: [],
      },
    },
    {
      name: "commander's unknown command",
      argv: ['kez'],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: "unknown command 'kez' (Did you mean key?) (see totp-kit --help)",
        problems: [],
      },
    },
    {
      name: 'a corrupt store (backend)',
      argv: ['key', 'list', '--store', `file:${corrupt}`],
      status: 3,
      error: { code: 'E_STORE_CORRUPT', kind: 'backend', problems: [] },
    },
    {
      name: 'an unexpected failure',
      argv: ['code', ...FROM],
      env: new Proxy(
        { ...ENV },
        {
          get: (target, name) => {
            if (name === 'TOTP_SEED') throw new Error('the environment broke');
            return Reflect.get(target, name);
          },
        },
      ),
      status: 3,
      error: {
        code: 'E_UNEXPECTED',
        kind: 'backend',
        message: 'unexpected failure: the environment broke (run with --debug for details)',
        problems: [],
      },
    },
    {
      name: 'completion without a shell',
      argv: ['completion'],
      status: 2,
      error: {
        code: 'E_BAD_INPUT',
        kind: 'bad-input',
        message: 'shell: none given (allowed: bash, zsh, fish, powershell)',
        problems: [{ setting: 'shell', problem: 'none given', allowed: 'bash, zsh, fish, powershell' }],
      },
    },
  ];

  it.each(CASES)('$name', async ({ argv, env, status, error }) => {
    const options = env ? { env } : {};
    const json = await cli([...argv, '--json'], options);
    const text = await cli(argv, options);
    expect({ status: json.status, stderr: json.stderr }).toEqual({ status, stderr: '' });
    expect(text.status).toBe(status);
    expect(json.stdout.endsWith('\n') && json.stdout.split('\n').length).toBe(2);
    const printed = JSON.parse(json.stdout) as { error: { message: string } };
    expect(Object.keys(printed)).toEqual(['error']);
    expect(Object.keys(printed.error)).toEqual(['code', 'kind', 'message', 'problems']);
    expect(printed.error).toMatchObject(error);
    // The same words as the text lines, which stay on stderr without --json.
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe(
      printed.error.message
        .split('\n')
        .map((line) => `totp-kit: ${line}\n`)
        .join(''),
    );
  });

  it('a missing subcommand: JSON names the command and its subcommands; text prints its help (exit 2 both)', async () => {
    const json = await cli(['key', '--json']);
    expect(json).toEqual({
      status: 2,
      stdout: `${JSON.stringify({
        error: {
          code: 'E_BAD_INPUT',
          kind: 'bad-input',
          message: 'command: none given after totp-kit key (allowed: create, get, list, delete, code, verify)',
          problems: [
            {
              setting: 'command',
              problem: 'none given after totp-kit key',
              allowed: 'create, get, list, delete, code, verify',
            },
          ],
        },
      })}\n`,
      stderr: '',
    });
    const text = await cli(['key']);
    expect({ status: text.status, stdout: text.stdout }).toEqual({ status: 2, stdout: '' });
    expect(text.stderr).toMatch(/^Usage: totp-kit key /);
    const none = JSON.parse((await cli(['--json'])).stdout) as { error: { problems: { allowed: string }[] } };
    expect(none.error.problems[0]?.allowed.split(', ')).toEqual(
      TREE.find((n) => n.path === 'totp-kit')
        ?.commands.map((c) => c.name)
        .filter((name) => name !== 'help'),
    );
  });

  it('--debug adds the stack on stderr; the JSON on stdout stays one object', async () => {
    const r = await cli(['code', ...FROM, '--digits', '7', '--json', '--debug']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'E_BAD_SETTINGS' } });
    expect(r.stderr).toMatch(/^TotpKitError: --digits: "7" is not allowed/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it("--json after exec's -- belongs to the command: the refusal is text", async () => {
    const r = await cli(['exec', ...FROM, '--digits', '7', '--', 'node', '--json']);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: 'totp-kit: --digits: "7" is not allowed (allowed: 6 or 8)\n',
    });
  });

  it('an invalid code is a result, not a failure: {valid: false} with exit 1', async () => {
    const r = await cli(['verify', ...FROM, '--code', WRONG, '--at', String(T), '--json']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false });
  });
});

describe('help states every default in one form, and only defaults that are applied', () => {
  it('withDefault writes (default: VALUE) or (default: VALUE, NOTE) after the description', () => {
    expect(withDefault('6 or 8', 6)).toBe('6 or 8 (default: 6)');
    expect(withDefault('SHA1, SHA256 or SHA512', 'SHA1', 'or what the URL states')).toBe(
      'SHA1, SHA256 or SHA512 (default: SHA1, or what the URL states)',
    );
  });

  it('every option of every command that states a default ends with (default: VALUE), unquoted', () => {
    const stated = TREE.flatMap((node) =>
      node.options
        .filter((o) => /default/i.test(o.description))
        .map((o) => ({ where: `${node.path} ${o.names.join(', ')}`, description: o.description })),
    );
    expect(stated.length).toBeGreaterThan(20);
    const odd = stated.filter(
      ({ description }) =>
        !/ \(default: [^()"]+\)$/.test(description) || (description.match(/default/gi) ?? []).length !== 1,
    );
    expect(odd).toEqual([]);
  });

  it('commander\'s own defaults read the same (default: 0), never (default: "0")', async () => {
    const described = (path: string, flag: string) =>
      TREE.find((n) => n.path === path)?.options.find((o) => o.names.includes(flag))?.description;
    expect(described('totp-kit code', '--min-remaining')).toMatch(/next one \(default: 0\)$/);
    expect(described('totp-kit exec', '--retries')).toMatch(/ \(default: 0\)$/);
    expect(described('totp-kit verify', '--skew')).toMatch(/ \(default: 1\)$/);
    for (const node of TREE) {
      const help = await cli([...argvOf(node), '--help']);
      expect({ path: node.path, status: help.status }).toEqual({ path: node.path, status: 0 });
      expect(help.stdout, node.path).not.toMatch(/default: "|\(default [^:]/);
    }
  });

  // Each stated default, given explicitly, changes nothing: the default claimed is the one applied.
  const APPLIED: Readonly<Record<string, readonly string[]>> = {
    'totp-kit code': ['code', ...FROM, '--at', String(T), '--json'],
    'totp-kit check': ['check', ...FROM, '--at', String(T), '--json'],
    'totp-kit verify': ['verify', ...FROM, '--code', generateCode(KEY, T - 30), '--at', String(T), '--json'],
  };
  it.each(Object.entries(APPLIED))(
    '%s: each stated default given explicitly gives the same result',
    async (path, argv) => {
      const node = TREE.find((n) => n.path === path) as CompletionNode;
      const stated = node.options
        .map((o) => ({
          flag: o.names.at(-1) as string,
          value: / \(default: ([^,()]+)(?:, [^()]*)?\)$/.exec(o.description)?.[1],
        }))
        .filter((o): o is { flag: string; value: string } => o.value !== undefined && o.flag !== '--store');
      expect(stated.map((o) => o.flag).length).toBeGreaterThanOrEqual(path === 'totp-kit check' ? 4 : 5);
      const plain = await cli(argv);
      expect(plain.status, plain.stderr).toBe(0);
      for (const { flag, value } of stated) {
        expect({ flag, value, ...(await cli([...argv, flag, value])) }).toEqual({ flag, value, ...plain });
      }
    },
  );
});

describe('--at takes Unix seconds and ISO 8601 with a zone, everywhere it exists', () => {
  it.each([
    ['1796464800', T],
    [' 1796464800 ', T],
    ['2026-12-05T10:00:00Z', T],
    ['2026-12-05t10:00:00z', T],
    ['2026-12-05 10:00:00Z', T],
    ['2026-12-05T10:00Z', T],
    ['2026-12-05T11:00:00+01:00', T],
    ['2026-12-05T11:00:00+0100', T],
    ['2026-12-05T11:00:00+01', T],
    ['2026-12-05T04:30:00-05:30', T],
    ['2026-12-05T10:00:00.250Z', T + 0.25],
    ['2024-02-29T00:00:00Z', 1_709_164_800],
    ['0', 0],
    ['1970-01-01T00:00:00Z', 0],
    ['1970-01-01T01:00:00+01:00', 0],
    [String(MAX_UNIX_SECONDS), MAX_UNIX_SECONDS],
    ['9999-12-31T23:59:59Z', MAX_UNIX_SECONDS],
  ])('%j is %d', (value, at) => {
    expect(parseAtValue(value)).toEqual({ at });
  });

  it.each([
    ['noon', '"noon" is not a time'],
    ['', '"" is not a time'],
    ['-1', '"-1" is not a time'],
    ['1.5', '"1.5" is not a time'],
    ['1e3', '"1e3" is not a time'],
    ['0x10', '"0x10" is not a time'],
    ['253402300800', '"253402300800" is after the year 9999'],
    ['2026-12-05', '"2026-12-05" is a date without a time of day'],
    ['2026-12-05T10:00:00', '"2026-12-05T10:00:00" has no time zone'],
    ['2026-02-29T10:00:00Z', '"2026-02-29T10:00:00Z" is not a real date and time'],
    ['2026-12-05T24:00:00Z', '"2026-12-05T24:00:00Z" is not a real date and time'],
    ['2026-12-05T10:60:00Z', '"2026-12-05T10:60:00Z" is not a real date and time'],
    ['2026-12-05T10:00:60Z', '"2026-12-05T10:00:60Z" is not a real date and time'],
    ['2026-12-05T10:00:00+24:00', '"2026-12-05T10:00:00+24:00" is not a real date and time'],
    ['2026-12-5T10:00:00Z', 'a 19-character value is not a time'],
    ['1969-12-31T23:59:59Z', '"1969-12-31T23:59:59Z" is before 1970-01-01T00:00:00Z'],
    ['9999-12-31T23:59:59-00:01', '"9999-12-31T23:59:59-00:01" is after the year 9999'],
    [B32, 'a 32-character value is not a time'],
  ])('%j is refused: %s', (value, problem) => {
    const parsed = parseAtValue(value);
    expect(parsed).toEqual({ problem: { setting: '--at', problem, allowed: AT_FORMS } });
    expectNoSeed(parsed, SEED, `--at ${value}`);
  });

  // A command for every path that has --at, given the code to check (for those that check one). The ISO forms
  // must give what the same time in Unix seconds gives; commands that refuse a replay get a valid code of a
  // step of their own per form, which only the right time accepts.
  const ENROLLED = join(DIR, 'e.url');
  const enrolledKey = () => {
    const secret = new URL(readFileSync(ENROLLED, 'utf8').trim()).searchParams.get('secret') as string;
    return { ...KEY, secret: decodeBase32(secret) };
  };
  interface AtCommand {
    readonly argv: (code: string) => readonly string[];
    /** The key whose code a replay-protected command checks; absent for the others. */
    readonly replay?: () => TotpKey;
  }
  const AT_COMMANDS: Readonly<Record<string, AtCommand>> = {
    'totp-kit code': { argv: () => ['code', ...FROM, '--json'] },
    'totp-kit check': { argv: () => ['check', ...FROM, '--json'] },
    'totp-kit verify': { argv: () => ['verify', ...FROM, '--code', generateCode(KEY, T - 30), '--json'] },
    'totp-kit demo': { argv: () => ['demo', ...STORE] },
    'totp-kit key code': { argv: () => ['key', 'code', 'k', ...STORE, '--json'] },
    'totp-kit key verify': {
      argv: (code) => ['key', 'verify', 'k', '--code', code, ...STORE, '--json'],
      replay: () => KEY,
    },
    'totp-kit method verify': {
      argv: (code) => ['method', 'verify', 'm', '--entity', 'e', '--code', code, ...STORE, '--json'],
      replay: enrolledKey,
    },
  };
  beforeAll(async () => {
    for (const argv of [
      ['key', 'create', 'k', ...FROM, ...STORE],
      ['method', 'create', 'm', '--issuer', 'ACME', ...STORE],
      ['method', 'enroll', 'm', '--entity', 'e', '--url-file', ENROLLED, ...STORE],
      ['demo', ...STORE],
    ]) {
      const r = await cli(argv);
      expect(r.status, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  /** Time t in the three forms: Unix seconds, ISO 8601 in UTC, and ISO 8601 at +01:00. */
  const forms = (t: number) => [
    String(t),
    new Date(t * 1000).toISOString().replace('.000Z', 'Z'),
    new Date((t + 3600) * 1000).toISOString().replace('.000Z', '+01:00'),
  ];

  it('the table covers every command that has --at', () => {
    const withAt = TREE.filter((n) => n.options.some((o) => o.names.includes('--at'))).map((n) => n.path);
    expect(withAt.sort()).toEqual(Object.keys(AT_COMMANDS).sort());
  });

  it.each(Object.entries(AT_COMMANDS))(
    '%s: --at in ISO 8601 gives what the same time in Unix seconds does',
    async (_path, command) => {
      if (command.replay === undefined) {
        const [unix, ...iso] = forms(T);
        const want = await cli([...command.argv(''), '--at', unix as string]);
        expect(want.status, want.stderr).toBe(0);
        for (const value of iso)
          expect({ value, ...(await cli([...command.argv(''), '--at', value])) }).toEqual({ value, ...want });
        return;
      }
      const key = command.replay();
      // One after another, in time order: a later step once accepted makes the earlier ones replays.
      const runs = [];
      for (const i of [0, 1, 2]) {
        const t = T + 600 * (i + 1);
        const value = forms(t)[i] as string;
        runs.push({ value, ...(await cli([...command.argv(generateCode(key, t)), '--at', value])) });
      }
      expect(runs.map(({ value, ...run }) => ({ value, ...run, stdout: JSON.parse(run.stdout) }))).toEqual(
        runs.map(({ value }) => ({ value, status: 0, stdout: expect.objectContaining({ valid: true }), stderr: '' })),
      );
    },
  );

  it.each(Object.entries(AT_COMMANDS))(
    '%s: a bad --at is one line naming --at and its forms',
    async (_path, command) => {
      const argv = command.argv(WRONG);
      for (const [value, problem] of [
        ['noon', '"noon" is not a time'],
        ['2026-12-05', '"2026-12-05" is a date without a time of day'],
      ]) {
        expect(await cli([...argv.filter((a) => a !== '--json'), '--at', value as string])).toEqual({
          status: 2,
          stdout: '',
          stderr: `totp-kit: --at: ${problem} (allowed: ${AT_FORMS})\n`,
        });
      }
    },
  );
});

/** A shell, when installed; else a loud warning and the tests that need it are skipped. */
function shell(name: string, probe: readonly string[]): boolean {
  const found = process.platform !== 'win32' && spawnSync(name, probe, { encoding: 'utf8' }).status === 0;
  if (!found) console.warn(`${name} is not installed: its completion script is not run (SKIPPED ${name})`);
  return found;
}
const HAS = {
  bash: shell('bash', ['-c', 'exit 0']),
  zsh: shell('zsh', ['-fc', 'exit 0']),
  fish: shell('fish', ['-c', 'exit 0']),
  pwsh: shell('pwsh', ['-NoProfile', '-Command', 'exit 0']),
};

describe('totp-kit completion SHELL prints a script made from the command tree', () => {
  const scripts: Record<string, string> = {};
  beforeAll(async () => {
    for (const name of ['bash', 'zsh', 'fish', 'powershell']) {
      const r = await cli(['completion', name]);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      scripts[name] = join(DIR, `completion.${name}`);
      writeFileSync(scripts[name], r.stdout);
    }
  });

  it.each([
    [[], 'totp-kit: shell: none given (allowed: bash, zsh, fish, powershell)\n'],
    [['tcsh'], 'totp-kit: shell: "tcsh" is not one totp-kit completes (allowed: bash, zsh, fish, powershell)\n'],
    [
      [B32],
      'totp-kit: shell: a 32-character value is not one totp-kit completes (allowed: bash, zsh, fish, powershell)\n',
    ],
  ])('completion %j: one line, exit 2', async (args, line) => {
    expect(await cli(['completion', ...args])).toEqual({ status: 2, stdout: '', stderr: line });
  });

  /** What bash's `_totp_kit` offers for each word list (the last word is the one being completed). */
  function bashComplete(cases: readonly (readonly string[])[]): string[] {
    const q = (w: string) => `'${w.replaceAll("'", `'\\''`)}'`;
    const program = [
      `source ${q(scripts.bash as string)}`,
      `t() { COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _totp_kit; printf '%s\\n' "\${COMPREPLY[*]}"; }`,
      ...cases.map((words) => `t ${words.map(q).join(' ')}`),
    ].join('\n');
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
      encoding: 'utf8',
      cwd: DIR,
      env: { PATH: `${join(DIR, 'bin')}:${process.env.PATH ?? ''}`, HOME: DIR },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.split('\n').slice(0, -1);
  }

  it.skipIf(!HAS.bash)('bash completes commands, subcommands, options, values and paths as typed', () => {
    writeFileSync(join(DIR, 'declaration.json'), '{}');
    mkdirSync(join(DIR, 'bin'), { recursive: true });
    writeFileSync(join(DIR, 'bin', 'totp-kit-fake-command'), '#!/bin/sh\n', { mode: 0o755 });
    const cases: [string[], string][] = [
      [['totp-kit', 'ke'], 'key'],
      [['totp-kit', 'key', 'c'], 'create code'],
      [['totp-kit', 'code', '--di'], '--digits'],
      [['totp-kit', '--store', 'key', 'k'], 'key'], // key is --store's value here, not the command
      [['totp-kit', '--json', 'key', 'create', 'n', '--q'], '--qr-size --qr'],
      [['totp-kit', 'completion', ''], 'bash zsh fish powershell'],
      [['totp-kit', 'help', 'com'], 'completion'],
      [['totp-kit', 'plan', '--file', 'decl'], 'declaration.json'],
      [['totp-kit', 'code', '--from', ''], ''],
      [['totp-kit', 'exec', ...FROM, '--', 'totp-kit-fak'], 'totp-kit-fake-command'],
      [['totp-kit', 'exec', ...FROM, '--', 'node', 'decl'], 'declaration.json'],
    ];
    const got = bashComplete(cases.map(([words]) => words));
    expect(got.map((line) => [...new Set(line.split(' '))].join(' '))).toEqual(cases.map(([, want]) => want));
  });

  it.skipIf(!HAS.bash)("bash offers each command's subcommands and options exactly as the tree has them", () => {
    const got = bashComplete(
      TREE.flatMap((node) => [
        [...node.path.split(' '), ''],
        [...node.path.split(' '), '-'],
      ]),
    );
    const want = TREE.flatMap((node) => [
      [...node.commands.map((c) => c.name), ...node.values].join(' '),
      node.options.flatMap((o) => o.names).join(' '),
    ]);
    expect(got).toEqual(want);
  });

  it.skipIf(!HAS.zsh)('zsh: the script is valid and completes through compsys', () => {
    const file = scripts.zsh as string;
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    // compsys's functions stand in as recorders: what the script asks zsh to offer, per word list.
    const program = [
      'compdef() { : }',
      `source ${file}`,
      `_describe() { local -a list; list=("\${(@P)\${@[-1]}}"); print -r -- "\${(j: :)\${(@)list%%:*}}" }`,
      `compadd() { print -r -- "\${(j: :)\${(P)\${@[-1]}}}" }`,
      '_files() { print -r -- "(files)" }',
      '_command_names() { print -r -- "(commands)" }',
      `t() { words=("$@"); CURRENT=\${#words}; PREFIX=\${words[-1]}; _totp_kit }`,
      "t totp-kit ''",
      't totp-kit key c',
      't totp-kit code --di',
      't totp-kit --store key k',
      "t totp-kit completion ''",
      't totp-kit plan --file decl',
      't totp-kit exec -- nod',
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const root = TREE.find((n) => n.path === 'totp-kit') as CompletionNode;
    const key = TREE.find((n) => n.path === 'totp-kit key') as CompletionNode;
    const code = TREE.find((n) => n.path === 'totp-kit code') as CompletionNode;
    expect(r.stdout.split('\n').slice(0, -1)).toEqual([
      root.commands.map((c) => c.name).join(' '),
      key.commands.map((c) => c.name).join(' '),
      code.options.flatMap((o) => o.names).join(' '),
      root.commands.map((c) => c.name).join(' '),
      'bash zsh fish powershell',
      '(files)',
      '(commands)',
    ]);
  });

  it.skipIf(!HAS.fish)('fish: the script is valid and `complete -C` completes through it', () => {
    const file = scripts.fish as string;
    expect(spawnSync('fish', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    // One fish for every line: what `complete -C` offers for each, between markers.
    const lines = [
      'totp-kit ke',
      'totp-kit key c',
      'totp-kit code --di',
      'totp-kit --store key k',
      'totp-kit completion ',
    ];
    const program = [`source ${file}`, ...lines.map((line) => `complete -C '${line}'; echo ---`)].join('\n');
    const out = spawnSync('fish', ['--no-config', '-c', program], { encoding: 'utf8', cwd: DIR });
    expect(out.stderr).toBe('');
    const offered = out.stdout
      .split(/^---\n/m)
      .slice(0, -1)
      .map((block) =>
        block
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => l.split('\t')[0])
          .sort(),
      );
    expect(offered).toEqual([
      ['key'],
      ['code', 'create'],
      ['--digits'],
      ['key'],
      ['bash', 'fish', 'powershell', 'zsh'],
    ]);
  });

  it.skipIf(!HAS.pwsh)('powershell: the script parses, registers, and TabExpansion2 completes through it', () => {
    const file = scripts.powershell as string;
    const command = [
      '$errors = $null',
      `$text = Get-Content -Raw -LiteralPath '${file.replaceAll("'", "''")}'`,
      '[void][System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$null, [ref]$errors)',
      'if ($errors.Count) { $errors | ForEach-Object { [Console]::Error.WriteLine($_.Message) }; exit 1 }',
      'Invoke-Expression $text',
      "foreach ($line in @('totp-kit ke', 'totp-kit key c', 'totp-kit code --di', 'totp-kit completion ')) {",
      '  $found = TabExpansion2 -inputScript $line -cursorColumn $line.Length',
      "  ($found.CompletionMatches | ForEach-Object { $_.CompletionText } | Sort-Object) -join ' '",
      '}',
    ].join('\n');
    const r = spawnSync('pwsh', ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout.trim().split(/\r?\n/)).toEqual(['key', 'code create', '--digits', 'bash fish powershell zsh']);
  });
});

describe('a reader that goes away (`totp-kit … | head -1`) ends the CLI quietly', () => {
  /** An Io writer that fails as a closed pipe does, from its `after`-th write on. */
  function closedAfter(after: number): (text: string) => void {
    let writes = 0;
    return () => {
      writes += 1;
      if (writes > after) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
    };
  }

  it.each([
    ['code', ['code', ...FROM, '--at', String(T)]],
    ['check', ['check', ...FROM, '--at', String(T)]],
    ['help', ['--help']],
    ['completion', ['completion', 'bash']],
    ['demo', ['demo', ...STORE, '--at', String(T)]],
  ])('%s: exit 0, nothing on stderr', async (_name, argv) => {
    for (const after of [0, 1]) {
      expect(await cli(argv, { out: closedAfter(after) })).toEqual({ status: 0, stdout: '', stderr: '' });
    }
  });

  it('a refusal under --json whose reader has gone keeps its exit code, and says nothing else', async () => {
    const r = await cli(['code', ...FROM, '--digits', '7', '--json'], { out: closedAfter(0) });
    expect(r).toEqual({ status: 2, stdout: '', stderr: '' });
  });

  it("exec: the command still runs to its end and its exit code is exec's", async () => {
    const marker = join(DIR, 'exec-ran');
    const script = `for (let i = 0; i < 3; i++) console.log('line ' + i); require('fs').writeFileSync(${JSON.stringify(marker)}, 'done'); process.exit(7)`;
    const r = await cli(['exec', ...FROM, '--min-remaining', '0', '--', process.execPath, '-e', script], {
      out: closedAfter(0),
    });
    expect(r).toEqual({ status: 7, stdout: '', stderr: '' });
    expect(readFileSync(marker, 'utf8')).toBe('done');
  });
});
