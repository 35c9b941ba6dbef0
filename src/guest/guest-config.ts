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

/** Threads per core each generation runs: POWER9 SMT4, POWER10 SMT8; SMT modes are powers of two. */
export const SMT_LIMITS = { power9: 4, power10: 8 } as const
const SMT_MODES = [1, 2, 4, 8]

/**
 * The SMT request against the CPU it runs on: a mode the generation has, and whole cores. The
 * generation is the guest's (cpu-compat, else cpu) or, for cpu host, the probed host's.
 */
export function smtProblems(request: {
  threads: number
  smp: number
  cpu: string
  cpuCompat?: string
  hostGeneration?: string
}): string[] {
  const { threads, smp } = request
  if (threads <= 1) return []
  const generation = (
    request.cpuCompat ?? (request.cpu === 'host' ? request.hostGeneration : request.cpu)
  )?.toLowerCase()
  const limit = generation ? SMT_LIMITS[generation as keyof typeof SMT_LIMITS] : undefined
  const accepted = SMT_MODES.filter((mode) => mode <= (limit ?? 8))
  const problems: string[] = []
  if (!accepted.includes(threads))
    problems.push(
      `Input 'threads' is ${threads}, but ${generation ? generation.toUpperCase() : 'POWER'} runs ${accepted.join(', ')} threads per core${limit ? ` (SMT${limit})` : ''}; expected threads ${accepted.join(', ')}${generation === 'power9' ? ', or cpu power10 for SMT8' : ''}`,
    )
  if (smp % threads !== 0)
    problems.push(
      `Input 'smp' is ${smp}, which is not a whole number of ${threads}-thread cores; expected a multiple of threads (${threads})`,
    )
  return problems
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
