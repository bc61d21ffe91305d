/**
 * `totp-kit completion bash|zsh|fish|powershell`: a completion script made from the program's own command tree
 * (commands, subcommands, options and which options take a value), so it follows every command as it is.
 * Each shell gets the same tree as data and one small function that walks the words typed so far to the
 * command being completed; nothing in a script is written for a particular command.
 */
import type { Command, Help, Option } from 'commander';
import { badInput, quote } from '../core/errors.js';
import type { Io } from './io.js';

/** The shells a script is made for. */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
/** One of `SHELLS`. */
export type Shell = (typeof SHELLS)[number];

/** Fixed values of a command's first argument, by command name. */
const ARGUMENT_VALUES: Readonly<Record<string, readonly string[]>> = { completion: SHELLS };

/** An option as completion needs it. */
export interface CompletionOption {
  /** Its flags: `--digits`, or `-h` and `--help`. */
  readonly names: readonly string[];
  /** True when a value follows it (`--digits 8`): that word is not a command. */
  readonly takesValue: boolean;
  /** True when its value is a path (`--file <path>`, `--qr <file.png>`, `--stack <dir>`). */
  readonly takesPath: boolean;
  readonly description: string;
}

/** A command as completion needs it. */
export interface CompletionNode {
  /** Its full name, `totp-kit key create`: what the words typed so far lead to. */
  readonly path: string;
  /** Its subcommands, with their descriptions. */
  readonly commands: readonly { readonly name: string; readonly description: string }[];
  /** Its options and those of the commands above it, as its help lists them. */
  readonly options: readonly CompletionOption[];
  /** The values its first argument takes, where they are a fixed list (a shell; a command for `help`). */
  readonly values: readonly string[];
}

/** One line, no runs of spaces: descriptions as a completion menu shows them. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function completionOption(option: Option, help: Help): CompletionOption {
  return {
    names: [option.short, option.long].filter((name): name is string => name !== undefined),
    takesValue: option.required || option.optional,
    takesPath: /<[\w.]*(?:file|path|dir)[\w.]*>/.test(option.flags),
    description: oneLine(help.optionDescription(option)),
  };
}

/**
 * Every command of `program`, from the program itself down, with what its help shows: visible subcommands
 * (commander's `help` among them), its options and the global ones.
 */
export function completionTree(program: Command): CompletionNode[] {
  const help = program.createHelp();
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    const subcommands = help.visibleCommands(command);
    const seen = new Set<string>();
    const options = [...help.visibleOptions(command), ...help.visibleGlobalOptions(command)].filter((option) => {
      if (seen.has(option.flags)) return false;
      seen.add(option.flags);
      return true;
    });
    const own = command.commands.map((c) => c.name());
    nodes.push({
      path,
      commands: subcommands.map((c) => ({ name: c.name(), description: oneLine(help.subcommandDescription(c)) })),
      options: options.map((option) => completionOption(option, help)),
      values: ARGUMENT_VALUES[command.name()] ?? [],
    });
    for (const sub of subcommands) {
      if (own.includes(sub.name())) visit(sub, `${path} ${sub.name()}`);
      // Commander's own `help [command]` takes the names of its siblings.
      else nodes.push({ path: `${path} ${sub.name()}`, commands: [], options: [], values: own });
    }
  };
  visit(program, program.name());
  return nodes;
}

const words = (list: readonly string[]) => list.join(' ');
const optionNames = (node: CompletionNode, which: (o: CompletionOption) => boolean) =>
  node.options.filter(which).flatMap((o) => o.names);

/** A word list inside single quotes for a POSIX shell (names and paths never hold a quote; descriptions may). */
const sh = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function bash(nodes: readonly CompletionNode[], program: string, fn: string): string {
  const table = (name: string, list: (node: CompletionNode) => readonly string[]) =>
    [
      `${fn}_${name}() {`,
      '  case $1 in',
      ...nodes.filter((n) => list(n).length > 0).map((n) => `    ${sh(n.path)}) echo ${sh(words(list(n)))} ;;`),
      '  esac',
      '}',
    ].join('\n');
  return `# bash completion for ${program}, made from its commands by \`${program} completion bash\`.
# Load it with: source <(${program} completion bash)   (e.g. in ~/.bashrc)
${table('commands', (n) => n.commands.map((c) => c.name))}
${table('options', (n) => optionNames(n, () => true))}
${table('valued', (n) => optionNames(n, (o) => o.takesValue))}
${table('paths', (n) => optionNames(n, (o) => o.takesPath))}
${table('values', (n) => n.values)}
${fn}_files() {
  local IFS=$'\\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen "$@" -- "$cur"))
}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} path=${sh(program)} skip='' word i
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $skip ]]; then skip=''; continue; fi
    if [[ $word == -- ]]; then
      # What follows -- is a command of its own (exec): a program name, then its arguments.
      if ((i == COMP_CWORD - 1)); then ${fn}_files -c; else ${fn}_files -f; fi
      return 0
    fi
    if [[ $word == -* ]]; then
      [[ $word != *=* && " $(${fn}_valued "$path") " == *" $word "* ]] && skip=1
    elif [[ " $(${fn}_commands "$path") " == *" $word "* ]]; then
      path="$path $word"
    fi
  done
  if [[ -n $skip ]]; then
    [[ " $(${fn}_paths "$path") " == *" $prev "* ]] && ${fn}_files -f
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(${fn}_options "$path")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(${fn}_commands "$path") $(${fn}_values "$path")" -- "$cur"))
  fi
}
complete -F ${fn} ${program}
`;
}

/** `name:description` for zsh's `_describe`, whose names escape `:`. */
const described = (name: string, description: string) => sh(`${name.replaceAll(':', '\\:')}:${description}`);

function zsh(nodes: readonly CompletionNode[], program: string, fn: string): string {
  const table = (name: string, list: (node: CompletionNode) => readonly string[]) =>
    [
      `${fn}_${name}() {`,
      '  reply=()',
      '  case $1 in',
      ...nodes
        .filter((n) => list(n).length > 0)
        .map((n) => `    (${sh(n.path)}) reply=(\n      ${list(n).join('\n      ')}\n    ) ;;`),
      '  esac',
      '}',
    ].join('\n');
  return `#compdef ${program}
# zsh completion for ${program}, made from its commands by \`${program} completion zsh\`.
# Load it with: source <(${program} completion zsh)   (after compinit), or save it as ${fn} in a folder of $fpath.
${table('commands', (n) => n.commands.map((c) => described(c.name, c.description)))}
${table('options', (n) => n.options.flatMap((o) => o.names.map((name) => described(name, o.description))))}
${table('valued', (n) => optionNames(n, (o) => o.takesValue).map(sh))}
${table('paths', (n) => optionNames(n, (o) => o.takesPath).map(sh))}
${table('values', (n) => n.values.map(sh))}
${fn}() {
  local cmdpath=${sh(program)} skip='' word i
  local -a reply names values
  for (( i = 2; i < CURRENT; i++ )); do
    word=\${words[i]}
    if [[ -n $skip ]]; then skip=''; continue; fi
    if [[ $word == -- ]]; then
      # What follows -- is a command of its own (exec): a program name, then its arguments.
      if (( i == CURRENT - 1 )); then _command_names -e; else _files; fi
      return
    fi
    if [[ $word == -* ]]; then
      ${fn}_valued "$cmdpath"
      [[ $word != *=* ]] && (( \${reply[(Ie)$word]} )) && skip=1
    else
      ${fn}_commands "$cmdpath"
      names=(\${reply%%:*})
      (( \${names[(Ie)$word]} )) && cmdpath="$cmdpath $word"
    fi
  done
  if [[ -n $skip ]]; then
    ${fn}_paths "$cmdpath"
    (( \${reply[(Ie)\${words[CURRENT-1]}]} )) && _files
    return
  fi
  if [[ $PREFIX == -* ]]; then
    ${fn}_options "$cmdpath"
    names=("\${reply[@]}")
    _describe -t options option names
  else
    ${fn}_values "$cmdpath"
    values=("\${reply[@]}")
    ${fn}_commands "$cmdpath"
    names=("\${reply[@]}")
    (( $#names )) && _describe -t commands command names
    (( $#values )) && compadd -a values
  fi
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${program}
fi
`;
}

/** Text inside single quotes for fish, which escapes `\\` and `'` there. */
const fishQuote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function fish(nodes: readonly CompletionNode[], program: string, fn: string): string {
  const table = (name: string, list: (node: CompletionNode) => readonly string[]) =>
    [
      `function ${fn}_${name}`,
      '    switch $argv[1]',
      ...nodes
        .filter((n) => list(n).length > 0)
        .map((n) => `        case ${fishQuote(n.path)}\n            printf '%s\\n' ${list(n).join(' ')}`),
      '    end',
      'end',
    ].join('\n');
  const at = (node: CompletionNode) => `-n ${fishQuote(`${fn}_at '${node.path}'`)}`;
  const lines = nodes.flatMap((node) => [
    ...node.commands.map((c) => `complete -c ${program} ${at(node)} -a ${c.name} -d ${fishQuote(c.description)}`),
    ...node.options.map((o) => {
      const flags = o.names.map((name) => (name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`));
      const value = o.takesPath ? ' -r -F' : o.takesValue ? ' -x' : '';
      return `complete -c ${program} ${at(node)} ${flags.join(' ')}${value} -d ${fishQuote(o.description)}`;
    }),
    ...(node.values.length > 0 ? [`complete -c ${program} ${at(node)} -a ${fishQuote(words(node.values))}`] : []),
  ]);
  return `# fish completion for ${program}, made from its commands by \`${program} completion fish\`.
# Load it with: ${program} completion fish | source   (or save it as ~/.config/fish/completions/${program}.fish)
${table('commands', (n) => n.commands.map((c) => c.name))}
${table('valued', (n) => optionNames(n, (o) => o.takesValue))}
# The command the words typed so far lead to; "--" and "-- ARGS" after exec's --.
function ${fn}_path
    set -l path ${fishQuote(program)}
    set -l skip 0
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for i in (seq (count $tokens))
        set -l word $tokens[$i]
        if test $skip = 1
            set skip 0
        else if test "$word" = --
            test $i = (count $tokens); and echo -- --; or echo -- '-- ARGS'
            return
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- $word (${fn}_valued $path)
                set skip 1
            end
        else if contains -- $word (${fn}_commands $path)
            set path "$path $word"
        end
    end
    echo -- $path
end
function ${fn}_at
    set -l path (${fn}_path)
    test "$path" = "$argv[1]"
end
complete -c ${program} -f
${lines.join('\n')}
complete -c ${program} -n ${fishQuote(`${fn}_at --`)} -a '(__fish_complete_command)'
complete -c ${program} -n ${fishQuote(`${fn}_at '-- ARGS'`)} -F
`;
}

/** Text inside single quotes for PowerShell, which doubles `'` there. */
const psQuote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function powershell(nodes: readonly CompletionNode[], program: string): string {
  const entries = (list: readonly { readonly name: string; readonly description: string }[]) =>
    `@(${list.map((e) => `@{ n = ${psQuote(e.name)}; d = ${psQuote(e.description || e.name)} }`).join(', ')})`;
  const table = (list: (node: CompletionNode) => string | undefined) =>
    nodes
      .map((n) => [n.path, list(n)] as const)
      .filter((row): row is readonly [string, string] => row[1] !== undefined)
      .map(([path, value]) => `        ${psQuote(path)} = ${value}`)
      .join('\n');
  const strings = (list: readonly string[]) => (list.length > 0 ? `@(${list.map(psQuote).join(', ')})` : undefined);
  return `# PowerShell completion for ${program}, made from its commands by \`${program} completion powershell\`.
# Load it with: ${program} completion powershell | Out-String | Invoke-Expression   (e.g. in $PROFILE)
Register-ArgumentCompleter -Native -CommandName ${psQuote(program)} -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $commands = @{
${table((n) => (n.commands.length > 0 ? entries(n.commands) : undefined))}
    }
    $options = @{
${table((n) => entries(n.options.flatMap((o) => o.names.map((name) => ({ name, description: o.description })))))}
    }
    $valued = @{
${table((n) => strings(optionNames(n, (o) => o.takesValue)))}
    }
    $values = @{
${table((n) => strings(n.values))}
    }
    $path = ${psQuote(program)}
    $skip = $false
    $typed = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    foreach ($word in ($typed | Select-Object -Skip 1)) {
        if ($skip) { $skip = $false; continue }
        # What follows -- is a command of its own (exec): PowerShell completes it.
        if ($word -eq '--') { return }
        if ($word.StartsWith('-')) {
            if (-not $word.Contains('=') -and $valued[$path] -contains $word) { $skip = $true }
        } elseif (@($commands[$path] | ForEach-Object { $_.n }) -contains $word) {
            $path = "$path $word"
        }
    }
    # A value of an option: PowerShell's own (path) completion.
    if ($skip) { return }
    if ($wordToComplete.StartsWith('-')) {
        $candidates = @($options[$path])
        $type = 'ParameterName'
    } else {
        $candidates = @($commands[$path]) + @($values[$path] | ForEach-Object { @{ n = $_; d = $_ } })
        $type = 'ParameterValue'
    }
    # @($null) is one $null, and $null piped on is one too: both are left out here.
    $candidates | Where-Object { $_ -and $_.n -and $_.n -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_.n, $_.n, $type, $_.d)
    }
}
`;
}

/** The completion script of `program` for `shell`. */
export function completionScript(shell: Shell, program: Command): string {
  const nodes = completionTree(program);
  const name = program.name();
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  switch (shell) {
    case 'bash':
      return bash(nodes, name, fn);
    case 'zsh':
      return zsh(nodes, name, fn);
    case 'fish':
      return fish(nodes, name, fn);
    case 'powershell':
      return powershell(nodes, name);
  }
}

/** The shell named on the command line. @throws TotpKitError (bad-input) for none or another. */
export function parseShell(value: string | undefined): Shell {
  const allowed = SHELLS.join(', ');
  if (value === undefined) throw badInput('shell', 'none given', allowed);
  const shell = SHELLS.find((s) => s === value.trim().toLowerCase());
  if (shell === undefined) throw badInput('shell', `${quote(value)} is not one totp-kit completes`, allowed);
  return shell;
}

/** Registers `completion` on the program. */
export function registerCompletion(program: Command, io: Io, result: (code?: number) => void): void {
  program
    .command('completion')
    .description('print a completion script for bash, zsh, fish or powershell, made from these commands')
    .argument('[shell]', SHELLS.join(', '))
    .addHelpText(
      'after',
      [
        '',
        'Load it in your shell (e.g. in its start-up file):',
        `  bash        source <(${program.name()} completion bash)`,
        `  zsh         source <(${program.name()} completion zsh)      (after compinit)`,
        `  fish        ${program.name()} completion fish | source`,
        `  powershell  ${program.name()} completion powershell | Out-String | Invoke-Expression`,
      ].join('\n'),
    )
    .action((shell: string | undefined) => {
      io.out(completionScript(parseShell(shell), program));
      result();
    });
}
