/**
 * Every manual-action code, with the one-line title shown in reports and SARIF rules. The
 * codes are API: stable, kebab-case, documented in the README.
 */
export const MANUAL_CODES = {
  'hardcoded-key': 'A hard-coded OpenAI API key: revoke it',
  'unsupported-api': 'The target does not offer this OpenAI API',
  'partial-api': 'The target offers this API with differences',
  'unverified-api': 'No source confirms the target offers this API',
  'unsupported-hosted-tool': 'A hosted Responses tool the target does not run',
  'kept-on-openai': 'A client left on OpenAI: the target serves none of its calls',
  'mixed-client': 'A client used for APIs the target serves and for APIs it does not',
  'key-url-split': 'A key and the URLs it authenticates cannot move together',
  'keep-openai-key': 'The OpenAI key setting is still needed',
  'unsupported-parameter': 'The target does not accept this request parameter',
  'partial-parameter': 'The target treats this request parameter differently',
  'unverified-parameter': 'No source confirms the target accepts this request parameter',
  'no-equivalent-model': 'The target has no model equivalent to this OpenAI model',
  'unknown-model': 'No mapping is known for this model id',
  'reindex-embeddings': 'A new embedding model: stored vectors must be rebuilt',
  'create-deployment': 'Azure needs a deployment for this model',
  'client-options-not-literal': 'Client options are built elsewhere',
  'custom-api-key': 'The API key comes from custom code',
  'custom-base-url': 'The base URL points somewhere other than OpenAI',
  'openai-account-option': 'An OpenAI account setting the target does not use',
  'azure-client': 'An AzureOpenAI client to replace',
  'switch-to-azure-client': 'A client to switch to AzureOpenAI by hand',
  'legacy-sdk': 'A legacy openai SDK (JavaScript v3, Python v0) should be upgraded',
  'outdated-sdk': 'The openai version range allows releases without an API the code calls',
  'rename-env-var': 'An OpenAI key variable to rename by hand',
  'base-url-env': 'A base-URL variable read outside the client',
  'base-url-unmapped': 'An OpenAI URL that cannot be rewritten in place',
  'framework-not-migrated': 'A framework package this version does not rewrite',
  'verify-failed': 'The target refused a request this call depends on (from `verify`)',
  'model-for-unserved-api': 'A model for an API the target does not serve, left as written',
  'no-fine-tunable-model': 'The target cannot fine-tune this base model',
  'add-azure-identity': 'Keyless Entra ID needs the @azure/identity package',
  'entra-not-applied': 'A client left on key authentication under --azure-auth entra',
  'no-vision-model': 'The call sends images and the target has no model that takes them',
  'test-file-not-edited': 'Test code left as written (pass --include-tests)',
} as const;

export type ManualCode = keyof typeof MANUAL_CODES;
