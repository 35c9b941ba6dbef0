/**
 * The rest of the virtualization stack AlmaLinux rebuilt for ppc64le: virtiofsd, libguestfs,
 * guestfs-tools, supermin, seabios and virt-top. RHEL 9 keeps them off POWER with one line
 * each (`ExclusiveArch:` without power64, or `ExcludeArch: %{power64}` under `%if 0%{?rhel}`,
 * "No qemu-kvm on POWER"); the recipe opens that line and the validation checks that rpmspec,
 * for ppc64le, keeps the arch and lists the subpackages a KVM host installs.
 */
import { type SpecEdit, POWER64 } from './spec-edits.js'
import { changelogStart } from '../rpm/spec.js'
import type { SpecExpectation } from './validate.js'

export const STACK_PACKAGES = [
  'virtiofsd',
  'libguestfs',
  'guestfs-tools',
  'supermin',
  'seabios',
  'virt-top',
] as const
export type StackPackage = (typeof STACK_PACKAGES)[number]

/** What a KVM host on ppc64le installs from each, as rpmspec --target ppc64le must list it. */
export const STACK_EXPECTATIONS: Record<StackPackage, SpecExpectation> = {
  virtiofsd: { subpackages: ['virtiofsd'], files: { virtiofsd: ['/virtiofsd'] }, buildsFor: 'ppc64le' },
  libguestfs: { subpackages: ['libguestfs', 'libguestfs-xfs'], buildsFor: 'ppc64le' },
  'guestfs-tools': { subpackages: ['guestfs-tools'], buildsFor: 'ppc64le' },
  supermin: { subpackages: ['supermin', 'supermin-devel'], buildsFor: 'ppc64le' },
  // QEMU's VGA and virtio-vga load seavgabios's ROMs on pseries too; the packages are noarch.
  seabios: { subpackages: ['seabios-bin', 'seavgabios-bin'], buildsFor: 'ppc64le' },
  'virt-top': { subpackages: ['virt-top'], buildsFor: 'ppc64le' },
}

const ARCH_TAG = /^(ExclusiveArch|ExcludeArch)(\s*:\s*)(.*?)\s*$/i
const POWER_TOKENS = new Set([...POWER64, '%{power}', 'ppc64p7', '%power64'])
/** Macros that include ppc64le wherever they are defined (EL's kernel_arches). */
const POWER_MACROS = new Set(['%{kernel_arches}'])

const hasPower = (tokens: string[]): boolean =>
  tokens.some((token) => POWER_TOKENS.has(token) || POWER_MACROS.has(token))

/** ExclusiveArch gains %{power64}, and ExcludeArch loses it: the package builds on ppc64le. */
/**
 * A line this does not recognise (an arch macro of another name) is left alone: the validation
 * then names it, as rpmspec expands it for ppc64le.
 */
export function openForPower(lines: string[]): SpecEdit {
  const end = changelogStart(lines)
  const tags = lines.slice(0, end).flatMap((line, index) => {
    const match = ARCH_TAG.exec(line)
    return match
      ? [{ index, tag: match[1]!, sep: match[2]!, tokens: match[3]!.split(/[\s,]+/).filter(Boolean) }]
      : []
  })
  const changed: string[] = []
  for (const { index, tag, sep, tokens } of tags) {
    if (/^exclusivearch$/i.test(tag) && !hasPower(tokens)) {
      lines[index] = `${tag}${sep}${[...tokens, '%{power64}'].join(' ')}`
      changed.push(`%{power64} added to ${tag} (line ${index + 1})`)
    } else if (/^excludearch$/i.test(tag) && tokens.some((token) => POWER_TOKENS.has(token))) {
      const kept = tokens.filter((token) => !POWER_TOKENS.has(token))
      lines[index] =
        kept.length > 0
          ? `${tag}${sep}${kept.join(' ')}`
          : `# kvm-actions: built for ppc64le KVM hosts (was: ${lines[index]!.trim()})`
      changed.push(`power64 taken out of ${tag} (line ${index + 1})`)
    }
  }
  if (changed.length > 0) return { edit: 'arches', detail: changed.join('; ') }
  const where = tags.map(({ index }) => `line ${index + 1}: ${lines[index]!.trim()}`).join('; ')
  return {
    edit: 'arches',
    detail: `already enabled upstream: builds for ppc64le${where ? ` (${where})` : ''}`,
  }
}
