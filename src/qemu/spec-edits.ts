/**
 * The built-in ppc64le edits of the EL9 qemu-kvm and libvirt specs. Each looks for the shape the
 * EL9 specs have had (qemu-kvm 8.x to 10.x, libvirt 9.x to 11.x), changes it, and otherwise fails
 * naming the line it expected, so that a changed spec stops the rebuild instead of producing a
 * package that silently lacks KVM.
 */
import { ConfigurationError } from '../errors.js'
import { enclosingConditionals, keptForArch, sectionEntriesEnd, sections } from '../rpm/spec.js'

export const POWER64 = ['%{power64}', 'ppc64le', 'ppc64']

/** A spec line the recipe needed and did not find. */
export class SpecShapeError extends ConfigurationError {
  constructor(spec: string, purpose: string, expected: string) {
    super(
      `${spec}: cannot ${purpose}: expected ${expected}. The spec has changed shape; add an autopatch recipe for this version`,
    )
  }
}

export interface SpecEdit {
  edit: string
  detail: string
}

const TOOLS_ONLY = /^%(global|define)\s+tools_only\s+(\S+)\s*$/

/** `%global tools_only 1` under `%ifarch %{power64}` becomes 0: the full emulator is built. */
export function liftToolsOnly(lines: string[], spec: string): SpecEdit {
  const settings = lines.flatMap((line, index) => {
    const match = TOOLS_ONLY.exec(line.trim())
    return match ? [{ index, value: match[2]! }] : []
  })
  const onPower = settings.filter(
    ({ index, value }) =>
      value === '1' && keptForArch(lines, index, POWER64) && !keptForArch(lines, index, ['x86_64']),
  )
  if (onPower.length === 0) {
    if (settings.length > 0 && settings.every(({ value }) => value === '0')) {
      return { edit: 'tools_only', detail: 'already enabled upstream: 0 on power64' }
    }
    throw new SpecShapeError(
      spec,
      'lift tools_only for power64',
      "'%global tools_only 1' inside '%ifarch %{power64}'",
    )
  }
  for (const { index } of [...onPower].reverse()) {
    lines[index] = lines[index]!.replace(/tools_only\s+1/, 'tools_only 0')
    lines.splice(index, 0, '# kvm-actions: the full qemu-kvm on ppc64le, not only the tools')
  }
  return { edit: 'tools_only', detail: `set to 0 for power64 (line ${onPower[0]!.index + 1})` }
}

const DEVICES_OPTION = /--with-devices-([\w%{}]+)=(\S+)/
const PPC64_DEVICES_OPTION = '--with-devices-ppc64=ppc64-rh-devices'

/** configure gets `--with-devices-ppc64=ppc64-rh-devices` on power64 (9.1+ passes it for other arches only). */
export function passPpc64Devices(lines: string[], spec: string): SpecEdit {
  const build = sections(lines).find((section) => section.name === 'build')
  const options: number[] = []
  if (build) {
    for (let index = build.header + 1; index < build.end; index++) {
      if (DEVICES_OPTION.test(lines[index]!)) options.push(index)
    }
  }
  if (options.length === 0) {
    throw new SpecShapeError(
      spec,
      `pass ${PPC64_DEVICES_OPTION}`,
      "a configure line with '--with-devices-<arch>=<arch>-rh-devices' in %build",
    )
  }
  const forPower = options.find((index) => {
    const [, arch, value] = DEVICES_OPTION.exec(lines[index]!)!
    return (
      keptForArch(lines, index, POWER64) &&
      (arch === 'ppc64' || arch === '%{kvm_target}') &&
      /(ppc64|%{kvm_target})-rh-devices/.test(value!)
    )
  })
  if (forPower !== undefined) {
    return {
      edit: 'devices option',
      detail: `already enabled upstream: passed on power64: ${lines[forPower]!.trim()}`,
    }
  }
  // Before the other arches' option (or its %ifarch block), where the line continues a command.
  const last = options.at(-1)!
  const block = enclosingConditionals(lines, last).findLast(
    ({ keyword }) => keyword === 'ifarch' || keyword === 'ifnarch',
  )
  const at = block?.line ?? last
  const indent = /^\s*/.exec(lines[last]!)![0]
  lines.splice(at, 0, '%ifarch %{power64}', `${indent}${PPC64_DEVICES_OPTION} \\`, '%endif')
  return { edit: 'devices option', detail: `${PPC64_DEVICES_OPTION} added for power64 (line ${at + 2})` }
}

const SLOF_REMOVAL = /^\s*rm\s+(-\w+\s+)*\S*slof\.bin\s*$/
const SLOF_FILE = '%{_datadir}/%{name}/slof.bin'

/** slof.bin stays on ppc64le (EL9 has no SLOF package) and is packaged in qemu-kvm-core. */
export function keepSlof(lines: string[], spec: string): SpecEdit {
  const install = sections(lines).find((section) => section.name === 'install')
  const removal = install
    ? lines.findIndex(
        (line, index) => index > install.header && index < install.end && SLOF_REMOVAL.test(line),
      )
    : -1
  const details: string[] = []
  if (removal !== -1 && keptForArch(lines, removal, ['ppc64le'])) {
    lines.splice(removal + 1, 0, '%endif')
    lines.splice(removal, 0, '%ifnarch ppc64le')
    details.push(`removal kept off ppc64le (line ${removal + 1})`)
  } else if (removal === -1) {
    const packaged = lines.some((line) => line.includes('slof.bin') && !/^\s*#/.test(line))
    if (!packaged) {
      throw new SpecShapeError(
        spec,
        'keep slof.bin on ppc64le',
        "'rm -rf %{buildroot}%{_datadir}/%{name}/slof.bin' in %install",
      )
    }
  }
  const core = sections(lines).find(
    (section) =>
      section.name === 'files' && (section.subpackage === 'qemu-kvm-core' || section.subpackage === 'core'),
  )
  if (!core) {
    throw new SpecShapeError(spec, 'package slof.bin', "a '%files -n qemu-kvm-core' section")
  }
  const listed = lines
    .slice(core.header + 1, core.end)
    .some((line) => line.trim().endsWith('slof.bin') && !line.trim().startsWith('#'))
  if (!listed) {
    const at = sectionEntriesEnd(lines, core)
    lines.splice(at, 0, '%ifarch ppc64le', SLOF_FILE, '%endif')
    details.push('listed in %files of qemu-kvm-core on ppc64le')
  }
  return {
    edit: 'slof.bin',
    detail: details.length > 0 ? details.join('; ') : 'already enabled upstream: kept and packaged',
  }
}

const ARCHES_QEMU_KVM = /^(\s*%(?:define|global)\s+arches_qemu_kvm\s+)(.*?)\s*$/

/** libvirt: `%{power64}` back in arches_qemu_kvm, so the QEMU driver and KVM daemon are built. */
export function restoreLibvirtQemuArches(lines: string[], spec: string): SpecEdit {
  const definitions = lines.flatMap((line, index) => (ARCHES_QEMU_KVM.test(line) ? [index] : []))
  if (definitions.length === 0) {
    throw new SpecShapeError(
      spec,
      'build the QEMU driver on ppc64le',
      "'%define arches_qemu_kvm x86_64 aarch64 s390x' (the rhel > 8 branch)",
    )
  }
  const changed: number[] = []
  for (const index of definitions) {
    const [, head, arches] = ARCHES_QEMU_KVM.exec(lines[index]!)!
    if (arches!.split(/\s+/).some((arch) => POWER64.includes(arch))) continue
    lines[index] = `${head}${arches} %{power64}`
    changed.push(index + 1)
  }
  return {
    edit: 'arches_qemu_kvm',
    detail:
      changed.length > 0
        ? `%{power64} added (line ${changed.join(', ')})`
        : 'already enabled upstream: power64 in every definition',
  }
}
