// A real PostgreSQL server for the tests and the bench, started by them: `initdb` into a fresh temporary folder,
// then `postgres -D` in the foreground as a child of this process, on 127.0.0.1 and a free port, with a socket
// in the data folder. Plain JavaScript so bench/*.mjs can import it; types in postgres-server.d.mts.
//
// Why it is built this way:
// - initdb and the server refuse to run as root. As root they run as the `postgres` user through spawn's
//   uid/gid (the child is postgres itself, not a runuser wrapper that a signal would orphan it from).
// - The server must not outlive this process, however it ends. `setpriv --pdeathsig KILL` (util-linux) sets
//   the kernel's parent-death signal and then execs postgres, so even a SIGKILL of Node takes the server with
//   it; where setpriv cannot, an exit handler kills it. It is set after the uid switch, which would clear it.
// - Readiness and shutdown are events, not polling: the server's "ready to accept connections" log line, and
//   the close of its stderr pipe, which every server process inherits, so it closes only when all of them
//   (backends included, which hold the shared memory a restart needs free) have exited.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  constants,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const USER = 'totp';
const DATABASE = 'totp';
const HOST = '127.0.0.1';
const TAIL_LINES = 8;

// ---- finding the binaries ------------------------------------------------------------------------------------

/** @type {ReturnType<typeof findPostgres> | undefined} */
let found;

/**
 * The newest PostgreSQL server installed: PATH's (wins a tie), else Debian's /usr/lib/postgresql/N/bin or
 * PGDG's /usr/pgsql-N/bin, which are not on PATH. Or why the tests cannot start one.
 * @returns {{ bin: string, version: string, major: number } | { missing: string }}
 */
export function findPostgres() {
  found ??= lookForPostgres();
  return found;
}

function lookForPostgres() {
  const dirs = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['initdb', 'postgres']) {
      if (dir !== '' && executable(join(dir, name))) dirs.push(dirname(realpathSync(join(dir, name))));
    }
  }
  for (const [parent, prefix] of [
    ['/usr/lib/postgresql', ''],
    ['/usr', 'pgsql-'],
  ]) {
    const names = safe(() => readdirSync(parent), []).filter((n) => n.startsWith(prefix) && /\d$/.test(n));
    dirs.push(...names.map((n) => join(parent, n, 'bin')));
  }
  let best;
  for (const bin of new Set(dirs)) {
    if (!executable(join(bin, 'initdb')) || !executable(join(bin, 'postgres'))) continue;
    const out = spawnSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const m = /\(PostgreSQL\) (\d+)(?:\.(\d+))?/.exec(out.stdout ?? '');
    if (!m) continue;
    const major = Number(m[1]);
    const minor = Number(m[2] ?? 0);
    if (!best || major > best.major || (major === best.major && minor > best.minor)) {
      best = { bin, version: `${major}.${minor}`, major, minor };
    }
  }
  if (!best) {
    return { missing: 'no PostgreSQL server binaries (initdb and postgres on PATH or in /usr/lib/postgresql/*/bin)' };
  }
  if (process.getuid?.() === 0 && postgresUser() === undefined) {
    return { missing: `running as root and there is no "postgres" user to run PostgreSQL ${best.version} as` };
  }
  return { bin: best.bin, version: best.version, major: best.major };
}

function executable(file) {
  return safe(() => {
    accessSync(file, constants.X_OK);
    return true;
  }, false);
}

function safe(f, fallback) {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** uid and gid of the `postgres` user, which runs the server when we are root. */
function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [u, g] = [id('-u'), id('-g')];
  if (u.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

// setpriv execs (no process in between) and needs util-linux 2.33 for --pdeathsig.
let pdeathsig;
function withParentDeathSignal(command, args) {
  pdeathsig ??= spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true']).status === 0;
  return pdeathsig ? ['setpriv', ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, args];
}

// ---- processes -----------------------------------------------------------------------------------------------

/** Servers still running or not yet removed, for the exit handler. */
const live = new Set();
const PREFIX = 'totp-kit-pg-';

function removeAll() {
  for (const entry of live) {
    const child = entry.child;
    if (child && child.exitCode === null && child.signalCode === null) killCluster(child.pid);
    safe(() => rmSync(entry.root, { recursive: true, force: true, maxRetries: 3 }));
  }
  live.clear();
}

// Exit handlers do not run when a signal ends the process: clean up, then let the signal do what it would
// have done had no one listened (unless someone else listens, e.g. a test runner with its own plan).
function onSignal(signal) {
  removeAll();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let handlers = false;
function cleanUpOnExit() {
  if (handlers) return;
  handlers = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, onSignal);
  // A process killed outright leaves its folder (its server died with it: parent-death signal): the next
  // start removes the folders of processes that are gone. The folder's name holds its creator's pid.
  for (const name of safe(() => readdirSync(tmpdir()), [])) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (pid > 0 && !alive(pid)) safe(() => rmSync(join(tmpdir(), name), { recursive: true, force: true }));
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code !== 'ESRCH';
  }
}

/** SIGKILLs a postmaster and its children (it cannot fork more once stopped), so a restart finds them gone. */
function killCluster(pid) {
  safe(() => process.kill(pid, 'SIGSTOP'));
  for (const entry of safe(() => readdirSync('/proc'), [])) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of /proc/PID/stat is the parent; the command name before it may hold spaces, hence after ')'.
    const stat = safe(() => readFileSync(`/proc/${entry}/stat`, 'utf8'), '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid)
      safe(() => process.kill(+entry, 'SIGKILL'));
  }
  safe(() => process.kill(pid, 'SIGKILL'));
}

function holdProcess(child, hold) {
  for (const handle of [child, child.stdout, child.stderr]) {
    if (hold) handle.ref();
    else handle.unref();
  }
}

function tail(lines, n = TAIL_LINES) {
  const last = lines
    .slice(-n)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return last.length > 0 ? last.join(' | ') : '(no output)';
}

/** Runs a command to its end as the server's user, keeping its output for the error. */
function run(command, args, { cwd, owner, timeoutMs }) {
  const name = command.split('/').pop();
  const [cmd, argv] = withParentDeathSignal(command, args);
  return new Promise((resolve, reject) => {
    const lines = [];
    const child = spawn(cmd, argv, { cwd, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...owner });
    const collect = (chunk) => lines.push(...String(chunk).split('\n'));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => reject(new Error(`${name} could not be started: ${e.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const how = signal === 'SIGKILL' ? `killed after ${timeoutMs / 1000} s` : `exit ${code ?? signal}`;
        reject(new Error(`${name} ${args.join(' ')} failed (${how}): ${tail(lines)}`));
      }
    });
  });
}

/** Our environment without PG* variables, which initdb and postgres would otherwise read (PGDATA, PGPORT…). */
function serverEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function settingsFor(port, dataDir, options) {
  const settings = {
    listen_addresses: HOST,
    port,
    unix_socket_directories: dataDir,
    max_connections: 200,
    lc_messages: 'C', // the readiness line is matched in English
    logging_collector: 'off', // the log must stay on stderr: readiness and shutdown are read from it
    // Tests skip the flushes to disk, which only an OS crash needs. synchronous_commit stays on: a commit must
    // still reach the OS before it is acknowledged, or kill() (a crash of the server) would lose it.
    ...(options.durable ? {} : { fsync: 'off', full_page_writes: 'off', shared_buffers: '32MB' }),
    ...options.settings,
  };
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

// ---- the server ----------------------------------------------------------------------------------------------

/**
 * Starts a fresh server; see postgres-server.d.mts for the options and what it returns.
 * @param {import('./postgres-server.d.mts').PostgresServerOptions} [options]
 * @returns {Promise<import('./postgres-server.d.mts').PostgresServer>}
 */
export async function startPostgres(options = {}) {
  const pgFound = findPostgres();
  if ('missing' in pgFound) throw new Error(`cannot start PostgreSQL: ${pgFound.missing}`);
  const { bin, major } = pgFound;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  cleanUpOnExit();
  const root = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const entry = { root, child: undefined };
  live.add(entry);
  const dataDir = join(root, 'data');
  const password = randomBytes(18).toString('hex');
  const log = [];
  let port = 0;

  async function launch() {
    const args = ['-D', dataDir, ...settingsFor(port, dataDir, options)];
    const [cmd, argv] = withParentDeathSignal(join(bin, 'postgres'), args);
    const child = spawn(cmd, argv, { cwd: root, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...owner });
    entry.child = child;
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.closed = closed;
    let ready;
    const readyLine = new Promise((resolve) => {
      ready = resolve;
    });
    let partial = '';
    const collect = (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (line.includes('database system is ready to accept connections')) ready();
      }
      if (log.length > 200) log.splice(0, log.length - 200);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timer;
    const outcome = await Promise.race([
      readyLine.then(() => 'ready'),
      new Promise((resolve) => child.on('error', (e) => resolve(e))),
      closed.then(() => 'exited'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'ready') {
      // A server left running must not keep this process alive: the exit handler stops it.
      holdProcess(child, false);
      return;
    }
    if (outcome === 'timeout') {
      killCluster(child.pid);
      await closed;
    }
    const why =
      outcome instanceof Error
        ? `could not be started: ${outcome.message}`
        : outcome === 'timeout'
          ? `did not accept connections within ${timeoutMs / 1000} s`
          : `exited (${child.exitCode ?? child.signalCode}) before accepting connections`;
    const error = new Error(`postgres -D ${dataDir} on port ${port} ${why}: ${tail(log)}`);
    error.portTaken = log.some((l) => l.includes('Address already in use'));
    throw error;
  }

  async function down(signal) {
    const child = entry.child;
    if (!child) return;
    holdProcess(child, true);
    if (child.exitCode !== null || child.signalCode !== null) return child.closed;
    if (signal === 'SIGKILL') killCluster(child.pid);
    else child.kill(signal);
    let timer;
    const late = await Promise.race([
      child.closed.then(() => false),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (late) {
      killCluster(child.pid);
      await child.closed;
      throw new Error(`postgres -D ${dataDir} did not stop within ${timeoutMs / 1000} s (${signal}); killed`);
    }
  }

  async function discard() {
    await down('SIGKILL').catch(() => {});
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    live.delete(entry);
  }

  try {
    if (owner) chownSync(root, owner.uid, owner.gid);
    const pwfile = join(root, 'pwfile');
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    const initdbArgs = ['-D', dataDir, '-U', USER, `--pwfile=${pwfile}`, '--auth-local=trust'];
    initdbArgs.push('--auth-host=scram-sha-256', '--no-locale', '-E', 'UTF8', '--no-sync');
    if (major >= 14) initdbArgs.push('--no-instructions');
    await run(join(bin, 'initdb'), initdbArgs, { cwd: root, owner, timeoutMs });
    rmSync(pwfile);
    // Another process may take the port between our probe and the server's bind: then try another one.
    for (let attempt = 1; ; attempt++) {
      port = options.port ?? (await freePort());
      try {
        await launch();
        break;
      } catch (e) {
        if (!e.portTaken || options.port !== undefined || attempt === 5) throw e;
      }
    }
  } catch (e) {
    await discard();
    throw e;
  }

  const env = { PGHOST: HOST, PGPORT: String(port), PGUSER: USER, PGPASSWORD: password, PGDATABASE: DATABASE };
  const connection = { host: HOST, port, user: USER, password, database: DATABASE };

  async function queryIn(database, sql, params) {
    // Imported here so that .ci/run can ask findPostgres() before `npm ci`.
    const { default: pg } = await import('pg');
    const client = new pg.Client({ ...connection, database, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  try {
    await queryIn('postgres', `CREATE DATABASE ${DATABASE}`);
  } catch (e) {
    await discard();
    throw new Error(`CREATE DATABASE ${DATABASE} on the new server failed: ${e.message}`);
  }

  let removed = false;
  return {
    ...connection,
    dataDir,
    env,
    url: `postgres://${USER}:${password}@${HOST}:${port}/${DATABASE}`,
    query: (sql, params) => queryIn(DATABASE, sql, params),
    logTail: (n = TAIL_LINES) => log.slice(-n).join('\n'),
    async stop() {
      if (removed) return;
      removed = true;
      try {
        await down('SIGINT');
      } finally {
        rmSync(root, { recursive: true, force: true, maxRetries: 3 });
        live.delete(entry);
      }
    },
    async restart() {
      if (removed) throw new Error('restart() after stop(): the server and its folder are gone');
      await down('SIGINT');
      await launch();
    },
    async kill() {
      await down('SIGKILL');
    },
  };
}
