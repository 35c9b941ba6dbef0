/**
 * Kernel config files as the kernel SRPM keeps them (SOURCES/kernel-<arch>[-debug]-rhel.config):
 * reading, setting options in the form the spec's config processing accepts, and asserting the
 * result. `n` stands for "# CONFIG_X is not set".
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'

export interface ConfigOption {
  /** Without the CONFIG_ prefix. */
  name: string
  /** y, m, n (not set), or a number or quoted string. */
  value: string
  /** Only set where the kernel tree knows the option (newer trees add some). */
  onlyIfKnown?: boolean
}

/** The KVM-HV profile for ppc64le, as RHEL-derived trees that ship KVM on POWER set it (HV on, PR off). */
export const KVM_PROFILE: readonly ConfigOption[] = [
  { name: 'KVM_BOOK3S_64', value: 'm' },
  { name: 'KVM_BOOK3S_64_HV', value: 'm' },
  { name: 'KVM_BOOK3S_64_PR', value: 'n' },
  { name: 'KVM_XICS', value: 'y' },
  { name: 'KVM_BOOK3S_HV_EXIT_TIMING', value: 'n' },
  { name: 'KVM_BOOK3S_HV_P8_TIMING', value: 'n' },
  { name: 'KVM_BOOK3S_HV_P9_TIMING', value: 'n' },
  // Kconfig's own advice ("if unsure, say Y"); older trees lack the option.
  { name: 'KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND', value: 'y', onlyIfKnown: true },
]

/** One entry per option, later entries (fragments) overriding earlier ones (the profile). */
export function mergeOptions(options: readonly ConfigOption[]): ConfigOption[] {
  const byName = new Map<string, ConfigOption>()
  for (const option of options) {
    byName.delete(option.name)
    byName.set(option.name, option)
  }
  return [...byName.values()]
}

const SET = /^CONFIG_([A-Za-z0-9_]+)=(.*)$/
const UNSET = /^# CONFIG_([A-Za-z0-9_]+) is not set$/

export function formatOption(option: Pick<ConfigOption, 'name' | 'value'>): string {
  return option.value === 'n' ? `# CONFIG_${option.name} is not set` : `CONFIG_${option.name}=${option.value}`
}

function parseLine(line: string): { name: string; value: string } | undefined {
  const set = SET.exec(line.trim())
  if (set) return { name: set[1]!, value: set[2]! }
  const unset = UNSET.exec(line.trim())
  return unset ? { name: unset[1]!, value: 'n' } : undefined
}

/** name → value for every option the config mentions (the last mention wins, as Kconfig reads it). */
export function readConfig(text: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const line of text.split('\n')) {
    const option = parseLine(line)
    if (option) values.set(option.name, option.value)
  }
  return values
}

/** A fragment file: `CONFIG_X=y` and `# CONFIG_X is not set` lines; other comments and blanks ignored. */
export function parseFragment(text: string, source: string): ConfigOption[] {
  return text.split('\n').flatMap((line, index) => {
    const trimmed = line.trim()
    const option = parseLine(trimmed)
    if (option) return [option]
    if (trimmed === '' || trimmed.startsWith('#')) return []
    throw new ConfigurationError(
      `${source}:${index + 1}: ${JSON.stringify(trimmed)} is not a config line; expected CONFIG_X=value or # CONFIG_X is not set`,
    )
  })
}

export interface ConfigChange {
  name: string
  /** undefined when the file did not mention the option. */
  from?: string
  to: string
}

/**
 * Sets each option in place (its first mention rewritten, any others removed) or appends it, so
 * every option appears exactly once. Options marked onlyIfKnown are set only if known(name).
 */
export function applyOptions(
  text: string,
  options: readonly ConfigOption[],
  known: (name: string) => boolean = () => false,
): { text: string; changes: ConfigChange[] } {
  const lines = text.replace(/\n$/, '').split('\n')
  const current = readConfig(text)
  const changes: ConfigChange[] = []
  for (const option of options) {
    if (option.onlyIfKnown && !current.has(option.name) && !known(option.name)) continue
    const wanted = formatOption(option)
    const mentions = lines.flatMap((line, index) => (parseLine(line)?.name === option.name ? [index] : []))
    if (mentions.length === 0) lines.push(wanted)
    else {
      lines[mentions[0]!] = wanted
      for (const index of mentions.slice(1).reverse()) lines.splice(index, 1)
    }
    const from = current.get(option.name)
    changes.push({ name: option.name, ...(from !== undefined ? { from } : {}), to: option.value })
  }
  return { text: lines.join('\n') + '\n', changes }
}

/** Each problem names the file: an option missing, repeated, or with another value. */
export function assertOptions(text: string, options: readonly ConfigOption[], file: string): string[] {
  const lines = text.split('\n').map(parseLine)
  return options.flatMap((option) => {
    const mentions = lines.filter((line) => line?.name === option.name)
    if (option.onlyIfKnown && mentions.length === 0) return []
    if (mentions.length !== 1)
      return [`${file}: CONFIG_${option.name} appears ${mentions.length} times, expected once`]
    return mentions[0]!.value === option.value
      ? []
      : [`${file}: ${formatOption(mentions[0]!)} where ${formatOption(option)} was asked for`]
  })
}

/** Every ppc64le config of the SRPM (base, debug, and any other variant). */
export function ppc64leConfigs(sourcesDir: string): string[] {
  return readdirSync(sourcesDir)
    .filter((name) => /^kernel-.*ppc64le.*\.config$/.test(name))
    .sort()
    .map((name) => join(sourcesDir, name))
}
