import { readFile } from 'node:fs/promises';

/** Marks the one comment this action owns on a pull request, so that later runs update it. */
export const COMMENT_MARKER = '<!-- migrate-openai report -->';
/** GitHub rejects comment bodies above 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentTarget {
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  pullRequest: number;
  token: string;
}

type Fetch = typeof fetch;

/** The comment body: the marker, then the report, cut to GitHub's limit with a pointer to the job summary. */
export function commentBody(markdown: string): string {
  const body = `${COMMENT_MARKER}\n${markdown}`;
  if (body.length <= COMMENT_LIMIT) return body;
  const note = '\n\n*The report was cut to fit a comment; the job summary has all of it.*\n';
  return body.slice(0, COMMENT_LIMIT - note.length) + note;
}

/** Updates the action's earlier comment on the pull request, or posts one; returns what it did. */
export async function upsertComment(target: CommentTarget, markdown: string, fetchImpl: Fetch = fetch): Promise<'created' | 'updated'> {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetchImpl(`${target.apiUrl}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const issue = `/repos/${target.repository}/issues`;
  const body = commentBody(markdown);
  for (let page = 1; ; page++) {
    const comments = (await call('GET', `${issue}/${target.pullRequest}/comments?per_page=100&page=${page}`)) as { id: number; body?: string }[];
    const own = comments.find((comment) => comment.body?.startsWith(COMMENT_MARKER));
    if (own !== undefined) {
      await call('PATCH', `${issue}/comments/${own.id}`, { body });
      return 'updated';
    }
    if (comments.length < 100) break;
  }
  await call('POST', `${issue}/${target.pullRequest}/comments`, { body });
  return 'created';
}

/**
 * The action's comment step: reads the pull request from the event payload and the report
 * from the file given. A failure (a fork's read-only token, no permission) is a warning
 * annotation, not a failed job: the gate is the report's job.
 */
export async function main(argv = process.argv.slice(2), env = process.env): Promise<void> {
  const [file] = argv;
  try {
    if (file === undefined) throw new Error('usage: comment.mjs <report.md>');
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { number?: number } };
    const pullRequest = event.pull_request?.number;
    if (pullRequest === undefined) {
      process.stdout.write('Not a pull request: no comment.\n');
      return;
    }
    const target = { apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repository: env.GITHUB_REPOSITORY ?? '', pullRequest, token: env.GITHUB_TOKEN ?? '' };
    const done = await upsertComment(target, await readFile(file, 'utf8'));
    process.stdout.write(`Pull-request comment ${done}.\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`::warning title=migrate-openai comment::could not comment on the pull request (${message.replace(/\r?\n/g, ' ')}); does the workflow grant pull-requests: write?\n`);
  }
}
