/**
 * Where a source RPM comes from: a local file, a URL, an exact version of the package in the
 * AlmaLinux repositories, or the newest one there.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { InvalidValue } from '../errors.js'
import { RPM_VERSION } from './evr.js'

export type SrpmSource =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string; sha256?: string }
  | { kind: 'version'; version: string }
  | { kind: 'latest' }

export const SRPM_SOURCE_FORM =
  "a path to a .src.rpm, an http(s):// or file:// URL (with #sha256=<hex> to pin its content), an exact version such as 5.14.0-570.12.1.el9_6, or 'latest'"

export function parseSrpmSource(raw: string, workspace: string): SrpmSource {
  if (raw === 'latest') return { kind: 'latest' }
  if (/^(https?|file):\/\//.test(raw)) {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new InvalidValue('not a valid URL')
    }
    const pin = /^#sha256=([0-9a-fA-F]{64})$/.exec(url.hash)
    if (url.hash && !pin) throw new InvalidValue('the only fragment a URL takes is #sha256=<64 hex digits>')
    url.hash = ''
    return { kind: 'url', url: url.href, ...(pin ? { sha256: pin[1]!.toLowerCase() } : {}) }
  }
  if (raw.endsWith('.rpm')) {
    const path = resolve(workspace, raw)
    if (!existsSync(path)) throw new InvalidValue('no such file')
    return { kind: 'path', path }
  }
  if (RPM_VERSION.test(raw) && raw.includes('-')) return { kind: 'version', version: raw }
  throw new InvalidValue()
}
