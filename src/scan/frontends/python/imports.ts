import type { SyntaxNode } from '@lezer/common';
import type { Range } from '../../../core/types.js';
import type { PyContext } from './context.js';
import { childrenOf, is } from './syntax.js';

/** The client classes of the `openai` package. */
export type PySdkClass = 'OpenAI' | 'AsyncOpenAI' | 'AzureOpenAI' | 'AsyncAzureOpenAI';
const SDK_CLASSES = new Set<string>(['OpenAI', 'AsyncOpenAI', 'AzureOpenAI', 'AsyncAzureOpenAI']);

export type PyFrameworkSymbol = 'ChatOpenAI' | 'OpenAIEmbeddings' | 'LangChainOpenAI' | 'AzureChatOpenAI' | 'AzureOpenAIEmbeddings' | 'LlamaIndexOpenAI' | 'OpenAIEmbedding';

const LANGCHAIN_CHAT = { ChatOpenAI: 'ChatOpenAI', AzureChatOpenAI: 'AzureChatOpenAI' } as const;
const LANGCHAIN_EMBEDDINGS = { OpenAIEmbeddings: 'OpenAIEmbeddings', AzureOpenAIEmbeddings: 'AzureOpenAIEmbeddings' } as const;
const LANGCHAIN_LLMS = { OpenAI: 'LangChainOpenAI' } as const;

/** Framework modules → the OpenAI classes they export (older LangChain paths included). */
const FRAMEWORK_EXPORTS: Record<string, Record<string, PyFrameworkSymbol>> = {
  langchain_openai: { ...LANGCHAIN_CHAT, ...LANGCHAIN_EMBEDDINGS, ...LANGCHAIN_LLMS },
  'langchain.chat_models': LANGCHAIN_CHAT,
  'langchain.chat_models.openai': LANGCHAIN_CHAT,
  'langchain_community.chat_models': LANGCHAIN_CHAT,
  'langchain.embeddings': LANGCHAIN_EMBEDDINGS,
  'langchain.embeddings.openai': LANGCHAIN_EMBEDDINGS,
  'langchain_community.embeddings': LANGCHAIN_EMBEDDINGS,
  'langchain.llms': LANGCHAIN_LLMS,
  'langchain_community.llms': LANGCHAIN_LLMS,
  'llama_index.llms.openai': { OpenAI: 'LlamaIndexOpenAI' },
  'llama_index.embeddings.openai': { OpenAIEmbedding: 'OpenAIEmbedding' },
};
/** Modules that are about OpenAI whatever they import. */
const OPENAI_FRAMEWORKS = new Set(['langchain_openai', 'llama_index.llms.openai', 'llama_index.embeddings.openai']);

export function isOpenAIModule(module: string): boolean {
  return module === 'openai' || module.startsWith('openai.');
}

/** A name imported from a module of the project: `from .llm import client` → { from: '.llm', imported: 'client' }. */
export interface PyImportedRef {
  from: string;
  imported: string;
}

/** What the file's names refer to, as far as its imports tell. */
export interface PyBindings {
  /** Local name → openai client class (`from openai import AsyncOpenAI as Client`). */
  classes: Map<string, PySdkClass>;
  /** Local names bound to the `openai` module itself (`import openai`, `import openai as oa`). */
  modules: Set<string>;
  /** Local name → framework class and its module. */
  frameworks: Map<string, { symbol: PyFrameworkSymbol; module: string }>;
  /** Local names of `instructor` (the module) and of its `from_openai`/`patch` functions. */
  instructor: { modules: Set<string>; wrappers: Set<string> };
  /** Local name → a name imported from another module, possibly of the project. */
  imported: Map<string, PyImportedRef>;
  /** Local name → another module (`from . import llm`, `import app.llm as llm`). */
  importedModules: Map<string, string>;
}

interface ImportedName {
  name: string;
  range: Range;
  local?: string;
  specifier?: Range;
}

/** One `import …` / `from … import …` statement, read from the grammar's flat children. */
interface ImportStatement {
  node: SyntaxNode;
  /** `from X import …`: X with its leading dots; undefined for `import X`. */
  from?: string;
  /** The imported names (`import a.b as c` → name 'a.b', local 'c'). */
  names: { name: string; local: string; range: Range; specifier: Range }[];
}

function readImport(node: SyntaxNode, text: string): ImportStatement {
  const children = childrenOf(node);
  const importAt = children.findIndex((child) => is(child, 'import'));
  const statement: ImportStatement = { node, names: [] };
  if (is(children[0], 'from')) {
    statement.from = children.slice(1, importAt).map((child) => text.slice(child.from, child.to)).join('');
  }
  // The names: dotted parts joined, optionally followed by `as alias`, separated by commas.
  let parts: SyntaxNode[] = [];
  const flush = () => {
    if (parts.length === 0) return;
    const asAt = parts.findIndex((part) => is(part, 'as'));
    const nameParts = asAt === -1 ? parts : parts.slice(0, asAt);
    const name = nameParts.map((part) => text.slice(part.from, part.to)).join('');
    const alias = asAt === -1 ? undefined : parts[asAt + 1];
    const first = nameParts[0]!;
    const last = nameParts[nameParts.length - 1]!;
    statement.names.push({
      name,
      local: alias ? text.slice(alias.from, alias.to) : name.split('.')[0]!,
      range: { start: first.from, end: last.to },
      specifier: { start: first.from, end: (alias ?? last).to },
    });
    parts = [];
  };
  for (const child of children.slice(importAt + 1)) {
    if (is(child, '(', ')')) continue;
    if (is(child, ',')) flush();
    else parts.push(child);
  }
  flush();
  return statement;
}

/** Finds `openai` and framework imports and records the bindings they create. */
export function collectImports(ctx: PyContext): PyBindings {
  const bindings: PyBindings = {
    classes: new Map(),
    modules: new Set(),
    frameworks: new Map(),
    instructor: { modules: new Set(), wrappers: new Set() },
    imported: new Map(),
    importedModules: new Map(),
  };
  const statements = ctx.nodesOf('ImportStatement').map((node) => readImport(node, ctx.text));
  const topLevel = statements.filter((statement) => statement.node.parent?.name === 'Script');
  const importsEnd = topLevel.at(-1)?.node.to;
  const importsStart = topLevel[0]?.node.from;
  const moduleImports = topLevel.filter((s) => s.from === undefined).flatMap((s) => s.names.filter((n) => n.local === n.name).map((n) => n.name));

  for (const statement of statements) {
    const reported: ImportedName[] = [];
    let kind: 'import' | 'framework' | undefined;
    let api: string | undefined;
    if (statement.from === undefined) {
      for (const name of statement.names) {
        if (isOpenAIModule(name.name)) {
          kind = 'import';
          api ??= name.name;
          // `import openai.types` binds `openai` too.
          if (name.name === 'openai' || name.local === 'openai') bindings.modules.add(name.local);
          reported.push({ name: '*', range: name.range, local: name.local, ...(name.local !== name.name ? { specifier: name.specifier } : {}) });
        } else if (name.name === 'instructor') {
          bindings.instructor.modules.add(name.local);
        } else {
          // `import app.llm` binds `app`; `import app.llm as llm` binds the module itself.
          bindings.importedModules.set(name.local, name.specifier.end === name.range.end ? name.local : name.name);
        }
      }
    } else {
      const module = statement.from;
      if (isOpenAIModule(module)) {
        kind = 'import';
        api = module;
        for (const name of statement.names) {
          if (module === 'openai' && SDK_CLASSES.has(name.name)) bindings.classes.set(name.local, name.name as PySdkClass);
          reported.push({ name: name.name, range: name.range, local: name.local, specifier: name.specifier });
        }
      } else if (module === 'instructor') {
        for (const name of statement.names) if (name.name === 'from_openai' || name.name === 'patch') bindings.instructor.wrappers.add(name.local);
      } else {
        const exports = FRAMEWORK_EXPORTS[module];
        for (const name of statement.names) {
          const symbol = exports?.[name.name];
          if (symbol !== undefined) {
            bindings.frameworks.set(name.local, { symbol, module });
            reported.push({ name: name.name, range: name.range, local: name.local, specifier: name.specifier });
          } else if (exports === undefined) {
            bindings.imported.set(name.local, { from: module, imported: name.name });
          }
        }
        if (reported.length > 0 || OPENAI_FRAMEWORKS.has(module)) {
          kind = 'framework';
          api = module;
        }
      }
    }
    if (kind !== undefined && api !== undefined) {
      ctx.add(kind, ctx.rangeOf(statement.node), {
        api,
        detail: { importedNames: reported, ...(importsEnd !== undefined ? { importsEnd, importsStart } : {}), moduleImports },
      });
    }
  }
  return bindings;
}
