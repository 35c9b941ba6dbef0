/**
 * The kernel's own Kconfig as the judge of a config, before hours of building: run
 * `make olddefconfig` for ARCH=powerpc on the final config (only the config step, so a cross
 * toolchain on x86 is enough) and report every requested option that Kconfig changed, with the
 * dependency or select that forced it.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { arch, tmpdir } from 'node:os'
import { join } from 'node:path'
import { InfrastructureError } from '../errors.js'
import { exec } from '../exec/exec.js'
import { installOnce } from '../fs/install-once.js'
import { digestTree } from '../rpm/avoid.js'
import { findOnPath } from '../exec/tools.js'
import type { Log } from '../reporter.js'
import { type ConfigOption, formatOption, readConfig } from './config.js'

/** What olddefconfig needs of a source tree: Kconfig and make files, scripts/, arch/powerpc, include/. */
const CONFIG_STEP_PATHS = [
  '*/Kconfig*',
  '*/Makefile*',
  '*/Kbuild*',
  '*/scripts/*',
  '*/arch/powerpc/*',
  '*/include/*',
]

/** A kernel source tree: its top Makefile and the powerpc KVM Kconfig. */
export function isKernelTree(dir: string): boolean {
  return existsSync(join(dir, 'Makefile')) && existsSync(join(dir, 'arch', 'powerpc', 'kvm', 'Kconfig'))
}

/**
 * A kernel source folder, or a tarball (linux-*.tar.xz as the SRPM ships it) unpacked once into
 * cacheDir, keyed by the tarball's name and size, with only the files the config step reads.
 */
export async function prepareKernelSource(source: string, cacheDir: string, log?: Log): Promise<string> {
  if (statSync(source).isDirectory()) {
    if (!isKernelTree(source))
      throw new InfrastructureError(`${source} is not a kernel source tree (no arch/powerpc/kvm/Kconfig)`)
    return source
  }
  const id = createHash('sha256')
    .update(`${source}:${statSync(source).size}:${statSync(source).mtimeMs}`)
    .digest('hex')
    .slice(0, 16)
  const target = join(cacheDir, 'kernel-source', id)
  const treeIn = (dir: string): string | undefined =>
    existsSync(dir)
      ? readdirSync(dir)
          .map((name) => join(dir, name))
          .find(isKernelTree)
      : undefined
  await installOnce(
    target,
    async (dir) => {
      await exec(['tar', '-xf', source, '-C', dir, '--wildcards', ...CONFIG_STEP_PATHS], {
        ...(log ? { log, group: `Unpack the Kconfig files of ${source}` } : {}),
      })
    },
    { ready: (dir) => treeIn(dir) !== undefined },
  )
  const unpacked = treeIn(target)
  if (!unpacked)
    throw new InfrastructureError(`${source} holds no kernel source tree with arch/powerpc/kvm/Kconfig`)
  return unpacked
}

/** What of a kernel source decides the Kconfig check: a tarball's bytes, or a tree's Kconfig files. */
export function kernelSourceDigest(source: string): string {
  return digestTree(source, /^Kconfig/)
}

/** make's arguments for a powerpc config step on this host: native on ppc64le, else the cross toolchain. */
export function powerpcMakeArgs(): string[] {
  if (arch() === 'ppc64') return ['ARCH=powerpc']
  const cross = 'powerpc64le-linux-gnu-'
  if (!findOnPath(`${cross}gcc`)) {
    throw new InfrastructureError(
      `building for powerpc needs ${cross}gcc on this ${arch()} host; run scripts/setup-host.sh`,
    )
  }
  return ['ARCH=powerpc', `CROSS_COMPILE=${cross}`]
}

/** Runs `make <target>` in an output folder of its own and returns the resulting .config. */
export async function runConfigTarget(
  sourceDir: string,
  target: string,
  config?: string,
  log?: Log,
): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'kconfig-out-'))
  try {
    if (config !== undefined) writeFileSync(join(out, '.config'), config)
    await exec(['make', '-s', '-C', sourceDir, `O=${out}`, ...powerpcMakeArgs(), target], {
      ...(log ? { log, group: `make ${target}` } : {}),
    })
    return readFileSync(join(out, '.config'), 'utf8')
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

interface Symbol {
  depends: string[]
  /** Symbols that select this one. */
  selectedBy: string[]
}

/** config/menuconfig blocks of every Kconfig file: each symbol's `depends on` and who selects it. */
export function kconfigIndex(sourceDir: string): Map<string, Symbol> {
  const index = new Map<string, Symbol>()
  const entry = (name: string): Symbol => {
    if (!index.has(name)) index.set(name, { depends: [], selectedBy: [] })
    return index.get(name)!
  }
  const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /(^|\/)Kconfig[^/]*$/.test(file),
  )
  for (const file of files) {
    let current: string | undefined
    for (const raw of readFileSync(join(sourceDir, file), 'utf8').split('\n')) {
      const line = raw.trim()
      const block = /^(?:menu)?config\s+([A-Za-z0-9_]+)/.exec(line)
      if (block) {
        current = block[1]!
        entry(current)
        continue
      }
      if (/^(menu|endmenu|choice|endchoice|if|endif|source|comment)\b/.test(line)) current = undefined
      if (!current) continue
      const depends = /^depends on\s+(.+)$/.exec(line)
      if (depends) entry(current).depends.push(depends[1]!.trim())
      const select = /^select\s+([A-Za-z0-9_]+)/.exec(line)
      if (select) entry(select[1]!).selectedBy.push(current)
    }
  }
  return index
}

export interface KconfigFinding {
  name: string
  requested: string
  final: string
  kept: boolean
  reason?: string
}

const isOn = (value: string | undefined): boolean => value === 'y' || value === 'm'

/** Why Kconfig changed a requested value, from the symbol's dependencies and selectors. */
function explain(
  option: ConfigOption,
  final: string,
  values: Map<string, string>,
  index: Map<string, Symbol>,
): string {
  const symbol = index.get(option.name)
  if (!symbol) return `CONFIG_${option.name} does not exist in this kernel tree`
  if (option.value === 'm' && final === 'y' && !isOn(values.get('MODULES'))) {
    return 'CONFIG_MODULES is off, so a module request becomes built-in'
  }
  if (isOn(option.value) && !isOn(final)) {
    const unmet = symbol.depends
      .flatMap((expression) => [...expression.matchAll(/!?[A-Z][A-Z0-9_]+/g)].map((m) => m[0]))
      .filter((name) => (name.startsWith('!') ? isOn(values.get(name.slice(1))) : !isOn(values.get(name))))
    const deps = symbol.depends.join(' && ')
    return unmet.length > 0
      ? `depends on ${deps}; not met: ${[...new Set(unmet)].map((n) => (n.startsWith('!') ? `${n.slice(1)} is set` : `${n} is off`)).join(', ')}`
      : `depends on ${deps || '(nothing listed)'}; a menu or if block around it is off`
  }
  if (!isOn(option.value) && isOn(final)) {
    const selectors = symbol.selectedBy.filter((name) => isOn(values.get(name)))
    return selectors.length > 0
      ? `selected by ${selectors.join(', ')}`
      : 'forced on by its default or a select'
  }
  return `Kconfig allows only ${final} here`
}

/** Each requested option compared with the value Kconfig left in `values`, with the reason when it differs. */
export function compareWithKconfig(
  options: readonly ConfigOption[],
  values: Map<string, string>,
  index: Map<string, Symbol>,
): KconfigFinding[] {
  return options.flatMap((option) => {
    if (option.onlyIfKnown && !index.has(option.name)) return []
    const final = values.get(option.name) ?? 'n'
    const kept = final === option.value
    return [
      {
        name: option.name,
        requested: option.value,
        final,
        kept,
        ...(kept ? {} : { reason: explain(option, final, values, index) }),
      },
    ]
  })
}

/** olddefconfig on the config text, then each requested option compared with what Kconfig kept. */
export async function checkWithKconfig(
  sourceDir: string,
  configText: string,
  options: readonly ConfigOption[],
  index: Map<string, Symbol>,
  log?: Log,
): Promise<KconfigFinding[]> {
  const values = readConfig(await runConfigTarget(sourceDir, 'olddefconfig', configText, log))
  return compareWithKconfig(options, values, index)
}

export function describeFinding(file: string, finding: KconfigFinding): string {
  return `${file}: ${formatOption({ name: finding.name, value: finding.requested })} became ${formatOption({ name: finding.name, value: finding.final })} (${finding.reason})`
}
