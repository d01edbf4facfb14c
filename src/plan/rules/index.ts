import type { FindingKind } from '../../core/types.js';
import { planApiCall } from './api-call.js';
import { planApiKey } from './api-key.js';
import { planBaseUrl } from './base-url.js';
import { planClient } from './client.js';
import { planEnvVar } from './env-var.js';
import { planFramework } from './import.js';
import { planModel } from './model.js';
import type { Rule } from './types.js';

/** One rule per finding kind; `import` findings need no change of their own. */
export const rules: Partial<Record<FindingKind, Rule>> = {
  client: planClient,
  'api-call': planApiCall,
  model: planModel,
  'env-var': planEnvVar,
  'base-url': planBaseUrl,
  'api-key': planApiKey,
  framework: planFramework,
};
