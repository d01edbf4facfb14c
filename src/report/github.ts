import { redactSecrets } from '../core/redact.js';
import type { Finding, ManualAction } from '../core/types.js';
import { MANUAL_CODES } from '../plan/codes.js';
import { describeFinding } from './summary.js';
import type { Reporter } from './types.js';

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull
 * request: one per manual action (`plan`, `report`) or per finding (`scan`).
 */
export const renderGithub: Reporter = (input) => {
  const commands = input.plan ? input.plan.plan.manual.map(actionCommand) : input.scan.findings.map(findingCommand);
  return commands.map((command) => `${command}\n`).join('');
};

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

function actionCommand(action: ManualAction): string {
  const title = action.code in MANUAL_CODES ? MANUAL_CODES[action.code as keyof typeof MANUAL_CODES] : action.code;
  return workflowCommand(COMMANDS[action.severity], { file: action.file, line: String(action.line), title: `${title} (${action.code})` }, action.message);
}

function findingCommand(finding: Finding): string {
  const command = finding.kind === 'api-key' ? 'error' : finding.confidence === 'possible' || finding.migratedTo !== undefined ? 'notice' : 'warning';
  const properties = { file: finding.file, line: String(finding.span.line), col: String(finding.span.column), title: `OpenAI ${finding.kind}` };
  return workflowCommand(command, properties, describeFinding(finding));
}

/**
 * `::command key=value,…::message`, escaped as the Actions runner expects. Secrets are
 * redacted first: escaping can glue a key to the text before it (`:sk-…` → `%3Ask-…`).
 */
export function workflowCommand(command: string, properties: Record<string, string>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(redactSecrets(value))}`)
    .join(',');
  return `::${command} ${list}::${escapeData(redactSecrets(message))}`;
}

/** Message text: `%`, CR and LF are percent-encoded (the runner decodes them back). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: as message text, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
