/// <reference lib="dom" />
/**
 * A landing page as a browser shows it: Debian's headless Chromium driven by puppeteer-core,
 * the page read back through the DOM, and a screenshot kept in KVM_TEST_ARTIFACTS (a folder the
 * CI run keeps) or a temporary folder.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import puppeteer, { type Browser } from 'puppeteer-core'

export const artifacts = process.env.KVM_TEST_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'artifacts-'))

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Root in CI: Chromium's sandbox needs user namespaces a container may not give.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
}

export interface RenderedLandingPage {
  title: string
  /** The package table's cells, row by row. */
  rows: string[][]
  fingerprint: string
  enable: string
  /** The gh attestation verify commands, when the page has them. */
  verify: string
  guide: string
  bootTests: string[]
  changelog: string[]
  /** Elements that would load something from elsewhere (scripts, styles, images, frames). */
  external: number
  /** Every URL the page requested. */
  requests: string[]
}

export async function renderLandingPage(
  browser: Browser,
  file: string,
  screenshot?: string,
): Promise<RenderedLandingPage> {
  const page = await browser.newPage()
  try {
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
    const seen = await page.evaluate(() => ({
      title: document.title,
      rows: [...document.querySelectorAll('#packages tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ),
      fingerprint: document.querySelector('#fingerprint')?.textContent ?? '',
      enable: document.querySelector('#enable')?.textContent ?? '',
      verify: document.querySelector('#verify')?.textContent ?? '',
      guide: document.querySelector<HTMLAnchorElement>('a#guide')?.href ?? '',
      bootTests: [...document.querySelectorAll('#boot-tests li')].map((li) => li.textContent ?? ''),
      changelog: [...document.querySelectorAll('#changelog h3')].map((h) => h.textContent ?? ''),
      external: [...document.querySelectorAll('script[src], link[href], img[src], iframe')].length,
    }))
    if (screenshot) {
      mkdirSync(artifacts, { recursive: true })
      await page.screenshot({ path: join(artifacts, screenshot) as `${string}.png`, fullPage: true })
    }
    return { ...seen, requests }
  } finally {
    await page.close()
  }
}
