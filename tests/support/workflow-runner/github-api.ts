/**
 * The GitHub REST API as far as the workflows use it (issues, comments, labels, releases and
 * their assets), held in memory behind a local HTTP server: the one thing that cannot run for real
 * here. A request it does not know is answered 404 and recorded, so a test sees it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  comments: string[]
}

export interface FakeRelease {
  id: number
  tag_name: string
  name: string
  body: string
  assets: { name: string; size: number }[]
}

export interface FakeGitHub {
  url: string
  token: string
  issues: FakeIssue[]
  releases: FakeRelease[]
  /** Requests no route answered: method and path. */
  unknown: string[]
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

export async function startFakeGitHub(
  repository: string,
  token = 'ghs_local_runner_token',
): Promise<FakeGitHub> {
  const issues: FakeIssue[] = []
  const releases: FakeRelease[] = []
  const unknown: string[] = []
  let next = 1
  const repoPath = `/repos/${repository}`
  let url = ''

  const issueJson = (issue: FakeIssue) => ({
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name) => ({ name })),
  })

  const server: Server = createServer(async (request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost')
    const method = request.method ?? 'GET'
    if (request.headers.authorization?.replace(/^(token|Bearer) /i, '') !== token) {
      send(response, 401, { message: 'Bad credentials' })
      return
    }
    const raw = await readBody(request)
    const body = () => JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>
    const issueMatch = pathname.match(new RegExp(`^${repoPath}/issues/(\\d+)(/comments|/labels)?$`))
    const issue = issueMatch ? issues.find((i) => i.number === Number(issueMatch[1])) : undefined

    if (method === 'GET' && pathname === `${repoPath}/issues`) {
      const state = searchParams.get('state') ?? 'open'
      const labels = (searchParams.get('labels') ?? '').split(',').filter(Boolean)
      send(
        response,
        200,
        issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((label) => i.labels.includes(label)))
          .map(issueJson),
      )
    } else if (method === 'POST' && pathname === `${repoPath}/issues`) {
      const { title, body: text, labels } = body() as { title: string; body?: string; labels?: string[] }
      const created: FakeIssue = {
        number: next++,
        title,
        body: text ?? '',
        state: 'open',
        labels: labels ?? [],
        comments: [],
      }
      issues.push(created)
      send(response, 201, issueJson(created))
    } else if (issue && method === 'POST' && issueMatch?.[2] === '/comments') {
      issue.comments.push(String(body().body))
      send(response, 201, { id: next++ })
    } else if (issue && method === 'PUT' && issueMatch?.[2] === '/labels') {
      issue.labels = body().labels as string[]
      send(
        response,
        200,
        issue.labels.map((name) => ({ name })),
      )
    } else if (issue && method === 'PATCH' && !issueMatch?.[2]) {
      const update = body() as { state?: 'open' | 'closed' }
      if (update.state) issue.state = update.state
      send(response, 200, issueJson(issue))
    } else if (method === 'POST' && pathname === `${repoPath}/releases`) {
      const { tag_name, name, body: text } = body() as { tag_name: string; name?: string; body?: string }
      if (releases.some((release) => release.tag_name === tag_name)) {
        send(response, 422, { message: 'Validation Failed: tag_name already_exists' })
        return
      }
      const release: FakeRelease = {
        id: next++,
        tag_name,
        name: name ?? tag_name,
        body: text ?? '',
        assets: [],
      }
      releases.push(release)
      send(response, 201, {
        ...release,
        upload_url: `${url}/uploads${repoPath}/releases/${release.id}/assets{?name,label}`,
      })
    } else if (method === 'POST' && pathname.startsWith(`/uploads${repoPath}/releases/`)) {
      const release = releases.find((r) => pathname === `/uploads${repoPath}/releases/${r.id}/assets`)
      const name = searchParams.get('name')
      if (!release || !name) {
        send(response, 404, { message: 'Not Found' })
        return
      }
      release.assets.push({ name, size: raw.length })
      send(response, 201, { name, size: raw.length })
    } else {
      unknown.push(`${method} ${pathname}`)
      send(response, 404, { message: 'Not Found' })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    token,
    issues,
    releases,
    unknown,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}
