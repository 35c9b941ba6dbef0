/** The hypervisor build's parts that need no compiler: trimming, the diff, the %prep patch list, the inputs. */
import { runCli } from '../../src/cli/main.js'
import { diffConfigs, HYPERVISOR_MODULES, trimForHypervisor } from '../../src/kernel/hypervisor.js'
import { prepPatches } from '../../src/kernel/hypervisor-source.js'
import { readConfig } from '../../src/kernel/config.js'
import { writeTree } from '../support/fixtures.js'

const DISTRIBUTION = [
  '# A distribution config',
  'CONFIG_EXT4_FS=y',
  'CONFIG_SND_HDA=m',
  'CONFIG_DRM_AMDGPU=m',
  'CONFIG_VIRTIO_BLK=m',
  'CONFIG_KVM_BOOK3S_64=m',
  'CONFIG_DEBUG_INFO=y',
  'CONFIG_DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT=y',
  '# CONFIG_DEBUG_INFO_NONE is not set',
  'CONFIG_SYSTEM_TRUSTED_KEYS="certs/distribution.pem"',
  '',
].join('\n')

describe('trimming a distribution config for the hypervisor build', () => {
  it('switches off modules outside the keep list and keeps built-ins and kept modules', () => {
    const trimmed = trimForHypervisor(DISTRIBUTION, new Set(HYPERVISOR_MODULES))
    const values = readConfig(trimmed.text)
    expect(trimmed.switchedOff).toEqual(['SND_HDA', 'DRM_AMDGPU'])
    expect(values.get('SND_HDA')).toBe('n')
    expect(values.get('EXT4_FS')).toBe('y')
    expect(values.get('VIRTIO_BLK')).toBe('m')
    expect(values.get('KVM_BOOK3S_64')).toBe('m')
  })

  it('turns debug info and the distribution’s certificate files off for the build only', () => {
    const values = readConfig(trimForHypervisor(DISTRIBUTION, new Set()).text)
    expect(values.get('DEBUG_INFO_NONE')).toBe('y')
    expect(values.get('DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT')).toBe('n')
    expect(values.get('SYSTEM_TRUSTED_KEYS')).toBe('""')
    // Options the config never had are not added.
    expect(values.has('SYSTEM_REVOCATION_KEYS')).toBe(false)
  })

  it('lists every option whose value differs, absent counting as not set', () => {
    expect(
      diffConfigs('CONFIG_A=y\nCONFIG_B=m\n', 'CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=m\n'),
    ).toEqual([
      { name: 'B', from: 'm', to: 'n' },
      { name: 'C', to: 'm' },
    ])
  })
})

describe('the patches a kernel spec’s %prep applies', () => {
  it('reads ApplyPatch and ApplyOptionalPatch lines of %prep only, in order', () => {
    const spec = [
      'Patch1: patch-5.14.0-redhat.patch',
      '%description',
      'ApplyPatch not-in-prep.patch',
      '%prep',
      'ApplyOptionalPatch()',
      '{',
      '  ApplyPatch $1',
      '}',
      'cd linux-5.14.0',
      'ApplyOptionalPatch patch-5.14.0-redhat.patch',
      '  ApplyPatch debrand.patch',
      'ApplyOptionalPatch linux-kernel-test.patch',
      '%build',
      'ApplyPatch after-prep.patch',
    ].join('\n')
    expect(prepPatches(spec)).toEqual([
      { name: 'patch-5.14.0-redhat.patch', optional: true },
      { name: 'debrand.patch', optional: false },
      { name: 'linux-kernel-test.patch', optional: true },
    ])
  })
})

describe('build-kernel’s hypervisor inputs', () => {
  async function run(inputs: Record<string, string>) {
    const out: string[] = []
    const args = ['build-kernel']
    for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`)
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: writeTree({}) })
    return { code, out: out.join('') }
  }

  it('needs srpm unless the hypervisor build is given a tree and a config', async () => {
    const { code, out } = await run({ 'build-profile': 'hypervisor' })
    expect(code).toBe(1)
    expect(out).toContain(
      "Input 'srpm' is required (a path, URL, exact version or latest), unless build-profile is hypervisor and kernel-source and kernel-config are given",
    )
    expect(out).not.toMatch(/\n\s+at /)
  })

  it('refuses kernel-config for the RPM build, which uses the source RPM’s configs', async () => {
    const dir = writeTree({ 'kernel.config': 'CONFIG_A=y\n' })
    const { code, out } = await run({ srpm: 'latest', 'kernel-config': `${dir}/kernel.config` })
    expect(code).toBe(1)
    expect(out).toContain("Input 'kernel-config' is only used with build-profile hypervisor")
  })
})
