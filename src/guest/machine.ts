/**
 * The pseries machine options: derived from the host probe first, then corrected by QEMU itself.
 * When QEMU refuses a capability level it says which setting it would accept ("try appending
 * -machine cap-X=Y"); the boot is retried with that setting, and the options that worked are
 * reported, which is the answer maintainers otherwise find by trial.
 */
import type { Accel, HostProbe } from './probe.js'

export interface MachineRequest {
  accel: Accel
  /** The guest CPU generation asked for (power9, power10) or host. */
  cpu: string
  nested: boolean
  /**
   * The nested API L0 offers L1: v1 (cap-nested-hv, KVM's own) or v2 (cap-nested-papr, PowerVM's,
   * as a POWER10 LPAR in KVM mode offers it).
   */
  nestedApi?: 'v1' | 'v2'
  /** vof for direct kernel boots (fast); slof to boot a disk image. */
  firmware?: 'vof' | 'slof'
  /** The CPU generation the guest is held to (max-cpu-compat), whatever the CPU model. */
  cpuCompat?: string
  /** Options given by the user, applied last (they win). */
  extra: readonly string[]
}

/** pseries,key=value,… from the probe and the request. */
export function machineOptions(probe: HostProbe, request: MachineRequest): string {
  let machine = 'pseries'
  if (request.accel === 'kvm') machine = withOption(machine, 'accel=kvm')
  if (request.accel === 'kvm') machine = withOption(machine, 'kvm-type=HV')
  // Direct kernel boot: VOF instead of SLOF saves seconds per boot.
  if (request.firmware !== 'slof') machine = withOption(machine, 'x-vof=on')
  // A host without XIVE (POWER8, or XIVE off) can only give the guest XICS.
  if (request.accel === 'kvm' && probe.xive === false) machine = withOption(machine, 'ic-mode=xics')
  // An older guest generation on a newer host: the host CPU in compatibility mode.
  const host = probe.generation?.toLowerCase()
  if (request.accel === 'kvm' && host && request.cpu !== 'host' && request.cpu !== host)
    machine = withOption(machine, `max-cpu-compat=${request.cpu}`)
  if (request.cpuCompat) machine = withOption(machine, `max-cpu-compat=${request.cpuCompat}`)
  if (request.nested && request.nestedApi === 'v2') {
    machine = withOption(machine, 'cap-nested-hv=off')
    machine = withOption(machine, 'cap-nested-papr=on')
  } else if (request.nested) machine = withOption(machine, 'cap-nested-hv=on')
  for (const option of request.extra) machine = withOption(machine, option)
  return machine
}

/** Sets key=value in a machine string, replacing an earlier value of the same key. */
export function withOption(machine: string, option: string): string {
  const [type, ...options] = machine.split(',')
  const key = option.split('=')[0]
  return [type, ...options.filter((existing) => existing.split('=')[0] !== key), option].join(',')
}

/** The -cpu of a request: under KVM with an older generation, the host CPU in compat mode. */
export function cpuModel(probe: HostProbe, request: Pick<MachineRequest, 'accel' | 'cpu'>): string {
  if (request.accel !== 'kvm') return request.cpu === 'host' ? 'power9' : request.cpu
  const host = probe.generation?.toLowerCase()
  return request.cpu === 'host' || (host && request.cpu !== host) ? 'host' : request.cpu
}

/**
 * QEMU's refusals and the setting each asks for. The patterns are POSIX extended regular
 * expressions as well as JavaScript ones: L1's shell (nested.ts) negotiates the L2 QEMU with the
 * same table, through busybox sed. `\1` in the fix is the pattern's first group.
 */
export const REFUSAL_RULES: readonly { refusal: string; fix: string }[] = [
  // "Try appending -machine cap-sbbc=broken", "try appending -machine cap-ccf-assist=off"
  { refusal: '[Tt]ry appending -machine ([a-z0-9-]+=[a-z0-9]+)', fix: '\\1' },
  // No XIVE from the KVM below (POWER8, an LPAR, a nested guest): QEMU's own interrupt controller.
  {
    refusal: 'kernel_irqchip requested but unavailable|IRQ_XIVE capability must be present',
    fix: 'kernel-irqchip=off',
  },
  // A 4 KiB-page host kernel (Debian's powerpc64le) under a KVM that backs guest pages with host
  // pages (KVM_PPC_PAGE_SIZES_REAL): QEMU names the host page size but no setting.
  {
    refusal: "Can't support [0-9]+ kiB guest pages with ([0-9]+) kiB host pages",
    fix: 'cap-hpt-max-page-size=\\1k',
  },
]

/** The setting QEMU's refusal suggests, if it suggests one. */
export function suggestedOption(output: string): string | undefined {
  for (const { refusal, fix } of REFUSAL_RULES) {
    const match = new RegExp(refusal).exec(output)
    if (match) return fix.replace('\\1', match[1] ?? '').toLowerCase()
  }
  return undefined
}

export interface Attempt {
  machine: string
  /** QEMU's refusal, when this attempt was refused. */
  refusal?: string
  /** The option the next attempt added. */
  fix?: string
}

/**
 * Runs `start` with the machine, and again with each setting QEMU suggests, at most `limit`
 * times; a refusal without a suggestion, or a suggestion already tried, ends it.
 */
export async function negotiate<T>(
  machine: string,
  start: (machine: string) => Promise<T>,
  refusalOf: (error: unknown) => string | undefined,
  attempts: Attempt[] = [],
  limit = 5,
): Promise<{ result: T; attempts: Attempt[] }> {
  let current = machine
  for (;;) {
    try {
      const result = await start(current)
      attempts.push({ machine: current })
      return { result, attempts }
    } catch (error) {
      const refusal = refusalOf(error)
      const fix = refusal ? suggestedOption(refusal) : undefined
      const next = fix ? withOption(current, fix) : undefined
      attempts.push({ machine: current, ...(refusal ? { refusal } : {}), ...(fix ? { fix } : {}) })
      if (!next || next === current || attempts.length >= limit || attempts.some((a) => a.machine === next))
        throw error
      current = next
    }
  }
}
