/** Build avoidance: every byte that decides the output is in the key, and nothing else is. */
import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kernelSourceDigest } from '../../src/kernel/kconfig.js'
import { avoidanceKey, type AvoidanceInputs } from '../../src/rpm/avoid.js'
import { writeTree } from '../support/fixtures.js'

function setUp() {
  const recipe = writeTree({
    'config.yaml': 'actions: []\n',
    'files/0001-fix.patch': 'diff\n',
    'scripts/prepare.sh': 'echo prepare\n',
  })
  const inputs = writeTree({
    'fragments/kvm.config': 'CONFIG_KVM_XICS=y\n',
    'patches/0001-a.patch': 'diff a\n',
    'mock/almalinux-9-ppc64le.cfg': "config_opts['target_arch'] = 'ppc64le'\n",
    'linux/arch/powerpc/kvm/Kconfig': 'config KVM_BOOK3S_64\n',
    'linux/arch/powerpc/kvm/book3s.c': 'int x;\n',
  })
  const key = (): string =>
    avoidanceKey({
      package: 'kernel',
      srpmSha256: 'a'.repeat(64),
      recipes: [join(recipe, 'config.yaml'), join(recipe, 'files'), join(recipe, 'scripts')],
      files: {
        'config-fragments': [join(inputs, 'fragments/kvm.config')],
        patches: [join(inputs, 'patches')],
        'mock-config': [join(inputs, 'mock/almalinux-9-ppc64le.cfg')],
      },
      builder: ['mock', '-r', 'almalinux-9-ppc64le'],
      extra: { kernelSource: kernelSourceDigest(join(inputs, 'linux')) },
    } satisfies AvoidanceInputs)
  return { recipe, inputs, key }
}

describe('the build-avoidance key', () => {
  it.each([
    ['the recipe config', (r: string) => join(r, 'config.yaml')],
    ['a recipe files/ entry', (r: string) => join(r, 'files/0001-fix.patch')],
    ['a recipe script', (r: string) => join(r, 'scripts/prepare.sh')],
  ])('changes when one byte of %s changes', (_what, file) => {
    const { recipe, key } = setUp()
    const before = key()
    appendFileSync(file(recipe), ' ')
    expect(key()).not.toBe(before)
  })

  it.each([
    ['a config fragment', 'fragments/kvm.config'],
    ['a patch of the series (its content, not only its name)', 'patches/0001-a.patch'],
    ['the mock config', 'mock/almalinux-9-ppc64le.cfg'],
    ['a Kconfig file of the kernel source', 'linux/arch/powerpc/kvm/Kconfig'],
  ])('changes when one byte of %s changes', (_what, path) => {
    const { inputs, key } = setUp()
    const before = key()
    appendFileSync(join(inputs, path), '#')
    expect(key()).not.toBe(before)
  })

  it('stays the same when nothing changed, and for kernel source files the Kconfig check does not read', () => {
    const { inputs, key } = setUp()
    const before = key()
    expect(key()).toBe(before)
    writeFileSync(join(inputs, 'linux/arch/powerpc/kvm/book3s.c'), 'int y;\n')
    expect(key()).toBe(before)
  })

  it('changes with the builder command (another mock config name)', () => {
    const base: AvoidanceInputs = {
      package: 'kernel',
      srpmSha256: 'b',
      recipes: [],
      builder: ['mock', '-r', 'a'],
    }
    expect(avoidanceKey(base)).not.toBe(avoidanceKey({ ...base, builder: ['mock', '-r', 'b'] }))
  })
})
