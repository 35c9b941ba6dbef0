/**
 * What build-kernel checks of its own work: the KVM options in every ppc64le config before the
 * build, and after it the KVM modules and the packaged /boot/config of the built KVERREL.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { ConfigurationError, TestFailure } from '../errors.js'
import { extractPackageFile, listPackageFiles } from '../rpm/query.js'
import type { BuiltRpm } from '../rpm/verify.js'
import type { KconfigFinding } from './kconfig.js'
import type { KvmPackage } from './kvm-package.js'
import {
  applyOptions,
  assertOptions,
  type ConfigChange,
  type ConfigOption,
  ppc64leConfigs,
  readConfig,
} from './config.js'

export interface ConfigFileReport {
  file: string
  changes: ConfigChange[]
  /** What Kconfig's olddefconfig kept, per requested option; absent when the check did not run. */
  kconfig?: KconfigFinding[]
}

/** Whether a config already has every option's value, an absent option counting as not set. */
export function hasOptions(text: string, options: readonly ConfigOption[]): boolean {
  const values = readConfig(text)
  return options.every(
    (option) =>
      (option.onlyIfKnown && !values.has(option.name)) || (values.get(option.name) ?? 'n') === option.value,
  )
}

/**
 * Sets the options in the ppc64le configs (every one under SOURCES unless named) and asserts each
 * appears once with its value. A config that has every value already (an upstream that enabled
 * KVM, or our own earlier rebuild) is left exactly as it is, with no changes in its report; else
 * the report lists the options whose line changed (an absent one written out counts).
 */
export function applyKernelOptions(
  sourcesDir: string,
  options: readonly ConfigOption[],
  known?: (name: string) => boolean,
  configs: readonly string[] = ppc64leConfigs(sourcesDir),
): ConfigFileReport[] {
  if (configs.length === 0)
    throw new ConfigurationError(`the source RPM has no ppc64le kernel configs in ${sourcesDir}`)
  const edited: string[] = []
  const reports = configs.map((config) => {
    const stock = readFileSync(config, 'utf8')
    if (hasOptions(stock, options)) return { file: basename(config), changes: [] }
    const { text, changes } = applyOptions(stock, options, known)
    writeFileSync(config, text)
    edited.push(config)
    return {
      file: basename(config),
      changes: changes.filter((change) => change.from === undefined || change.from !== change.to),
    }
  })
  const problems = edited.flatMap((config) =>
    assertOptions(readFileSync(config, 'utf8'), options, basename(config)),
  )
  if (problems.length > 0)
    throw new ConfigurationError(`kernel config assertion failed: ${problems.join('; ')}`)
  return reports
}

export interface KernelBuildReport {
  nvr: string
  kverrel: string
  /** Path of the kernel image inside kernel-core (boot-test-guest boots it directly). */
  vmlinux: string
  kvmModules: { module: string; package: string }[]
}

const KVM_MODULES = ['kvm.ko', 'kvm-hv.ko']
const escape = (text: string) => text.replace(/[.+]/g, '\\$&')

/**
 * The built kernel's image, KVM modules and packaged config. `variant` names upstream's own KVM
 * kernel variant (AlmaLinux 9.6+ build kernel-kvm as one): then that kernel is the one checked,
 * with its modules in its own packages.
 */
export async function checkKernelRpms(
  rpms: BuiltRpm[],
  options: readonly ConfigOption[],
  kvm: boolean,
  kvmPackage: KvmPackage = 'subpackage',
  variant?: string,
): Promise<KernelBuildReport> {
  const prefix = variant ? `kernel-${variant}` : 'kernel'
  const core =
    rpms.find((rpm) => rpm.name === `${prefix}-core`) ??
    rpms.find((rpm) => rpm.name === prefix && rpm.arch !== 'src')
  if (!core)
    throw new TestFailure(
      `no ${prefix}-core package was built (built: ${rpms.map((r) => r.nevra).join(', ')})`,
    )
  const kverrel = `${core.version}-${core.release}.${core.arch}${variant ? `+${variant}` : ''}`
  const coreFiles = await listPackageFiles(core.path)
  const problems: string[] = []
  const vmlinux =
    coreFiles.find((file) => new RegExp(`^/lib/modules/${escape(kverrel)}/vmlinu[xz]$`).test(file)) ??
    coreFiles.find((file) => new RegExp(`^/boot/vmlinu[xz]-${escape(kverrel)}$`).test(file))
  if (!vmlinux) problems.push(`${core.nevra} has no kernel image for ${kverrel}`)

  const kvmModules: KernelBuildReport['kvmModules'] = []
  if (kvm) {
    const binaries = rpms.filter((rpm) => rpm.arch !== 'src' && rpm.name.startsWith('kernel'))
    const lists = await Promise.all(
      binaries.map(async (rpm) => ({ rpm, files: await listPackageFiles(rpm.path) })),
    )
    for (const module of KVM_MODULES) {
      // Anywhere below the release's module folder: kernel/arch/powerpc/kvm/, or kvm/ after the split.
      const pattern = new RegExp(`^/lib/modules/${escape(kverrel)}/.*/${escape(module)}(\\.(xz|gz|zst))?$`)
      const owners = lists.filter(({ files }) => files.some((file) => pattern.test(file)))
      const names = owners.map((owner) => owner.rpm.name)
      for (const name of names) kvmModules.push({ module, package: name })
      if (owners.length === 0) problems.push(`no package contains /lib/modules/${kverrel}/…/${module}*`)
      else if (owners.length > 1)
        problems.push(`${module} is in ${names.length} packages: ${names.join(', ')}`)
      else if (variant && !names[0]!.startsWith(`${prefix}-`))
        problems.push(`${module} is in ${names[0]}, not a package of the ${prefix} kernel`)
      else if (!variant && kvmPackage === 'subpackage' && names[0] !== 'kernel-kvm')
        problems.push(`${module} is in ${names[0]}, not kernel-kvm (kvm-package: subpackage)`)
      else if (kvmPackage === 'modules' && names[0]!.endsWith('-kvm'))
        problems.push(`${module} is in ${names[0]} (kvm-package: modules)`)
    }
  }
  // EL9 packages the config in the module folder; /boot/config-* is a %ghost there.
  const configPath = [`/lib/modules/${kverrel}/config`, `/boot/config-${kverrel}`].find((path) =>
    coreFiles.includes(path),
  )
  if (!configPath) problems.push(`${core.nevra} has no /lib/modules/${kverrel}/config`)
  else {
    const packaged = readConfig(await extractPackageFile(core.path, configPath))
    for (const option of options) {
      const value = packaged.get(option.name)
      if (option.onlyIfKnown && value === undefined) continue
      if ((value ?? 'n') !== option.value) {
        problems.push(
          `${configPath} has CONFIG_${option.name}=${value ?? '(unset)'}, expected ${option.value}`,
        )
      }
    }
  }
  if (problems.length > 0)
    throw new TestFailure(`the built kernel is not what was asked for: ${problems.join('; ')}`)
  return { nvr: `kernel-${core.version}-${core.release}`, kverrel, vmlinux: vmlinux!, kvmModules }
}
