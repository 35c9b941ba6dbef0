/**
 * The Kconfig check as build-kernel runs it on the unpacked SRPM: the kernel tree comes from the
 * kernel-source input or the SRPM's own linux-*.tar.xz; every ppc64le config is checked, and any
 * requested option that Kconfig would change fails the step before the build starts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { TestFailure } from '../errors.js'
import type { Log } from '../reporter.js'
import { defaultCacheDir } from '../fs/paths.js'
import type { ConfigFileReport } from './checks.js'
import type { ConfigOption } from './config.js'
import { checkWithKconfig, describeFinding, kconfigIndex, prepareKernelSource } from './kconfig.js'

/** The kernel tarball the SRPM ships (linux-<version>-<release>.tar.xz), if any. */
export function srpmKernelTarball(sourcesDir: string): string | undefined {
  const name = readdirSync(sourcesDir).find((file) => /^linux-.*\.tar\.(xz|gz|bz2)$/.test(file))
  return name ? join(sourcesDir, name) : undefined
}

/** Adds each config's Kconfig findings to its report; throws a TestFailure naming every dropped option. */
export async function kconfigCheck(
  source: string,
  configs: string[],
  reports: ConfigFileReport[],
  options: readonly ConfigOption[],
  log: Log,
): Promise<void> {
  const tree = await prepareKernelSource(source, defaultCacheDir(), log)
  const index = kconfigIndex(tree)
  const dropped: string[] = []
  for (const config of configs) {
    const findings = await checkWithKconfig(tree, readFileSync(config, 'utf8'), options, index, log)
    const report = reports.find((r) => r.file === basename(config))
    if (report) report.kconfig = findings
    dropped.push(...findings.filter((f) => !f.kept).map((f) => describeFinding(basename(config), f)))
  }
  if (dropped.length > 0) {
    throw new TestFailure(
      `Kconfig drops requested options, so the build would not be what was asked: ${dropped.join('; ')}`,
    )
  }
}
