import { ts } from './ts.js';
import type { Range } from '../../../core/types.js';
import type { FileContext } from './context.js';
import { isProjectSpecifier } from './module-graph.js';
import { dynamicImportModule, isPlainString, nameText, requiredModule, unwrap } from './syntax.js';

/** The SDK classes a client is built from. v3: `Configuration` + `OpenAIApi`. */
export type SdkClass = 'OpenAI' | 'AzureOpenAI' | 'Configuration' | 'OpenAIApi';
const SDK_CLASSES = new Set<string>(['OpenAI', 'AzureOpenAI', 'Configuration', 'OpenAIApi']);

/**
 * What framework and wrapper packages export that talks to OpenAI: classes built with `new`,
 * the AI SDK's `createOpenAI` factory and its ready-made `openai` provider. Keyed by module,
 * then export.
 */
export type FrameworkSymbol =
  | 'ChatOpenAI'
  | 'OpenAIEmbeddings'
  | 'LangChainOpenAI'
  | 'AzureChatOpenAI'
  | 'AzureOpenAIEmbeddings'
  | 'LlamaIndexOpenAI'
  | 'OpenAIEmbedding'
  | 'createOpenAI'
  | 'ai-sdk-openai'
  | 'ChatGPTAPI'
  | 'ChatGPTUnofficialProxyAPI';

const LANGCHAIN: Record<string, FrameworkSymbol> = {
  ChatOpenAI: 'ChatOpenAI',
  OpenAIEmbeddings: 'OpenAIEmbeddings',
  OpenAI: 'LangChainOpenAI',
  AzureChatOpenAI: 'AzureChatOpenAI',
  AzureOpenAIEmbeddings: 'AzureOpenAIEmbeddings',
};
const FRAMEWORK_EXPORTS: Record<string, Record<string, FrameworkSymbol>> = {
  '@langchain/openai': LANGCHAIN,
  'langchain/chat_models/openai': LANGCHAIN,
  'langchain/llms/openai': LANGCHAIN,
  'langchain/embeddings/openai': LANGCHAIN,
  '@llamaindex/openai': { OpenAI: 'LlamaIndexOpenAI', OpenAIEmbedding: 'OpenAIEmbedding' },
  '@ai-sdk/openai': { createOpenAI: 'createOpenAI', openai: 'ai-sdk-openai' },
  '@ai-sdk/azure': {},
  // The `chatgpt` package wraps the chat-completions REST API (and, unofficially, the ChatGPT site).
  chatgpt: { ChatGPTAPI: 'ChatGPTAPI', ChatGPTUnofficialProxyAPI: 'ChatGPTUnofficialProxyAPI' },
};

/** Packages that wrap OpenAI; their import is a `framework` finding. */
const FRAMEWORK_MODULES = new Set(Object.keys(FRAMEWORK_EXPORTS));

export function isOpenAIModule(specifier: string): boolean {
  return specifier === 'openai' || specifier.startsWith('openai/') || specifier === 'npm:openai' || specifier === 'jsr:@openai/openai';
}

/** What the file's local names refer to, as far as the syntax tells. */
export interface Bindings {
  /** Local name → SDK class (`import { OpenAI as Client }` gives Client → OpenAI). */
  classes: Map<string, SdkClass>;
  /** Local names bound to the whole `openai` module (`import * as sdk`, CJS `require('openai')`). */
  namespaces: Set<string>;
  /** Local name → the project module (relative or aliased: `@/lib/llm`) and exported name it was imported from. */
  relative: Map<string, { from: string; imported: string }>;
  /** Local class names bound by an ESM import declaration (as opposed to `require`). */
  esmClasses: Set<string>;
  /** Local name → framework export, with the module it came from. */
  frameworks: Map<string, { symbol: FrameworkSymbol; module: string; isEsm: boolean }>;
}

export interface ReExport {
  exported: string;
  from: string;
  imported: string;
}

/** Import and export declarations, `import x = require()`, and calls (`require()`, `import()`). */
const MODULE_REFERENCES = [
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.CallExpression,
];

/** Finds `openai` and framework imports in every form and records the bindings they create. */
export function collectImports(ctx: FileContext): { bindings: Bindings; reExports: ReExport[] } {
  const lastImport = ctx.sourceFile.statements.filter(ts.isImportDeclaration).at(-1);
  const importsEnd = lastImport?.getEnd();
  const bindings: Bindings = { classes: new Map(), namespaces: new Set(), relative: new Map(), esmClasses: new Set(), frameworks: new Map() };
  const reExports: ReExport[] = [];

  const report = (specifier: string, node: ts.Node, names: ImportedName[], isTypeOnly = false) => {
    const kind = isOpenAIModule(specifier) ? 'import' : FRAMEWORK_MODULES.has(specifier) ? 'framework' : undefined;
    const isReExport = ts.isExportDeclaration(node);
    const flags = { ...(isTypeOnly ? { isTypeOnly } : {}), ...(isReExport ? { isReExport } : {}) };
    if (kind) ctx.add(kind, ctx.rangeOf(node), { api: specifier, detail: { importedNames: names, importsEnd, ...flags } });
  };

  const bindImported = (specifier: string, imported: string, local: string, isEsm = false) => {
    if (isOpenAIModule(specifier)) {
      const cls = imported === 'default' ? 'OpenAI' : imported;
      if (SDK_CLASSES.has(cls)) bindings.classes.set(local, cls as SdkClass);
    } else if (isProjectSpecifier(specifier)) {
      bindings.relative.set(local, { from: specifier, imported });
    } else {
      const symbol = FRAMEWORK_EXPORTS[specifier]?.[imported];
      if (symbol) bindings.frameworks.set(local, { symbol, module: specifier, isEsm });
    }
  };

  /** `const { OpenAI: Client, default: D } = require('openai')` and the same after `await import`. */
  const bindPattern = (specifier: string, name: ts.BindingName, isCommonJs: boolean) => {
    if (ts.isIdentifier(name)) {
      if (isOpenAIModule(specifier)) {
        bindings.namespaces.add(name.text);
        // The CommonJS build exports the client class itself as the module.
        if (isCommonJs) bindings.classes.set(name.text, 'OpenAI');
      } else if (isProjectSpecifier(specifier)) {
        bindings.relative.set(name.text, { from: specifier, imported: '*' });
      }
      return;
    }
    if (!ts.isObjectBindingPattern(name)) return;
    for (const element of name.elements) {
      const imported = nameText(element.propertyName ?? element.name);
      if (imported && ts.isIdentifier(element.name)) bindImported(specifier, imported, element.name.text);
    }
  };

  type ImportedName = { name: string; range: Range; local?: string; specifier?: Range };
  const namesOf = (node: ts.Node): ImportedName[] => {
    const names: ImportedName[] = [];
    const visit = (child: ts.Node) => {
      if (ts.isImportSpecifier(child) || ts.isExportSpecifier(child)) {
        const imported = child.propertyName ?? child.name;
        names.push({ name: nameText(imported) ?? '', range: ctx.rangeOf(imported), local: nameText(child.name) ?? '', specifier: ctx.rangeOf(child) });
      } else if (ts.isImportClause(child) && child.name) {
        names.push({ name: 'default', range: ctx.rangeOf(child.name) });
      } else if (ts.isNamespaceImport(child)) {
        names.push({ name: '*', range: ctx.rangeOf(child), local: child.name.text });
      } else if (ts.isBindingElement(child)) {
        const imported = child.propertyName ?? child.name;
        names.push({ name: nameText(imported) ?? '', range: ctx.rangeOf(imported) });
        return;
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
    return names;
  };

  const readReference = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && isPlainString(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      report(specifier, node, namesOf(node), clause?.isTypeOnly === true);
      const before = new Set(bindings.classes.keys());
      if (clause?.name) bindImported(specifier, 'default', clause.name.text, true);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) {
        if (isOpenAIModule(specifier)) bindings.namespaces.add(named.name.text);
        else if (isProjectSpecifier(specifier)) bindings.relative.set(named.name.text, { from: specifier, imported: '*' });
      } else if (named) {
        for (const element of named.elements) {
          bindImported(specifier, nameText(element.propertyName ?? element.name) ?? '', element.name.text, true);
        }
      }
      for (const local of bindings.classes.keys()) if (!before.has(local)) bindings.esmClasses.add(local);
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (isPlainString(expression)) {
        report(expression.text, node, []);
        if (isOpenAIModule(expression.text)) {
          bindings.namespaces.add(node.name.text);
          bindings.classes.set(node.name.text, 'OpenAI');
        }
      }
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && isPlainString(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      report(specifier, node, namesOf(node));
      if (isProjectSpecifier(specifier)) {
        const clause = node.exportClause;
        if (clause === undefined) reExports.push({ exported: '*', from: specifier, imported: '*' });
        else if (ts.isNamedExports(clause)) {
          for (const element of clause.elements) {
            const imported = nameText(element.propertyName ?? element.name) ?? '';
            reExports.push({ exported: element.name.text, from: specifier, imported });
          }
        }
      }
      return;
    }
    if (ts.isCallExpression(node)) {
      const required = requiredModule(node);
      const dynamic = required === undefined ? dynamicImportModule(node) : undefined;
      const specifier = required ?? dynamic;
      if (specifier !== undefined) {
        const declaration = declarationOf(node);
        report(specifier, node, declaration ? namesOf(declaration.name) : []);
        if (declaration) bindPattern(specifier, declaration.name, required !== undefined);
        else if (required !== undefined && isOpenAIModule(specifier)) bindMemberRequire(node);
      }
    }
  };

  /** `const OpenAI = require('openai').default` / `.OpenAI`. */
  const bindMemberRequire = (call: ts.CallExpression) => {
    const access = call.parent;
    if (!ts.isPropertyAccessExpression(access) || !ts.isVariableDeclaration(access.parent)) return;
    const target = access.parent.name;
    const member = access.name.text === 'default' ? 'OpenAI' : access.name.text;
    if (ts.isIdentifier(target) && SDK_CLASSES.has(member)) bindings.classes.set(target.text, member as SdkClass);
  };

  ctx.nodesOf(MODULE_REFERENCES).forEach(readReference);
  return { bindings, reExports };
}

/** The declaration a `require()` / `await import()` call initialises directly. */
function declarationOf(call: ts.CallExpression): ts.VariableDeclaration | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer !== undefined && unwrap(parent.initializer) === unwrap(node as ts.Expression)
    ? parent
    : undefined;
}
