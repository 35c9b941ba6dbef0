/** Reading URLs (http, https, file) with retries and backoff for the transient failures mirrors have. */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { InfrastructureError } from '../action/errors.js'

export interface ReadOptions {
  retries?: number
  /** First retry delay; doubled each time. */
  backoffMs?: number
  signal?: AbortSignal
  fetchImpl?: typeof fetch
}

export async function readUrl(url: string, options: ReadOptions = {}): Promise<Buffer> {
  if (url.startsWith('file://')) {
    try {
      return await readFile(fileURLToPath(url))
    } catch (error) {
      throw new InfrastructureError(`cannot read ${url}: ${(error as Error).message}`)
    }
  }
  const retries = options.retries ?? 3
  const fetchImpl = options.fetchImpl ?? fetch
  let lastError = ''
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await delay((options.backoffMs ?? 1000) * 2 ** (attempt - 1), options.signal)
    try {
      const response = await fetchImpl(url, options.signal ? { signal: options.signal } : {})
      if (response.ok) return Buffer.from(await response.arrayBuffer())
      lastError = `HTTP ${response.status}`
      // A client error other than throttling will not change on retry.
      if (response.status >= 400 && response.status < 500 && response.status !== 429) break
    } catch (error) {
      if (options.signal?.aborted) throw error
      lastError = (error as Error).message
    }
  }
  throw new InfrastructureError(`download of ${url} failed: ${lastError}`)
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
