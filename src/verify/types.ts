/** What a call sends besides a plain request, each of which a target may or may not accept. */
export type Feature = 'tools' | 'json_object' | 'json_schema' | 'stream' | 'vision' | 'dimensions';

/** The plain request for the API, or the same request using one feature. */
export type ProbeKind = 'basic' | Feature;

/** The APIs `verify` can probe with a tiny request. */
export type ProbedApi = 'chat.completions' | 'embeddings';

export interface CallSite {
  file: string;
  line: number;
}

export interface ProbeRequest {
  method: 'GET' | 'POST';
  /** Appended to the base URL: `/chat/completions`. */
  path: string;
  body?: Record<string, unknown>;
}

/** One (API, model, feature) the code depends on, with the call sites that need it. */
export interface Check {
  api: ProbedApi;
  /** The id the migrated code sends (the mapped model, or Azure's deployment name); absent when unknown. */
  model?: string;
  /** The OpenAI id the code sent before the migration, when known. */
  openaiModel?: string;
  probe: ProbeKind;
  sites: CallSite[];
  /** The request that proves the check; absent when the check cannot be run (see `skip`). */
  request?: ProbeRequest;
  /** Why there is nothing to send: the model is not known, or the plan maps it to nothing. */
  skip?: string;
}

export type CheckStatus = 'pass' | 'fail' | 'not-run';

export interface CheckResult extends Check {
  status: CheckStatus;
  httpStatus?: number;
  /** One line: what the target answered, shortened, never containing the key. */
  message: string;
}

/** The first request: does the endpoint answer, is the key accepted, which models are listed. */
export interface AccessResult {
  status: CheckStatus;
  httpStatus?: number;
  message: string;
  /** Model ids the endpoint lists, or null when it has no models endpoint or refused the key. */
  listed: string[] | null;
}

export interface VerifyResult {
  provider: { id: string; name: string };
  baseUrl: string;
  keyVar: string;
  dryRun: boolean;
  access: AccessResult;
  checks: CheckResult[];
  /** How many HTTP requests were sent (retries included). */
  requestsSent: number;
}
