/**
 * Source RPMs of the project's qemu-kvm and libvirt fixtures, with the upstream tarballs they
 * name generated here: a QEMU tree that holds only Kconfig files (one `config` block per symbol)
 * and the default ppc64 device file, which is all the built-in recipe reads.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packSrpm } from '../../src/rpm/srpm.js'
import { fixtureTree } from './fixtures.js'

const KCONFIG: Record<string, string[]> = {
  'hw/ppc/Kconfig': ['PSERIES', 'XICS', 'XIVE', 'TPM_SPAPR'],
  'hw/scsi/Kconfig': ['SCSI', 'SPAPR_VSCSI', 'VIRTIO_SCSI'],
  'hw/pci/Kconfig': ['PCI', 'PCI_EXPRESS'],
  // Real QEMU has USB_STORAGE_BOT and friends, not a bare USB_STORAGE.
  'hw/usb/Kconfig': ['USB', 'USB_XHCI', 'USB_XHCI_PCI', 'USB_OHCI', 'USB_OHCI_PCI', 'USB_STORAGE_BOT'],
  'hw/vfio/Kconfig': ['VFIO', 'VFIO_PCI'],
  'hw/display/Kconfig': ['VGA', 'VGA_PCI', 'VIRTIO_VGA', 'VIRTIO_GPU'],
  'hw/virtio/Kconfig': ['VIRTIO_PCI', 'VHOST_USER', 'VHOST_VSOCK', 'VIRTIO_RNG', 'VIRTIO_BALLOON'],
  'hw/block/Kconfig': ['VIRTIO_BLK'],
  'hw/net/Kconfig': ['VIRTIO_NET'],
  'hw/char/Kconfig': ['VIRTIO_SERIAL'],
  'hw/input/Kconfig': ['VIRTIO_INPUT'],
  'hw/mem/Kconfig': ['DIMM', 'NVDIMM', 'MEM_DEVICE'],
  'hw/watchdog/Kconfig': ['WDT_IB6300ESB'],
}

export interface QemuTarballOptions {
  /** Whether this QEMU gates USB keyboard/mouse/tablet and the hub behind USB_HID and USB_HUB. */
  usbInput: boolean
  /** Symbols to leave out, to make a QEMU that cannot run pseries guests. */
  without?: string[]
}

/** Writes qemu-<version>.tar.xz into `sourcesDir`. */
export function writeQemuTarball(sourcesDir: string, version: string, options: QemuTarballOptions): string {
  const root = mkdtempSync(join(tmpdir(), 'qemu-src-'))
  const top = join(root, `qemu-${version}`)
  for (const [path, symbols] of Object.entries(KCONFIG)) {
    const all = path === 'hw/usb/Kconfig' && options.usbInput ? [...symbols, 'USB_HID', 'USB_HUB'] : symbols
    const kept = all.filter((symbol) => !options.without?.includes(symbol))
    mkdirSync(join(top, path, '..'), { recursive: true })
    writeFileSync(join(top, path), kept.map((symbol) => `config ${symbol}\n    bool\n`).join('\n'))
  }
  mkdirSync(join(top, 'configs/devices/ppc64-softmmu'), { recursive: true })
  writeFileSync(
    join(top, 'configs/devices/ppc64-softmmu/default.mak'),
    '# Default configuration for ppc64-softmmu\n',
  )
  const tarball = join(sourcesDir, `qemu-${version}.tar.xz`)
  execFileSync('tar', ['-cJf', tarball, '-C', root, `qemu-${version}`])
  return tarball
}

export type QemuFixture = 'qemu-kvm-8' | 'qemu-kvm-9'

/** A fixture tree with its tarball: ready for the recipe, or for rpmbuild -bs. */
export function qemuFixtureTree(
  name: QemuFixture,
  options: QemuTarballOptions,
): { tree: string; spec: string } {
  const tree = fixtureTree(name)
  const spec = join(tree, 'SPECS', 'qemu-kvm.spec')
  const version = /^Version:\s*(\S+)/m.exec(readFileSync(spec, 'utf8'))![1]!
  writeQemuTarball(join(tree, 'SOURCES'), version, options)
  return { tree, spec }
}

export async function qemuSrpm(name: QemuFixture, options: QemuTarballOptions): Promise<string> {
  const { tree, spec } = qemuFixtureTree(name, options)
  return packSrpm(tree, spec, { dist: '.el9' })
}

export function libvirtFixtureTree(): { tree: string; spec: string } {
  const tree = fixtureTree('libvirt')
  // Git keeps no empty folder: the fixture's SOURCES holds only what is made here.
  mkdirSync(join(tree, 'SOURCES'), { recursive: true })
  const root = mkdtempSync(join(tmpdir(), 'libvirt-src-'))
  mkdirSync(join(root, 'libvirt-10.10.0'))
  writeFileSync(join(root, 'libvirt-10.10.0', 'README'), 'libvirt stand-in source\n')
  execFileSync('tar', [
    '-cJf',
    join(tree, 'SOURCES', 'libvirt-10.10.0.tar.xz'),
    '-C',
    root,
    'libvirt-10.10.0',
  ])
  return { tree, spec: join(tree, 'SPECS', 'libvirt.spec') }
}

export async function libvirtSrpm(): Promise<string> {
  const { tree, spec } = libvirtFixtureTree()
  return packSrpm(tree, spec, { dist: '.el9' })
}

/** A source RPM of one of the stack fixtures (virtiofsd, libguestfs ...), with a stand-in tarball. */
export async function stackSrpm(name: string, edit?: (spec: string) => string): Promise<string> {
  const tree = fixtureTree(name)
  const spec = join(tree, 'SPECS', `${name}.spec`)
  if (edit) writeFileSync(spec, edit(readFileSync(spec, 'utf8')))
  const version = /^Version:\s*(\S+)/m.exec(readFileSync(spec, 'utf8'))![1]!
  mkdirSync(join(tree, 'SOURCES'), { recursive: true })
  const root = mkdtempSync(join(tmpdir(), `${name}-src-`))
  mkdirSync(join(root, `${name}-${version}`))
  writeFileSync(join(root, `${name}-${version}`, 'README'), `${name} stand-in source\n`)
  execFileSync('tar', [
    '-cJf',
    join(tree, 'SOURCES', `${name}-${version}.tar.xz`),
    '-C',
    root,
    `${name}-${version}`,
  ])
  return packSrpm(tree, spec, { dist: '.el9' })
}
