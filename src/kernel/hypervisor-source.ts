/**
 * The kernel tree and config a hypervisor build starts from: a source RPM's own (its linux
 * tarball with the patches its %prep applies, and its ppc64le config), or a tree or tarball and
 * a config given directly (an `rpmbuild -bp` tree, a distribution's linux-source).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { defineArgs } from '../rpm/macros.js'
import { unpackSrpm } from '../rpm/srpm.js'
import { ppc64leConfigs } from './config.js'
import { srpmKernelTarball } from './kconfig-step.js'
import { isKernelTree } from './kconfig.js'

export interface SrpmKernelSource {
  tarball: string
  /** Patch files in the order %prep applies them. */
  patches: string[]
  /** The base ppc64le config (not the debug one). */
  config: string
}

/**
 * The patches a kernel spec's %prep applies through its ApplyPatch/ApplyOptionalPatch helpers,
 * read from the spec as rpm expands it for ppc64le (macro layers and conditionals resolved).
 * An optional patch may be missing or empty, as the spec's own helper allows.
 */
export function prepPatches(expandedSpec: string): { name: string; optional: boolean }[] {
  const prep = /^%prep\b([\s\S]*?)^%(build|install|files|changelog)\b/m.exec(expandedSpec)?.[1] ?? ''
  // A helper's own body (`ApplyPatch $1`) names no file.
  return [...prep.matchAll(/^\s*Apply(Optional)?Patch\s+([^\s$]+)\s*$/gm)].map((match) => ({
    name: match[2]!,
    optional: match[1] !== undefined,
  }))
}

/**
 * The patch files a kernel spec's %prep applies, in order, from the SOURCES of topdir (an
 * unpacked source RPM): a missing required patch is a configuration error, a missing or empty
 * optional one is left out.
 */
export async function specPrepPatchFiles(
  spec: string,
  topdir: string,
  defines: Record<string, string>,
): Promise<string[]> {
  const sources = join(topdir, 'SOURCES')
  const expanded = await exec(
    ['rpmspec', '-P', '--target', 'ppc64le', ...defineArgs({ _topdir: topdir, ...defines }), spec],
    { captureLimitBytes: 16 * 1024 * 1024 },
  )
  const listed = prepPatches(expanded.stdout)
  const missing = listed.filter((patch) => !patch.optional && !existsSync(join(sources, patch.name)))
  if (missing.length > 0)
    throw new ConfigurationError(
      `${basename(spec)}'s %prep applies ${missing.map((patch) => patch.name).join(', ')}, which the source RPM lacks`,
    )
  return listed.map((patch) => join(sources, patch.name)).filter((file) => existsSync(file))
}

/** Unpacks the source RPM into dir and finds its tarball, %prep patches and base ppc64le config. */
export async function srpmKernelSource(
  srpm: string,
  dir: string,
  defines: Record<string, string>,
  log: Log,
): Promise<SrpmKernelSource> {
  const spec = await unpackSrpm(srpm, dir, log)
  const sources = join(dir, 'SOURCES')
  const tarball = srpmKernelTarball(sources)
  if (!tarball)
    throw new ConfigurationError(`${basename(srpm)} has no linux-*.tar.xz; expected a kernel source RPM`)
  const config = ppc64leConfigs(sources).find((file) => !/debug/.test(basename(file)))
  if (!config)
    throw new ConfigurationError(
      `${basename(srpm)} has no kernel-*ppc64le*.config; expected a kernel source RPM`,
    )
  const patches = await specPrepPatchFiles(spec, dir, defines)
  return { tarball, patches, config }
}

/** The folder of an unpacked tarball holding the kernel tree (linux-<version>/ or the top). */
function treeIn(dir: string): string | undefined {
  if (isKernelTree(dir)) return dir
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .find((path) => statSync(path).isDirectory() && isKernelTree(path))
}

/**
 * A buildable tree: a folder as it is, or a tarball unpacked into dir with the patches applied
 * in order (empty patch files, which the spec's optional patches often are, are skipped).
 */
export async function kernelTree(source: string, dir: string, patches: string[], log: Log): Promise<string> {
  if (statSync(source).isDirectory()) {
    const tree = treeIn(source)
    if (!tree)
      throw new ConfigurationError(
        `${source} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`,
      )
    return tree
  }
  mkdirSync(dir, { recursive: true })
  await exec(['tar', '-xf', source, '-C', dir], { log, group: `Unpack ${basename(source)}` })
  const tree = treeIn(dir)
  if (!tree)
    throw new ConfigurationError(
      `${source} holds no kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`,
    )
  for (const patch of patches) {
    if (statSync(patch).size === 0) continue
    await exec(['patch', '-p1', '-s', '-d', tree, '-i', patch], { log, group: `Apply ${basename(patch)}` })
  }
  return tree
}
