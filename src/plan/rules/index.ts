import type { FindingKind } from '../../core/types.js';
import { planApiCall } from './api-call.js';
import { planApiKey } from './api-key.js';
import { planBaseUrl } from './base-url.js';
import { planClient } from './client.js';
import { planDependency } from './dependency.js';
import { planEnvVar } from './env-var.js';
import { planFramework, planImport } from './import.js';
import { planModel } from './model.js';
import { routed } from './route.js';
import { isSettings } from '../routing.js';
import { keepsForeignKey } from './settings.js';
import { NOTHING, type Rule } from './types.js';

/** package.json dependencies have their own rule, whatever kind their package's imports have. */
const unlessDependency =
  (rule: Rule): Rule =>
  (finding, ctx) =>
    finding.detail?.dependency ? planDependency(finding, ctx) : rule(finding, ctx);

/**
 * The URLs and models of a settings file that keeps an OpenAI key in place (git could not
 * restore the file) stay with that key: they move together or not at all, and the key's action says so.
 */
const besideKeptKey =
  (rule: Rule): Rule =>
  (finding, ctx) =>
    isSettings(finding) && keepsForeignKey(ctx) ? NOTHING : rule(finding, ctx);

/** One rule per finding kind. */
export const rules: Record<FindingKind, Rule> = {
  import: unlessDependency(planImport),
  client: routed(planClient),
  // These two read their route themselves: a URL or call left on OpenAI is still checked.
  'api-call': planApiCall,
  model: besideKeptKey(routed(planModel)),
  'env-var': routed(planEnvVar),
  'base-url': besideKeptKey(planBaseUrl),
  'api-key': routed(planApiKey),
  framework: unlessDependency(planFramework),
};
