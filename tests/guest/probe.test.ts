import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chooseAccel, classifyPlatform, parseCpuInfo, probeHost } from '../../src/guest/probe.js'
import { ConsoleWatcher } from '../../src/guest/console.js'

const POWER9_BARE_METAL = `processor\t: 0
cpu\t\t: POWER9 (raw), altivec supported
clock\t\t: 3800.000000MHz
revision\t: 2.2 (pvr 004e 1202)

timebase\t: 512000000
platform\t: PowerNV
model\t\t: 9006-22P
machine\t\t: PowerNV 9006-22P
firmware\t: OPAL
MMU\t\t: Radix
`

const EMULATED_GUEST = `processor\t: 0
cpu\t\t: POWER10 (architected), altivec supported
platform\t: pSeries
model\t\t: IBM pSeries (emulated by qemu)
machine\t\t: CHRP IBM pSeries (emulated by qemu)
MMU\t\t: Radix
`

function fakeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'probe-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  return root
}

describe('host probe', () => {
  it('reads the POWER generation, platform and MMU from cpuinfo', () => {
    expect(parseCpuInfo(POWER9_BARE_METAL)).toEqual({
      cpu: 'POWER9 (raw), altivec supported',
      generation: 'POWER9',
      platform: 'PowerNV',
      machine: 'PowerNV 9006-22P',
      mmu: 'Radix',
    })
    expect(classifyPlatform('ppc64le', parseCpuInfo(POWER9_BARE_METAL))).toBe('powernv')
    expect(classifyPlatform('ppc64le', parseCpuInfo(EMULATED_GUEST))).toBe('emulated')
    expect(
      classifyPlatform(
        'ppc64le',
        parseCpuInfo('cpu : POWER10\nplatform : pSeries\nmachine : CHRP IBM,9080-HEX\n'),
      ),
    ).toBe('pseries-lpar')
    expect(classifyPlatform('x86_64', {})).toBe('not-power')
  })

  it('finds a usable KVM-HV on a bare-metal POWER9 host', () => {
    const root = fakeRoot({
      'proc/cpuinfo': POWER9_BARE_METAL,
      'dev/kvm': '',
      'sys/module/kvm_hv/parameters/nested': 'Y\n',
    })
    const probe = probeHost(root, 'ppc64le')
    expect(probe).toEqual({
      architecture: 'ppc64le',
      cpu: 'POWER9 (raw), altivec supported',
      generation: 'POWER9',
      hostMode: 'powernv',
      platform: 'powernv',
      mmu: 'Radix',
      kvmDevice: 'usable',
      kvmHvLoaded: true,
      nested: true,
    })
    expect(chooseAccel('auto', probe)).toEqual({ accel: 'kvm' })
  })

  it('reads XIVE, SMT and hugepages where the host shows them', () => {
    const root = fakeRoot({
      'proc/cpuinfo': POWER9_BARE_METAL,
      'proc/interrupts': '           CPU0\n 16:          0  XIVE-IPI   0 Edge      IPI\n',
      'sys/devices/system/cpu/smt/active': '1\n',
      'proc/meminfo': 'MemTotal: 1 kB\nHugePages_Total:      64\nHugepagesize:       2048 kB\n',
    })
    expect(probeHost(root, 'ppc64le')).toMatchObject({
      xive: true,
      smt: true,
      hugepages: { total: 64, sizeKb: 2048 },
    })
    const power8 = fakeRoot({
      'proc/cpuinfo': POWER9_BARE_METAL,
      'proc/interrupts': ' 16: 0 XICS 0 Edge IPI\n',
    })
    expect(probeHost(power8, 'ppc64le').xive).toBe(false)
  })

  it('does not trust /dev/kvm when kvm_hv is not loaded', () => {
    const probe = probeHost(fakeRoot({ 'proc/cpuinfo': EMULATED_GUEST, 'dev/kvm': '' }), 'ppc64le')
    expect(probe.kvmHvLoaded).toBe(false)
    expect(chooseAccel('auto', probe)).toEqual({ accel: 'tcg', reason: 'the kvm_hv module is not loaded' })
    expect(chooseAccel('kvm', probe)).toEqual({ accel: 'kvm', reason: 'the kvm_hv module is not loaded' })
  })

  it('falls back to emulation off POWER, and honours an explicit tcg', () => {
    const probe = probeHost(fakeRoot({}), 'x86_64')
    expect(probe).toMatchObject({ architecture: 'x86_64', platform: 'not-power', kvmDevice: 'absent' })
    expect(chooseAccel('auto', probe)).toEqual({ accel: 'tcg', reason: 'this host is x86_64, not POWER' })
    expect(chooseAccel('tcg', probeHost(fakeRoot({ 'proc/cpuinfo': POWER9_BARE_METAL }), 'ppc64le'))).toEqual(
      { accel: 'tcg' },
    )
  })
})

describe('KVM in a PowerVM LPAR', () => {
  it('recognises an LPAR in KVM mode (kvm_hv loaded under PowerVM: nested API v2), a nested guest and bare metal', () => {
    const lpar = fakeRoot({
      'proc/cpuinfo':
        'cpu\t\t: POWER10 (architected), altivec supported\nplatform\t: pSeries\nmodel\t\t: IBM,9105-22A\nmachine\t\t: CHRP IBM,9105-22A\nMMU\t\t: Radix\n',
      'sys/module/kvm_hv/parameters/nested': 'N\n',
      'dev/kvm': '',
    })
    expect(probeHost(lpar, 'ppc64le')).toMatchObject({ platform: 'pseries-lpar', hostMode: 'lpar-nested-v2' })
    const guest = fakeRoot({ 'proc/cpuinfo': EMULATED_GUEST, 'sys/module/kvm_hv/parameters/nested': 'Y\n' })
    expect(probeHost(guest, 'ppc64le').hostMode).toBe('nested')
    const metal = fakeRoot({
      'proc/cpuinfo': POWER9_BARE_METAL,
      'sys/module/kvm_hv/parameters/nested': 'Y\n',
    })
    expect(probeHost(metal, 'ppc64le').hostMode).toBe('powernv')
    // An LPAR without KVM mode: no kvm_hv, no host mode.
    expect(
      probeHost(fakeRoot({ 'proc/cpuinfo': 'cpu : POWER10\nplatform : pSeries\n' }), 'ppc64le').hostMode,
    ).toBeUndefined()
  })

  it('lists the known nested v2 messages as harmless, and fails on a guest the parent would not create', () => {
    const watcher = new ConsoleWatcher([/^READY$/])
    expect(watcher.feed('[   21.170213] KVM: TLB LPID invalidation hcall failed, rc=-2')).toBeUndefined()
    expect(watcher.feed("[   34.948459] KVM-NESTEDv2: couldn't register the L2 VPA (rc=-56)")).toBeUndefined()
    expect(watcher.findings.map((f) => [f.kind, Boolean(f.harmless), f.fatal])).toEqual([
      ['nested v2: LPID flush', true, false],
      ['nested v2: L2 VPA', true, false],
    ])
    // Another rc is not the known case.
    watcher.feed('[   21.2] KVM: TLB LPID invalidation hcall failed, rc=-4')
    expect(watcher.findings).toHaveLength(2)
    expect(watcher.feed('[   40.1] KVM: Create Guest hcall failed, rc=-9')).toBe('fatal')
  })
})
