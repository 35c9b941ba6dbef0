/**
 * Reading URLs (http, https, file) through the toolkit's HTTP client (@actions/http-client: the
 * runner's proxy settings, keep-alive), with retries and backoff for the transient failures
 * mirrors have; large files go to disk through @actions/tool-cache. Both load on first use.
 */
import { copyFile, readFile, rename, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { InfrastructureError } from '../errors.js'

export interface ReadOptions {
  retries?: number
  /** First retry delay; doubled each time. */
  backoffMs?: number
  signal?: AbortSignal
}

const USER_AGENT = 'kvm-power-actions'

export async function readUrl(url: string, options: ReadOptions = {}): Promise<Buffer> {
  if (url.startsWith('file://')) {
    try {
      return await readFile(fileURLToPath(url))
    } catch (error) {
      throw new InfrastructureError(`cannot read ${url}: ${(error as Error).message}`)
    }
  }
  const { HttpClient } = await import('@actions/http-client')
  // Retries are ours (with backoff and the abort signal); the client makes one attempt each.
  const client = new HttpClient(USER_AGENT, [], { allowRetries: false, socketTimeout: 120_000 })
  const retries = options.retries ?? 3
  let lastError = ''
  try {
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await delay((options.backoffMs ?? 1000) * 2 ** (attempt - 1), options.signal)
      options.signal?.throwIfAborted()
      try {
        const response = await abortable(client.get(url), options.signal, () => client.dispose())
        const status = response.message.statusCode ?? 0
        const body = await response.readBodyBuffer!()
        if (status >= 200 && status < 300) return body
        lastError = `HTTP ${status}`
        // A client error other than throttling will not change on retry.
        if (status >= 400 && status < 500 && status !== 429) break
      } catch (error) {
        if (options.signal?.aborted) throw error
        lastError = (error as Error).message
      }
    }
  } finally {
    client.dispose()
  }
  throw new InfrastructureError(`download of ${url} failed: ${lastError}`)
}

/** Downloads url (http(s) or file) to target: into `${target}.part` first, renamed when complete. */
export async function downloadFile(url: string, target: string): Promise<void> {
  const partial = `${target}.part`
  await rm(partial, { force: true })
  try {
    if (url.startsWith('file://')) await copyFile(fileURLToPath(url), partial)
    else {
      const toolCache = await import('@actions/tool-cache')
      await toolCache.downloadTool(url, partial)
    }
  } catch (error) {
    await rm(partial, { force: true })
    throw new InfrastructureError(`download of ${url} failed: ${(error as Error).message}`)
  }
  await rename(partial, target)
}

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort()
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', abort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason as Error)
      },
      { once: true },
    )
  })
}

/** Joins a base URL (with or without a trailing slash) and a relative path. */
export function joinUrl(base: string, relative: string): string {
  return new URL(relative, base.endsWith('/') ? base : `${base}/`).href
}
