/**
 * Where kvm.ko and kvm-hv.ko are packaged. AlmaLinux ships them in a `kernel-kvm` subpackage
 * made by the spec's `%kernel_kvm_package` macro, whose module list is SOURCES/mod-kvm.list;
 * `modules` keeps them in kernel-modules instead, for hosts that install only that.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../action/errors.js'
import { sectionEntriesEnd, sections } from '../rpm/spec.js'

export type KvmPackage = 'subpackage' | 'modules'

const DEFINITION = /^%define\s+kernel_kvm_package\(\)/
const BASE_INVOCATION = /^\s*(%kernel_kvm_package|%\{expand:%%kernel_kvm_package\})\s*$/
const KVM_DIR = '/lib/modules/%{KVERREL}/kernel/arch/powerpc/kvm'

function definitionEnd(lines: readonly string[]): number {
  const start = lines.findIndex((line) => DEFINITION.test(line))
  if (start === -1) return -1
  let end = start
  while (end < lines.length - 1 && lines[end]!.trimEnd().endsWith('\\')) end++
  return end
}

/** The kvm subpackage for the base kernel on ppc64le, through the spec's own macro. */
export function packageKvmSeparately(lines: string[], spec: string): string {
  const end = definitionEnd(lines)
  if (end === -1) {
    throw new ConfigurationError(
      `${spec}: cannot make the kernel-kvm subpackage: expected '%define kernel_kvm_package()'. The spec has changed shape; use kvm-package: modules`,
    )
  }
  const details: string[] = []
  if (!lines.some((line) => BASE_INVOCATION.test(line))) {
    lines.splice(end + 1, 0, '%ifarch ppc64le', '%kernel_kvm_package', '%endif')
    details.push('kernel-kvm declared for ppc64le')
  }
  const files = sections(lines).some((section) => section.name === 'files' && section.subpackage === 'kvm')
  if (!files) {
    const at = lines.findIndex((line) => /^%changelog\s*$/.test(line))
    const insert = ['%ifarch ppc64le', '%files kvm', KVM_DIR, '%endif', '']
    lines.splice(at === -1 ? lines.length : at, 0, ...insert)
    details.push(`%files kvm lists ${KVM_DIR}`)
  }
  return details.length > 0 ? details.join('; ') : 'kernel-kvm already built by the spec'
}

/** Removes a section's header and entries, leaving the conditionals around and inside it balanced. */
function removeSection(lines: string[], header: number, end: number): void {
  for (let index = end - 1; index >= header; index--) {
    const line = lines[index]!.trim()
    if (line === '' || /^%(if\w*|else|elif\w*|endif)\b/.test(line)) continue
    lines.splice(index, 1)
  }
}

/** kvm.ko and kvm-hv.ko stay in kernel-modules: no kvm subpackage, an empty mod-kvm.list. */
export function keepKvmInModules(lines: string[], spec: string, sourcesDir: string): string {
  const modules = sections(lines).find(
    (section) => section.name === 'files' && section.subpackage === 'modules',
  )
  if (!modules) {
    throw new ConfigurationError(
      `${spec}: cannot keep the KVM modules in kernel-modules: expected a '%files modules' section. The spec has changed shape; use kvm-package: subpackage`,
    )
  }
  const details: string[] = []
  const list = join(sourcesDir, 'mod-kvm.list')
  if (existsSync(list)) {
    writeFileSync(list, '')
    details.push('mod-kvm.list emptied')
  }
  const kvmFiles = sections(lines).filter(
    (section) => section.name === 'files' && section.subpackage === 'kvm',
  )
  for (const section of [...kvmFiles].reverse()) removeSection(lines, section.header, section.end)
  let invocations = 0
  for (let index = lines.length - 1; index >= 0; index--) {
    if (BASE_INVOCATION.test(lines[index]!)) {
      lines[index] = '# kvm-actions: the KVM modules stay in kernel-modules'
      invocations++
    }
  }
  if (kvmFiles.length > 0 || invocations > 0) details.push('no kernel-kvm subpackage')
  // A generated list (`%files modules -f …`) picks the modules up once mod-kvm.list no longer
  // moves them out; an explicit one needs the folder.
  const owner = sections(lines).find(
    (section) => section.name === 'files' && section.subpackage === 'modules',
  )!
  const generated = /\s-f\s/.test(lines[owner.header]!)
  const owned = lines
    .slice(owner.header + 1, owner.end)
    .some((line) => line.includes('/kernel/arch/powerpc/kvm'))
  if (!generated && !owned) {
    lines.splice(sectionEntriesEnd(lines, owner), 0, KVM_DIR)
    details.push(`%files modules lists ${KVM_DIR}`)
  }
  return details.join('; ')
}
