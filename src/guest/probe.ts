/**
 * What the host offers for running POWER guests: CPU generation, platform, a usable /dev/kvm,
 * kvm_hv and its nested parameter. Read from files under a root folder so tests can give a fake
 * POWER host; the parsing is pure.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { machine } from 'node:os'
import { join } from 'node:path'

export type Platform = 'powernv' | 'pseries-lpar' | 'emulated' | 'not-power'

/**
 * Where this host's KVM runs. powernv: bare metal. lpar-nested-v2: a PowerVM LPAR in KVM mode
 * (POWER10, FW1060+), whose KVM-HV runs its guests through PowerVM's nested API v2 (PAPR
 * H_GUEST_* calls, Linux 6.7+ kvm_hv); PowerVM offers no other, so an LPAR with kvm_hv loaded is in
 * this mode. nested: a guest of QEMU/KVM hosting guests itself (API v1, or v2 under QEMU's
 * cap-nested-papr: kvm_hv logs "falling back to nestedv1" when v2 is not offered).
 */
export type HostMode = 'powernv' | 'lpar-nested-v2' | 'nested'

export interface HostProbe {
  architecture: string
  cpu?: string
  /** POWER8, POWER9, POWER10 ... */
  generation?: string
  platform: Platform
  mmu?: string
  kvmDevice: 'usable' | 'no-permission' | 'absent'
  kvmHvLoaded: boolean
  /** Where KVM runs, when kvm_hv is loaded on POWER. */
  hostMode?: HostMode
  nested?: boolean
  /** The host's interrupt controller is XIVE (POWER9 and later in XIVE mode), from /proc/interrupts. */
  xive?: boolean
  /** SMT on (POWER8 KVM-HV needs it off), from /sys/devices/system/cpu/smt/active. */
  smt?: boolean
  /** Reserved hugepages: count and size in KiB. */
  hugepages?: { total: number; sizeKb: number }
}

export interface CpuInfo {
  cpu?: string
  generation?: string
  platform?: string
  machine?: string
  mmu?: string
}

/** Parses the ppc64 /proc/cpuinfo keys (`cpu`, `platform`, `machine`, `MMU`). */
export function parseCpuInfo(text: string): CpuInfo {
  const field = (key: string): string | undefined =>
    new RegExp(`^${key}\\s*:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim()
  const cpu = field('cpu')
  const generation = cpu ? /^(POWER\d+)/i.exec(cpu)?.[1]?.toUpperCase() : undefined
  return {
    ...(cpu ? { cpu } : {}),
    ...(generation ? { generation } : {}),
    ...(field('platform') ? { platform: field('platform') } : {}),
    ...(field('machine') ? { machine: field('machine') } : {}),
    ...(field('MMU') ? { mmu: field('MMU') } : {}),
  }
}

export function classifyPlatform(architecture: string, info: CpuInfo): Platform {
  if (!architecture.startsWith('ppc64')) return 'not-power'
  if (info.platform === 'PowerNV') return 'powernv'
  if (info.machine && /emulated by qemu/i.test(info.machine)) return 'emulated'
  return 'pseries-lpar'
}

function read(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8')
  } catch {
    return undefined
  }
}

/** The host mode of a POWER host with kvm_hv loaded. */
export function hostModeOf(platform: Platform, kvmHvLoaded: boolean): HostMode | undefined {
  if (!kvmHvLoaded) return undefined
  return platform === 'powernv'
    ? 'powernv'
    : platform === 'pseries-lpar'
      ? 'lpar-nested-v2'
      : platform === 'emulated'
        ? 'nested'
        : undefined
}

export function probeHost(root = '/', architecture = machine()): HostProbe {
  const info = parseCpuInfo(read(root, 'proc/cpuinfo') ?? '')
  const kvm = join(root, 'dev/kvm')
  let kvmDevice: HostProbe['kvmDevice'] = 'absent'
  if (existsSync(kvm)) {
    try {
      accessSync(kvm, constants.R_OK | constants.W_OK)
      kvmDevice = 'usable'
    } catch {
      kvmDevice = 'no-permission'
    }
  }
  const nested = read(root, 'sys/module/kvm_hv/parameters/nested')?.trim()
  const interrupts = read(root, 'proc/interrupts')
  const smt = read(root, 'sys/devices/system/cpu/smt/active')?.trim()
  const meminfo = read(root, 'proc/meminfo') ?? ''
  const hugeTotal = /^HugePages_Total:\s+(\d+)/m.exec(meminfo)?.[1]
  const hugeSize = /^Hugepagesize:\s+(\d+) kB/m.exec(meminfo)?.[1]
  const power = architecture.startsWith('ppc64')
  const platform = classifyPlatform(architecture, info)
  const kvmHvLoaded = existsSync(join(root, 'sys/module/kvm_hv'))
  const hostMode = hostModeOf(platform, kvmHvLoaded)
  return {
    architecture,
    ...(info.cpu ? { cpu: info.cpu } : {}),
    ...(info.generation ? { generation: info.generation } : {}),
    platform,
    ...(info.mmu ? { mmu: info.mmu } : {}),
    kvmDevice,
    kvmHvLoaded,
    ...(hostMode ? { hostMode } : {}),
    ...(nested !== undefined ? { nested: nested === 'Y' || nested === '1' } : {}),
    ...(power && interrupts !== undefined ? { xive: /\bXIVE/.test(interrupts) } : {}),
    ...(smt !== undefined ? { smt: smt === '1' } : {}),
    ...(hugeTotal && hugeSize ? { hugepages: { total: Number(hugeTotal), sizeKb: Number(hugeSize) } } : {}),
  }
}

export type Accel = 'kvm' | 'tcg'

/**
 * auto: KVM when this is POWER with a usable /dev/kvm and kvm_hv loaded, else emulation with a
 * reason. /dev/kvm alone is not trusted: it exists even when kvm_hv failed to load.
 */
export function chooseAccel(requested: 'auto' | Accel, probe: HostProbe): { accel: Accel; reason?: string } {
  const unusable =
    probe.platform === 'not-power'
      ? `this host is ${probe.architecture}, not POWER`
      : probe.kvmDevice === 'absent'
        ? '/dev/kvm does not exist'
        : probe.kvmDevice === 'no-permission'
          ? '/dev/kvm is not readable and writable by this user'
          : !probe.kvmHvLoaded
            ? 'the kvm_hv module is not loaded'
            : undefined
  if (requested === 'tcg') return { accel: 'tcg' }
  if (!unusable) return { accel: 'kvm' }
  return { accel: requested === 'kvm' ? 'kvm' : 'tcg', reason: unusable }
}
