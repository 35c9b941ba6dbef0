/**
 * The libvirt launcher: the guest defined as a libvirt domain the way OpenStack nova defines
 * ppc64 guests (pseries, virtio network, USB keyboard, mouse and tablet on an XHCI controller,
 * the capability levels and nested-hv as <features>), started with virsh, its console written to
 * a file that is parsed live exactly as with the qemu launcher.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { InfrastructureError, TestFailure } from '../errors.js'
import { formatDuration } from '../report/duration.js'
import { type BootOptions, type BootResult, ConsoleSession } from './boot.js'
import { kernelCommandLine } from './qemu.js'
import { Virsh } from './virsh.js'

export interface LibvirtOptions extends BootOptions {
  /** The domain name: unique per guest, recorded for the post step. */
  name: string
  uri: string
}

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;')

/** pseries capabilities libvirt models as <features>: option → element. */
const STATE_FEATURES: Record<string, string> = {
  'cap-nested-hv': 'nested-hv',
  'cap-htm': 'htm',
  'cap-ccf-assist': 'ccf-assist',
}
const VALUE_FEATURES: Record<string, string> = { 'cap-cfpc': 'cfpc', 'cap-sbbc': 'sbbc', 'cap-ibs': 'ibs' }

/** Splits the machine string into the domain type, libvirt features and raw -machine options. */
export function machineToDomain(machine: string): {
  type: 'kvm' | 'qemu'
  features: string[]
  raw: string[]
} {
  const [, ...options] = machine.split(',')
  let type: 'kvm' | 'qemu' = 'qemu'
  const features: string[] = []
  const raw: string[] = []
  for (const option of options) {
    const [key = '', value = ''] = option.split('=')
    if (key === 'accel') type = value === 'kvm' ? 'kvm' : 'qemu'
    else if (key === 'kvm-type')
      continue // libvirt picks HV for a kvm domain
    else if (STATE_FEATURES[key])
      features.push(`<${STATE_FEATURES[key]} state='${value === 'on' ? 'on' : 'off'}'/>`)
    else if (VALUE_FEATURES[key]) features.push(`<${VALUE_FEATURES[key]} value='${xml(value)}'/>`)
    else raw.push(option)
  }
  return { type, features, raw }
}

export function domainXml(options: LibvirtOptions): string {
  const { type, features, raw } = machineToDomain(options.machine)
  const threads = options.threads ?? 1
  const topology =
    threads > 1
      ? `<topology sockets='1' cores='${Math.ceil(options.smp / threads)}' threads='${threads}'/>`
      : ''
  const cpu =
    options.cpu === 'host'
      ? `<cpu mode='host-passthrough'>${topology}</cpu>`
      : `<cpu mode='custom' match='exact' check='none'><model fallback='forbid'>${xml(options.cpu.toUpperCase())}</model>${topology}</cpu>`
  return [
    `<domain type='${type}' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>`,
    `  <name>${xml(options.name)}</name>`,
    `  <memory unit='MiB'>${options.memoryMb}</memory>`,
    `  <vcpu>${options.smp}</vcpu>`,
    '  <os>',
    "    <type arch='ppc64le' machine='pseries'>hvm</type>",
    `    <kernel>${xml(options.kernel)}</kernel>`,
    `    <initrd>${xml(options.initrd)}</initrd>`,
    `    <cmdline>${xml(kernelCommandLine(options.kernelArgs))}</cmdline>`,
    '  </os>',
    features.length > 0
      ? `  <features>\n${features.map((f) => `    ${f}`).join('\n')}\n  </features>`
      : '  <features/>',
    `  ${cpu}`,
    '  <on_poweroff>destroy</on_poweroff>',
    '  <on_reboot>destroy</on_reboot>',
    '  <on_crash>destroy</on_crash>',
    '  <devices>',
    `    <emulator>${xml(options.qemu)}</emulator>`,
    // As nova: USB input devices on an XHCI controller, virtio network (no option ROM: none on ppc64).
    "    <controller type='usb' model='qemu-xhci'/>",
    "    <input type='keyboard' bus='usb'/>",
    "    <input type='mouse' bus='usb'/>",
    "    <input type='tablet' bus='usb'/>",
    "    <interface type='user'><model type='virtio'/><rom enabled='no'/></interface>",
    `    <serial type='file'><source path='${xml(options.consoleLog)}'/><target type='spapr-vio-serial' port='0'/></serial>`,
    `    <console type='file'><source path='${xml(options.consoleLog)}'/><target type='serial' port='0'/></console>`,
    ...(options.disks ?? []).map(
      (disk, index) =>
        `    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${xml(disk.file)}'/><target dev='vd${String.fromCharCode(97 + index)}' bus='virtio'/><serial>${xml(disk.serial)}</serial>${disk.readOnly ? '<readonly/>' : ''}</disk>`,
    ),
    "    <memballoon model='none'/>",
    '  </devices>',
    ...(raw.length > 0
      ? [
          '  <qemu:commandline>',
          "    <qemu:arg value='-machine'/>",
          `    <qemu:arg value='${xml(raw.join(','))}'/>`,
          '  </qemu:commandline>',
        ]
      : []),
    '</domain>',
    '',
  ].join('\n')
}

/** Whether the domain still exists (a transient domain disappears when it stops). */
/** qemu's pid as libvirt records it, for the post step. */
function libvirtQemuPid(name: string): number | undefined {
  const file = `/run/libvirt/qemu/${name}.pid`
  if (!existsSync(file)) return undefined
  const pid = Number(readFileSync(file, 'utf8').trim())
  return Number.isInteger(pid) && pid > 1 ? pid : undefined
}

/** Boots through libvirt: virsh create, the console file followed until the guest is gone. */
export async function bootWithLibvirt(options: LibvirtOptions, domainFile: string): Promise<BootResult> {
  const { uri, name } = options
  let stopped = false
  const stop = (): void => {
    stopped = true
  }
  const session = new ConsoleSession(options, stop)
  const virsh = new Virsh(uri)
  await virsh.create(domainFile)
  const pid = libvirtQemuPid(name)
  if (pid) options.onStart?.(pid)
  const deadline = Date.now() + options.bootTimeoutMs
  let offset = 0
  let partial = ''
  const drain = (): void => {
    if (!existsSync(options.consoleLog)) return
    const size = statSync(options.consoleLog).size
    if (size <= offset) return
    const fd = openSync(options.consoleLog, 'r')
    const buffer = Buffer.alloc(size - offset)
    readSync(fd, buffer, 0, buffer.length, offset)
    closeSync(fd)
    offset = size
    const lines = (partial + buffer.toString('utf8')).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) session.feed(line)
  }
  let timedOut = false
  for (;;) {
    drain()
    if (stopped || options.signal?.aborted) break
    if (Date.now() > deadline) {
      timedOut = true
      break
    }
    if (!(await virsh.running(name))) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (await virsh.running(name)) await virsh.destroy(name)
  drain()
  if (partial) session.feed(partial)
  if (options.signal?.aborted) throw new InfrastructureError('cancelled: the guest was stopped')
  return session.finish(virsh.argv('create', domainFile), () =>
    timedOut
      ? new TestFailure(
          `guest did not reach its ready marker within ${formatDuration(options.bootTimeoutMs)}`,
        )
      : new TestFailure('guest stopped before its ready marker'),
  )
}
