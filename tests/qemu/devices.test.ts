// @needs-system-tools
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEVICE_FILE,
  enabledSymbols,
  planDevices,
  qemuKconfigSymbols,
  REQUIRED_DEVICES,
  stockDeviceFile,
} from '../../src/qemu/devices.js'
import { FIXTURES, writeTree } from '../support/fixtures.js'
import { writeQemuTarball } from '../support/qemu-sources.js'

const author = 'kvm-actions <kvm-actions@users.noreply.github.com>'
const date = new Date('2026-11-25T12:00:00Z')

async function kconfig(usbInput: boolean, without: string[] = []): Promise<Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'qemu-tarball-'))
  return qemuKconfigSymbols(writeQemuTarball(dir, '9.1.0', { usbInput, without }))
}

/** A tree laid out like QEMU's configs/devices. */
function qemuConfigTree(): string {
  return writeTree({
    'configs/devices/ppc64-softmmu/default.mak': '# Default configuration for ppc64-softmmu\n',
    'configs/devices/x86_64-softmmu/default.mak': '# Default configuration for x86_64-softmmu\n',
  })
}

function applyPatch(tree: string, patch: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'patch-')), 'change.patch')
  writeFileSync(file, patch)
  execFileSync('patch', ['-p1', '--batch', '--fuzz=0', '-i', file], { cwd: tree, stdio: 'pipe' })
}

describe('the ppc64 device configuration', () => {
  it('reads the symbols of QEMU’s Kconfig files from the source tarball', async () => {
    const symbols = await kconfig(true)
    expect(symbols.has('PSERIES')).toBe(true)
    expect(symbols.has('USB_HID')).toBe(true)
    expect(symbols.has('USB_STORAGE')).toBe(false)
    expect((await kconfig(false)).has('USB_HUB')).toBe(false)
  })

  it('creates the file when the tree lacks it, and the patch applies with patch -p1', async () => {
    const plan = planDevices({ stock: undefined, kconfig: await kconfig(true), author, date })
    const tree = qemuConfigTree()
    applyPatch(tree, plan.patch!)
    const written = readFileSync(join(tree, DEVICE_FILE), 'utf8').trimEnd().split('\n')
    expect(written).toEqual(plan.lines)
    expect(enabledSymbols(written)).toEqual(
      expect.arrayContaining([...REQUIRED_DEVICES, 'USB_HID', 'USB_HUB']),
    )
    expect(plan.before).toEqual([])
    expect(plan.unknown).toEqual(['USB_STORAGE'])
  })

  it('leaves out the USB input symbols of a QEMU that does not have them', async () => {
    const plan = planDevices({ stock: undefined, kconfig: await kconfig(false), author, date })
    expect(plan.after).not.toContain('USB_HID')
    expect(plan.unknown).toEqual(['USB_STORAGE', 'USB_HID', 'USB_HUB'])
  })

  it('completes a downstream device file: the added patch applies on top of the stock one', async () => {
    const sources = join(FIXTURES, 'qemu-kvm-8', 'SOURCES')
    const stock = stockDeviceFile(sources, [
      '0004-Initial-redhat-build.patch',
      '0005-Enable-disable-devices-for-RHEL.patch',
    ])
    expect(stock?.patch).toBe('0005-Enable-disable-devices-for-RHEL.patch')
    const plan = planDevices({ stock, kconfig: await kconfig(true), author, date })
    expect(plan.before).toHaveLength(11)
    const tree = qemuConfigTree()
    applyPatch(tree, readFileSync(join(sources, stock!.patch), 'utf8'))
    applyPatch(tree, plan.patch!)
    const symbols = enabledSymbols(readFileSync(join(tree, DEVICE_FILE), 'utf8').split('\n'))
    expect(symbols.slice(0, 11)).toEqual(plan.before)
    expect(symbols).toEqual(plan.after)
    expect(symbols).toEqual(expect.arrayContaining(['USB_HID', 'USB_HUB', 'VHOST_VSOCK', 'WDT_IB6300ESB']))
  })

  it('is a patch that git am takes, as %autosetup -S git_am needs', async () => {
    const plan = planDevices({ stock: undefined, kconfig: await kconfig(true), author, date })
    const repo = qemuConfigTree()
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: repo,
        stdio: 'pipe',
      }).toString()
    git('init', '-q')
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const file = join(repo, '..', 'devices.patch')
    writeFileSync(file, plan.patch!)
    git('am', '-q', file)
    expect(git('log', '-1', '--format=%an|%s')).toBe(
      'kvm-actions|configs: add ppc64-rh-devices for KVM guests on ppc64le\n',
    )
  })

  it('refuses a QEMU whose Kconfig lacks what a pseries KVM guest needs', async () => {
    const symbols = await kconfig(true, ['PSERIES', 'XIVE'])
    expect(() => planDevices({ stock: undefined, kconfig: symbols, author, date })).toThrow(
      "The ppc64 device configuration would lack PSERIES, XIVE: this QEMU's Kconfig does not define them; expected a QEMU with the pseries machine and virtio devices",
    )
  })
})
