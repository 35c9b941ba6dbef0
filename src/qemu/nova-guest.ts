/**
 * The guest that proves a compiled qemu-system-ppc64: every device libvirt and nova put on a
 * ppc64 guest (NOVA_PPC64_DEVICES), booted with the generated busybox initramfs to its ready
 * marker. A device QEMU does not know or refuses fails naming the device.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { bootGuest, QemuStartError } from '../guest/boot.js'
import { buildInitramfs } from '../guest/initramfs.js'
import { cpuModel, machineOptions } from '../guest/machine.js'
import { chooseAccel, probeHost } from '../guest/probe.js'
import type { Log } from '../reporter.js'
import { NOVA_PPC64_DEVICES } from './device-build.js'

export interface NovaGuestOptions {
  qemu: string
  /** Where QEMU finds vof.bin (release tarballs such as Debian's carry no firmware blobs). */
  firmwareDir: string
  kernel: string
  busybox: string
  workDir: string
  consoleLog: string
  bootTimeoutMs: number
  log?: Log
}

export interface NovaGuestResult {
  readyMs: number
  devices: string[]
  /** PCI functions the guest saw. */
  pciFunctions: number
}

/** The -device arguments of the nova-shaped guest (the root disk comes as a virtio-blk disk). */
export function novaDeviceArgv(cdrom: string): string[] {
  const argv: string[] = []
  for (const device of NOVA_PPC64_DEVICES) {
    switch (device.driver) {
      case 'qemu-xhci':
        argv.push('-device', 'qemu-xhci,id=usb')
        break
      case 'usb-kbd':
      case 'usb-mouse':
      case 'usb-tablet':
        argv.push('-device', `${device.driver},bus=usb.0`)
        break
      case 'spapr-vscsi':
        argv.push('-device', 'spapr-vscsi,id=scsi0')
        break
      case 'scsi-cd':
        argv.push(
          '-drive',
          `file=${cdrom.replace(/,/g, ',,')},if=none,id=cdrom0,media=cdrom,readonly=on,format=raw`,
          '-device',
          'scsi-cd,bus=scsi0.0,drive=cdrom0',
        )
        break
      case 'virtio-rng-pci':
        argv.push('-object', 'rng-random,id=rng0,filename=/dev/urandom', '-device', 'virtio-rng-pci,rng=rng0')
        break
      case 'virtio-net-pci':
        // No backend needed to prove the device model exists and starts (nova's tap is the host's);
        // no option ROM, as for VGA.
        argv.push('-device', 'virtio-net-pci,mac=52:54:00:00:00:01,romfile=')
        break
      case 'VGA':
        // pseries firmware runs no PCI option ROM: none is loaded (release tarballs carry none).
        argv.push('-device', 'VGA,romfile=')
        break
      case 'spapr-vty':
      case 'virtio-blk-pci':
      case 'pseries-panic':
        // The console comes from -serial, the root disk from the disks, the panic hypercall with the machine.
        break
      default:
        argv.push('-device', device.driver)
    }
  }
  return argv
}

/** QEMU's refusal of a device as a configuration error naming it. */
export function deviceRefusal(error: QemuStartError): ConfigurationError | undefined {
  const output = `${error.message}\n${error.output}`
  for (const device of NOVA_PPC64_DEVICES) {
    const name = device.driver.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const said =
      output
        .split('\n')
        .find((line) => line.includes(device.driver))
        ?.trim() ?? error.message
    if (new RegExp(`'${name}' is not a valid device model name`).test(output)) {
      return new ConfigurationError(
        `The built qemu-system-ppc64 lacks ${device.driver} (${device.role}), which libvirt and nova put on every ppc64 guest: ${said}; expected the device file to enable ${device.symbols.map((s) => `CONFIG_${s}`).join(' and ')}`,
      )
    }
    if (new RegExp(`-device ${name}[,:]`).test(output)) {
      return new ConfigurationError(
        `The built qemu-system-ppc64 refuses ${device.driver} (${device.role}), which libvirt and nova put on every ppc64 guest: ${said}`,
      )
    }
  }
  return undefined
}

export async function bootNovaGuest(options: NovaGuestOptions): Promise<NovaGuestResult> {
  mkdirSync(options.workDir, { recursive: true })
  const cdrom = join(options.workDir, 'config-drive.iso')
  const disk = join(options.workDir, 'root.img')
  writeFileSync(cdrom, Buffer.alloc(1024 * 1024))
  writeFileSync(disk, Buffer.alloc(1024 * 1024))
  const initrd = await buildInitramfs(options.workDir, options.busybox, {
    name: 'nova-guest',
    checks: [{ name: 'pci', command: 'ls /sys/bus/pci/devices | wc -l' }],
  })
  const probe = probeHost()
  const { accel } = chooseAccel('auto', probe)
  const request = { accel, cpu: 'power9', nested: false, extra: [] }
  try {
    const result = await bootGuest({
      qemu: options.qemu,
      firmwareDir: options.firmwareDir,
      kernel: options.kernel,
      initrd,
      disks: [{ file: disk, serial: 'root', readOnly: false }],
      devices: novaDeviceArgv(cdrom),
      machine: machineOptions(probe, request),
      cpu: cpuModel(probe, request),
      memoryMb: 1024,
      smp: 1,
      accel,
      bootTimeoutMs: options.bootTimeoutMs,
      consoleLog: options.consoleLog,
      shutdownTimeoutMs: 30_000,
      ...(options.log ? { log: options.log } : {}),
    })
    const pci = result.checks.find((check) => check.name === 'pci')
    return {
      readyMs: result.timeline.ready ?? result.timeline.end,
      devices: NOVA_PPC64_DEVICES.map((device) => device.driver),
      pciFunctions: Number(pci?.output.trim() ?? 0),
    }
  } catch (error) {
    if (error instanceof QemuStartError) throw deviceRefusal(error) ?? error
    throw error
  }
}
