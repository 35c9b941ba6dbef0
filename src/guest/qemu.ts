/**
 * qemu-system-ppc64: the command line of a guest, and what an early exit means (QEMU refused
 * the machine or a capability before the guest ran: the negotiation in machine.ts retries).
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { InfrastructureError } from '../errors.js'
import { Tool } from '../exec/tool.js'

/** QEMU exited before the guest ran; `output` is what it said (the capability refusals). */
export class QemuStartError extends InfrastructureError {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message)
  }
}

export interface QemuMachine {
  firmwareDir?: string
  machine: string
  cpu: string
  memoryMb: number
  smp: number
  /** Threads per core: -smp N,threads=T. */
  threads?: number
  accel: 'kvm' | 'tcg'
}

export interface QemuDirectBoot extends QemuMachine {
  kernel: string
  initrd: string
  /** Appended to the console and panic settings every generated guest has. */
  kernelArgs?: string
  /** virtio-blk disks, found in the guest by serial. */
  disks?: { file: string; serial: string; readOnly: boolean }[]
  /** More devices and their backends, as QEMU arguments (patch-qemu's nova-shaped guest). */
  devices?: string[]
  pidFile?: string
}

/**
 * The firmware folder of a QEMU unpacked into its own tree (bin/ beside share/qemu, as setup-host.sh
 * unpacks QEMU 10): passed as -L so it never takes another QEMU's firmware.
 */
export function firmwareBeside(program: string): string | undefined {
  if (!program.includes('/')) return undefined
  const share = join(dirname(program), '..', 'share', 'qemu')
  return existsSync(join(share, 'vof.bin')) ? share : undefined
}

/** The guest kernel's command line: the console on hvc0, power off on panic, then the user's arguments. */
export function kernelCommandLine(kernelArgs?: string): string {
  return ['console=hvc0 panic=-1', kernelArgs?.trim()].filter(Boolean).join(' ')
}

/** -drive and -device arguments of virtio-blk disks (commas in a path are doubled, as QEMU escapes them). */
export function diskArgv(disks: QemuDirectBoot['disks'] = []): string[] {
  // Drive ids from the serials: unique, and apart from the image guest's own disk0.
  return disks.flatMap((disk) => [
    '-drive',
    `file=${disk.file.replace(/,/g, ',,')},if=none,id=${disk.serial},format=raw${disk.readOnly ? ',readonly=on' : ''}`,
    '-device',
    `virtio-blk-pci,drive=${disk.serial},serial=${disk.serial}`,
  ])
}

export class Qemu extends Tool {
  /** program: a name on PATH or the path of an unpacked qemu-kvm's emulator. */
  constructor(program = 'qemu-system-ppc64') {
    super(program)
  }

  /** What every guest's command line starts with: the machine, its size, and the console on stdio. */
  machineArgv(options: QemuMachine): string[] {
    return [
      this.program,
      ...(options.firmwareDir ? ['-L', options.firmwareDir] : []),
      '-M',
      options.machine,
      '-cpu',
      options.cpu,
      '-m',
      String(options.memoryMb),
      '-smp',
      options.threads && options.threads > 1
        ? `${options.smp},threads=${options.threads}`
        : String(options.smp),
      '-accel',
      options.accel,
      '-nographic',
      '-no-reboot',
      '-nodefaults',
      '-serial',
      'stdio',
    ]
  }

  /** A kernel and initramfs booted directly (no firmware boot menu), powering off on panic. */
  directBootArgv(options: QemuDirectBoot): string[] {
    return [
      ...this.machineArgv(options),
      '-kernel',
      options.kernel,
      '-initrd',
      options.initrd,
      '-append',
      kernelCommandLine(options.kernelArgs),
      ...diskArgv(options.disks),
      ...(options.devices ?? []),
      ...(options.pidFile ? ['-pidfile', options.pidFile] : []),
    ]
  }

  /**
   * QEMU's early exit as a QemuStartError: the line that says why (the console classifier's
   * QEMU error when it caught one, else the first `program: message` line, else the last).
   */
  startFailure(output: string, classified?: string): QemuStartError {
    const said = output.trim().split('\n')
    const why = classified ?? said.find((l) => /: (?!warning:)/.test(l)) ?? said.at(-1)
    return new QemuStartError(`${this.program} could not start the guest: ${why}`, said.join('\n'))
  }
}
