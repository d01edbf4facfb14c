import type { FindingKind } from '../../core/types.js';
import { planApiCall } from './api-call.js';
import { planApiKey } from './api-key.js';
import { planBaseUrl } from './base-url.js';
import { planClient } from './client.js';
import { planEnvVar } from './env-var.js';
import { planFramework, planImport } from './import.js';
import { planModel } from './model.js';
import type { Rule } from './types.js';

/** One rule per finding kind. */
export const rules: Record<FindingKind, Rule> = {
  import: planImport,
  client: planClient,
  'api-call': planApiCall,
  model: planModel,
  'env-var': planEnvVar,
  'base-url': planBaseUrl,
  'api-key': planApiKey,
  framework: planFramework,
};
