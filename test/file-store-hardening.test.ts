// The file store against other local users (issue 14, Medium 2). In a folder others could write to, a local
// user planted symlinks at the predictable names of the atomic write's temporary files and read the whole
// store when root ran one `key verify`, and made store.json a symlink into a folder of their own; and two
// paths to one store (one through a symlink) took two locks, so one code was accepted twice.
//
// What is checked here: a store whose folder others can write to or another user owns, whose folder chain
// anyone can swap (a world-writable folder above it without the sticky bit), or whose file is a symlink, a
// FIFO, another user's, writable by others or hard-linked elsewhere is refused (exit 3, one line naming the
// folder or file and the fix) before anything is read or written; temporary files are created exclusively
// under unpredictable names, so nothing planted at any name is opened or followed; and every path to one
// store takes the one lock of its real path. Runs as root (as the review's reproduction did), with uid 65534
// (`nobody`) as the other user; the parts that need root are skipped, loudly, without it. The CLI runs
// in-process, against the sources; as `nobody`, and many at once for the lock, as the bundled dist/cli.js.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { generateCode } from '../src/core/totp.js';
import { FileStore } from '../src/stores/file-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { CLI, type CliResult } from './helpers/run-cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const AT = 1_750_000_000;
const NOBODY = 65534;
const IS_ROOT = process.geteuid?.() === 0;
const HAS_RUNUSER = IS_ROOT && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
if (!IS_ROOT) console.warn('file-store-hardening: not root, the tests that need a second user are SKIPPED');
if (IS_ROOT && !HAS_RUNUSER) console.warn('file-store-hardening: runuser is missing, the `nobody` runs are SKIPPED');

/** Private to root: most stores live here. */
const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-hardening-'));
/** Traversable by `nobody`, for the scenarios with a second user. */
const SHARED = mkdtempSync(join(tmpdir(), 'totp-kit-hardening-shared-'));
chmodSync(SHARED, 0o755);
afterAll(() => {
  for (const d of [ROOT, SHARED]) rmSync(d, { recursive: true, force: true });
});

/** Every seed a run of this file hands out: what the leak scan looks for. */
const SEEDS: Uint8Array[] = [];
function seedFor(label: string): Uint8Array {
  const bytes = new Uint8Array(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (label.charCodeAt(i % label.length) * 37 + i * 23) & 0xff;
  SEEDS.push(bytes);
  return bytes;
}
const codeOf = (seed: Uint8Array, at = AT) =>
  generateCode({ secret: seed, algorithm: 'SHA1', digits: 6, period: 30 }, at);

/** The CLI as root (in-process, at AT), its output leak-scanned. */
async function cli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<InProcessRun> {
  const r = await runInProcess(args, { ...options, now: AT });
  expectNoSeedInCli(r, SEEDS, `totp-kit ${args.join(' ')}`);
  return r;
}

/** The CLI as `nobody`. */
function cliAsNobody(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    cwd: SHARED,
    env: { PATH: process.env.PATH ?? '', HOME: SHARED, ...env },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  expectNoSeedInCli(r, SEEDS, `nobody: totp-kit ${args.join(' ')}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let made = 0;
/** A folder of its own (0700, root's) with a store holding key `bot`. */
async function storeWithKey(parent = ROOT): Promise<{ dir: string; path: string; seed: Uint8Array }> {
  const dir = join(parent, `store-${++made}`);
  mkdirSync(dir, { mode: 0o700 });
  const path = join(dir, 'store.json');
  const seed = seedFor(`bot-${made}`);
  const created = await await cli(['--store', `file:${path}`, 'key', 'create', 'bot', '--from', 'env:SEED'], {
    env: { SEED: encodeBase32(seed) },
  });
  expect(created.status, created.stderr).toBe(0);
  return { dir, path, seed };
}

const verify = (path: string, seed: Uint8Array) =>
  cli(['--store', `file:${path}`, 'key', 'verify', 'bot', '--code', codeOf(seed), '--at', String(AT)]);

/** Everything in a folder, with each file's bytes: to show that a refusal changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const s = lstatSync(p);
    out[name] = s.isSymbolicLink()
      ? `-> ${readlinkSync(p)}`
      : s.isFile()
        ? readFileSync(p, 'base64')
        : s.mode.toString(8);
  }
  return out;
}

/** A refusal: exit 3, nothing on stdout, one line naming the store, the problem and the fix. */
function expectRefused(r: InProcessRun, store: string, problem: string, fix: string): void {
  expect(r.status, r.stderr).toBe(3);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`totp-kit: store ${store}: refused: ${problem}; it was left untouched (fix: ${fix})\n`);
}

const mode = (p: string) => (statSync(p).mode & 0o7777).toString(8).padStart(4, '0');

describe('a store folder others can write to, or that another user owns, is refused', () => {
  it.each([
    ['0777', 0o777, 'group and others'],
    ['0770', 0o770, 'its group'],
    ['0707', 0o707, 'others'],
    ['1777 (sticky)', 0o1777, 'group and others'],
  ])(
    'folder mode %s: exit 3 naming the folder and `chmod 700`, nothing read or written, then usable once fixed',
    async (_label, m, who) => {
      const { dir, path, seed } = await storeWithKey();
      chmodSync(dir, m);
      const before = snapshot(dir);
      const problem = `its folder ${dir} is writable by ${who} (mode ${mode(dir)}), so another user could plant or swap its files`;
      const fix = `chmod 700 ${dir}`;
      expectRefused(await verify(path, seed), `file:${path}`, problem, fix);
      // Reading is refused too: a store others could have planted is not trusted for a code or a list.
      const code = await cli(['--store', `file:${path}`, 'key', 'code', 'bot', '--at', String(AT)]);
      expectRefused(code, `file:${path}`, problem, fix);
      expectRefused(await cli(['--store', `file:${path}`, 'key', 'list']), `file:${path}`, problem, fix);
      expect(snapshot(dir)).toEqual(before);

      chmodSync(dir, 0o700);
      const fixed = await verify(path, seed);
      expect(fixed.stdout, fixed.stderr).toBe('valid\n');
    },
  );

  it('the default store ./.totp-kit/store.json is checked the same way', async () => {
    const cwd = join(ROOT, `cwd-${++made}`);
    mkdirSync(join(cwd, '.totp-kit'), { recursive: true, mode: 0o700 });
    chmodSync(join(cwd, '.totp-kit'), 0o777);
    const seed = seedFor('default-store');
    const create = () =>
      cli(['key', 'create', 'bot', '--from', 'env:SEED'], { cwd, env: { SEED: encodeBase32(seed) } });
    const folder = join(cwd, '.totp-kit');
    expectRefused(
      await create(),
      'file:./.totp-kit/store.json',
      `its folder ${folder} is writable by group and others (mode 0777), so another user could plant or swap its files`,
      `chmod 700 ${folder}`,
    );
    expect(readdirSync(folder)).toEqual([]);
    chmodSync(folder, 0o700);
    expect((await create()).status).toBe(0);
    expect(mode(join(folder, 'store.json'))).toBe('0600');
  });

  it('a folder created for the store is made 0700, its missing parents too', async () => {
    const path = join(ROOT, `made-${++made}`, 'a', 'b', 'store.json');
    const r = await cli(['--store', `file:${path}`, 'key', 'create', 'bot', '--from', 'env:SEED'], {
      env: { SEED: encodeBase32(seedFor('made')) },
    });
    expect(r.status, r.stderr).toBe(0);
    for (const d of [dirname(path), dirname(dirname(path)), dirname(dirname(dirname(path)))])
      expect(mode(d)).toBe('0700');
    expect(mode(path)).toBe('0600');
  });

  it('a folder above the store that anyone can write to, without the sticky bit, is refused; a sticky one (like /tmp) is not', async () => {
    const open = join(ROOT, `open-${++made}`);
    mkdirSync(open, { mode: 0o700 });
    const { dir, path, seed } = await storeWithKey(open);
    chmodSync(open, 0o777);
    const before = snapshot(dir);
    expectRefused(
      await verify(path, seed),
      `file:${path}`,
      `the folder ${open} above it is writable by others without the sticky bit (mode 0777), so another user could swap the store's folder`,
      `chmod o-w ${open}, or keep the store elsewhere`,
    );
    expect(snapshot(dir)).toEqual(before);

    chmodSync(open, 0o1777);
    expect((await verify(path, seed)).stdout).toBe('valid\n');
  });

  it.skipIf(!IS_ROOT)('a store folder another user owns is refused, even at 0700', async () => {
    const { dir, path, seed } = await storeWithKey();
    chownSync(dir, NOBODY, NOBODY);
    const before = snapshot(dir);
    expectRefused(
      await verify(path, seed),
      `file:${path}`,
      `its folder ${dir} belongs to another user (uid ${NOBODY}), who could plant or swap its files`,
      `chown root ${dir}, or use a folder of your own`,
    );
    expect(snapshot(dir)).toEqual(before);
    chownSync(dir, 0, 0);
    expect((await verify(path, seed)).stdout).toBe('valid\n');
  });

  it.skipIf(!HAS_RUNUSER)('a store of its own works for another user, and is refused to root', async () => {
    const dir = join(SHARED, `nobody-${++made}`);
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, NOBODY, NOBODY);
    const path = join(dir, 'store.json');
    const seed = seedFor('nobody-own');
    const created = cliAsNobody(['--store', `file:${path}`, 'key', 'create', 'bot', '--from', 'env:SEED'], {
      SEED: encodeBase32(seed),
    });
    expect(created.status, created.stderr).toBe(0);
    expect(statSync(path).uid).toBe(NOBODY);
    const mine = cliAsNobody([
      '--store',
      `file:${path}`,
      'key',
      'verify',
      'bot',
      '--code',
      codeOf(seed),
      '--at',
      String(AT),
    ]);
    expect(mine.stdout, mine.stderr).toBe('valid\n');
    expect((await verify(path, seed)).status).toBe(3);
  });

  it.skipIf(!HAS_RUNUSER)(
    'the reported attack: another user swaps store.json in a world-writable folder for a link to a store of theirs; root refuses it',
    async () => {
      const { dir, path } = await storeWithKey(SHARED);
      chmodSync(dir, 0o777);
      // The attacker's own store, with a seed they know, in a folder of theirs.
      const theirs = join(SHARED, `attacker-${++made}`);
      mkdirSync(theirs, { mode: 0o700 });
      chownSync(theirs, NOBODY, NOBODY);
      const theirSeed = seedFor('attacker');
      const planted = cliAsNobody(
        ['--store', `file:${join(theirs, 'store.json')}`, 'key', 'create', 'bot', '--from', 'env:SEED'],
        { SEED: encodeBase32(theirSeed) },
      );
      expect(planted.status, planted.stderr).toBe(0);
      const swapped = spawnSync('runuser', ['-u', 'nobody', '--', 'ln', '-sfn', join(theirs, 'store.json'), path]);
      expect(swapped.status, String(swapped.stderr)).toBe(0);
      expect(lstatSync(path).isSymbolicLink()).toBe(true);

      // Root verifies the attacker's code: refused for the folder, and again (the link) once the folder is fixed.
      const r = await verify(path, theirSeed);
      expect(r.status, r.stdout + r.stderr).toBe(3);
      expect(r.stderr).toContain(`its folder ${dir} is writable by group and others (mode 0777)`);
      chmodSync(dir, 0o700);
      const again = await verify(path, theirSeed);
      expect(again.status, again.stdout + again.stderr).toBe(3);
      expect(again.stderr).toContain(`the store file ${path} is a symbolic link`);
    },
  );
});

describe('a store file that is not a plain file of ours is refused', () => {
  it('a symbolic link, wherever it leads (here: a good store of root in another folder)', async () => {
    const target = await storeWithKey();
    const dir = join(ROOT, `link-${++made}`);
    mkdirSync(dir, { mode: 0o700 });
    const path = join(dir, 'store.json');
    symlinkSync(target.path, path);
    const before = snapshot(target.dir);
    expectRefused(
      await verify(path, target.seed),
      `file:${path}`,
      `the store file ${path} is a symbolic link, which totp-kit does not follow`,
      `point the store at the file the link leads to`,
    );
    expect(snapshot(target.dir)).toEqual(before);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
  });

  it('a dangling symbolic link is not written through', async () => {
    const dir = join(ROOT, `dangling-${++made}`);
    mkdirSync(dir, { mode: 0o700 });
    const path = join(dir, 'store.json');
    const elsewhere = join(ROOT, `elsewhere-${made}.json`);
    symlinkSync(elsewhere, path);
    const r = await cli(['--store', `file:${path}`, 'key', 'create', 'bot', '--from', 'env:SEED'], {
      env: { SEED: encodeBase32(seedFor('dangling')) },
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('is a symbolic link');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it.skipIf(!IS_ROOT)('a file another user owns', async () => {
    const { dir, path, seed } = await storeWithKey();
    chownSync(path, NOBODY, NOBODY);
    const before = snapshot(dir);
    expectRefused(
      await verify(path, seed),
      `file:${path}`,
      `the store file ${path} belongs to another user (uid ${NOBODY})`,
      `chown root ${path}`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file others can write to', async () => {
    const { dir, path, seed } = await storeWithKey();
    chmodSync(path, 0o666);
    const before = snapshot(dir);
    expectRefused(
      await verify(path, seed),
      `file:${path}`,
      `the store file ${path} is writable by group and others (mode 0666), so another user could change it`,
      `chmod 600 ${path}`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('a file with a second hard link (another name would take another lock)', async () => {
    const { dir, path, seed } = await storeWithKey();
    const other = join(ROOT, `hardlink-${++made}.json`);
    linkSync(path, other);
    const before = snapshot(dir);
    expectRefused(
      await verify(path, seed),
      `file:${path}`,
      `the store file ${path} has 2 hard links, so it could be reached (and locked) under another name`,
      `give it a file of its own: cp -p ${path} ${path}.copy && mv ${path}.copy ${path}`,
    );
    expect((await verify(other, seed)).status).toBe(3);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a FIFO, at once rather than waiting for a writer', async () => {
    const dir = join(ROOT, `fifo-${++made}`);
    mkdirSync(dir, { mode: 0o700 });
    const path = join(dir, 'store.json');
    expect(spawnSync('mkfifo', ['-m', '600', path]).status).toBe(0);
    expectRefused(
      await cli(['--store', `file:${path}`, 'key', 'list']),
      `file:${path}`,
      `the store file ${path} is not a regular file`,
      `move it away`,
    );
  });
});

/**
 * The temporary names write-file-atomic 7 gives, in this process, to its next `count` writes of `file`:
 * `file.` + the first 4 bytes of sha1(its own path, pid, thread id, invocation number), as a decimal number.
 */
function writeFileAtomicNames(file: string, count: number): string[] {
  // Its __filename: the real path, as Node loads it (node_modules may be a symlink).
  const installed = join(REPO, 'node_modules', 'write-file-atomic', 'lib', 'index.js');
  const lib = existsSync(installed) ? realpathSync(installed) : installed;
  return Array.from({ length: count }, (_, i) => {
    const hash = createHash('sha1')
      .update(lib)
      .update(String(process.pid))
      .update(String(threadId))
      .update(String(i + 1))
      .digest();
    return `${file}.${hash.readUInt32BE(0)}`;
  });
}

describe('atomic writes create their temporary file exclusively, under an unpredictable name', () => {
  it('symlinks planted at every temporary name write-file-atomic would use are not followed', async () => {
    const dir = join(ROOT, `planted-${++made}`);
    const loot = join(ROOT, `loot-${made}`);
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(loot, { mode: 0o700 });
    const path = join(dir, 'store.json');
    const names = writeFileAtomicNames(path, 300);
    for (const [i, name] of names.entries()) symlinkSync(join(loot, String(i)), name);

    const store = new FileStore(path, new SecretBox(undefined));
    await store.update('key', 'bot', () => ({ result: undefined, next: { label: 'planted' } }));
    await store.update('key', 'bot', () => ({ result: undefined, next: { label: 'again' } }));

    expect(readdirSync(loot)).toEqual([]);
    expect(lstatSync(path).isFile()).toBe(true);
    expect(mode(path)).toBe('0600');
    expect(await store.get('key', 'bot')).toEqual({ label: 'again' });
    for (const [i, name] of names.entries()) expect(readlinkSync(name)).toBe(join(loot, String(i)));
    expect(readdirSync(dir).length).toBe(names.length + 1);
  });

  it('a planted name is skipped, never opened; if every name is taken, the write fails and follows nothing', async () => {
    const { writeFileAtomically } = await import('../src/stores/atomic-write.js');
    const dir = join(ROOT, `exclusive-${++made}`);
    const loot = join(ROOT, `loot-${made}`);
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(loot, { mode: 0o700 });
    const path = join(dir, 'store.json');
    symlinkSync(join(loot, 'x'), `${path}.planted.tmp`);
    const parts = ['planted', 'fresh'];
    await writeFileAtomically(path, 'one\n', { randomPart: () => parts.shift() ?? 'spare' });
    expect(parts).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    expect(mode(path)).toBe('0600');
    expect(readdirSync(loot)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['store.json', 'store.json.planted.tmp']);

    await expect(writeFileAtomically(path, 'two\n', { randomPart: () => 'planted' })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    expect(readdirSync(loot)).toEqual([]);
    expect(readlinkSync(`${path}.planted.tmp`)).toBe(join(loot, 'x'));
  });

  it('a failed rename leaves no temporary file behind', async () => {
    const { writeFileAtomically } = await import('../src/stores/atomic-write.js');
    const dir = join(ROOT, `random-${++made}`);
    mkdirSync(dir, { mode: 0o700 });
    const seen: string[] = [];
    const path = join(dir, 'out.json');
    // A folder where the file should go: the rename fails after the temporary file was written.
    mkdirSync(path);
    mkdirSync(join(path, 'inside'));
    await expect(
      writeFileAtomically(path, 'x', {
        randomPart: () => {
          const part = randomBytes(16).toString('hex');
          seen.push(part);
          return part;
        },
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
    expect(seen).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('seed files (--url-file, --qr) are written the same way', () => {
  it('a symlink planted at the URL file path is replaced, not written through (to a file of the planter)', async () => {
    const dir = join(ROOT, `url-${++made}`);
    const loot = join(ROOT, `loot-${made}`);
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(loot, { mode: 0o700 });
    const store = `file:${join(dir, 'store.json')}`;
    const urlFile = join(dir, 'alice.url');
    // write-file-atomic wrote through such a link, and gave the file it wrote the owner of the one it replaced.
    writeFileSync(join(loot, 'alice.url'), '');
    if (IS_ROOT) chownSync(join(loot, 'alice.url'), NOBODY, NOBODY);
    symlinkSync(join(loot, 'alice.url'), urlFile);
    expect((await cli(['--store', store, 'method', 'create', 'mfa', '--issuer', 'Acme'])).status).toBe(0);
    const enrolled = await cli([
      '--store',
      store,
      'method',
      'enroll',
      'mfa',
      '--entity',
      'alice',
      '--url-file',
      urlFile,
    ]);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    expect(readFileSync(join(loot, 'alice.url'), 'utf8')).toBe('');
    expect(readdirSync(loot)).toEqual(['alice.url']);
    expect(lstatSync(urlFile).isFile()).toBe(true);
    expect(statSync(urlFile).uid).toBe(process.geteuid?.());
    expect(mode(urlFile)).toBe('0600');
    const url = readFileSync(urlFile, 'utf8');
    expect(url).toMatch(/^otpauth:\/\/totp\//);
    expectNoSeedInCli(enrolled, parseOtpauthUrl(url.trim()).key.secret, 'method enroll');
    expect(readdirSync(dir).sort()).toEqual(['alice.url', 'store.json']);
  });
});

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `node dist/cli.js …args` without waiting for it; the outcome is leak-scanned. */
function start(args: readonly string[]): Promise<Outcome> {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise<Outcome>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  }).then((o) => {
    expectNoSeedInCli(o, SEEDS, `totp-kit ${args.join(' ')}`);
    return o;
  });
}

const summary = (outcomes: readonly Outcome[]) =>
  outcomes.map((o, i) => `#${i}: exit ${o.status} ${o.stdout.trim()} ${o.stderr.trim()}`).join('\n');

describe('one lock per store, whatever path reaches it', () => {
  // Real processes, each taking the lock as another process would; ten per path keep the runs overlapping.
  const RUNNERS = 20;

  it('20 `key verify` of one code at once, half through a symlinked folder: accepted exactly once', {
    timeout: 240_000,
  }, async () => {
    const { dir, path, seed } = await storeWithKey();
    const link = join(ROOT, `folder-link-${++made}`);
    symlinkSync(dir, link);
    const paths = [path, join(link, 'store.json')];
    const code = codeOf(seed);
    const outcomes = await Promise.all(
      Array.from({ length: RUNNERS }, (_, i) =>
        start(['--store', `file:${paths[i % 2]}`, 'key', 'verify', 'bot', '--code', code, '--at', String(AT)]),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === 0);
    expect(accepted, summary(outcomes)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 1 && o.stdout === 'invalid\n')).toHaveLength(RUNNERS - 1);
    expect(readdirSync(dir)).toEqual(['store.json']);
  });

  it('20 `key verify` of one code at once, half through a symlinked store file: the link is refused, the code accepted once', {
    timeout: 240_000,
  }, async () => {
    const { path, seed } = await storeWithKey();
    const other = join(ROOT, `file-link-${++made}`);
    mkdirSync(other, { mode: 0o700 });
    const linked = join(other, 'store.json');
    symlinkSync(path, linked);
    const paths = [path, linked];
    const code = codeOf(seed);
    const outcomes = await Promise.all(
      Array.from({ length: RUNNERS }, (_, i) =>
        start(['--store', `file:${paths[i % 2]}`, 'key', 'verify', 'bot', '--code', code, '--at', String(AT)]),
      ),
    );
    const throughLink = outcomes.filter((_, i) => i % 2 === 1);
    const direct = outcomes.filter((_, i) => i % 2 === 0);
    expect(
      throughLink.map((o) => o.status),
      summary(outcomes),
    ).toEqual(throughLink.map(() => 3));
    expect(
      direct.filter((o) => o.status === 0),
      summary(outcomes),
    ).toHaveLength(1);
    expect(direct.filter((o) => o.status === 1)).toHaveLength(RUNNERS / 2 - 1);
  });

  it('lock, read and write all stay in the real folder even when the folder link is re-pointed mid-update', async () => {
    const a = join(ROOT, `real-a-${++made}`);
    const b = join(ROOT, `real-b-${made}`);
    mkdirSync(a, { mode: 0o700 });
    mkdirSync(b, { mode: 0o700 });
    const link = join(ROOT, `moving-link-${made}`);
    symlinkSync(a, link);
    const store = new FileStore(join(link, 'store.json'), new SecretBox(undefined));
    await store.update('key', 'first', () => ({ result: undefined, next: { n: 1 } }));
    const locksSeen: boolean[] = [];
    await store.update('key', 'second', (current) => {
      locksSeen.push(existsSync(join(a, 'store.json.lock')));
      // Re-pointed while the update holds its lock: the write must still go where the lock and the read were.
      const temp = `${link}.new`;
      symlinkSync(b, temp);
      renameSync(temp, link);
      return { result: undefined, next: { n: 2, was: current ?? null } };
    });
    expect(locksSeen).toEqual([true]);
    expect(readdirSync(b)).toEqual([]);
    expect(readdirSync(a)).toEqual(['store.json']);
    const doc = JSON.parse(readFileSync(join(a, 'store.json'), 'utf8')) as { keys: Record<string, unknown> };
    expect(Object.keys(doc.keys).sort()).toEqual(['first', 'second']);
    unlinkSync(link);
  });
});
