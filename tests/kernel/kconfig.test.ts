/**
 * @needs-system-tools
 * The Kconfig check against a real kernel tree: Debian's linux-source, with its powerpc Kconfig. */
import { applyOptions, KVM_PROFILE } from '../../src/kernel/config.js'
import {
  checkWithKconfig,
  describeFinding,
  kconfigIndex,
  prepareKernelSource,
  runConfigTarget,
} from '../../src/kernel/kconfig.js'
import { debianKernelTarball, KERNEL_SOURCE_CACHE } from '../support/kernel-source.js'

let tree: string
let index: ReturnType<typeof kconfigIndex>
let defconfig: string
beforeAll(async () => {
  tree = await prepareKernelSource(debianKernelTarball(), KERNEL_SOURCE_CACHE)
  index = kconfigIndex(tree)
  defconfig = await runConfigTarget(tree, 'ppc64le_defconfig')
}, 180_000)

describe('Kconfig check', () => {
  it('reuses the unpacked tree', async () => {
    expect(await prepareKernelSource(debianKernelTarball(), KERNEL_SOURCE_CACHE)).toBe(tree)
    expect(index.get('KVM_BOOK3S_64_HV')).toEqual({
      depends: ['KVM_BOOK3S_64 && PPC_POWERNV'],
      selectedBy: [],
    })
    expect(defconfig).toMatch(/^CONFIG_PPC_POWERNV=y$/m)
  })

  it('keeps every profile option on a ppc64le config with PowerNV', async () => {
    const config = applyOptions(defconfig, KVM_PROFILE, (name) => index.has(name)).text
    const findings = await checkWithKconfig(tree, config, KVM_PROFILE, index)
    expect(findings.map((f) => [f.name, f.final, f.kept])).toEqual([
      ['KVM_BOOK3S_64', 'm', true],
      ['KVM_BOOK3S_64_HV', 'm', true],
      ['KVM_BOOK3S_64_PR', 'n', true],
      ['KVM_XICS', 'y', true],
      ['KVM_BOOK3S_HV_EXIT_TIMING', 'n', true],
      ['KVM_BOOK3S_HV_P8_TIMING', 'n', true],
      ['KVM_BOOK3S_HV_P9_TIMING', 'n', true],
      ['KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND', 'y', true],
    ])
  })

  it('reports KVM-HV dropped without PowerNV, with the dependency that forced it', async () => {
    const options = [...KVM_PROFILE, { name: 'PPC_POWERNV', value: 'n' }]
    const findings = await checkWithKconfig(tree, applyOptions(defconfig, options).text, options, index)
    const hv = findings.find((f) => f.name === 'KVM_BOOK3S_64_HV')!
    expect(hv).toEqual({
      name: 'KVM_BOOK3S_64_HV',
      requested: 'm',
      final: 'n',
      kept: false,
      reason: 'depends on KVM_BOOK3S_64 && PPC_POWERNV; not met: PPC_POWERNV is off',
    })
    expect(describeFinding('kernel-ppc64le-rhel.config', hv)).toBe(
      'kernel-ppc64le-rhel.config: CONFIG_KVM_BOOK3S_64_HV=m became # CONFIG_KVM_BOOK3S_64_HV is not set (depends on KVM_BOOK3S_64 && PPC_POWERNV; not met: PPC_POWERNV is off)',
    )
  })

  it('explains a module that became built-in, a selected option and an unknown one', async () => {
    const options = [
      { name: 'MODULES', value: 'n' },
      { name: 'KVM_BOOK3S_64', value: 'm' },
      { name: 'KVM_BOOK3S_64_HV', value: 'm' },
      { name: 'KVM_BOOK3S_HV_POSSIBLE', value: 'n' },
      { name: 'KVM_NOT_A_SYMBOL', value: 'y' },
    ]
    const findings = await checkWithKconfig(tree, applyOptions(defconfig, options).text, options, index)
    expect(findings.filter((f) => !f.kept).map((f) => [f.name, f.reason])).toEqual([
      ['KVM_BOOK3S_64', 'CONFIG_MODULES is off, so a module request becomes built-in'],
      ['KVM_BOOK3S_64_HV', 'CONFIG_MODULES is off, so a module request becomes built-in'],
      ['KVM_BOOK3S_HV_POSSIBLE', 'selected by KVM_BOOK3S_64_HV'],
      ['KVM_NOT_A_SYMBOL', 'CONFIG_KVM_NOT_A_SYMBOL does not exist in this kernel tree'],
    ])
  })
})
