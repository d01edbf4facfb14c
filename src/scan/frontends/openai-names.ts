import type { Finding } from '../../core/types.js';

/**
 * Which environment variable names configure OpenAI access, shared by the code and settings
 * frontends. A name must mention OpenAI and say what it holds: `OPENAI_API_KEY`,
 * `AZURE_OPENAI_ENDPOINT`, `VITE_OPENAI_MODEL`. Project knobs that merely start with
 * `OPENAI_` (`OPENAI_API_DISABLE_DEBUG`, `OPENAI_EMBEDDING_BATCH_SIZE`) are not settings.
 */
const SETTING_WORDS = new Set([
  'key', 'token', 'secret', 'url', 'base', 'host', 'endpoint', 'org', 'organization', 'project', 'model', 'models',
  'deployment', 'engine', 'version', 'type', 'resource', 'instance', 'proxy', 'region', 'domain', 'path', 'address',
]);

/** `OPENAI_API_KEY` → ['openai', 'api', 'key']; `openAiBaseUrl` → ['open', 'ai', 'base', 'url']. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

export function isOpenAISettingName(name: string): boolean {
  if (!/openai/i.test(name)) return false;
  return wordsOf(name).some((word) => SETTING_WORDS.has(word));
}

/** Names that hold a URL but say nothing of OpenAI: `BASE_URL`, `AZURE_URL`, `API_HOST`, `API`. */
export function isGenericUrlName(name: string): boolean {
  return /(?:URL|URI|HOST|BASE|ENDPOINT|^API)$/i.test(name) && !isOpenAISettingName(name);
}

/**
 * Findings on generic names in settings files (`BASE_URL=` in `.env`) stand only where code was
 * seen to use that variable for OpenAI: the code frontends reported a read of it.
 */
export function keepConfirmedGenericNames(findings: Finding[]): Finding[] {
  const isSetting = (finding: Finding) => finding.detail?.entry !== undefined;
  const confirmed = new Set(findings.filter((f) => f.detail?.isGenericName && !isSetting(f)).map((f) => f.name));
  return findings.filter((f) => !f.detail?.isGenericName || !isSetting(f) || confirmed.has(f.name));
}
