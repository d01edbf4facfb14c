import type { Command, Option } from 'commander';

/** The shells `completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a completion script needs to know about one option. */
interface OptionSpec {
  flags: string[];
  description: string;
  /** Undefined: a switch. Otherwise what its value completes to. */
  value?: { choices: string[] } | 'file' | 'dir' | 'any';
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Whether positional arguments are files or folders. */
  takesPaths: boolean;
}

/** Option values that name a file or a folder. */
const FILE_OPTIONS = new Set(['--out', '--config', '--diff', '--baseline']);
const DIR_OPTIONS = new Set(['--root']);

/**
 * Reads the commands and options off the program, so that completion never lists a flag the
 * CLI does not have; `--to` completes to `targets`.
 */
export function describeProgram(program: Command, targets: readonly string[]): CommandSpec[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    options: [...command.options.map((option) => describeOption(option, targets)), { flags: ['--help', '-h'], description: 'show help' }],
    takesPaths: command.registeredArguments.some((argument) => argument.variadic),
  }));
}

function describeOption(option: Option, targets: readonly string[]): OptionSpec {
  const flags = [option.long, option.short].filter((flag): flag is string => flag !== undefined);
  const spec: OptionSpec = { flags, description: option.description };
  if (!option.required && !option.optional) return spec;
  const long = option.long ?? '';
  const choices = long === '--to' ? [...targets] : option.argChoices;
  spec.value = choices ? { choices } : FILE_OPTIONS.has(long) ? 'file' : DIR_OPTIONS.has(long) ? 'dir' : 'any';
  return spec;
}

export function renderCompletion(shell: Shell, commands: readonly CommandSpec[]): string {
  return { bash: renderBash, zsh: renderZsh, fish: renderFish }[shell](commands);
}

function renderBash(commands: readonly CommandSpec[]): string {
  const optionCases = commands.map((command) => `    ${command.name}) options="${command.options.flatMap((option) => option.flags).join(' ')}" ;;`);
  const valueCases = commands.flatMap((command) =>
    command.options
      .filter((option) => option.value !== undefined)
      .map((option) => `    ${command.name}:${option.flags[0]}) ${bashValue(option.value!)} ;;`),
  );
  return `# bash completion for migrate-openai
# Load it now:          source <(migrate-openai completion bash)
# Load it in every shell: migrate-openai completion bash > ~/.local/share/bash-completion/completions/migrate-openai
_migrate_openai() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="\${COMP_WORDS[1]}" options
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${commands.map((command) => command.name).join(' ')} --help --version -v" -- "$cur"))
    return
  fi
  case "$command:$prev" in
${valueCases.join('\n')}
    *) ;;
  esac
  case "$command" in
${optionCases.join('\n')}
    *) options="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _migrate_openai migrate-openai
`;
}

function bashValue(value: NonNullable<OptionSpec['value']>): string {
  if (value === 'file') return 'COMPREPLY=($(compgen -f -- "$cur")); return';
  if (value === 'dir') return 'COMPREPLY=($(compgen -d -- "$cur")); return';
  if (value === 'any') return 'COMPREPLY=(); return';
  return `COMPREPLY=($(compgen -W "${value.choices.join(' ')}" -- "$cur")); return`;
}

function renderZsh(commands: readonly CommandSpec[]): string {
  const list = commands.map((command) => `    ${zshQuote(`${command.name}:${command.description}`)}`);
  const cases = commands.map((command) => {
    const specs = command.options.map((option) => {
      const rest = zshQuote(`[${zshEscape(option.description)}]${zshAction(option)}`);
      // `'(-y --yes)'{-y,--yes}'[…]'`: one spec per spelling, each excluding the other.
      return option.flags.length > 1 ? `'(${option.flags.join(' ')})'{${option.flags.join(',')}}${rest}` : `${option.flags[0]!}${rest}`;
    });
    if (command.takesPaths) specs.push("'*:path:_files'");
    return `    ${command.name})\n      _arguments -s \\\n        ${specs.join(' \\\n        ')}\n      ;;`;
  });
  return `#compdef migrate-openai
# zsh completion for migrate-openai
# Load it now:          source <(migrate-openai completion zsh)
# Load it in every shell: migrate-openai completion zsh > "\${fpath[1]}/_migrate-openai"
_migrate_openai() {
  local -a commands
  commands=(
${list.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
${cases.join('\n')}
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _migrate_openai "$@"
else
  compdef _migrate_openai migrate-openai
fi
`;
}

function zshAction(option: OptionSpec): string {
  if (option.value === undefined) return '';
  if (option.value === 'file') return ':file:_files';
  if (option.value === 'dir') return ':folder:_files -/';
  if (option.value === 'any') return ':value: ';
  return `:value:(${option.value.choices.join(' ')})`;
}

/** Text inside `[…]` of an _arguments spec: brackets and colons are special. */
function zshEscape(text: string): string {
  return text.replace(/[[\]:\\]/g, '\\$&');
}

function zshQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function renderFish(commands: readonly CommandSpec[]): string {
  const lines = [
    '# fish completion for migrate-openai',
    '# Load it now:          migrate-openai completion fish | source',
    '# Load it in every shell: migrate-openai completion fish > ~/.config/fish/completions/migrate-openai.fish',
    'complete -c migrate-openai -f',
    `complete -c migrate-openai -n __fish_use_subcommand -s v -l version -d ${fishQuote('print the version')}`,
  ];
  for (const command of commands) {
    lines.push(`complete -c migrate-openai -n __fish_use_subcommand -a ${command.name} -d ${fishQuote(command.description)}`);
    const condition = `-n ${fishQuote(`__fish_seen_subcommand_from ${command.name}`)}`;
    if (command.takesPaths) lines.push(`complete -c migrate-openai ${condition} -F`);
    for (const option of command.options) {
      const names = option.flags.map((flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`)).join(' ');
      const value = option.value === undefined ? '' : option.value === 'file' || option.value === 'dir' ? ' -r -F' : option.value === 'any' ? ' -x' : ` -x -a ${fishQuote(option.value.choices.join(' '))}`;
      lines.push(`complete -c migrate-openai ${condition} ${names}${value} -d ${fishQuote(option.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}
