import { describe as group, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/types.js';
import { loadNotebookSupport } from '../../../../src/scan/frontends/python/index.js';
import { scanPythonFiles } from './scan-python.js';

const lines = (...code: string[]) => `${code.join('\n')}\n`;

/** Each API call as `file:line api → file:line of the client it goes through` (`→ none` when unlinked). */
function links(files: Record<string, string>): string[] {
  const findings = scanPythonFiles(files);
  const clients = findings.filter((f) => f.kind === 'client');
  const where = (f: Finding) => `${f.file}:${f.span.line}`;
  return findings
    .filter((f) => f.kind === 'api-call')
    .map((call) => {
      const link = call.detail?.client;
      const client = link && clients.find((c) => c.file === link.file && c.span.start === link.start);
      if (link && client === undefined) throw new Error(`${where(call)} links to no client finding: ${JSON.stringify(link)}`);
      return `${where(call)} ${call.api} → ${client ? where(client) : 'none'}`;
    });
}

const IMPORT = 'from openai import OpenAI, AsyncOpenAI, AzureOpenAI';

group('python API calls name the client construction they go through', () => {
  it.each([
    ['a module-level client', lines(IMPORT, 'client = OpenAI()', 'client.chat.completions.create(model="gpt-4o", messages=[])'), ['a.py:3 chat.completions.create → a.py:2']],
    [
      'two clients side by side',
      lines(IMPORT, 'direct = OpenAI()', 'local = OpenAI(base_url="http://localhost:8000/v1")', 'direct.chat.completions.create(model="gpt-4o", messages=[])', 'local.chat.completions.create(model="gpt-4o", messages=[])'),
      ['a.py:4 chat.completions.create → a.py:2', 'a.py:5 chat.completions.create → a.py:3'],
    ],
    [
      'a self field set in __init__',
      lines(IMPORT, 'class Bot:', '    def __init__(self):', '        self.client = AsyncOpenAI()', '    async def ask(self):', '        return await self.client.responses.create(model="gpt-5", input="hi")'),
      ['a.py:6 responses.create → a.py:4'],
    ],
    [
      'a class-level field, annotated',
      lines(IMPORT, 'class Bot:', '    client: OpenAI = OpenAI()', '    def ask(self):', '        return self.client.embeddings.create(model="text-embedding-3-small", input="x")'),
      ['a.py:5 embeddings.create → a.py:3'],
    ],
    [
      'a field annotated in the class body and set in __init__',
      lines(IMPORT, 'class Bot:', '    client: OpenAI', '    def __init__(self):', '        self.client = OpenAI(base_url="http://vllm:8000/v1")', '    def ask(self):', '        return self.client.chat.completions.create(model="gpt-4o", messages=[])'),
      ['a.py:7 chat.completions.create → a.py:5'],
    ],
    ['a simple assignment', lines(IMPORT, 'client = OpenAI()', 'llm = client', 'llm.chat.completions.create(model="gpt-4o", messages=[])'), ['a.py:4 chat.completions.create → a.py:2']],
    ['a with block', lines(IMPORT, 'with OpenAI() as c:', '    c.files.list()'), ['a.py:3 files.list → a.py:2']],
    [
      'a local of the same name in each of two functions',
      lines(IMPORT, 'def a():', '    client = OpenAI()', '    return client.models.list()', 'def b():', '    client = OpenAI(base_url="http://gw/v1")', '    return client.models.list()'),
      ['a.py:4 models.list → a.py:3', 'a.py:7 models.list → a.py:6'],
    ],
    [
      'a module client read in a function, beside a local of the same name elsewhere',
      lines(IMPORT, 'client = OpenAI()', 'def a():', '    return client.models.list()', 'def b():', '    client = OpenAI(base_url="http://gw/v1")', '    return client.models.list()'),
      ['a.py:4 models.list → a.py:2', 'a.py:7 models.list → a.py:6'],
    ],
    [
      'a field of each of two classes',
      lines(IMPORT, 'class A:', '    def __init__(self):', '        self.client = OpenAI()', '    def ask(self):', '        return self.client.models.list()', 'class B:', '    def __init__(self):', '        self.client = OpenAI(base_url="http://gw/v1")', '    def ask(self):', '        return self.client.models.list()'),
      ['a.py:6 models.list → a.py:4', 'a.py:11 models.list → a.py:9'],
    ],
    [
      'a field a base class of the file stores',
      lines(IMPORT, 'class Base:', '    def __init__(self):', '        self.client = OpenAI(base_url="http://gw/v1")', 'class Chat(Base):', '    def ask(self):', '        return self.client.models.list()'),
      ['a.py:7 models.list → a.py:4'],
    ],
    ['a factory', lines(IMPORT, '_client = OpenAI()', 'def get_client() -> OpenAI:', '    return _client', 'get_client().models.list()'), ['a.py:5 models.list → a.py:2']],
    ['with_options', lines(IMPORT, 'client = OpenAI()', 'client.with_options(timeout=5).models.list()'), ['a.py:3 models.list → a.py:2']],
    ['instructor', lines('import instructor', IMPORT, 'c = instructor.from_openai(OpenAI())', 'c.chat.completions.create(model="gpt-4o", messages=[])'), ['a.py:4 chat.completions.create → a.py:3']],
    ['an Azure client', lines(IMPORT, 'az = AzureOpenAI(api_version="2024-10-21")', 'az.chat.completions.create(model="prod", messages=[])'), ['a.py:3 chat.completions.create → a.py:2']],
    [
      'a client kept in app.state (matched by name)',
      lines(IMPORT, 'async def lifespan(app):', '    app.state.llm = AsyncOpenAI()', 'async def chat(request):', '    return await request.app.state.llm.chat.completions.create(model="gpt-4o", messages=[])'),
      ['a.py:5 chat.completions.create → a.py:3'],
    ],
  ])('%s', (_name, code, expected) => {
    expect(links({ 'a.py': code })).toEqual(expected);
  });
});

group('python API calls stay unlinked when the client cannot be told', () => {
  it.each([
    [
      'a parameter that shadows a module client',
      lines(IMPORT, 'client = OpenAI(base_url="http://gw/v1")', 'def ask(client: OpenAI):', '    return client.models.list()', 'def tag(client, text):', '    return client.models.list()'),
      ['a.py:4 models.list → none', 'a.py:6 models.list → none'],
    ],
    [
      'a field holding a given client or a new one, and a client chosen by a condition',
      lines(IMPORT, 'class S:', '    def __init__(self, client=None):', '        self.client = client or OpenAI()', '    def ask(self):', '        return self.client.models.list()', 'c = OpenAI() if fast else OpenAI(base_url="http://gw/v1")', 'c.models.list()'),
      ['a.py:6 models.list → none', 'a.py:8 models.list → none'],
    ],
    ['a typed parameter alone', lines(IMPORT, 'def ask(client: OpenAI):', '    return client.models.list()'), ['a.py:3 models.list → none']],
    [
      'a local of the same name the scan cannot follow in another function',
      lines(IMPORT, 'def a():', '    client = make_client()', '    return client.models.list()', 'def b():', '    client = OpenAI(base_url="http://gw/v1")', '    return client.models.list()'),
      ['a.py:4 models.list → none', 'a.py:7 models.list → a.py:6'],
    ],
    [
      'a loop variable of the same name',
      lines(IMPORT, 'client = OpenAI()', 'for client in pool:', '    client.models.list()'),
      ['a.py:4 models.list → none'],
    ],
    [
      'a field another class stores the scan cannot follow',
      lines(IMPORT, 'class Remote:', '    def __init__(self, client=None):', '        self.client = client or OpenAI()', '    def ask(self):', '        return self.client.models.list()', 'class Local:', '    def __init__(self):', '        self.client = OpenAI(base_url="http://ollama:11434/v1")', '    def ask(self):', '        return self.client.models.list()'),
      ['a.py:6 models.list → none', 'a.py:11 models.list → a.py:9'],
    ],
    ['a factory known only by its return type', lines(IMPORT, 'def get_client() -> OpenAI:', '    return make()', 'get_client().models.list()'), ['a.py:4 models.list → none']],
  ])('%s', (_name, code, expected) => {
    expect(links({ 'a.py': code })).toEqual(expected);
  });
});

group('python API calls linked across modules', () => {
  const llm = lines(IMPORT, 'client = OpenAI()', 'gateway = AsyncOpenAI(base_url="http://gateway:4000/v1")', 'def get_client():', '    return client');

  it('follows relative and absolute imports, module attributes and factories', () => {
    expect(
      links({
        'app/llm.py': llm,
        'app/routes/chat.py': lines('from ..llm import client', 'client.chat.completions.create(model="gpt-4o", messages=[])'),
        'app/routes/proxy.py': lines('from app.llm import gateway as proxy_client', 'gateway = proxy_client', 'async def go():', '    return await gateway.chat.completions.create(model="llama-3-70b", messages=[])'),
        'app/routes/jobs.py': lines('from app import llm', 'llm.gateway.embeddings.create(model="text-embedding-3-small", input="x")'),
        'app/worker.py': lines('from app.llm import get_client', 'get_client().models.list()'),
      }),
    ).toEqual([
      'app/routes/chat.py:2 chat.completions.create → app/llm.py:2',
      'app/routes/jobs.py:2 embeddings.create → app/llm.py:3',
      'app/routes/proxy.py:4 chat.completions.create → app/llm.py:3',
      'app/worker.py:2 models.list → app/llm.py:2',
    ]);
  });

  it('follows FastAPI dependencies on client factories', () => {
    expect(
      links({
        'app/llm.py': llm,
        'app/routes/chat.py': lines(
          'from typing import Annotated',
          'from fastapi import Depends',
          'from openai import AsyncOpenAI',
          'from app.llm import get_client',
          'async def chat(q: str, client: AsyncOpenAI = Depends(get_client)):',
          '    return await client.chat.completions.create(model="gpt-4o", messages=[])',
          'async def embed(q: str, llm: Annotated[AsyncOpenAI, Depends(get_client)]):',
          '    return await llm.embeddings.create(model="text-embedding-3-small", input=q)',
          'ClientDep = Annotated[AsyncOpenAI, Depends(get_client)]',
          'async def speak(q: str, llm: ClientDep):',
          '    return await llm.audio.speech.create(model="tts-1", voice="alloy", input=q)',
        ),
      }),
    ).toEqual([
      'app/routes/chat.py:6 chat.completions.create → app/llm.py:2',
      'app/routes/chat.py:8 embeddings.create → app/llm.py:2',
      'app/routes/chat.py:11 audio.speech.create → app/llm.py:2',
    ]);
  });

  it('follows a client passed on by a module that imports it', () => {
    expect(
      links({
        'app/llm.py': llm,
        'app/deps.py': lines('from app.llm import gateway', 'llm_client = gateway', 'def get_llm():', '    return gateway'),
        'app/routes/a.py': lines('from app.deps import llm_client, get_llm', 'llm_client.models.list()', 'get_llm().models.list()'),
      }),
    ).toEqual(['app/routes/a.py:2 models.list → app/llm.py:3', 'app/routes/a.py:3 models.list → app/llm.py:3']);
  });

  it('does not link a parameter that shadows an imported client', () => {
    expect(
      links({
        'app/llm.py': llm,
        'app/use.py': lines('from app.llm import client', 'def ask(client):', '    return client.models.list()'),
      }),
    ).toEqual(['app/use.py:3 models.list → none']);
  });

  it('stops at modules that pass a name on in a circle', () => {
    expect(
      links({
        'app/a.py': lines('from openai import OpenAI', 'from app.b import c', 'client = c'),
        'app/b.py': lines('from app.a import client', 'c = client'),
        'app/use.py': lines('from app.a import client', 'client.models.list()'),
      }),
    ).toEqual(['app/use.py:2 models.list → none']);
  });

  it("links calls on the openai module's client to its settings, wherever they are made", () => {
    expect(
      links({
        'app/config.py': lines('import os', 'import openai', 'openai.api_key = os.environ["OPENAI_API_KEY"]', 'openai.base_url = "http://gateway:4000/v1"'),
        'app/chat.py': lines('import openai', 'openai.chat.completions.create(model="gpt-4o", messages=[])', 'openai.ChatCompletion.create(model="gpt-4o", messages=[])'),
      }),
    ).toEqual(['app/chat.py:2 chat.completions.create → app/config.py:3', 'app/chat.py:3 ChatCompletion.create → app/config.py:3']);
  });

  it("leaves calls on the openai module's client unlinked when nothing configures it", () => {
    expect(links({ 'a.py': lines('import openai', 'openai.chat.completions.create(model="gpt-4o", messages=[])') })).toEqual(['a.py:2 chat.completions.create → none']);
  });
});

group('python API calls in notebooks', () => {
  it("link to the client finding's position in the notebook's JSON", async () => {
    await loadNotebookSupport();
    const cell = (source: string[]) => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source });
    const notebook = JSON.stringify({ cells: [cell(['from openai import OpenAI\n', 'client = OpenAI()']), cell(['client.models.list()'])], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    expect(links({ 'chat.ipynb': notebook })).toEqual(['chat.ipynb:19 models.list → chat.ipynb:10']);
  });
});

group('python API calls name where their model ids are written', () => {
  /** Each API call as `file:line → file:line of each model finding it sends`. */
  function modelPlaces(files: Record<string, string>): string[] {
    const findings = scanPythonFiles(files);
    const models = findings.filter((f) => f.kind === 'model');
    return findings
      .filter((f) => f.kind === 'api-call')
      .map((call) => {
        const places = (call.detail?.models ?? []).map((place) => {
          const model = models.find((m) => m.file === place.file && m.span.start === place.start);
          return model ? `${model.file}:${model.span.line} ${model.model}` : 'no model finding';
        });
        return `${call.file}:${call.span.line} → ${places.join(', ') || 'none'}`;
      });
  }

  it('in the call, in a constant of the module, and in a settings field of another module', () => {
    expect(
      modelPlaces({
        'app/settings.py': lines('from pydantic_settings import BaseSettings', 'class Settings(BaseSettings):', '    chat_model: str = "gpt-4o-mini"', 'settings = Settings()'),
        'app/chat.py': lines(
          IMPORT,
          'from .settings import settings',
          'TAG_MODEL = "gpt-4.1-mini"',
          'client = OpenAI()',
          'client.chat.completions.create(model="gpt-4o", messages=[])',
          'client.chat.completions.create(model=TAG_MODEL, messages=[])',
          'client.chat.completions.create(model=settings.chat_model, messages=[])',
          'client.chat.completions.create(model=pick(), messages=[])',
        ),
      }),
    ).toEqual(['app/chat.py:5 → app/chat.py:5 gpt-4o', 'app/chat.py:6 → app/chat.py:3 gpt-4.1-mini', 'app/chat.py:7 → app/settings.py:3 gpt-4o-mini', 'app/chat.py:8 → none']);
  });

  it('for calls on a client imported from another module', () => {
    expect(
      modelPlaces({
        'app/llm.py': lines(IMPORT, 'client = OpenAI()', 'MODEL = "gpt-4o"'),
        'app/use.py': lines('from app.llm import client, MODEL', 'client.chat.completions.create(model=MODEL, messages=[])'),
      }),
    ).toEqual(['app/use.py:2 → app/llm.py:3 gpt-4o']);
  });
});
