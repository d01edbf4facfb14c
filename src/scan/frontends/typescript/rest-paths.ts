import { ts } from './ts.js';
import { apiForRestPath } from '../../../core/rest-apis.js';
import type { Confidence } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { isPlainString, nameText } from './syntax.js';
import { resolveStrings } from './values.js';

/** Hosts of OpenAI and Azure OpenAI, whose URLs are requests to the API. */
const OPENAI_HOST = /^[a-z]+:\/\/[^/]*\bopenai\.(?:com|azure\.com)(?:[:/]|$)/i;
/** Stands for a `${…}` substitution in a template's text. */
const HOLE = '\u0000';
const AZURE_PATH = new RegExp(`(?:^|/)deployments/${HOLE}/(.+)$`);
const VERSIONED_PATH = new RegExp(`^(?:${HOLE})?/?v1/(.+)$`);
const JOINED_PATH = new RegExp(`^${HOLE}/(.+)$`);
/** Where a path can be written: plain strings and templates. */
const STRINGS_AND_TEMPLATES = [ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateExpression];
/** Paths with more than one segment are OpenAI's whatever precedes them. */
const DISTINCTIVE_PATH = /^(?:chat\/completions|audio\/(?:speech|transcriptions|translations)|images\/(?:generations|edits|variations)|fine_tuning\/jobs|vector_stores)(?:[/?]|$)/;

/**
 * Raw HTTP to the OpenAI REST API through an endpoint table or a URL template: `"v1/chat/completions"`,
 * `` `${base}/embeddings` ``, Azure's `` `deployments/${d}/chat/completions?api-version=${v}` ``.
 * Each becomes an `api-call` of the SDK method with that path, so its API is checked like a
 * call's. Literals with OpenAI's host are base URLs already, and planned as such.
 */
export function collectRestPaths(ctx: FileContext): void {
  ctx.nodesOf(STRINGS_AND_TEMPLATES).forEach((node) => {
    let text: string;
    if (isPlainString(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
    else return;
    if (text.includes('openai.com') || isBatchEndpoint(node)) return;
    const found = restApiOf(text);
    if (found === undefined || (found.confidence === 'possible' && hasOtherHost(node))) return;
    ctx.add('api-call', ctx.rangeOf(node), { api: found.api, confidence: found.confidence, detail: { isRestPath: true } });
  });
}

function restApiOf(text: string): { api: string; confidence: Confidence } | undefined {
  const azure = AZURE_PATH.exec(text);
  if (azure) return likely(azure[1]!);
  const versioned = VERSIONED_PATH.exec(text);
  if (versioned) return likely(versioned[1]!);
  const joined = JOINED_PATH.exec(text);
  if (joined) {
    const api = apiForRestPath(joined[1]!);
    // `${base}/embeddings`: one segment after a base could be any API's.
    return api === undefined ? undefined : { api, confidence: DISTINCTIVE_PATH.test(joined[1]!) ? 'likely' : 'possible' };
  }
  return DISTINCTIVE_PATH.test(text.replace(/^\//, '')) ? likely(text.replace(/^\//, '')) : undefined;
}

function likely(path: string): { api: string; confidence: Confidence } | undefined {
  const api = apiForRestPath(path);
  return api === undefined ? undefined : { api, confidence: 'likely' };
}

/**
 * `${dockerApi}/containers/json` where `dockerApi` is seen to hold another service's URL: a path
 * that is not distinctive of OpenAI is then that service's.
 */
function hasOtherHost(node: ts.Node): boolean {
  const base = ts.isTemplateExpression(node) && node.head.text === '' ? node.templateSpans[0]?.expression : undefined;
  if (base === undefined) return false;
  const { literals } = resolveStrings(base, new Map());
  return literals.length > 0 && literals.every((literal) => /^[a-z][a-z0-9+.-]*:\/\//i.test(literal.text) && !OPENAI_HOST.test(literal.text));
}

/** `batches.create({ endpoint: '/v1/chat/completions' })` names the API of the batch's lines: the call is reported already. */
function isBatchEndpoint(node: ts.Node): boolean {
  const property = node.parent;
  if (!ts.isPropertyAssignment(property) || nameText(property.name) !== 'endpoint') return false;
  const call = property.parent.parent;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /\bbatches\.create$/.test(call.expression.getText());
}
