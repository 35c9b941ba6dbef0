import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  applyOptions,
  assertOptions,
  formatOption,
  KVM_PROFILE,
  mergeOptions,
  parseFragment,
  ppc64leConfigs,
  readConfig,
} from '../../src/kernel/config.js'

const STOCK = `# ppc64le
CONFIG_PPC_POWERNV=y
# CONFIG_KVM_BOOK3S_64 is not set
CONFIG_KVM_XICS=y
CONFIG_KVM_BOOK3S_64_PR=m
# CONFIG_KVM_BOOK3S_64_PR is not set
`

describe('kernel config files', () => {
  it('sets each profile option exactly once, in place or appended', () => {
    const { text, changes } = applyOptions(STOCK, KVM_PROFILE)
    expect(text).toBe(`# ppc64le
CONFIG_PPC_POWERNV=y
CONFIG_KVM_BOOK3S_64=m
CONFIG_KVM_XICS=y
# CONFIG_KVM_BOOK3S_64_PR is not set
CONFIG_KVM_BOOK3S_64_HV=m
# CONFIG_KVM_BOOK3S_HV_EXIT_TIMING is not set
# CONFIG_KVM_BOOK3S_HV_P8_TIMING is not set
# CONFIG_KVM_BOOK3S_HV_P9_TIMING is not set
`)
    expect(changes.slice(0, 3)).toEqual([
      { name: 'KVM_BOOK3S_64', from: 'n', to: 'm' },
      { name: 'KVM_BOOK3S_64_HV', to: 'm' },
      { name: 'KVM_BOOK3S_64_PR', from: 'n', to: 'n' },
    ])
    expect(assertOptions(text, KVM_PROFILE, 'kernel-ppc64le-rhel.config')).toEqual([])
  })

  it('sets the nested PMU workaround only where the tree knows it', () => {
    const known = applyOptions('# CONFIG_KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND is not set\n', KVM_PROFILE)
    expect(known.text).toContain('CONFIG_KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND=y')
    expect(applyOptions('', KVM_PROFILE).text).not.toContain('NESTED_PMU')
    expect(applyOptions('', KVM_PROFILE, (name) => name.includes('NESTED_PMU')).text).toContain('NESTED_PMU')
  })

  it('asserts: missing, repeated and wrong values are each named with the file', () => {
    expect(assertOptions(STOCK, KVM_PROFILE.slice(0, 3), 'f.config')).toEqual([
      'f.config: # CONFIG_KVM_BOOK3S_64 is not set where CONFIG_KVM_BOOK3S_64=m was asked for',
      'f.config: CONFIG_KVM_BOOK3S_64_HV appears 0 times, expected once',
      'f.config: CONFIG_KVM_BOOK3S_64_PR appears 2 times, expected once',
    ])
  })

  it('reads fragments and refuses lines that are not config lines', () => {
    expect(
      parseFragment(
        '# my fragment\nCONFIG_KVM_XICS=y\n\n# CONFIG_KVM_BOOK3S_64_PR is not set\nCONFIG_CMDLINE="x y"\n',
        'f',
      ),
    ).toEqual([
      { name: 'KVM_XICS', value: 'y' },
      { name: 'KVM_BOOK3S_64_PR', value: 'n' },
      { name: 'CMDLINE', value: '"x y"' },
    ])
    expect(() => parseFragment('CONFIG_KVM_XICS=y\nKVM_XICS=y\n', 'extra.config')).toThrow(
      'extra.config:2: "KVM_XICS=y" is not a config line; expected CONFIG_X=value or # CONFIG_X is not set',
    )
  })

  it('lets later options override earlier ones', () => {
    expect(
      mergeOptions([...KVM_PROFILE, { name: 'KVM_BOOK3S_64_HV', value: 'n' }]).filter(
        (o) => o.name === 'KVM_BOOK3S_64_HV',
      ),
    ).toEqual([{ name: 'KVM_BOOK3S_64_HV', value: 'n' }])
  })

  it('finds every ppc64le config and reads values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'configs-'))
    for (const name of [
      'kernel-ppc64le-rhel.config',
      'kernel-ppc64le-debug-rhel.config',
      'kernel-x86_64-rhel.config',
      'kernel-local',
    ]) {
      writeFileSync(join(dir, name), '')
    }
    expect(ppc64leConfigs(dir).map((f) => f.slice(dir.length + 1))).toEqual([
      'kernel-ppc64le-debug-rhel.config',
      'kernel-ppc64le-rhel.config',
    ])
    expect(readConfig(STOCK).get('KVM_BOOK3S_64_PR')).toBe('n')
    expect(formatOption({ name: 'X', value: 'n' })).toBe('# CONFIG_X is not set')
  })
})
