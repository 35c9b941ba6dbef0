/**
 * The rebuilt package must replace the stock one (sort above it) and give way to the next stock
 * update of the same version (sort below it); otherwise hosts keep the wrong kernel or qemu.
 */
import { ConfigurationError } from '../errors.js'
import { compareEvr, type Evr, formatEvr } from './evr.js'

/** `.el9_6` from `570.12.1.el9_6`, or undefined. */
export function distTag(release: string): string | undefined {
  return /\.el\d+(?:_\d+)?/.exec(release)?.[0]
}

/**
 * The smallest plausible next stock release: its leading release number's last part plus one,
 * the rest kept (570.12.1.el9_6 becomes 570.12.2.el9_6, 15.el9 16.el9, and a rebuild of a rebuild,
 * 570.12.1.kvm1.el9_6, 570.12.2.kvm1.el9_6: upstream's next update, not our next buildid).
 */
export function nextStockRelease(release: string): string {
  const parts = release.split('.')
  let last = -1
  for (let i = 0; i < parts.length && /^\d+$/.test(parts[i]!); i++) last = i
  if (last < 0) return `${release}.1`
  parts[last] = String(Number(parts[last]) + 1)
  return parts.join('.')
}

export interface ReleaseCheck {
  stock: string
  rebuilt: string
  nextStock: string
}

export function checkReleaseOrder(name: string, stock: Evr, rebuilt: Evr): ReleaseCheck {
  const next: Evr = { ...stock, release: nextStockRelease(stock.release ?? '') }
  const check = { stock: formatEvr(stock), rebuilt: formatEvr(rebuilt), nextStock: formatEvr(next) }
  if (compareEvr(rebuilt, stock) <= 0) {
    throw new ConfigurationError(
      `the rebuilt ${name}-${check.rebuilt} does not sort above the stock ${name}-${check.stock}, so dnf would keep the stock package; ` +
        'use a suffix or buildid that starts with a letter after the dist tag’s (such as .kvm1) or with a digit',
    )
  }
  if (compareEvr(rebuilt, next) >= 0) {
    throw new ConfigurationError(
      `the rebuilt ${name}-${check.rebuilt} sorts above the next stock update ${name}-${check.nextStock}, so dnf would never replace it; ` +
        'keep the suffix after the stock release instead of raising the release number',
    )
  }
  return check
}
