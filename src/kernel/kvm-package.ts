/**
 * Where kvm.ko and kvm-hv.ko are packaged. AlmaLinux ships them in a `kernel-kvm` subpackage;
 * `modules` keeps them in the base kernel's module packages.
 *
 * The EL9 spec has two shapes. From 9.4 on, `%define kernel_kvm_package()` exists inside
 * `%if %{with_realtime}`, the variant package and files macros call it and list the kvm
 * modules for rt variants only, and BuildKernel moves the modules of mod-kvm.list out with the
 * split script behind shell `$Variant` gates for rt. On ppc64le (no realtime) none of that runs,
 * so each of those places is opened to the base variant on ppc64le. The 9.0 to 9.3 specs have no
 * kvm macro at all: there the package, its file list and the split are added beside the spec's
 * own split of the internal modules.
 *
 * Upstreams that already build kernel-kvm for ppc64le are recognised and left as they are: AlmaLinux
 * 9.6 and later build a whole `kvm` kernel variant for ppc64le (`%kernel_variant_package kvm`, its
 * own kernel-ppc64le-kvm configs with KVM on, the base kernel's configs unchanged), and a spec this
 * edit already changed carries its base-variant gates.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { enclosingConditionals, enclosingShellIf, numberedTags, sections, SHELL_IF } from '../rpm/spec.js'

export type KvmPackage = 'subpackage' | 'modules'

/** The architecture whose base kernel gets kernel-kvm, and the modules it must hold. */
export const KVM_ARCH = 'ppc64le'
export const KVM_MODULE_NAMES = ['kvm', 'kvm-hv'] as const
const KVM_LIST = 'mod-kvm.list'

/** True for the base variant on ppc64le: rpm's `%{?N}` is empty for the base kernel. */
const baseMacroCondition = (argument: string) => `"%{?${argument}}%{_target_cpu}" == "${KVM_ARCH}"`
/** The same in BuildKernel's shell, where the variant is `$Variant` (empty for the base kernel). */
const BASE_SHELL_TEST = `"\${Variant}%{_target_cpu}" == "${KVM_ARCH}"`
/** The same for `[ … ]`, which takes `=`. */
const BASE_POSIX_TEST = BASE_SHELL_TEST.replace('==', '=')
const MARK = '# kvm-actions:'
/** The prefix of every edit's report when the spec already has what the edit would make. */
export const ALREADY_ENABLED = 'already enabled upstream'

/** How a spec packages KVM for ppc64le before any edit of this run. */
export type KvmShape =
  /** No kernel-kvm on ppc64le: the edit makes one. */
  | { kind: 'none' }
  /** A ppc64le kernel variant built with KVM on, whose meta package is kernel-kvm (AlmaLinux 9.6+). */
  | { kind: 'variant'; variant: string }
  /** kernel-kvm holds the base kernel's kvm and kvm-hv on ppc64le (this edit, applied before). */
  | { kind: 'base-subpackage' }

const KVM_VARIANT = /^%kernel_variant_package\s+(?:-\S+\s+)*(kvm)\s*$/
const BASE_MACRO_TEST = new RegExp(`"%\\{\\?\\d\\}%\\{_target_cpu\\}" == "${KVM_ARCH}"`)

const DEFINITION = /^%define\s+kernel_kvm_package\(\)/
const POST_DEFINITION = /^%define\s+kernel_kvm_post\(\)/
const INVOCATION = /%\{expand:%%kernel_kvm_package\b|^\s*%kernel_kvm_package\b/
const MACRO_IF = /^%if\b(.*)\\$/

function shapeError(spec: string, what: string, expected: string): ConfigurationError {
  return new ConfigurationError(
    `${spec}: cannot ${what}: expected ${expected}. The spec has changed shape; report it, or use the other kvm-package mode`,
  )
}

const cannotPackage = (spec: string, expected: string) =>
  shapeError(spec, 'make the kernel-kvm subpackage', expected)

export function kvmShape(lines: readonly string[]): KvmShape {
  const variant = lines.map((line) => KVM_VARIANT.exec(line.trim())?.[1]).find(Boolean)
  if (variant) return { kind: 'variant', variant }
  const edited = lines.some(
    (line) =>
      line.startsWith(MARK) ||
      line.includes(BASE_SHELL_TEST) ||
      line.includes(BASE_POSIX_TEST) ||
      BASE_MACRO_TEST.test(line),
  )
  const kvmSections = sections(lines).some(
    (s) => (s.name === 'files' || s.name === 'package') && s.subpackage === 'kvm',
  )
  return edited || kvmSections ? { kind: 'base-subpackage' } : { kind: 'none' }
}

/** What the spec already ships, in words, for the reports. */
export function describeKvmShape(shape: KvmShape): string {
  switch (shape.kind) {
    case 'variant':
      return `kernel-kvm is the spec's own ${KVM_ARCH} '${shape.variant}' kernel variant, built with KVM on (as AlmaLinux 9.6 and later build it)`
    case 'base-subpackage':
      return `kernel-kvm already holds the base kernel's ${KVM_MODULE_NAMES.join(' and ')} on ${KVM_ARCH}`
    case 'none':
      return `no kernel-kvm on ${KVM_ARCH}`
  }
}

/**
 * The ppc64le configs the KVM profile belongs in: a KVM variant's own where the spec has one (its
 * base kernel stays as upstream made it), else every ppc64le config.
 */
export function kvmConfigFiles(configs: readonly string[], shape: KvmShape): string[] {
  if (shape.kind !== 'variant') return [...configs]
  return configs.filter((file) => new RegExp(`-${KVM_ARCH}-${shape.variant}(-debug)?-`).test(basename(file)))
}

/** Index of the `%else\` / `%endif\` that ends the branch opened at `start` inside a macro body. */
function macroBranchEnd(lines: readonly string[], start: number): { else?: number; endif: number } {
  let depth = 0
  let elseAt: number | undefined
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!.trim()
    if (!line.endsWith('\\') && !/^%\{nil\}/.test(line)) break
    if (/^%if\w*\b/.test(line)) depth++
    else if (/^%else\b/.test(line) && depth === 0) elseAt ??= index
    else if (/^%endif\b/.test(line)) {
      if (depth === 0) return { ...(elseAt !== undefined ? { else: elseAt } : {}), endif: index }
      depth--
    }
  }
  return { endif: -1 }
}

/**
 * Opens a realtime-only branch of a macro body (`%if "%{N}" == "rt" || …\`) to the base variant on
 * ppc64le: the branch's lines are repeated after its `%endif\` under the base condition, so the
 * `%else` branch (the unified kernel image) is left as it is.
 */
function openMacroBranch(lines: string[], at: number): boolean {
  const condition = MACRO_IF.exec(lines[at]!.trim())?.[1] ?? ''
  const argument = /"%\{\??(\d)\}"\s*==\s*"rt"/.exec(condition)?.[1]
  if (!argument) return false
  const { else: elseAt, endif } = macroBranchEnd(lines, at)
  if (endif === -1) return false
  const body = lines.slice(at + 1, elseAt ?? endif)
  lines.splice(endif + 1, 0, `%if ${baseMacroCondition(argument)}\\`, ...body, '%endif\\')
  return true
}

/** The `%if…\` in a macro body that encloses `index` most closely. */
function enclosingMacroIf(lines: readonly string[], index: number): number {
  const open = enclosingConditionals(lines, index).filter((c) => c.keyword === 'if')
  const last = open.at(-1)
  return last && lines[last.line]!.trim().endsWith('\\') && !last.inElse ? last.line : -1
}

/** `if [[ … ]]; then` / `if [ … ] || [ … ]; then` on `$Variant` gains the base-variant test. */
function openShellGate(lines: string[], at: number): boolean {
  const match = SHELL_IF.exec(lines[at]!)
  if (!match || !/\$\{?Variant\}?/.test(match[2]!) || lines[at]!.includes('%{_target_cpu}')) return false
  const test = match[2]!.trim()
  const opened = /^\[\[.*\]\]$/.test(test)
    ? `${test.slice(0, -2).trimEnd()} || ${BASE_SHELL_TEST} ]]`
    : `${test} || [ ${BASE_POSIX_TEST} ]`
  lines[at] = `${match[1]}if ${opened}; then`
  return true
}

/** The module names in SOURCES/mod-kvm.list (none when there is no such file). */
export function readKvmList(sourcesDir: string): string[] {
  const file = join(sourcesDir, KVM_LIST)
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : []
}

/** mod-kvm.list names kvm and kvm-hv (EL9 lists the x86 modules; kvm-hv is missing). */
function completeKvmList(sourcesDir: string): string[] {
  const names = readKvmList(sourcesDir)
  const added = KVM_MODULE_NAMES.filter((name) => !names.includes(name))
  if (added.length > 0) writeFileSync(join(sourcesDir, KVM_LIST), [...names, ...added].join('\n') + '\n')
  return added
}

/** The spec's Source number of mod-kvm.list, if it has one. */
function kvmListSource(lines: readonly string[]): number | undefined {
  return numberedTags(lines, 'Source').find((tag) => tag.value === KVM_LIST)?.number
}

/** The `%if %{with_realtime}` around a macro definition also holds on ppc64le; false if none did. */
function openRealtimeGate(lines: string[], definition: number): boolean {
  let opened = false
  for (const gate of enclosingConditionals(lines, definition)) {
    if (gate.keyword !== 'if' || !gate.args.includes('with_realtime') || gate.inElse) continue
    lines[gate.line] = `%if ${gate.args} || "%{_target_cpu}" == "${KVM_ARCH}"`
    opened = true
  }
  return opened
}

/**
 * The conditional lines around the base kernel's `%kernel_variant_package` (no variant): its
 * packages exist only where these hold, so kernel-kvm's sections must sit inside them too.
 */
function basePackageConditions(lines: readonly string[], spec: string): string[] {
  const at = lines.findIndex((line) => /^%kernel_variant_package\s*$/.test(line.trim()))
  if (at === -1) throw cannotPackage(spec, "a '%kernel_variant_package' line for the base kernel")
  const open = enclosingConditionals(lines, at)
  if (open.some((c) => c.inElse)) throw cannotPackage(spec, "the base kernel's packages outside any %else")
  return open.map((c) => lines[c.line]!.trim())
}

/** `body` for the base kernel on ppc64le: inside `%ifarch ppc64le` and the given conditions. */
function forBaseOnPpc64le(conditions: readonly string[], body: readonly string[]): string[] {
  return [`%ifarch ${KVM_ARCH}`, ...conditions, ...body, ...conditions.map(() => '%endif'), '%endif']
}

/**
 * kernel-kvm runs depmod after install and removal, as the rt kvm packages do, so `modprobe
 * kvm_hv` finds the modules: through the spec's `%kernel_kvm_post` where it has one (opened like
 * the package macro), else written out. Placed before the file lists, with the scriptlets.
 */
function addKvmScriptlets(lines: string[], spec: string): string {
  const definition = lines.findIndex((line) => POST_DEFINITION.test(line))
  let body = ['%post kvm', '/sbin/depmod -a %{KVERREL}', '%postun kvm', '/sbin/depmod -a %{KVERREL}']
  if (definition !== -1) {
    openRealtimeGate(lines, definition)
    body = ['%kernel_kvm_post']
  }
  const at = lines.findIndex((line) => /^%define\s+kernel_variant_files\b/.test(line))
  if (at === -1) throw cannotPackage(spec, "a '%define kernel_variant_files' line")
  lines.splice(at, 0, ...forBaseOnPpc64le(basePackageConditions(lines, spec), body), '')
  return 'kernel-kvm runs depmod after install and removal'
}

/** 9.4 and later: every rt-only place of the kvm package opened to the base variant on ppc64le. */
function openRealtimeKvm(lines: string[], spec: string): string[] {
  const details: string[] = []
  const definition = lines.findIndex((line) => DEFINITION.test(line))
  if (openRealtimeGate(lines, definition)) details.push('kernel_kvm_package defined on ppc64le')

  // The variant package and files macros: the rt-only branches that declare or list kvm.
  const branches = new Set<number>()
  const packaged: number[] = []
  const listed: number[] = []
  lines.forEach((line, index) => {
    if (!line.trimEnd().endsWith('\\')) return
    if (INVOCATION.test(line) && !DEFINITION.test(line)) packaged.push(index)
    else if (/%%files\b.*\bkvm\b/.test(line)) listed.push(index)
  })
  if (packaged.length === 0)
    throw cannotPackage(spec, "a '%{expand:%%kernel_kvm_package …}' line in the variant package macro")
  if (listed.length === 0)
    throw cannotPackage(spec, "a '%{expand:%%files … kvm}' line in the variant files macro")
  for (const index of [...packaged, ...listed]) {
    const gate = enclosingMacroIf(lines, index)
    if (gate !== -1) branches.add(gate)
  }
  let opened = 0
  for (const gate of [...branches].sort((a, b) => b - a)) if (openMacroBranch(lines, gate)) opened++
  if (opened > 0)
    details.push(`variant package and files macros: kernel-kvm for the base kernel (${opened} branch(es))`)

  // BuildKernel: the split and the file list of mod-kvm.list behind `$Variant` gates.
  const source = kvmListSource(lines)
  if (source === undefined) throw cannotPackage(spec, `a 'SourceNN: ${KVM_LIST}' line`)
  const split = new RegExp(`%\\{SOURCE${source}\\}\\s+kvm\\s*$`)
  const users = lines.flatMap((line, index) =>
    (split.test(line) || line.includes(KVM_LIST)) && !/^Source\d*:/i.test(line.trim()) ? [index] : [],
  )
  if (!users.some((index) => split.test(lines[index]!)))
    throw cannotPackage(spec, `a line that splits the modules of %{SOURCE${source}} into kvm`)
  const gates = new Set(users.map((index) => enclosingShellIf(lines, index)).filter((at) => at !== -1))
  let shell = 0
  for (const gate of gates) if (openShellGate(lines, gate)) shell++
  if (shell > 0) details.push(`BuildKernel: ${shell} $Variant gate(s) opened to the base kernel`)
  return details
}

/**
 * A line matching `anchor`, repeated after itself for mod-kvm.list under the base-variant gate;
 * a missing anchor is an error when `expected` describes it, and skipped otherwise.
 */
function twinForKvm(
  lines: string[],
  spec: string,
  anchor: RegExp,
  rewrite: (line: string) => string,
  expected?: string,
): void {
  const index = lines.findIndex((line) => anchor.test(line))
  if (index === -1) {
    if (expected) throw cannotPackage(spec, expected)
    return
  }
  const indent = /^\s*/.exec(lines[index]!)![0]
  lines.splice(
    index + 1,
    0,
    `${indent}if [ ${BASE_POSIX_TEST} ]; then`,
    `${indent}  ${rewrite(lines[index]!.trim())}`,
    `${indent}fi`,
  )
}

/** The condition of a base kernel's `%kernel_variant_files [-k image] <use_vdso> <condition>` line. */
function baseFilesCondition(line: string): string | undefined {
  const words = /^%kernel_variant_files\s+(.*)$/.exec(line.trim())?.[1]?.split(/\s+/)
  if (!words) return undefined
  const positional = words.filter((word, i) => !word.startsWith('-') && !words[i - 1]?.startsWith('-'))
  return positional.length === 2 ? positional[1] : undefined
}

/** 9.0 to 9.3: the package, its file list and the split, modelled on the internal modules'. */
function addBaseKvm(lines: string[], spec: string, sourcesDir: string): string[] {
  let source = kvmListSource(lines)
  if (source === undefined) {
    const tags = numberedTags(lines, 'Source')
    const used = new Set(tags.map((tag) => tag.number))
    source = used.has(86) ? Math.max(...used) + 1 : 86
    const after = tags.at(-1)?.line ?? -1
    if (after === -1) throw cannotPackage(spec, "a 'SourceNN:' line")
    lines.splice(after + 1, 0, `Source${source}: ${KVM_LIST}`)
  }
  completeKvmList(sourcesDir)
  const internalSplit =
    /^\s*(%\{SOURCE\d+\})\s+\$RPM_BUILD_ROOT\s+lib\/modules\/\$KernelVer\s+\S+\s+internal\s*$/
  const splitter = internalSplit.exec(lines.find((line) => internalSplit.test(line)) ?? '')?.[1]
  if (!splitter) {
    throw cannotPackage(
      spec,
      "a line '%{SOURCE20} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE84} internal' (the split of the internal modules)",
    )
  }
  twinForKvm(
    lines,
    spec,
    internalSplit,
    () => `${splitter} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE${source}} kvm`,
  )
  twinForKvm(
    lines,
    spec,
    /^\s*xargs rm -rf < mod-internal\.list\s*$/,
    () => `xargs rm -rf < ${KVM_LIST}`,
    "a line 'xargs rm -rf < mod-internal.list'",
  )
  twinForKvm(
    lines,
    spec,
    /mod-internal\.list\s*>>\s*\S*-modules-internal\.list\s*$/,
    (line) => line.replace('mod-internal.list', KVM_LIST).replace(/-modules-internal\.list\s*$/, '-kvm.list'),
    'a line that appends mod-internal.list to the modules-internal file list',
  )
  twinForKvm(
    lines,
    spec,
    /^\s*rm -f \$RPM_BUILD_ROOT\/mod-internal\.list\s*$/,
    () => `rm -f $RPM_BUILD_ROOT/${KVM_LIST}`,
  )

  const conditions = basePackageConditions(lines, spec)
  const prep = lines.findIndex((line) => /^%prep\b/.test(line))
  if (prep === -1) throw cannotPackage(spec, "a '%prep' line")
  lines.splice(
    prep,
    0,
    `${MARK} kernel-kvm for the base kernel on ${KVM_ARCH}; this spec has no kvm package macro`,
    ...forBaseOnPpc64le(conditions, [
      '%package kvm',
      'Summary: KVM modules for package kernel',
      'Requires: kernel-core = %{version}-%{release}',
      'Provides: installonlypkg(kernel-module)',
      '%description kvm',
      'The KVM modules (kvm, kvm-hv) of the kernel package, for guests under KVM-HV.',
    ]),
    '',
  )
  // The base kernel's files exist where its `%kernel_variant_files … <condition>` line says.
  const baseFiles = lines.findIndex((line) => baseFilesCondition(line) !== undefined)
  if (baseFiles === -1)
    throw cannotPackage(spec, "a '%kernel_variant_files <use_vdso> <condition>' line for the base kernel")
  const lastFiles = lines.findLastIndex((line) => /^%kernel_variant_files\b/.test(line))
  lines.splice(
    lastFiles + 1,
    0,
    ...forBaseOnPpc64le(
      [...conditions, `%if ${baseFilesCondition(lines[baseFiles]!)}`],
      ['%files -f kernel-kvm.list kvm', '%dir /lib/modules/%{KVERREL}/kvm'],
    ),
  )
  return [
    `Source${source}: ${KVM_LIST} (kvm, kvm-hv)`,
    'kernel-kvm declared with its file list',
    'BuildKernel splits the kvm modules out for the base kernel',
  ]
}

/** kernel-kvm for the base kernel on ppc64le, holding kvm.ko and kvm-hv.ko. */
export function packageKvmSeparately(lines: string[], spec: string, sourcesDir: string): string {
  const shape = kvmShape(lines)
  if (shape.kind !== 'none') return `${ALREADY_ENABLED}: ${describeKvmShape(shape)}; nothing changed`
  if (lines.some((line) => DEFINITION.test(line))) {
    const details = openRealtimeKvm(lines, spec)
    // Scriptlets only where this edit made the package: a spec that has it keeps its own.
    if (details.length > 0) details.push(addKvmScriptlets(lines, spec))
    const added = completeKvmList(sourcesDir)
    if (added.length > 0) details.push(`${KVM_LIST} gains ${added.join(', ')}`)
    return details.length > 0
      ? details.join('; ')
      : `${ALREADY_ENABLED}: kernel-kvm already built for the base kernel by the spec`
  }
  return [...addBaseKvm(lines, spec, sourcesDir), addKvmScriptlets(lines, spec)].join('; ')
}

/**
 * kvm.ko and kvm-hv.ko stay in the base kernel's module packages. The EL9 spec splits kvm out for
 * rt only, so nothing changes; a spec whose kvm package already takes them from the base kernel
 * cannot be turned back and is refused.
 */
export function keepKvmInModules(lines: string[], spec: string): string {
  const shape = kvmShape(lines)
  if (shape.kind !== 'none') {
    throw new ConfigurationError(
      `${spec}: cannot keep the KVM modules in the kernel modules: this upstream already ships kernel-kvm (${describeKvmShape(shape)}), and kvm-package: modules would take it apart. Use kvm-package: subpackage, which keeps what upstream ships`,
    )
  }
  return lines.some((line) => DEFINITION.test(line))
    ? 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec splits kvm out for rt only)'
    : 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec has no kvm package)'
}
