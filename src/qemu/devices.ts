/**
 * The ppc64 device configuration that RHEL's qemu-kvm builds with
 * (configs/devices/ppc64-softmmu/ppc64-rh-devices.mak): what the tree already has, what KVM
 * guests on POWER need, and the patch that makes the one into the other.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'

export const DEVICE_FILE = 'configs/devices/ppc64-softmmu/ppc64-rh-devices.mak'

/** The device list RHEL's qemu-kvm used for ppc64 (configs/devices/ppc64-softmmu in its dist-git). */
export const RHEL_PPC64_DEVICES = [
  'PSERIES',
  'XICS',
  'XIVE',
  'SPAPR_VSCSI',
  'PCI',
  'PCI_EXPRESS',
  'SCSI',
  'USB',
  'USB_XHCI',
  'USB_XHCI_PCI',
  'USB_OHCI',
  'USB_OHCI_PCI',
  'USB_STORAGE',
  'VFIO',
  'VFIO_PCI',
  'VGA',
  'VGA_PCI',
  'VIRTIO_PCI',
  'VIRTIO_VGA',
  'VHOST_USER',
  'VHOST_VSOCK',
  'TPM_SPAPR',
  'DIMM',
  'NVDIMM',
  'MEM_DEVICE',
  'WDT_IB6300ESB',
  'VIRTIO_BLK',
  'VIRTIO_NET',
  'VIRTIO_SCSI',
  'VIRTIO_RNG',
  'VIRTIO_BALLOON',
  'VIRTIO_SERIAL',
  'VIRTIO_INPUT',
  'VIRTIO_GPU',
] as const

/**
 * USB keyboard, mouse and tablet (USB_HID) and the USB hub: newer QEMU gates them behind their
 * own symbols, and libvirt and OpenStack nova add USB input devices to every ppc64 guest.
 */
export const USB_INPUT_DEVICES = ['USB_HID', 'USB_HUB'] as const

/** Without these a pseries KVM guest with virtio disk and network does not start at all. */
export const REQUIRED_DEVICES = [
  'PSERIES',
  'XICS',
  'XIVE',
  'SPAPR_VSCSI',
  'VIRTIO_PCI',
  'VIRTIO_BLK',
  'VIRTIO_NET',
  'USB_XHCI_PCI',
] as const

/** Every `config NAME` of QEMU's Kconfig files in the source tarball. */
export async function qemuKconfigSymbols(tarball: string): Promise<Set<string>> {
  // QEMU's own Kconfig only: roms/ holds firmware projects with Kconfig files of their own
  // (openbios defines a USB_HID that QEMU 7.2 does not have).
  const { stdout } = await exec(
    [
      'tar',
      '-xf',
      tarball,
      '-O',
      ...['roms', 'subprojects', 'tests'].flatMap((dir) => ['--exclude', `*/${dir}/*`]),
      '--wildcards',
      '--no-anchored',
      'Kconfig',
    ],
    {
      allowFailure: true,
    },
  )
  const symbols = new Set([...stdout.matchAll(/^config\s+(\w+)\s*$/gm)].map((match) => match[1]!))
  if (symbols.size === 0) {
    throw new ConfigurationError(
      `${tarball} has no Kconfig files; expected a QEMU source tarball (qemu-<version>.tar.xz with hw/*/Kconfig)`,
    )
  }
  return symbols
}

/** The QEMU source tarball among the SRPM's sources. */
export function qemuTarball(sourcesDir: string): string {
  const name = readdirSync(sourcesDir)
    .filter((file) => /^qemu-[\d.]+.*\.tar\.(xz|gz|bz2|zst)$/.test(file))
    .sort()
    .at(-1)
  if (!name) {
    throw new ConfigurationError(
      `${sourcesDir} has no QEMU source tarball; expected qemu-<version>.tar.xz beside the spec`,
    )
  }
  return join(sourcesDir, name)
}

/** The device file as a downstream patch creates it, or undefined when no patch does. */
export interface StockDeviceFile {
  patch: string
  lines: string[]
}

/** The content a patch gives DEVICE_FILE, when the patch creates it. */
export function deviceFileFromPatch(text: string): string[] | undefined {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => line === `+++ b/${DEVICE_FILE}`)
  if (start === -1) return undefined
  const content: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('diff --git ') || line.startsWith('--- ') || line === '-- ') break
    if (line.startsWith('@@')) continue
    if (line.startsWith('+')) content.push(line.slice(1))
    else if (line.startsWith(' ')) content.push(line.slice(1))
  }
  return content
}

/** Finds the applied patch (one the spec names) that creates the device file. */
export function stockDeviceFile(
  sourcesDir: string,
  patchNames: readonly string[],
): StockDeviceFile | undefined {
  for (const patch of patchNames) {
    let text: string
    try {
      text = readFileSync(join(sourcesDir, patch), 'utf8')
    } catch {
      continue
    }
    const lines = deviceFileFromPatch(text)
    if (lines) return { patch, lines }
  }
  return undefined
}

/** `CONFIG_X=y` symbols of a device file. */
export function enabledSymbols(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const match = /^CONFIG_(\w+)\s*=\s*y\s*$/.exec(line.trim())
    return match ? [match[1]!] : []
  })
}

export interface DevicePlan {
  /** The file's lines once the rebuild's patches are applied. */
  lines: string[]
  /** Symbols enabled before (the stock patch's) and after. */
  before: string[]
  after: string[]
  /** Wanted symbols this QEMU's Kconfig does not define, so left out. */
  unknown: string[]
  /** The patch to add, or undefined when the stock file already has everything. */
  patch?: string
  /** The source patch that creates the stock file, if one does. */
  stockPatch?: string
}

/** Decides the device file: the stock one plus what is missing, or a new one. */
export function planDevices(options: {
  stock: StockDeviceFile | undefined
  kconfig: ReadonlySet<string>
  author: string
  date: Date
}): DevicePlan {
  const { stock, kconfig } = options
  const wanted = [...RHEL_PPC64_DEVICES, ...USB_INPUT_DEVICES]
  const before = stock ? enabledSymbols(stock.lines) : []
  const unknown = wanted.filter((symbol) => !kconfig.has(symbol) && !before.includes(symbol))
  const missing = wanted.filter((symbol) => kconfig.has(symbol) && !before.includes(symbol))
  const added = missing.map((symbol) => `CONFIG_${symbol}=y`)
  const header = [
    '# Devices of qemu-kvm on ppc64le: pseries KVM guests as libvirt and OpenStack define them.',
  ]
  const lines = stock ? [...stock.lines, ...added] : [...header, ...added]
  const after = enabledSymbols(lines)
  const absent = REQUIRED_DEVICES.filter((symbol) => !after.includes(symbol))
  if (absent.length > 0) {
    throw new ConfigurationError(
      `The ppc64 device configuration would lack ${absent.join(', ')}: this QEMU's Kconfig does not define ${absent.length === 1 ? 'it' : 'them'}; expected a QEMU with the pseries machine and virtio devices`,
    )
  }
  const stockPatch = stock ? { stockPatch: stock.patch } : {}
  if (added.length === 0) return { lines, before, after, unknown, ...stockPatch }
  const diff = stock ? appendDiff(stock.lines, added) : newFileDiff(lines)
  const subject = stock
    ? 'configs: complete ppc64-rh-devices for KVM guests on ppc64le'
    : 'configs: add ppc64-rh-devices for KVM guests on ppc64le'
  return {
    lines,
    before,
    after,
    unknown,
    ...stockPatch,
    patch: mailPatch(subject, options.author, options.date, diff),
  }
}

function newFileDiff(lines: readonly string[]): string[] {
  return [
    `diff --git a/${DEVICE_FILE} b/${DEVICE_FILE}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${DEVICE_FILE}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((line) => `+${line}`),
  ]
}

function appendDiff(existing: readonly string[], added: readonly string[]): string[] {
  const context = existing.slice(-3)
  const start = existing.length - context.length + 1
  return [
    `diff --git a/${DEVICE_FILE} b/${DEVICE_FILE}`,
    `--- a/${DEVICE_FILE}`,
    `+++ b/${DEVICE_FILE}`,
    `@@ -${start},${context.length} +${start},${context.length + added.length} @@`,
    ...context.map((line) => ` ${line}`),
    ...added.map((line) => `+${line}`),
  ]
}

/** git format-patch layout, so that both `patch -p1` and `%autosetup -S git_am` take it. */
function mailPatch(subject: string, author: string, date: Date, diff: readonly string[]): string {
  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    `From: ${author}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Subject: [PATCH] ${subject}`,
    '',
    'Generated by kvm-actions patch-qemu: RHEL builds qemu-kvm for ppc64le as tools only and',
    'without this device list; KVM guests on POWER need it.',
    '---',
    ...diff,
    '-- ',
    'kvm-actions',
    '',
  ].join('\n')
}
