import type { CallSite, Finding, ManualAction } from '../core/types.js';
import { capabilityFor } from '../providers/index.js';
import { checkClientHost, checkModuleHosts } from './client-host.js';
import { ContainmentIndex } from './containment.js';
import { groupBy } from '../core/group.js';
import { capabilityForCall, hostedToolsOf, restApiOf, VERSIONED_BASE } from './api-surface.js';
import { isOpenAIKeyVariable, isOpenAIUrlVariable } from './env-names.js';
import { describeBaseUrl, type MigrationTarget } from './target.js';
import { dynamicModelAction } from './dynamic-model.js';
import { resolveModel } from './rules/model.js';
import { manual } from './rules/types.js';

/**
 * What the plan does with a finding before its rule runs, so that a credential and the URL it
 * authenticates move together:
 * - `none`: the finding is left as it is (no edits) and gets only `actions`;
 * - `rule`: its rule runs as usual and `actions` are added;
 * - `beside` (settings entries): the entry is left as it is, and the variables the moved
 *   requests read are added beside it;
 * - `note` (API calls): a sentence saying where the call goes after migration.
 */
export interface Route {
  edits: 'none' | 'rule' | 'beside';
  actions: ManualAction[];
  note?: string;
}

/** The target serves the API (fully or with differences); an unknown API path counts as served. */
export function isServable(api: string, target: MigrationTarget, call?: Finding): boolean {
  const argument = call?.detail?.argument;
  const key = capabilityForCall(api, argument);
  const needed = [...(key === undefined ? [] : [key]), ...hostedToolsOf(api, argument)];
  return needed.every((need) => {
    const support = capabilityFor(target.provider, need).support;
    return support === 'supported' || support === 'partial';
  });
}

const siteOf = (finding: Finding): CallSite => ({ file: finding.file, line: finding.span.line });
/** One call site per line. */
const sitesOf = (findings: readonly Finding[]): CallSite[] => [...new Map(findings.map((f) => [`${f.file}\u0000${f.span.line}`, siteOf(f)])).values()];
/**
 * Messages name files and APIs, never lines: a baseline matches actions by message, and lines
 * move. The lines are in the action's `callSites`.
 */
const filesOf = (findings: readonly Finding[]): string => [...new Set(findings.map((f) => f.file))].join(', ');
const apisOf = (calls: readonly Finding[]): string => [...new Set(calls.map((call) => call.api ?? ''))].join(', ');
/** Languages whose findings are code that sends requests; the rest (.env, YAML, JSON) hold settings. */
const CODE_LANGUAGES = new Set(['ts', 'js', 'python']);
export const isSettings = (finding: Finding): boolean => !CODE_LANGUAGES.has(finding.language);

/** A place a request goes to, and whether the plan points it at the target. */
interface Destination {
  finding: Finding;
  moves: boolean;
}

const LEFT_WITH_KEY = 'Left on OpenAI with its key.';
/** A client on OpenAI with OpenAI's key, as the language writes it (Python's of the same class as `client`). */
function openAIClientCode(client: Finding): string {
  if (client.language !== 'python') return 'new OpenAI({ apiKey: process.env.OPENAI_API_KEY })';
  return `${client.detail?.isAsync ? 'AsyncOpenAI' : 'OpenAI'}(api_key=os.environ["OPENAI_API_KEY"])`;
}

/** How to keep the calls a redirected client cannot serve on OpenAI; v0 module calls take the key and URL per call. */
function secondClientHint(client: Finding, unserved: readonly Finding[]): string {
  if (client.symbol === 'OpenAIModule' && unserved.every((call) => call.detail?.isLegacy === true)) {
    return 'pass `api_key=os.environ["OPENAI_API_KEY"], api_base="https://api.openai.com/v1"` to those calls';
  }
  return `send those calls through a second client left on OpenAI (\`${openAIClientCode(client)}\`)`;
}

/** Decides, for the whole project, which clients, URLs and credentials move to the target. */
export function routeFindings(findings: readonly Finding[], target: MigrationTarget, keepSecretsIn: ReadonlySet<string> = new Set()): Map<Finding, Route> {
  const routes = new Map<Finding, Route>();
  const keys = writtenKeys(keepSecretsIn);
  const provider = target.provider.name;
  const clients = findings.filter((f) => f.kind === 'client' && isOpenAIShaped(f));
  const clientAt = new Map(clients.map((client) => [`${client.file}\u0000${client.span.start}`, client]));
  const clientsAround = new ContainmentIndex(clients);
  const enclosingClient = (finding: Finding): Finding | undefined => clientsAround.containing(finding)[0];

  // 1. Clients: one used only for APIs the target cannot serve stays on OpenAI.
  const callsOf = groupBy(
    findings.filter((call) => call.kind === 'api-call' && clientOf(call, clientAt) !== undefined),
    (call) => clientOf(call, clientAt)!,
  );
  // A client the plan cannot point at the target (a wrapper that cannot reach it, a gateway URL) stays as written.
  const hosted = hostedClients(clients, target);
  const keptClients = new Set<Finding>(hosted.keys());
  for (const [client, action] of hosted) routes.set(client, { edits: 'none', actions: action ? [action] : [] });
  // A client holding a key written in a file git cannot restore stays too: the key cannot go,
  // and the client must not take OpenAI's key to the target. The action is at the key.
  for (const key of findings) {
    const client = key.kind === 'api-key' && keepSecretsIn.has(key.file) ? enclosingClient(key) : undefined;
    if (client === undefined || keptClients.has(client)) continue;
    keptClients.add(client);
    routes.set(client, { edits: 'none', actions: [] });
  }
  for (const [client, calls] of callsOf) {
    if (keptClients.has(client)) continue;
    const unserved = calls.filter((call) => !isServable(call.api ?? '', target, call));
    if (unserved.length === 0) continue;
    if (unserved.length === calls.length) {
      // The `openai` module's client is set up by several statements: they stay together.
      for (const setting of client.symbol === 'OpenAIModule' ? clients.filter((c) => c.symbol === 'OpenAIModule') : []) {
        keptClients.add(setting);
        routes.set(setting, { edits: 'none', actions: [] });
      }
      keptClients.add(client);
      routes.set(client, {
        edits: 'none',
        actions: [
          manual(client, 'info', 'kept-on-openai', `this client is used only for APIs ${provider} does not serve (${apisOf(unserved)}): it is left on OpenAI with OPENAI_API_KEY`, undefined, unserved.map(siteOf)),
        ],
      });
      for (const call of unserved) routes.set(call, { edits: 'rule', actions: [], note: `Left on OpenAI: its client (in ${client.file}) is not redirected.` });
    } else {
      routes.set(client, {
        edits: 'rule',
        actions: [
          manual(client, 'error', 'mixed-client', `this client now points at ${provider}, but it is also used for APIs ${provider} does not serve (${apisOf(unserved)}): ${secondClientHint(client, unserved)}`, undefined, unserved.map(siteOf)),
        ],
      });
      for (const call of unserved) routes.set(call, { edits: 'rule', actions: [], note: `Its client (in ${client.file}) now points at ${provider}: this call would fail there.` });
    }
  }

  // 2. Everything inside a client left on OpenAI stays with it (its key, its URL).
  for (const finding of findings) {
    const client = enclosingClient(finding);
    if (client === undefined || !keptClients.has(client)) continue;
    routes.set(finding, finding.kind === 'api-key' ? keys.keep(finding, 'its client stays on OpenAI') : { edits: 'none', actions: [] });
  }

  // 3. Raw requests: URLs and the credentials read outside any client.
  const loose = findings.filter((f) => !isSettings(f) && enclosingClient(f) === undefined);
  // A key in a comment authenticates nothing; one inside a string literal may.
  const credentials = loose.filter((f) => (f.kind === 'api-key' && f.detail?.literal !== undefined) || (f.kind === 'env-var' && f.detail?.clientOption === undefined && isOpenAIKeyVariable(f.name ?? '', target)));
  // A URL variable imported only for client options (SvelteKit's `$env/static/*`) goes where those clients go.
  // A check that a URL variable is set (`'OPENAI_BASE_URL' in process.env`) sends no request anywhere.
  const urls = loose.filter((f) => f.kind === 'base-url' || (f.kind === 'env-var' && f.detail?.clientOption === undefined && !f.detail?.envImport?.isClientOption && !f.detail?.isCheck && isOpenAIUrlVariable(f.name ?? '')));
  const destinations = new Map<Finding, Destination>();
  for (const url of urls) destinations.set(url, { finding: url, moves: urlMoves(url, target) });
  for (const client of clients) destinations.set(client, { finding: client, moves: !keptClients.has(client) });
  // Requests written as a path after a base URL (`${API}/containers`) go where that base goes: one the target cannot serve holds it.
  const paths = loose.filter((f) => f.kind === 'api-call' && f.detail?.isRestPath === true);
  for (const path of paths) if (!isServable(path.api ?? '', target, path)) destinations.set(path, { finding: path, moves: false });
  holdSharedBases(paths, urls, destinations, routes, target);

  const byFile = new Map<string, { credentials: Finding[]; destinations: Destination[] }>();
  const unit = (file: string) => byFile.get(file) ?? byFile.set(file, { credentials: [], destinations: [] }).get(file)!;
  for (const credential of credentials) unit(credential.file).credentials.push(credential);
  for (const destination of destinations.values()) unit(destination.finding.file).destinations.push(destination);

  // A credential read in a file that sends nothing is matched with the requests of files that read no key.
  const floating = { credentials: [] as Finding[], destinations: [] as Destination[] };
  for (const { credentials: unitKeys, destinations: places } of byFile.values()) {
    if (unitKeys.length > 0 && places.length > 0) routeUnit(unitKeys, places, routes, target, 'error', keys);
    else if (unitKeys.length > 0) floating.credentials.push(...unitKeys);
    else floating.destinations.push(...places.filter((place) => place.finding.kind !== 'client' || takesKeyFromCode(place.finding)));
  }
  // A read that feeds no request the code shows (a start-up check) is judged against every request.
  const candidates = floating.destinations.length > 0 ? floating.destinations : [...destinations.values()];
  if (floating.credentials.length > 0 && candidates.length > 0) routeUnit(floating.credentials, candidates, routes, target, floating.destinations.length > 0 ? 'error' : 'warning', keys);

  // 4. URLs and paths the target cannot serve stay on OpenAI, and say so.
  for (const url of urls) {
    if (url.kind !== 'base-url' || routes.has(url)) continue;
    const api = restApiOf(url.api ?? '');
    if (api !== undefined && !isServable(api, target)) routes.set(url, { edits: 'none', actions: [], note: LEFT_WITH_KEY });
  }
  for (const path of paths) if (!isServable(path.api ?? '', target, path) && !routes.has(path)) routes.set(path, { edits: 'rule', actions: [], note: LEFT_WITH_KEY });

  // 5. A model sent only by requests the target cannot serve stays OpenAI's: those requests stay there.
  const calls = findings.filter((f) => f.kind === 'api-call');
  const isStaying = (call: Finding) => !isServable(call.api ?? '', target, call) || keptClients.has(clientOf(call, clientAt) ?? call);
  const isUnservedUrl = (url: Finding) => url.kind === 'base-url' && !isServable(restApiOf(url.api ?? '') ?? '', target);
  // A URL stays when the target cannot serve it, or when the key that goes with it stays.
  const isLeftUrl = (url: Finding) => isUnservedUrl(url) || routes.get(url)?.edits === 'none';
  const stayingFiles = new Set([...urls.filter(isLeftUrl), ...paths.filter((path) => destinations.has(path))].map((f) => f.file));
  const movingFiles = new Set(urls.filter((url) => !isLeftUrl(url)).map((url) => url.file));
  const codeModels = findings.filter((f) => f.kind === 'model' && !isSettings(f));
  const callsAround = new ContainmentIndex(calls);
  // A call that writes its model inside it does not send an id defined elsewhere.
  const callsWithOwnModel = new Set(codeModels.flatMap((model) => callsAround.containing(model)));
  const callsById = groupBy(calls, (call) => call.model);
  const remoteCallsById = groupBy(calls.filter((call) => !callsWithOwnModel.has(call)), (call) => call.model);
  // Where the frontend followed a call's model to where it is written, that place is sent by those calls alone.
  const sendersByPlace = groupBy(
    calls.flatMap((call) => (call.detail?.models ?? []).map((place) => ({ call, key: `${place.file}\u0000${place.start}` }))),
    (sender) => sender.key,
  );
  // When every client and URL of the project is left on OpenAI on purpose (not merely left for the
  // user to point by hand), every request stays there, and so does every model id.
  const isLeftOnPurpose = ({ finding }: Destination) => (finding.kind === 'client' ? keptClients.has(finding) : finding.kind === 'api-call' || isUnservedUrl(finding));
  const nothingMoves = destinations.size > 0 && [...destinations.values()].every(isLeftOnPurpose);
  if (nothingMoves) for (const model of findings.filter((f) => f.kind === 'model')) routes.set(model, { edits: 'none', actions: [] });
  for (const model of nothingMoves ? [] : codeModels) {
    const call = callsAround.containing(model)[0];
    const remote = remoteCallsById.get(model.model) ?? [];
    const senders = sendersByPlace.get(`${model.file}\u0000${model.span.start}`)?.map((sender) => sender.call);
    const users = senders ?? (remote.length > 0 ? remote : (callsById.get(model.model) ?? []));
    const stays = call !== undefined
      ? isStaying(call)
      : users.length > 0
        ? users.every(isStaying)
        : stayingFiles.has(model.file) && !movingFiles.has(model.file);
    if (stays) routes.set(model, { edits: 'none', actions: [] });
    else if (senders !== undefined) routeSplitModel(model, senders.filter((sender) => isServable(sender.api ?? '', target, sender) && isStaying(sender)), routes, target);
  }

  // 6. Settings: while some request keeps OpenAI's key or URL variable, the settings keep them too.
  // An SDK client may read OPENAI_API_KEY by itself; the `chatgpt` wrappers take a key only as an option, a finding of its own.
  const isKeyHolder = (f: Finding) => (f.kind === 'client' && !(f.symbol ?? '').startsWith('ChatGPT')) || f.kind === 'api-key' || (f.kind === 'env-var' && isOpenAIKeyVariable(f.name ?? '', target));
  const keptKeys = [...routes].filter(([f, route]) => route.edits === 'none' && isKeyHolder(f)).map(([f]) => f);
  const keptUrlReads = [...routes].filter(([f, route]) => route.edits === 'none' && f.kind === 'env-var' && isOpenAIUrlVariable(f.name ?? '')).map(([f]) => f);
  for (const entry of findings.filter(isSettings)) {
    if (entry.kind === 'env-var' && isOpenAIKeyVariable(entry.name ?? '', target) && keptKeys.length > 0) {
      // With nothing moving, the key is simply left as it is: the actions at the clients say why.
      const keep = manual(entry, 'info', 'keep-openai-key', `${entry.name} is kept: requests in ${filesOf(keptKeys)} stay on OpenAI; the requests that move to ${provider} read ${target.keyVar}, which goes beside it`, undefined, sitesOf(keptKeys));
      routes.set(entry, nothingMoves ? { edits: 'none', actions: [] } : { edits: 'beside', actions: [keep] });
    } else if (keptKeys.length + keptUrlReads.length > 0 && (entry.kind === 'base-url' || (entry.kind === 'env-var' && isOpenAIUrlVariable(entry.name ?? '')))) {
      // A client left on OpenAI without a baseURL of its own reads OPENAI_BASE_URL: pointing that at the target would send it there.
      routes.set(entry, { edits: 'none', actions: [] });
    }
  }

  // 7. A request that moves with a model the scan could not see reaches the target with whatever that model is.
  if (!nothingMoves) {
    for (const call of calls) {
      if (routes.has(call) || isStaying(call)) continue;
      const action = dynamicModelAction(call, target);
      if (action) routes.set(call, { edits: 'rule', actions: [action] });
    }
  }
  return routes;
}

/**
 * A model id written once and sent both by requests that move and by requests through a client
 * left where it is (a gateway): it is mapped for the ones that move, so the others would send the
 * target's id to their host. Said at the line when the mapping changes the id.
 */
function routeSplitModel(model: Finding, staying: readonly Finding[], routes: Map<Finding, Route>, target: MigrationTarget): void {
  const resolution = resolveModel(target, model.model ?? '');
  if (staying.length === 0 || routes.has(model) || resolution.kind !== 'mapped' || resolution.id === model.model) return;
  const message = `${model.model} is mapped to ${resolution.id} for the requests that move to ${target.provider.name}, but requests in ${filesOf(staying)} also send it through a client left as it is, which would then receive ${resolution.id}: give those requests their own setting with the id their host serves`;
  routes.set(model, { edits: 'rule', actions: [manual(model, 'error', 'model-split', message, undefined, sitesOf(staying))] });
}

/**
 * Credentials and the requests they may authenticate (one file, or the project's loose ends):
 * all move, all stay, or, when some would move and some stay, none of the raw parts move and
 * each credential gets an error.
 */
function routeUnit(credentials: readonly Finding[], destinations: readonly Destination[], routes: Map<Finding, Route>, target: MigrationTarget, severity: 'error' | 'warning', keys: WrittenKeys): void {
  const moving = destinations.filter((d) => d.moves).map((d) => d.finding);
  const fixed = credentials.filter((c) => !keys.isMovable(c));
  if (moving.length === destinations.length && fixed.length === 0) return;
  for (const { finding } of destinations) {
    if (finding.kind === 'client' || routes.has(finding)) continue;
    // A request written as a path keeps its own check; only where it goes is said.
    routes.set(finding, finding.kind === 'api-call' ? { edits: 'rule', actions: [], note: LEFT_WITH_KEY } : { edits: 'none', actions: [] });
  }
  const staying = destinations.filter((d) => !d.moves).map((d) => d.finding);
  // A URL taken from a variable is set where the app is deployed: the plan cannot move it.
  const variables = staying.filter((d) => d.kind === 'env-var');
  const why =
    moving.length === 0
      ? variables.length === 0
        ? undefined
        : `the URL comes from ${[...new Set(variables.map((v) => v.name))].join(', ')}, which is set outside the code. Set it to ${describeBaseUrl(target)} and rename the key to ${target.keyVar} together, in every environment`
      : staying.length > 0
        ? `requests it may authenticate stay on OpenAI (in ${filesOf(staying)}) while others would move to ${target.provider.name} (in ${filesOf(moving)}). Give the requests that move their own key (${target.keyVar}) and move both together`
        : `a key is written in the code (in ${filesOf(fixed)}), so the requests it authenticates (in ${filesOf(moving)}) stay on OpenAI. Read ${target.keyVar} there and point the URLs at ${describeBaseUrl(target)} together`;
  // One action for the whole unit, at its first key, covering every key and URL involved.
  const [first] = credentials;
  for (const credential of credentials) {
    const base: Route = credential.kind === 'api-key' ? keys.keep(credential, 'its request stays on OpenAI') : { edits: 'none', actions: [] };
    const sites = [...credentials, ...staying, ...moving].map(siteOf);
    const action = credential === first && why !== undefined ? manual(credential, severity, 'key-url-split', `this key and the URLs it authenticates are left unchanged: ${why}`, undefined, sites) : undefined;
    if (!routes.has(credential)) routes.set(credential, withAction(base, action));
  }
}

/**
 * A path in a file with no URL of its own is built on a base URL from another file, which the
 * plan cannot name: while one such path is for an API the target cannot serve, no bare OpenAI
 * base URL moves (or those requests would reach the target with its key), and each one says why.
 */
function holdSharedBases(paths: readonly Finding[], urls: readonly Finding[], destinations: Map<Finding, Destination>, routes: Map<Finding, Route>, target: MigrationTarget): void {
  const urlFiles = new Set(urls.map((url) => url.file));
  const remote = paths.filter((path) => !urlFiles.has(path.file));
  const unserved = remote.filter((path) => destinations.has(path));
  if (unserved.length === 0) return;
  const bases = urls.filter((url) => url.kind === 'base-url' && restApiOf(url.api ?? '') === undefined && destinations.get(url)!.moves);
  const served = remote.filter((path) => !destinations.has(path));
  for (const path of remote) destinations.set(path, { finding: path, moves: false });
  const provider = target.provider.name;
  const others = served.length === 0 ? '' : `, and those in ${filesOf(served)} stay with them`;
  for (const base of bases) {
    destinations.set(base, { finding: base, moves: false });
    const message = `this base URL and its key are left on OpenAI: requests built on a base URL in ${filesOf(unserved)} go to APIs ${provider} does not serve (${apisOf(unserved)})${others}. Give the requests that move their own base URL (${describeBaseUrl(target)}) and key (${target.keyVar})`;
    routes.set(base, { edits: 'none', actions: [manual(base, 'error', 'key-url-split', message, undefined, [base, ...remote].map(siteOf))] });
  }
}

/**
 * Clients left on the host they have, with the action that says why (none for the other
 * module-level settings a custom module URL keeps).
 */
function hostedClients(clients: readonly Finding[], target: MigrationTarget): Map<Finding, ManualAction | undefined> {
  const hosted = new Map<Finding, ManualAction | undefined>();
  for (const client of clients) {
    const action = client.symbol === 'OpenAIModule' ? undefined : checkClientHost(client, target);
    if (action) hosted.set(client, action);
  }
  const moduleHosts = checkModuleHosts(clients, target);
  if (moduleHosts.size > 0) for (const setting of clients.filter((c) => c.symbol === 'OpenAIModule')) hosted.set(setting, moduleHosts.get(setting));
  return hosted;
}

function clientOf(call: Finding, clientAt: ReadonlyMap<string, Finding>): Finding | undefined {
  const link = call.detail?.client;
  return link && clientAt.get(`${link.file}\u0000${link.start}`);
}

/** How the routing treats written keys: whether one may be replaced, and the route of one left in place. */
interface WrittenKeys {
  isMovable(finding: Finding): boolean;
  keep(finding: Finding, why: string): Route;
}

/**
 * A key literal can be replaced only when it is a whole string, in a file git could restore:
 * one it cannot is never removed, so its requests cannot move. A key read always moves: one the
 * plan cannot rename in place (destructured, a settings-class field) is an error to fix by hand.
 */
function writtenKeys(keepSecretsIn: ReadonlySet<string>): WrittenKeys {
  return {
    isMovable: (finding) => finding.kind !== 'api-key' || (finding.detail?.expression !== undefined && !keepSecretsIn.has(finding.file)),
    keep: (finding, why) => keptKeyRoute(finding, why, keepSecretsIn.has(finding.file)),
  };
}

/**
 * A hard-coded key left where it is: it must still be revoked, and read from OPENAI_API_KEY.
 * In a file git cannot restore, removing it could not be undone, which the action says.
 */
function keptKeyRoute(finding: Finding, why: string, isUnrestorable: boolean): Route {
  const action = isUnrestorable
    ? manual(finding, 'error', 'unrecoverable-secret', `a hard-coded OpenAI key in a file git cannot restore is left in place, and ${why}: copy the key to OPENAI_API_KEY, read it from there, and revoke it at https://platform.openai.com/api-keys; the next run then moves the requests`)
    : manual(finding, 'error', 'hardcoded-key', `a hard-coded OpenAI key (${why}): read it from OPENAI_API_KEY instead and revoke it at https://platform.openai.com/api-keys, it stays in version control history`);
  return { edits: 'none', actions: [action] };
}

function withAction(route: Route, action: ManualAction | undefined): Route {
  return action ? { ...route, actions: [...route.actions, action] } : route;
}


/** A URL literal moves when its OpenAI prefix maps 1:1 and the target serves its path; a URL variable never does. */
function urlMoves(url: Finding, target: MigrationTarget): boolean {
  if (url.kind !== 'base-url') return false;
  const address = url.api ?? '';
  if (!VERSIONED_BASE.test(address) || /\{\w+\}/.test(target.baseUrl)) return false;
  const api = restApiOf(address);
  return api === undefined || isServable(api, target);
}

/** Clients the planner points at the target (Azure-specific classes are reported, not redirected). */
function isOpenAIShaped(client: Finding): boolean {
  return !(client.symbol ?? '').startsWith('Azure');
}

/** The client's key comes from code the planner does not rewrite (`apiKey: config.key`, options built elsewhere). */
function takesKeyFromCode(client: Finding): boolean {
  const argument = client.detail?.argument;
  if (argument === undefined || argument.kind === 'none') return false;
  if (argument.kind === 'other') return true;
  const key = argument.properties.find((p) => p.name === 'apiKey' || p.name === 'openAIApiKey');
  // `process.env.X ?? ''` (what the plan writes) reads the environment, not code.
  if (key !== undefined) return key.value.kind === 'other' && !/\b(?:process\.env|import\.meta\.env|os\.environ)\b/.test(key.value.text);
  return argument.isOpen;
}
