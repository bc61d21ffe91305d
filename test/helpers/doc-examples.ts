// Runnable examples in the docs: every ```console block of a markdown page is a session a reader can follow.
// Lines starting with `$ ` are commands (a line ending in `\` continues on the next), the lines after a command
// are what it prints (stdout and stderr, as a terminal shows them); a here-document (`cat > app.mjs <<'EOF'`)
// belongs to its command. A page's blocks run in order in one bash
// session, in a fresh folder with `totp-kit` on PATH (the bundled CLI, as installed), so files, stores and
// exported variables carry from block to block as they do for the reader. `…` in a shown line stands for any
// text within that line (for what no flag can fix, such as a timestamp); everything else must match exactly.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** One command of a console block and what the page shows it printing. */
export interface DocCommand {
  /** The command as the reader types it (continuation lines joined with their `\`). */
  readonly command: string;
  /** The lines the page shows after it. */
  readonly shown: readonly string[];
  /** 1-based line of the `$ ` in the page. */
  readonly line: number;
  /** The 0-based lines of the page holding the shown output (start, end exclusive), for rewriting. */
  readonly outputLines: readonly [number, number];
}

/** Every command of every ```console block of a page, in order. */
export function consoleCommands(markdown: string): DocCommand[] {
  const lines = markdown.split('\n');
  const commands: DocCommand[] = [];
  let inBlock = false;
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!inBlock) {
      const open = /^(\s*)(`{3,})console\s*$/.exec(line);
      if (open) {
        inBlock = true;
        fence = open[2] as string;
      }
      continue;
    }
    if (line.trim() === fence) {
      inBlock = false;
      continue;
    }
    if (line.startsWith('$ ')) {
      const start = i;
      let command = line.slice(2);
      while (command.endsWith('\\') && i + 1 < lines.length) {
        i++;
        command += `\n${lines[i]}`;
      }
      // A here-document (`cat > app.mjs <<'EOF'`) takes the lines up to its terminator.
      const heredoc = /<<-?\s*(['"]?)([A-Za-z_]+)\1/.exec(command);
      if (heredoc) {
        while (i + 1 < lines.length && lines[i] !== heredoc[2]) {
          i++;
          command += `\n${lines[i]}`;
        }
      }
      const outputStart = i + 1;
      let end = outputStart;
      while (end < lines.length && !(lines[end] as string).startsWith('$ ') && (lines[end] as string).trim() !== fence)
        end++;
      commands.push({
        command,
        shown: lines.slice(outputStart, end),
        line: start + 1,
        outputLines: [outputStart, end],
      });
      i = end - 1;
    }
  }
  return commands;
}

/** What one command printed, as lines (trailing spaces and the final newline dropped). */
export interface DocRun {
  readonly printed: readonly string[];
}

const MARK = '@@totp-kit-doc-command@@';

/**
 * Runs a page's commands in one bash session in a fresh folder, with `totp-kit` on PATH and a fixed, minimal
 * environment (no TOTP_KIT_* from the caller), and returns what each printed.
 */
export function runConsoleCommands(commands: readonly DocCommand[], env: Record<string, string> = {}): DocRun[] {
  const dir = mkdtempSync(join(tmpdir(), 'totp-kit-docs-'));
  try {
    const bin = join(dir, '.bin');
    mkdirSync(bin);
    const shim = join(bin, 'totp-kit');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'dist', 'cli.js')}" "$@"\n`);
    chmodSync(shim, 0o755);
    const home = join(dir, 'home');
    const work = join(dir, 'work');
    mkdirSync(home);
    mkdirSync(work);
    // What `npm install totp-kit cdktf constructs` gives a project: the repository's node_modules holds them (the
    // example workspace links totp-kit itself), so `import 'totp-kit'` loads this package's bundle.
    symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'));
    const script = commands.map((c) => `printf '\\n%s\\n' '${MARK}'\n${c.command}\n`).join('');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', `exec 2>&1\n${script}`], {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        HOME: home,
        LANG: 'C.UTF-8',
        TERM: 'dumb',
        NO_COLOR: '1',
        npm_config_update_notifier: 'false',
        ...env,
      },
    });
    if (result.error) throw result.error;
    // Each command's output is between two marks, each written on a line of its own after a newline: a command
    // whose output does not end with one (a bare code) still gets its own lines.
    const parts = `${result.stdout}\n`.split(`\n${MARK}\n`).slice(1);
    return commands.map((_, i) => ({
      printed: (parts[i] ?? '')
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l, j, all) => !(all.length === 1 && l === '' && j === 0)),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when a printed line is what the page shows (`…` matching any text within the line). */
export function lineMatches(shown: string, printed: string): boolean {
  if (!shown.includes('…')) return shown.trimEnd() === printed;
  const pattern = shown
    .trimEnd()
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(printed);
}

/** Whether what a command printed is what the page shows. */
export function outputMatches(shown: readonly string[], printed: readonly string[]): boolean {
  const expected = trimBlank(shown);
  const actual = trimBlank(printed);
  return expected.length === actual.length && expected.every((line, i) => lineMatches(line, actual[i] as string));
}

function trimBlank(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && (out[out.length - 1] as string).trim() === '') out.pop();
  return out;
}

/**
 * The page with each command's shown output replaced by what it printed (lines with `…` kept where they still
 * match): how `UPDATE_DOCS=1` makes the docs show what the program does.
 */
export function withPrintedOutput(markdown: string, commands: readonly DocCommand[], runs: readonly DocRun[]): string {
  const lines = markdown.split('\n');
  for (let i = commands.length - 1; i >= 0; i--) {
    const { outputLines, shown } = commands[i] as DocCommand;
    const printed = trimBlank((runs[i] as DocRun).printed);
    const kept = printed.map((p, j) => {
      const s = shown[j];
      return s?.includes('…') && lineMatches(s, p) ? s : p;
    });
    lines.splice(outputLines[0], outputLines[1] - outputLines[0], ...kept);
  }
  return lines.join('\n');
}

/** Reads a page of the repository. */
export function readPage(page: string): string {
  return readFileSync(join(REPO, page), 'utf8');
}

/** Writes a page of the repository (UPDATE_DOCS=1 only). */
export function writePage(page: string, text: string): void {
  writeFileSync(join(REPO, page), text);
}
