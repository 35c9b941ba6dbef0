/**
 * Checks of a patched spec that need no POWER machine: rpmspec evaluates it for ppc64le, and the
 * result must have the subpackages and files of a KVM host.
 */
import { basename } from 'node:path'
import { expandSpec } from '../rpm/spec-check.js'
import { changelogStart, sections } from '../rpm/spec.js'
import { ConfigurationError } from '../errors.js'

export interface SpecExpectation {
  /** Subpackages that must be built for ppc64le. */
  subpackages: string[]
  /** Per subpackage, paths (or path endings) its %files must list on ppc64le. */
  files?: Record<string, string[]>
  /** Text the expanded build scriptlets must contain on ppc64le. */
  build?: string[]
  /** The arch rpmbuild must accept: in ExclusiveArch (when there is one), not in ExcludeArch. */
  buildsFor?: string
}

export const QEMU_KVM_EXPECTATION: SpecExpectation = {
  subpackages: ['qemu-kvm', 'qemu-kvm-core'],
  files: { 'qemu-kvm-core': ['/usr/libexec/qemu-kvm', '/slof.bin'] },
  build: ['--with-devices-ppc64=ppc64-rh-devices'],
}

export const LIBVIRT_EXPECTATION: SpecExpectation = {
  subpackages: ['libvirt-daemon-driver-qemu', 'libvirt-daemon-kvm'],
}

export interface SpecCheck {
  subpackages: string[]
  problems: string[]
}

/** What rpmspec makes of the spec for ppc64le, against the expectation. */
export async function checkSpecForPpc64le(
  spec: string,
  name: string,
  expectation: SpecExpectation,
  defines: Record<string, string>,
  expandedFile?: string,
): Promise<SpecCheck> {
  const { subpackages, lines } = await expandSpec(
    spec,
    basename(spec),
    { target: 'ppc64le', defines },
    expandedFile,
  )
  const problems: string[] = []
  for (const wanted of expectation.subpackages) {
    if (!subpackages.includes(wanted)) problems.push(`no ${wanted} subpackage on ppc64le`)
  }
  for (const [subpackage, paths] of Object.entries(expectation.files ?? {})) {
    const short = subpackage.startsWith(`${name}-`) ? subpackage.slice(name.length + 1) : subpackage
    const files = sections(lines).filter(
      (section) =>
        section.name === 'files' &&
        (section.subpackage === subpackage ||
          section.subpackage === short ||
          (!section.subpackage && subpackage === name)),
    )
    const listed = files.flatMap((section) =>
      lines.slice(section.header + 1, section.end).map((line) => line.trim()),
    )
    for (const path of paths) {
      if (!listed.some((entry) => entry.split(/\s+/).some((word) => word.endsWith(path)))) {
        problems.push(`%files of ${subpackage} does not list ${path} on ppc64le`)
      }
    }
  }
  // rpmspec -P prints the build scriptlets without their %build header: look at all of them.
  const scripts = lines.slice(0, changelogStart(lines)).filter((line) => !line.trim().startsWith('#'))
  for (const text of expectation.build ?? []) {
    if (!scripts.some((line) => line.includes(text)))
      problems.push(`the build does not pass ${text} on ppc64le`)
  }
  if (expectation.buildsFor) problems.push(...archProblems(lines, expectation.buildsFor))
  return { subpackages, problems }
}

/** ExclusiveArch / ExcludeArch as rpmspec expanded them, against the arch (the line is named). */
export function archProblems(expanded: readonly string[], arch: string): string[] {
  const problems: string[] = []
  for (const line of expanded.slice(0, changelogStart([...expanded]))) {
    const match = /^(ExclusiveArch|ExcludeArch)\s*:\s*(.*?)\s*$/i.exec(line)
    if (!match) continue
    const arches = match[2]!.split(/[\s,]+/).filter(Boolean)
    const exclusive = /^exclusivearch$/i.test(match[1]!)
    if (exclusive && !arches.includes(arch)) {
      problems.push(
        `'${line.trim()}' leaves out ${arch}${arches.some((a) => a.startsWith('%')) ? ' (a macro this host does not define stays unexpanded)' : ''}`,
      )
    }
    if (!exclusive && arches.includes(arch)) problems.push(`'${line.trim()}' shuts out ${arch}`)
  }
  return problems
}

/** Fails the rebuild when the patched spec would not give a KVM host on ppc64le. */
export function requireSpecCheck(specName: string, check: SpecCheck): void {
  if (check.problems.length === 0) return
  throw new ConfigurationError(
    `${specName} after the ppc64le edits: ${check.problems.join('; ')} (rpmspec --target ppc64le lists ${check.subpackages.join(', ') || 'nothing'})`,
  )
}
