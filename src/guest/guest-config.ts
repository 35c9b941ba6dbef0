/**
 * Guest configurations a maintainer tests: the MMU mode (radix or hash), SMT (threads per core)
 * and the CPU generation the guest is held to (max-cpu-compat). Each boot records what the guest
 * says it runs on, and a request the guest did not honour fails the boot.
 */
import type { GuestView } from './boot.js'

export interface GuestConfig {
  mmu?: 'radix' | 'hash'
  /** Threads per core. */
  threads?: number
  cpuCompat?: 'power9' | 'power10'
}

/** The kernel arguments a configuration needs (a hash guest: disable_radix), then the user's. */
export function configuredKernelArgs(config: GuestConfig, kernelArgs?: string): string | undefined {
  const words = [...(config.mmu === 'hash' ? ['disable_radix'] : []), kernelArgs?.trim() ?? ''].filter(
    Boolean,
  )
  return words.length > 0 ? words.join(' ') : undefined
}

/** Each way the guest differs from the request, in words; empty when it honoured all of it. */
export function configMismatches(config: GuestConfig, view: GuestView): string[] {
  const seen = view.mmuLine ? ` (kernel: "${view.mmuLine}")` : ''
  const problems: string[] = []
  if (config.mmu && view.mmu !== config.mmu)
    problems.push(
      `asked for a ${config.mmu} MMU; the guest runs ${view.mmu ?? 'an MMU it did not report'}${seen}`,
    )
  if (config.threads && view.threadsPerCore !== config.threads)
    problems.push(
      `asked for ${config.threads} threads per core; the guest sees ${view.threadsPerCore ?? 'an unreported number'}`,
    )
  // /proc/cpuinfo names the generation the guest runs as: "POWER9 (architected)" under compat mode.
  if (config.cpuCompat && !view.cpu?.toUpperCase().startsWith(config.cpuCompat.toUpperCase()))
    problems.push(
      `asked for max-cpu-compat=${config.cpuCompat}; the guest's CPU is ${view.cpu ?? 'not reported'}`,
    )
  return problems
}

/** The Guest table's rows: what was asked and what the guest saw. */
export function guestViewRows(config: GuestConfig, view: GuestView): [string, string, string][] {
  return [
    [
      'MMU',
      config.mmu ?? '(default)',
      `${view.mmu ?? 'not reported'}${view.mmuLine ? `: ${view.mmuLine}` : ''}`,
    ],
    [
      'Threads per core',
      String(config.threads ?? '(default)'),
      String(view.threadsPerCore ?? 'not reported'),
    ],
    ['CPU', config.cpuCompat ? `max-cpu-compat=${config.cpuCompat}` : '(model)', view.cpu ?? 'not reported'],
    ['Kernel release', '', view.release ?? 'not reported'],
  ]
}
