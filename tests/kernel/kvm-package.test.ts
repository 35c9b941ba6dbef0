import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { keepKvmInModules, packageKvmSeparately } from '../../src/kernel/kvm-package.js'
import { fixtureTree } from '../support/fixtures.js'

function specOf(fixture: string) {
  const tree = fixtureTree(fixture)
  const spec = join(tree, 'SPECS', 'kernel.spec')
  return { tree, spec, lines: readFileSync(spec, 'utf8').split('\n') }
}

const ppc64lePackages = (spec: string): string[] =>
  execFileSync('rpmspec', ['-q', '--target', 'ppc64le', '--qf', '%{name}\\n', spec], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)

describe('where the KVM modules are packaged', () => {
  it('declares kernel-kvm through the spec’s own macro where the spec does not yet', () => {
    const { spec, lines } = specOf('kernel')
    expect(ppc64lePackages(spec)).not.toContain('kernel-kvm')
    expect(packageKvmSeparately(lines, 'kernel.spec')).toBe(
      'kernel-kvm declared for ppc64le; %files kvm lists /lib/modules/%{KVERREL}/kernel/arch/powerpc/kvm',
    )
    writeFileSync(spec, lines.join('\n'))
    expect(ppc64lePackages(spec)).toContain('kernel-kvm')
    expect(packageKvmSeparately(lines, 'kernel.spec')).toBe('kernel-kvm already built by the spec')
  })

  it('leaves a spec that already builds kernel-kvm as it is', () => {
    const { lines } = specOf('kernel-mini')
    const before = [...lines]
    expect(packageKvmSeparately(lines, 'kernel.spec')).toBe('kernel-kvm already built by the spec')
    expect(lines).toEqual(before)
  })

  it('keeps them in kernel-modules when asked: no subpackage, nothing moved out by mod-kvm.list', () => {
    const { tree, spec, lines } = specOf('kernel-mini')
    expect(keepKvmInModules(lines, 'kernel.spec', join(tree, 'SOURCES'))).toBe(
      'mod-kvm.list emptied; no kernel-kvm subpackage; %files modules lists /lib/modules/%{KVERREL}/kernel/arch/powerpc/kvm',
    )
    expect(readFileSync(join(tree, 'SOURCES', 'mod-kvm.list'), 'utf8')).toBe('')
    writeFileSync(spec, lines.join('\n'))
    expect(ppc64lePackages(spec)).not.toContain('kernel-kvm')
    expect(lines.join('\n')).not.toMatch(/^%files kvm/m)
  })

  it('names the line it expected when the spec has no kvm package macro', () => {
    const { lines } = specOf('kernel')
    const without = lines.filter((line) => !line.includes('kernel_kvm_package'))
    expect(() => packageKvmSeparately(without, 'kernel.spec')).toThrow(
      "kernel.spec: cannot make the kernel-kvm subpackage: expected '%define kernel_kvm_package()'. The spec has changed shape; use kvm-package: modules",
    )
    expect(() => keepKvmInModules(specOf('kernel').lines, 'kernel.spec', '/nonexistent')).toThrow(
      "kernel.spec: cannot keep the KVM modules in kernel-modules: expected a '%files modules' section. The spec has changed shape; use kvm-package: subpackage",
    )
  })
})
