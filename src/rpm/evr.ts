/**
 * rpm's version comparison (rpmvercmp and EVR ordering), in TypeScript so that choosing the
 * newest package and checking a release suffix need no rpm on the runner. The tests compare it
 * with the rpm program itself.
 */
export interface Evr {
  epoch: number
  version: string
  release?: string
}

/** `[epoch:]version[-release]`; the release is what follows the last hyphen. */
export function parseEvr(text: string): Evr {
  const colon = text.indexOf(':')
  const epoch = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? Number(text.slice(0, colon)) : 0
  const rest = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? text.slice(colon + 1) : text
  const hyphen = rest.lastIndexOf('-')
  return hyphen > 0
    ? { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) }
    : { epoch, version: rest }
}

export function formatEvr(evr: Evr): string {
  return `${evr.epoch ? `${evr.epoch}:` : ''}${evr.version}${evr.release !== undefined ? `-${evr.release}` : ''}`
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c)

/** rpmvercmp: -1, 0 or 1. `~` sorts before everything (even the end), `^` after the end only. */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1
      if (b[j] !== '~') return -1
      i++
      j++
      continue
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1
      if (j >= b.length) return 1
      if (a[i] !== '^') return 1
      if (b[j] !== '^') return -1
      i++
      j++
      continue
    }
    if (!(i < a.length && j < b.length)) break
    const numeric = isDigit(a[i])
    const inSegment = numeric ? isDigit : isAlpha
    let endA = i
    let endB = j
    while (endA < a.length && inSegment(a[endA])) endA++
    while (endB < b.length && inSegment(b[endB])) endB++
    // A numeric segment is newer than an alphabetic one.
    if (endB === j) return numeric ? 1 : -1
    let segA = a.slice(i, endA)
    let segB = b.slice(j, endB)
    if (numeric) {
      segA = segA.replace(/^0+/, '')
      segB = segB.replace(/^0+/, '')
      if (segA.length !== segB.length) return segA.length > segB.length ? 1 : -1
    }
    if (segA !== segB) return segA > segB ? 1 : -1
    i = endA
    j = endB
  }
  if (i >= a.length && j >= b.length) return 0
  return i >= a.length ? -1 : 1
}

/** Epoch, then version, then release; a missing release sorts first (as rpm's own rpm.ver does). */
export function compareEvr(a: Evr | string, b: Evr | string): -1 | 0 | 1 {
  const x = typeof a === 'string' ? parseEvr(a) : a
  const y = typeof b === 'string' ? parseEvr(b) : b
  if (x.epoch !== y.epoch) return x.epoch > y.epoch ? 1 : -1
  const byVersion = rpmvercmp(x.version, y.version)
  if (byVersion !== 0) return byVersion
  return rpmvercmp(x.release ?? '', y.release ?? '')
}

export function newest<T>(items: readonly T[], evrOf: (item: T) => Evr | string): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || compareEvr(evrOf(item), evrOf(best)) > 0 ? item : best),
    undefined,
  )
}

/** `[epoch:]version[-release]` as rpm writes it, e.g. 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9. */
export const RPM_VERSION = /^(?:\d+:)?[A-Za-z0-9][A-Za-z0-9._+~^]*(?:-[A-Za-z0-9][A-Za-z0-9._+~^]*)?$/
