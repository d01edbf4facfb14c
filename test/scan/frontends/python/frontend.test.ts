import { describe as group, expect, it } from 'vitest';
import { pythonFrontend } from '../../../../src/scan/frontends/python/index.js';
import { isCandidate } from '../../../../src/scan/prefilter.js';
import { describe, scanPythonFiles } from './scan-python.js';

const lines = (...code: string[]) => `${code.join('\n')}\n`;
const scan = (code: string, file = 'app.py') => scanPythonFiles({ [file]: code }).map(describe);

group('python frontend: code without OpenAI has no findings', () => {
  it.each([
    ['a Flask app', lines('from flask import Flask', 'app = Flask(__name__)', '@app.get("/")', 'def index():', '    return "ok"')],
    ['a local module named openai (relative)', lines('from .openai import OpenAI', 'client = OpenAI()', 'client.chat.completions.create(model="x")')],
    ['a package module named openai', lines('from myapp.openai import helpers', 'helpers.run()')],
    ['tiktoken', lines('import tiktoken', 'enc = tiktoken.encoding_for_model("gpt-4o")')],
    ['a model id in a docstring', lines('def f():', '    """Calls gpt-4o-mini under the hood."""', '    return 1')],
    ['a model id in a comment', lines('# we tried gpt-4o here', 'x = 1')],
    ['a prefix check', lines('def is_new(model):', '    return model.startswith("gpt-4o")')],
    ['a test mock', lines('from unittest import mock', 'with mock.patch("app.llm.MODEL", "gpt-4o"):', '    pass')],
    ['an env read of another variable', lines('import os', 'db = os.environ["DATABASE_URL"]')],
    ['a chat call on an unknown object', lines('def f(bot):', '    return bot.chat.completions.create(model=m)')],
  ])('%s', (_name, code) => {
    expect(scan(code)).toEqual([]);
  });
});

group('python frontend: imports', () => {
  it.each([
    ['import openai', lines('import openai'), ['import 1 openai certain']],
    ['an aliased module', lines('import openai as oa'), ['import 1 openai certain']],
    ['the client classes', lines('from openai import OpenAI, AsyncOpenAI, AzureOpenAI, AsyncAzureOpenAI'), ['import 1 openai certain']],
    ['a types module', lines('from openai.types.chat import ChatCompletionMessageParam'), ['import 1 openai.types.chat certain']],
    ['a parenthesised list over lines', lines('from openai import (', '    OpenAI,', '    APIError as Err,', ')'), ['import 1 openai certain']],
    ['LangChain', lines('from langchain_openai import ChatOpenAI, OpenAIEmbeddings'), ['framework 1 langchain_openai certain']],
    ['old LangChain paths', lines('from langchain.chat_models import ChatOpenAI', 'from langchain_community.embeddings import OpenAIEmbeddings'), ['framework 1 langchain.chat_models certain', 'framework 2 langchain_community.embeddings certain']],
    ['LlamaIndex', lines('from llama_index.llms.openai import OpenAI', 'from llama_index.embeddings.openai import OpenAIEmbedding'), ['framework 1 llama_index.llms.openai certain', 'framework 2 llama_index.embeddings.openai certain']],
  ])('%s', (_name, code, expected) => {
    expect(scan(code)).toEqual(expected);
  });

  it('records the imported names, aliases and where the imports end', () => {
    const code = lines('import os', 'from openai import OpenAI as Client, AsyncOpenAI', 'x = 1');
    const finding = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'import')!;
    const at = (text: string) => code.indexOf(text);
    expect(finding.detail?.importedNames).toEqual([
      { name: 'OpenAI', range: { start: at('OpenAI as'), end: at('OpenAI as') + 6 }, local: 'Client', specifier: { start: at('OpenAI as'), end: at(', Async') } },
      { name: 'AsyncOpenAI', range: { start: at('AsyncOpenAI'), end: at('AsyncOpenAI') + 11 }, local: 'AsyncOpenAI', specifier: { start: at('AsyncOpenAI'), end: at('AsyncOpenAI') + 11 } },
    ]);
    expect(finding.detail?.importsEnd).toBe(code.indexOf('\nx = 1'));
    expect(finding.detail?.moduleImports).toEqual(['os']);
  });
});

group('python frontend: clients', () => {
  it.each([
    ['no arguments (implicit env)', lines('from openai import OpenAI', 'client = OpenAI()'), ['import 1 openai certain', 'client 2 OpenAI certain']],
    ['module-qualified', lines('import openai', 'client = openai.OpenAI(api_key="x")'), ['import 1 openai certain', 'client 2 OpenAI certain']],
    ['async and aliased', lines('from openai import AsyncOpenAI as C', 'client = C()'), ['import 1 openai certain', 'client 2 OpenAI certain']],
    ['Azure', lines('from openai import AzureOpenAI', 'c = AzureOpenAI(azure_endpoint=e, api_version="2024-10-21", azure_deployment="gpt4o", azure_ad_token_provider=p)'), ['import 1 openai certain', 'client 2 AzureOpenAI certain']],
    ['LangChain', lines('from langchain_openai import ChatOpenAI', 'llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)'), ['framework 1 langchain_openai certain', 'client 2 ChatOpenAI langchain_openai certain', 'model 2 gpt-4o-mini certain']],
    ['LlamaIndex', lines('from llama_index.llms.openai import OpenAI', 'llm = OpenAI(model="gpt-4o")'), ['framework 1 llama_index.llms.openai certain', 'client 2 LlamaIndexOpenAI llama_index.llms.openai certain', 'model 2 gpt-4o certain']],
  ])('%s', (_name, code, expected) => {
    expect(scan(code)).toEqual(expected);
  });

  it('describes keyword arguments like an options object, one per line with a trailing comma', () => {
    const code = lines('from openai import OpenAI', 'client = OpenAI(', '    api_key=os.environ.get("OPENAI_API_KEY"),', '    timeout=30,', ')');
    const client = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'client')!;
    const argument = client.detail!.argument!;
    expect(argument).toMatchObject({ kind: 'object', propertyIndent: '    ', hasTrailingComma: true, isOpen: false });
    if (argument.kind !== 'object') throw new Error('object expected');
    expect(code.slice(argument.range.start, argument.range.end)).toBe(code.slice(code.indexOf('('), code.lastIndexOf(')') + 1));
    expect(argument.properties.map((p) => [p.name, code.slice(p.range.start, p.range.end), p.value.kind])).toEqual([
      ['api_key', 'api_key=os.environ.get("OPENAI_API_KEY")', 'env'],
      ['timeout', 'timeout=30', 'number'],
    ]);
    expect(code.slice(argument.lastElementEnd!, argument.listEnd)).toBe(',');
    expect(client.detail?.callee).toEqual({ start: code.indexOf('OpenAI('), end: code.indexOf('OpenAI(') + 6 });
    expect(client.detail?.binding).toBe('import');
  });

  it('gives an empty range inside the parentheses for a call without arguments', () => {
    const code = lines('import openai', 'c = openai.AsyncOpenAI()');
    const client = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'client')!;
    const inside = code.indexOf('()') + 1;
    expect(client.detail).toMatchObject({ binding: 'member', isAsync: true, argument: { kind: 'none', range: { start: inside, end: inside } } });
  });

  it('marks argument lists it cannot see into as open', () => {
    const code = lines('from openai import OpenAI', 'c = OpenAI(**settings, timeout=5)');
    const client = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'client')!;
    expect(client.detail?.argument).toMatchObject({ kind: 'object', isOpen: true, propertyIndent: null, hasTrailingComma: false });
  });

  it('reports the legacy module configuration with its value', () => {
    const code = lines('import openai, os', 'openai.api_key = os.getenv("OPENAI_API_KEY")', 'openai.api_base = "https://api.openai.com/v1"', 'openai.api_type = "azure"', 'openai.api_version = "2023-05-15"');
    expect(scan(code)).toEqual([
      'import 1 openai certain',
      'client 2 OpenAIModule certain',
      'env-var 2 OPENAI_API_KEY certain',
      'client 3 OpenAIModule certain',
      'base-url 3 https://api.openai.com/v1 certain',
      'client 4 OpenAIModule certain',
      'client 5 OpenAIModule certain',
    ]);
    const findings = scanPythonFiles({ 'a.py': code });
    expect(findings.find((f) => f.kind === 'env-var')?.detail?.clientOption).toBe('api_key');
    expect(findings.filter((f) => f.kind === 'client').map((f) => f.detail?.setting && [f.detail.setting.name, f.detail.setting.value.kind])).toEqual([
      ['api_key', 'env'],
      ['api_base', 'string'],
      ['api_type', 'string'],
      ['api_version', 'string'],
    ]);
  });
});

group('python frontend: API calls', () => {
  const client = 'from openai import OpenAI, AsyncOpenAI';
  it.each([
    ['on a module-level client', lines(client, 'c = OpenAI()', 'c.chat.completions.create(model="gpt-4o", messages=[])'), 'api-call 3 chat.completions.create gpt-4o certain'],
    ['awaited on an async client', lines(client, 'c = AsyncOpenAI()', 'async def f():', '    return await c.embeddings.create(model="text-embedding-3-small", input="x")'), 'api-call 4 embeddings.create text-embedding-3-small certain'],
    ['in async with … stream', lines(client, 'c = AsyncOpenAI()', 'async def f():', '    async with c.chat.completions.stream(model="gpt-4.1", messages=[]) as s:', '        async for e in s:', '            pass'), 'api-call 4 chat.completions.stream gpt-4.1 certain'],
    ['on self attributes', lines(client, 'class Bot:', '    def __init__(self):', '        self.llm = OpenAI()', '    def ask(self):', '        return self.llm.responses.create(model="gpt-5", input="hi")'), 'api-call 6 responses.create gpt-5 certain'],
    ['on a typed parameter', lines(client, 'def ask(client: OpenAI):', '    return client.images.generate(model="dall-e-3", prompt="x")'), 'api-call 3 images.generate dall-e-3 certain'],
    ['through a factory function', lines(client, 'def get_client():', '    return OpenAI()', 'get_client().moderations.create(model="omni-moderation-latest", input="x")'), 'api-call 4 moderations.create omni-moderation-latest certain'],
    ['with the model in a constant', lines(client, 'MODEL = "gpt-4o-mini"', 'c = OpenAI()', 'c.chat.completions.create(model=MODEL, messages=[])'), 'api-call 4 chat.completions.create gpt-4o-mini certain'],
    ['with the model from os.getenv with a default', lines('import os', client, 'c = OpenAI()', 'c.chat.completions.create(model=os.getenv("CHAT_MODEL", "gpt-4o"), messages=[])'), 'api-call 4 chat.completions.create gpt-4o certain'],
    ['the v1 module client', lines('import openai', 'openai.chat.completions.create(model="gpt-4o", messages=[])'), 'api-call 2 chat.completions.create gpt-4o certain'],
    ['a v0 module call with engine=', lines('import openai', 'openai.ChatCompletion.create(engine="prod-gpt4", messages=[])'), 'api-call 2 ChatCompletion.create prod-gpt4 certain'],
    ['with instructor', lines('import instructor', client, 'c = instructor.from_openai(OpenAI())', 'c.chat.completions.create(model="gpt-4o", response_model=User, messages=[])'), 'api-call 4 chat.completions.create gpt-4o certain'],
    ['on a client kept in app.state (likely: matched by name)', lines(client, 'async def lifespan(app):', '    app.state.llm = AsyncOpenAI()', '    yield', 'async def chat(request):', '    llm = request.app.state.llm', '    return await llm.chat.completions.create(model="gpt-4o", messages=[])'), 'api-call 7 chat.completions.create gpt-4o likely'],
    ['in a with block client', lines(client, 'with OpenAI() as c:', '    c.files.list()'), 'api-call 3 files.list certain'],
  ])('%s', (_name, code, expected) => {
    expect(scan(code)).toContain(expected);
  });

  it('does not make the model of a call on an attribute matched by name certain', () => {
    const code = lines('from openai import AsyncOpenAI', 'app.state.llm = AsyncOpenAI()', 'async def chat(request):', '    return await request.app.state.llm.chat.completions.create(model="gpt-4o", messages=[])');
    expect(scan(code)).toEqual(['import 1 openai certain', 'client 2 OpenAI certain', 'api-call 4 chat.completions.create gpt-4o likely', 'model 4 gpt-4o likely']);
  });

  it('marks v0 calls as legacy', () => {
    const code = lines('import openai', 'openai.Embedding.create(input="x", model="text-embedding-ada-002")');
    const call = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'api-call')!;
    expect(call).toMatchObject({ api: 'Embedding.create', model: 'text-embedding-ada-002', detail: { isLegacy: true } });
  });
});

group('python frontend: calls across modules', () => {
  it('follows a client imported relatively, absolutely, and through a module', () => {
    const findings = scanPythonFiles({
      'app/llm.py': lines('from openai import OpenAI', 'from .config import settings', 'client = OpenAI()', 'def get_client():', '    return client'),
      'app/config.py': lines('from pydantic_settings import BaseSettings', 'class Settings(BaseSettings):', '    chat_model: str = "gpt-4o-mini"', '    openai_api_key: str = ""', 'settings = Settings()'),
      'app/chat.py': lines('from .llm import client', 'from .config import settings', 'def ask(q):', '    return client.chat.completions.create(model=settings.chat_model, messages=[])'),
      'app/jobs.py': lines('from app.llm import get_client', 'get_client().embeddings.create(model="text-embedding-3-small", input="x")'),
      'app/other.py': lines('from app import llm', 'llm.client.audio.speech.create(model="tts-1", voice="alloy", input="x")'),
    }).map((f) => `${f.file} ${describe(f)}`);
    expect(findings).toContain('app/chat.py api-call 4 chat.completions.create gpt-4o-mini certain');
    expect(findings).toContain('app/config.py model 3 gpt-4o-mini certain');
    expect(findings).toContain('app/config.py env-var 4 OPENAI_API_KEY certain');
    expect(findings).toContain('app/jobs.py api-call 2 embeddings.create text-embedding-3-small certain');
    expect(findings).toContain('app/other.py api-call 2 audio.speech.create tts-1 certain');
  });

  it('passes the prefilter with nothing but a Python resource path on an imported client', () => {
    expect(isCandidate(lines('from .llm import client', 'client.vector_stores.files.list(vector_store_id=vs)'))).toBe(true);
  });

  it('does not report calls on a name another module does not make a client', () => {
    const findings = scanPythonFiles({
      'app/db.py': lines('client = make_db()'),
      'app/use.py': lines('from .db import client', 'client.chat.completions.create(model=m)'),
    });
    expect(findings).toEqual([]);
  });
});

group('python frontend: model ids', () => {
  it.each([
    ['a keyword default', lines('def ask(q, model="gpt-4o"):', '    pass'), ['model 1 gpt-4o likely']],
    ['a dataclass field', lines('@dataclass', 'class Cfg:', '    model: str = "gpt-4o-mini"'), ['model 3 gpt-4o-mini likely']],
    ['a pydantic Field default', lines('class Cfg(BaseModel):', '    llm_model: str = Field(default="gpt-4.1")'), ['model 2 gpt-4.1 likely']],
    ['a Literal list', lines('ChatModel = Literal["gpt-4o", "gpt-4o-mini"]'), ['model 1 gpt-4o likely', 'model 1 gpt-4o-mini likely']],
    ['a getenv default', lines('import os', 'MODEL = os.getenv("MODEL", "gpt-4o-mini")'), ['model 2 gpt-4o-mini likely']],
    ['dict keys of a price table', lines('MODEL_PRICES = {"gpt-4o": 5, "o3-mini": 1}'), ['model 1 gpt-4o likely', 'model 1 o3-mini likely']],
    ['a "model" entry of a dict', lines('payload = {"model": "gpt-4o", "messages": []}'), ['model 1 gpt-4o likely']],
    ['a distinctive id elsewhere', lines('print("gpt-4o-mini")'), ['model 1 gpt-4o-mini possible']],
    ['a short id outside a model position', lines('print("o3")'), []],
    ['an f-string', lines('x = f"gpt-4o {y}"'), []],
  ])('%s', (_name, code, expected) => {
    expect(scan(code)).toEqual(expected);
  });

  it('gives the literal content range', () => {
    const code = lines("MODEL = 'gpt-4o'");
    const model = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'model')!;
    expect(code.slice(model.detail!.literal!.start, model.detail!.literal!.end)).toBe('gpt-4o');
  });
});

group('python frontend: env reads, URLs and keys', () => {
  it.each([
    ['os.environ[...]', lines('import os', 'k = os.environ["OPENAI_API_KEY"]'), ['env-var 2 OPENAI_API_KEY certain']],
    ['os.environ.get', lines('import os', 'k = os.environ.get("AZURE_OPENAI_ENDPOINT")'), ['env-var 2 AZURE_OPENAI_ENDPOINT certain']],
    ['os.getenv', lines('import os', "k = os.getenv('OPENAI_BASE_URL', 'https://x')"), ['env-var 2 OPENAI_BASE_URL certain']],
    ['a check that it is set', lines('import os', 'if "OPENAI_API_KEY" in os.environ:', '    pass'), ['env-var 2 OPENAI_API_KEY certain']],
    ['a check that it is not set, on environ imported from os', lines('from os import environ', "ok = 'OPENAI_BASE_URL' not in environ"), ['env-var 2 OPENAI_BASE_URL certain']],
    ['checks of another variable or another mapping', lines('import os', 'a = "DATABASE_URL" in os.environ', 'b = "OPENAI_API_KEY" in settings', 'c = "OPENAI_API_KEY" == os.environ'), []],
    ['project knobs named after OpenAI, which are not its settings (as in TypeScript)', lines('import os', 'size = int(os.getenv("OPENAI_EMBEDDING_BATCH_SIZE", "64"))', 'debug = os.environ.get("OPENAI_API_DISABLE_DEBUG") == "1"'), []],
    ['a settings field that is a knob', lines('class S(BaseSettings):', '    openai_max_parallel: int = 4', '    openai_model: str = "gpt-4o"'), ['env-var 3 OPENAI_MODEL certain', 'model 3 gpt-4o likely']],
    ['a settings field with env_prefix', lines('class S(BaseSettings):', '    model_config = SettingsConfigDict(env_prefix="APP_")', '    openai_api_key: SecretStr'), ['env-var 3 APP_OPENAI_API_KEY certain']],
    ['requests to OpenAI', lines('import requests', 'requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o"})'), ['base-url 2 https://api.openai.com/v1/chat/completions certain', 'model 2 gpt-4o likely']],
    ['httpx with an f-string URL', lines('import httpx', 'httpx.post(f"https://api.openai.com/v1/{path}")'), ['base-url 2 https://api.openai.com/v1/ certain']],
  ])('%s', (_name, code, expected) => {
    expect(scan(code)).toEqual(expected);
  });

  it('reports hard-coded keys redacted, with the literal around them', () => {
    const code = lines('API_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123"');
    const [key] = scanPythonFiles({ 'a.py': code });
    expect(key).toMatchObject({ kind: 'api-key', snippet: 'API_KEY = "sk-proj-***"' });
    expect(code.slice(key!.detail!.expression!.start, key!.detail!.expression!.end)).toBe('"sk-proj-abcdefghijklmnopqrstuvwxyz0123"');
  });
});

group('python frontend: parsing', () => {
  it('parses Python 3.12 syntax', () => {
    const code = lines(
      'type Vector[T] = list[T]',
      'def first[T](items: list[T]) -> T:',
      '    return items[0]',
      'def show(d):',
      '    return f"{d["model"]} {d[\'key\']!r:>10}"',
      'match command:',
      '    case {"model": str(m)}:',
      '        pass',
      'try:',
      '    pass',
      'except* ValueError:',
      '    pass',
    );
    expect(pythonFrontend.scan({ path: 'a.py', text: code }).ok).toBe(true);
  });

  it('parses a bare yield and floats with a trailing dot, which the grammar lacks', () => {
    const code = lines(
      'from contextlib import asynccontextmanager',
      'from openai import AsyncOpenAI',
      '@asynccontextmanager',
      'async def lifespan(app):',
      '    client = AsyncOpenAI(timeout=30.)',
      '    yield',
      '    await client.close()',
      'def gen():',
      '    x = (yield)',
      '    yield  # done',
    );
    const findings = scanPythonFiles({ 'main.py': code });
    const client = findings.find((f) => f.kind === 'client')!;
    expect(client.detail?.argument).toMatchObject({ properties: [{ name: 'timeout', value: { kind: 'number', text: '30.', value: 30 } }] });
  });

  it('skips a file with a syntax error, saying where', () => {
    expect(pythonFrontend.scan({ path: 'a.py', text: 'import openai\nclient = openai.OpenAI(\n' })).toEqual({ ok: false, message: '3:1 invalid Python syntax' });
    expect(pythonFrontend.verify('a.py', 'def f(:\n')).toMatch(/^1:\d+ invalid Python syntax$/);
    expect(pythonFrontend.verify('a.py', 'x = 1\n')).toBeNull();
  });

  it('uses UTF-16 offsets after non-ASCII text', () => {
    const code = lines('# 日本語 😀', 'MODEL = "gpt-4o"');
    const model = scanPythonFiles({ 'a.py': code }).find((f) => f.kind === 'model')!;
    expect(code.slice(model.span.start, model.span.end)).toBe('"gpt-4o"');
    expect(model.span).toMatchObject({ line: 2, column: 9 });
  });
});
