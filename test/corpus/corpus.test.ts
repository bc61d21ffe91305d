// The bad-input corpus (issue 8, item 1): every case in cases/ runs through each face it lists — the CLI (main()
// in this process), the action (run() in this process, with the runner's environment), a construct synthesized as
// `cdktf synth` does, and the library — and each run must give exactly one line per problem, the right exit code
// (CLI 2 or 3; action 1 with one ::error::; a synth refusal; the library's TotpKitError kind), no stack trace, the
// expected words, the files it was given byte-for-byte unchanged (nothing lost), and no part of any seed anywhere
// (helpers/leak.ts). A few cases also run through the CLI binary (`node dist/cli.js`) and the action bundle as
// users run them, so the bundles' paths stay covered; those are child processes, run concurrently.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TotpKitError } from '../../src/index.js';
import { expectNoSeedInAction, expectNoSeedInCli, expectNoSeedInError, expectNoSeedInFile } from '../helpers/leak.js';
import type { ActionRun } from '../helpers/run-action.js';
import { CASES, REQUIRED_TAGS } from './cases/index.js';
import {
  buildFixtures,
  callLibrary,
  filesUnder,
  fill,
  fillRecord,
  fillText,
  type ProcessRun,
  prepareRun,
  ROOT,
  runActionHere,
  runActionIn,
  runCliAsync,
  runCliHere,
  snapshot,
  synthesize,
} from './harness.js';
import { type CorpusCase, FACES, type Face } from './types.js';

const fixtures = await buildFixtures();
const SEEDS = fixtures.seeds;

afterAll(async () => {
  const { rmSync } = await import('node:fs');
  rmSync(ROOT, { recursive: true, force: true });
});

/** A stack trace, or an exception's class name, in text meant for a person. */
const STACK = /^\s+at \S|\b[A-Za-z]*(Error|Exception)\b/m;

function expectWords(
  text: string,
  c: CorpusCase,
  input: { readonly words?: readonly string[]; readonly starts?: string },
  dir: string,
): void {
  if (input.starts !== undefined) {
    const first = (text.split('\n')[0] as string).replace(/^totp-kit: |^\[[^\]]*\] /, '');
    const starts = fillText(input.starts, dir);
    expect(first.startsWith(starts), `the first line should start with ${JSON.stringify(starts)}: ${first}`).toBe(true);
  }
  const own = input.words;
  for (const word of [...c.words, ...(own ?? [])]) {
    const filled = fillText(word, dir);
    expect(text, `the message should contain ${JSON.stringify(word)}`).toContain(filled);
  }
}

function envOf(c: CorpusCase, own: Readonly<Record<string, unknown>> | undefined, dir: string): Record<string, string> {
  return { ...fillRecord(c.env, dir), ...fillRecord(own as Record<string, string> | undefined, dir) };
}

/**
 * Runs one case through one face in a fresh directory, then checks what holds for every face: the files it was
 * given are unchanged, a store written under a store key holds no seed, and nothing new holds one.
 */
async function runCase(c: CorpusCase, face: string, run: (dir: string) => Promise<Record<string, string>>) {
  const dir = prepareRun(c, face, fixtures);
  const before = snapshot(dir, c.unchanged ?? []);
  const existing = new Set(filesUnder(dir));
  const env = await run(dir);
  for (const [name, bytes] of before) {
    const after = snapshot(dir, [name]).get(name);
    expect(after === undefined ? undefined : after.equals(bytes as Buffer), `${name} is byte-for-byte unchanged`).toBe(
      bytes === undefined ? undefined : true,
    );
  }
  for (const file of filesUnder(dir).filter((f) => !existing.has(f))) {
    expectNoSeedInFile(join(dir, file), SEEDS, `${file} (written by the run)`);
  }
  if (env.TOTP_KIT_STORE_KEY !== undefined) {
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.json'))) {
      const spec = c.files?.[file];
      if (spec === undefined || ('store' in spec && spec.store === 'sealed')) {
        expectNoSeedInFile(join(dir, file), SEEDS, `${file} (a store under TOTP_KIT_STORE_KEY)`);
      }
    }
  }
}

type RunCli = (argv: readonly string[], env: Record<string, string>, cwd: string) => Promise<ProcessRun>;
type RunAction = (inputs: Record<string, string>, env: Record<string, string>, cwd: string) => Promise<ActionRun>;

/** The CLI face, run by `runCli` (in this process, or the binary); `face` names the run's directory. */
function cliFace(runCli: RunCli, face: string) {
  return async (c: CorpusCase): Promise<void> => {
    const input = c.input.cli;
    if (!input) throw new Error(`${c.id}: no CLI input`);
    await runCase(c, face, async (dir) => {
      const env = envOf(c, input.env, dir);
      const r = await runCli(fill(input.argv, dir) as string[], env, dir);
      const shown = `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
      expectNoSeedInCli(r, SEEDS);
      expect(r.status, shown).toBe(c.expected.cli);
      expect(r.stdout, shown).toBe('');
      expect(r.stderr.endsWith('\n'), shown).toBe(true);
      const lines = r.stderr.replace(/\n$/, '').split('\n');
      expect(lines, shown).toHaveLength(input.lines ?? 1);
      for (const line of lines) {
        expect(line, shown).toMatch(/^totp-kit: \S/);
        expect(line, shown).not.toMatch(/^totp-kit: warning/);
      }
      expect(r.stderr, shown).not.toMatch(STACK);
      expectWords(r.stderr, c, input, dir);
      return env;
    });
  };
}

/** The action face, run by `runAction` (in this process, or the bundle); `face` names the run's directory. */
function actionFace(runAction: RunAction, face: string) {
  return async (c: CorpusCase): Promise<void> => {
    const input = c.input.action;
    if (!input) throw new Error(`${c.id}: no action input`);
    await runCase(c, face, async (dir) => {
      const env = envOf(c, input.env, dir);
      const run = await runAction(fillRecord(input.inputs, dir), env, dir);
      const shown = `exit ${run.exitCode}\nstdout: ${run.stdout.slice(0, 4000)}\nstderr: ${run.stderr}`;
      expectNoSeedInAction(run, SEEDS);
      expect(run.exitCode, shown).toBe(c.expected.action);
      expect(run.errors, shown).toHaveLength(1);
      expect(run.warnings, shown).toEqual([]);
      expect(run.stderr, shown).toBe('');
      expect(run.outputs, shown).toEqual({});
      const log = run.stdout
        .replace(/\n$/, '')
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::'));
      expect(log, 'the log is the one ::error:: command').toHaveLength(1);
      expect(log[0]).toMatch(/^::error::/);
      const message = run.errors[0] as string;
      expect(message.split('\n'), shown).toHaveLength(input.lines ?? 1);
      expect(message, shown).not.toMatch(STACK);
      expect(run.stdout, shown).not.toMatch(STACK);
      expectWords(message, c, input, dir);
      return env;
    });
  };
}

const FACE_RUNNERS: Readonly<Record<Face, (c: CorpusCase) => Promise<void>>> = {
  cli: cliFace(runCliHere, 'cli'),
  action: actionFace(runActionHere, 'action'),

  async construct(c) {
    const input = c.input.construct;
    if (!input) throw new Error(`${c.id}: no construct input`);
    await runCase(c, 'construct', async (dir) => {
      const outcome = synthesize(fill(input, dir), dir);
      expectNoSeedInError(outcome.constructionError, SEEDS, 'what construction threw');
      expect(outcome.constructionError, 'the construct is refused at synth, not when it is built').toBeUndefined();
      expect(outcome.synthError, 'synth is refused').toBeInstanceOf(Error);
      expectNoSeedInError(outcome.synthError, SEEDS, 'the synth refusal');
      const message = (outcome.synthError as Error).message;
      const lines = message.split('\n').flatMap((l) => (l.trim().startsWith('[') ? [l.trim()] : []));
      expect(lines, message).toHaveLength(input.lines ?? 1);
      for (const line of lines) expect(line, message).toMatch(/^\[corpus\/Bad\] \S/);
      expect(message, message).not.toMatch(STACK);
      expectWords(lines.join('\n'), c, input, dir);
      const written = filesUnder(outcome.outdir);
      expect(
        written.filter((f) => f.endsWith('.tf.json')),
        'no Terraform file is written',
      ).toEqual([]);
      for (const file of written) expectNoSeedInFile(join(outcome.outdir, file), SEEDS);
      return {};
    });
  },

  async library(c) {
    const input = c.input.library;
    if (!input) throw new Error(`${c.id}: no library input`);
    await runCase(c, 'library', async (dir) => {
      const env = envOf(c, input.env, dir);
      let error: unknown;
      let result: unknown;
      try {
        result = await callLibrary(input.call, fill(input.args, dir), env);
      } catch (e) {
        error = e;
      }
      expectNoSeedInError(error, SEEDS);
      expect(error, `${input.call} should throw; it returned ${String(result)}`).toBeInstanceOf(TotpKitError);
      const e = error as TotpKitError;
      expect(e.kind, e.message).toBe(c.expected.library);
      expect(e.message.split('\n'), e.message).toHaveLength(input.lines ?? 1);
      expect(e.message, e.message).not.toMatch(STACK);
      expectWords(e.message, c, input, dir);
      return env;
    });
  },
};

describe('the corpus', () => {
  it('has at least 100 cases, each with a unique id', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    const ids = CASES.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('lists for each case exactly the faces it gives an input and an expectation for', () => {
    for (const c of CASES) {
      const faces = [...c.faces].sort();
      expect(Object.keys(c.input).sort(), c.id).toEqual(faces);
      expect(Object.keys(c.expected).sort(), c.id).toEqual(faces);
      expect(faces.length, c.id).toBeGreaterThan(0);
      for (const name of c.unchanged ?? []) expect(Object.keys(c.files ?? {}), c.id).toContain(name);
    }
  });

  it('covers everything issue 8 lists', () => {
    const tags = new Set(CASES.flatMap((c) => c.tags));
    expect(REQUIRED_TAGS.filter((t) => !tags.has(t))).toEqual([]);
    const counts = Object.fromEntries(FACES.map((f) => [f, CASES.filter((c) => c.faces.includes(f)).length]));
    console.info(`corpus: ${CASES.length} cases; runs per face: ${JSON.stringify(counts)}`);
    for (const face of FACES) expect(counts[face], face).toBeGreaterThanOrEqual(25);
  });
});

describe('the runner fails what it should (controls)', () => {
  const control = (over: Partial<CorpusCase>): CorpusCase => ({
    id: 'control',
    tags: [],
    faces: ['cli'],
    input: { cli: { argv: ['code', '--from', 'env:TOTP_SEED', '--at', '0'] } },
    expected: { cli: 2 },
    words: [],
    ...over,
  });

  it('fails a run that succeeds, one whose words are missing, and one with a leak', async () => {
    const env = { TOTP_SEED: '{{B32}}' };
    await expect(FACE_RUNNERS.cli(control({ id: 'control-ok', env }))).rejects.toThrow(/^exit 0\n/);
    const words = control({ id: 'control-words', input: { cli: { argv: ['code', '--secret', '0'] } }, words: ['xyz'] });
    await expect(FACE_RUNNERS.cli(words)).rejects.toThrow(/should contain "xyz"/);
    // exec passes its command's output through as it is: a command that prints the seed (and exits 2) shows it,
    // so the scan must fail. (Key names typed as seeds, the control before, are refused unprinted since issue 14.)
    const leak = control({
      id: 'control-leak',
      env,
      input: {
        cli: {
          argv: [
            'exec',
            '--from',
            'env:TOTP_SEED',
            '--min-remaining',
            '0',
            '--',
            process.execPath,
            '-e',
            'process.stderr.write("totp-kit: " + process.argv[1] + "\\n"); process.exit(2)',
            '{{B32}}',
          ],
        },
      },
    });
    // exec's command writes to the process's own stderr: the binary's, where the scan can see it.
    await expect(BUNDLE_RUNNERS.cli(leak)).rejects.toThrow(/contains part of a seed/);
    const library = control({
      id: 'control-library',
      faces: ['library'],
      input: { library: { call: 'parseSeedText', args: ['{{B32}}', 'secret'] } },
      expected: { library: 'bad-input' },
    });
    await expect(FACE_RUNNERS.library(library)).rejects.toThrow(/should throw/);
  });

  it('fails a run that changes a file it was given, or writes a seed anywhere', async () => {
    const c = control({ id: 'control-files', files: { 'store.json': { store: 'sealed' } }, unchanged: ['store.json'] });
    const { appendFileSync, writeFileSync } = await import('node:fs');
    await expect(
      runCase(c, 'cli', async (dir) => {
        appendFileSync(join(dir, 'store.json'), ' ');
        return {};
      }),
    ).rejects.toThrow(/byte-for-byte unchanged/);
    await expect(
      runCase({ ...c, id: 'control-new-file' }, 'cli', async (dir) => {
        writeFileSync(join(dir, 'url.txt'), fillText('{{URL}}', dir));
        return {};
      }),
    ).rejects.toThrow(/url\.txt \(written by the run\) contains part of a seed/);
    await expect(
      runCase({ ...c, id: 'control-sealed', unchanged: [] }, 'cli', async (dir) => {
        writeFileSync(join(dir, 'store.json'), fillText('{"keys":{"bot":{"secret":"{{b32}}"}}}', dir));
        return { TOTP_KIT_STORE_KEY: 'x' };
      }),
    ).rejects.toThrow(/under TOTP_KIT_STORE_KEY\) contains part of a seed/);
  });
});

for (const face of FACES) {
  describe.concurrent(`bad input through the ${face}`, () => {
    for (const c of CASES.filter((k) => k.faces.includes(face))) {
      it(c.id, () => FACE_RUNNERS[face](c));
    }
  });
}

/** The CLI binary and the action bundle, as users run them, in child processes. */
const BUNDLE_RUNNERS = {
  cli: cliFace(runCliAsync, 'cli-bundle'),
  action: actionFace(runActionIn, 'action-bundle'),
} as const;

/**
 * Cases that also run through the bundles: several problems at once, a source that cannot be read (a backend
 * failure), a refusal that must leave a damaged sealed store as it was, and a megabyte of seed file.
 */
const BUNDLE_CASES = [
  'settings-three-problems',
  'source-file-missing',
  'destroy-on-truncated-sealed-store',
  'huge-1mb-seed-file',
];

describe.concurrent('bad input through the bundles (dist/cli.js, dist/index.js)', () => {
  for (const id of BUNDLE_CASES) {
    const c = CASES.find((k) => k.id === id);
    if (c === undefined) throw new Error(`no corpus case ${id}`);
    for (const face of ['cli', 'action'] as const) {
      if (c.faces.includes(face)) it(`${id} (${face})`, () => BUNDLE_RUNNERS[face](c));
    }
  }
});
