/**
 * `totp-kit plan|apply|destroy`: act on one declaration (JSON), as the constructs' provisioners do.
 * The declaration comes from --declaration, --file, --declaration-env or standard input. `plan --stack
 * DIR` plans every declaration of a synthesized CDKTF stack instead: drift Terraform cannot see.
 */
import type { Command } from 'commander';
import { badInput, looksLikeSeed } from '../../core/errors.js';
import { applyDeclaration, destroyDeclaration, planDeclaration } from '../../resources/plan.js';
import { planStack, readStack, stackPlanText } from '../../resources/stack-plan.js';
import { readSmallFile, readSmallStdin } from '../../sources/file-source.js';
import type { Io } from '../io.js';
import { emit } from '../output.js';
import { printWarnings } from '../seed-options.js';
import { openStoreContext, storeContext, wantsJson } from '../store-context.js';

interface DeclarationFlags {
  readonly declaration?: string;
  readonly file?: string;
  readonly declarationEnv?: string;
  readonly generation?: string;
  readonly stack?: string;
}

/** `plan --stack`'s exit code when a resource would change (the store drifted from the stack). */
const DRIFT = 1;

const WHERE = 'one of --declaration JSON, --file PATH, --declaration-env NAME, or standard input';

async function readDeclaration(flags: DeclarationFlags, io: Io): Promise<unknown> {
  const given = (['declaration', 'file', 'declarationEnv'] as const).filter((f) => flags[f] !== undefined);
  if (given.length > 1) throw badInput('declaration', 'was given more than one way', WHERE);
  let label: string;
  let text: string;
  if (flags.declaration !== undefined) {
    label = '--declaration';
    text = flags.declaration;
  } else if (flags.file !== undefined) {
    label = `--file ${flags.file}`;
    text = await readSmallFile(flags.file, '--file', 'one JSON declaration');
  } else if (flags.declarationEnv !== undefined) {
    // The constructs' provisioners pass the declaration this way: no shell quoting can break it.
    // `--declaration-env $SEED` puts a seed where the name belongs: refused without printing it.
    if (looksLikeSeed(flags.declarationEnv)) {
      throw badInput(
        '--declaration-env',
        'is followed by what looks like a seed, not a variable name (not printed)',
        'the name of an environment variable holding one JSON declaration',
      );
    }
    label = `environment variable ${flags.declarationEnv}`;
    const value = io.env[flags.declarationEnv];
    if (value === undefined || value.trim() === '') throw badInput(label, 'is not set', 'one JSON declaration');
    text = value;
  } else {
    if (process.stdin.isTTY) throw badInput('declaration', 'none given', WHERE);
    label = 'standard input';
    text = await readSmallStdin('standard input');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badInput(label, 'is not valid JSON', 'one JSON object: {"kind": "key" | "method" | "enrollment", …}');
  }
}

/**
 * `plan --stack DIR`: every totp-kit resource of the stack, planned against its own store (opened once
 * each; a resource's aws_region is AWS_REGION for its store). Exit 1 when anything would change.
 */
async function planStackCommand(
  flags: DeclarationFlags,
  command: Command,
  io: Io,
  result: (code?: number) => void,
): Promise<void> {
  const stack = flags.stack as string;
  const other = (['declaration', 'file', 'declarationEnv'] as const).find((f) => flags[f] !== undefined);
  if (other !== undefined) {
    const option = `--${other.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw badInput('--stack', `cannot be combined with ${option}`, `--stack DIR alone, or one declaration: ${WHERE}`);
  }
  if (command.optsWithGlobals().store !== undefined) {
    throw badInput('--stack', 'cannot be combined with --store', '--stack DIR alone: each resource names its store');
  }
  const { folder, resources, applied } = await readStack(stack);
  const plan = await planStack(
    stack,
    resources,
    (store, region) =>
      openStoreContext(io, store, { label: 'store', ...(region !== undefined ? { env: { AWS_REGION: region } } : {}) }),
    applied,
  );
  emit(io, wantsJson(command), plan, stackPlanText(plan, folder));
  result(plan.drifted ? DRIFT : 0);
}

function declarationCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option('--declaration <json>', 'the declaration as JSON (without it: --file, --declaration-env or standard input)')
    .option('--file <path>', 'read the declaration from a file')
    .option('--declaration-env <name>', 'read the declaration from this environment variable');
}

/** Registers `plan`, `apply` and `destroy`. */
export function registerDeclarations(program: Command, io: Io, result: (code?: number) => void): void {
  declarationCommand(
    program,
    'plan',
    'say what apply would do: create, no-op, update in place, or replace (new seed); with --stack, for every resource of a synthesized CDKTF stack',
  )
    .option(
      '--stack <dir>',
      'plan every totp-kit resource of a synthesized CDKTF stack (cdktf.out/stacks/NAME, or its .tf.json file), each against the store it names',
    )
    .addHelpText(
      'after',
      [
        '',
        'With --stack: one line per resource (ADDRESS (PATH): RESOURCE: ACTION, reasons indented), then what to',
        'do; exit 0 when nothing would change, 1 when something would (drift Terraform cannot see: fix it',
        'with terraform apply -replace=ADDRESS in the stack folder), 2 for a bad stack, 3 for a store failure.',
        'Relative store paths are relative to the project folder the provisioners run in, as at apply.',
      ].join('\n'),
    )
    .action(async (flags: DeclarationFlags, command: Command) => {
      if (flags.stack !== undefined) {
        await planStackCommand(flags, command, io, result);
        return;
      }
      const plan = await planDeclaration(await storeContext(command, io), await readDeclaration(flags, io));
      emit(io, wantsJson(command), plan, [`${plan.resource}: ${plan.action}`, ...plan.reasons.map((r) => `  ${r}`)]);
      result();
    });

  declarationCommand(program, 'apply', 'create, update or replace what the declaration says')
    .option('--generation <id>', 'record this generation id (the provisioner passes its resource id)')
    .action(async (flags: DeclarationFlags, command: Command) => {
      const options = flags.generation !== undefined ? { generation: flags.generation } : {};
      const applied = await applyDeclaration(
        await storeContext(command, io),
        await readDeclaration(flags, io),
        options,
      );
      printWarnings(applied.warnings, io);
      emit(io, wantsJson(command), applied, [
        `${applied.resource}: ${applied.action === 'no-op' ? 'up to date' : `${applied.action}d`} (generation ${applied.generation})`,
        ...applied.reasons.map((r) => `  ${r}`),
        ...(applied.qrCodeFile ? [`  barcode written to ${applied.qrCodeFile}`] : []),
      ]);
      result();
    });

  declarationCommand(
    program,
    'destroy',
    'delete what the declaration names (only the given generation, with --generation)',
  )
    .option('--generation <id>', 'delete only this generation: a replacement made since is kept')
    .action(async (flags: DeclarationFlags, command: Command) => {
      const options = flags.generation !== undefined ? { generation: flags.generation } : {};
      const outcome = await destroyDeclaration(
        await storeContext(command, io),
        await readDeclaration(flags, io),
        options,
      );
      const text = outcome.deleted
        ? `${outcome.resource}: deleted`
        : `${outcome.resource}: kept${outcome.kept ? `, ${outcome.kept}` : ' (not there)'}`;
      emit(io, wantsJson(command), outcome, text);
      result();
    });
}
