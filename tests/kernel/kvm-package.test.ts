// @needs-system-tools
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keepKvmInModules, packageKvmSeparately } from '../../src/kernel/kvm-package.js'
import { shellGateHolds, validateKernelSpec } from '../../src/kernel/validate.js'
import { fixtureTree } from '../support/fixtures.js'
import { subpackagesFor } from '../support/rpms.js'

function specOf(fixture: string) {
  const tree = fixtureTree(fixture)
  const spec = join(tree, 'SPECS', 'kernel.spec')
  return { tree, spec, sources: join(tree, 'SOURCES'), lines: readFileSync(spec, 'utf8').split('\n') }
}

const validate = (spec: string, sources: string, kvmPackage: 'subpackage' | 'modules') =>
  validateKernelSpec(spec, 'kernel.spec', {
    sourcesDir: sources,
    evaluation: { defines: { dist: '.el9_6', buildid: '.kvm1' }, with: ['baseonly'], without: ['debug'] },
    kvmPackage,
    resultsDir: mkdtempSync(join(tmpdir(), 'results-')),
  })

describe('kernel-kvm on the 9.4+ spec (kvm macro defined for realtime only)', () => {
  it('has no kernel-kvm for ppc64le as published, and kernel-rt-kvm for x86_64 realtime', () => {
    const { spec } = specOf('kernel-el9.4')
    expect(subpackagesFor(spec)).not.toContain('kernel-kvm')
    expect(subpackagesFor(spec, 'x86_64')).not.toContain('kernel-kvm')
  })

  it('opens the macro, the package and files branches and the $Variant gates to the base kernel on ppc64le', async () => {
    const { spec, sources, lines } = specOf('kernel-el9.4')
    expect(packageKvmSeparately(lines, 'kernel.spec', sources)).toBe(
      'kernel_kvm_package defined on ppc64le; variant package and files macros: kernel-kvm for the base kernel (2 branch(es)); BuildKernel: 4 $Variant gate(s) opened to the base kernel; kernel-kvm runs depmod after install and removal; mod-kvm.list gains kvm-hv',
    )
    writeFileSync(spec, lines.join('\n'))
    expect(subpackagesFor(spec)).toContain('kernel-kvm')
    // Only the base kernel on ppc64le: not the debug variant, not x86_64.
    expect(subpackagesFor(spec)).not.toContain('kernel-debug-kvm')
    expect(subpackagesFor(spec, 'x86_64')).not.toContain('kernel-kvm')
    expect(readFileSync(join(sources, 'mod-kvm.list'), 'utf8')).toBe(
      'kvm-amd\nkvm-intel\nkvm\nkvmgt\nptp_kvm\nkvm-hv\n',
    )
    const validation = await validate(spec, sources, 'subpackage')
    expect(validation.summary).toMatch(
      /^Validated before the build: rpmspec --target ppc64le --define 'dist \.el9_6' --define 'buildid \.kvm1' .*--with baseonly --without debug parses the spec \(\d+ packages\); kernel-kvm is built and the base kernel moves kvm and kvm-hv into it\.$/,
    )
    // The expanded spec is kept in a file, not printed: the folder and depmod, as for rt.
    const expanded = readFileSync(validation.expandedFile, 'utf8')
    expect(expanded).toMatch(/^%files kvm\n\/lib\/modules\/5\.14\.0-570\.12\.1\.kvm1\.el9_6\.ppc64le\/kvm$/m)
    expect(expanded).toMatch(/^%post kvm\n\/sbin\/depmod -a 5\.14\.0-570\.12\.1\.kvm1\.el9_6\.ppc64le$/m)
    expect(expanded).toMatch(/^%postun kvm\n\/sbin\/depmod -a 5\.14\.0-570\.12\.1\.kvm1\.el9_6\.ppc64le$/m)
  })

  it('leaves the spec alone for modules, and validation agrees nothing splits kvm out of the base kernel', async () => {
    const { spec, sources, lines } = specOf('kernel-el9.4')
    const before = [...lines]
    expect(keepKvmInModules(lines, 'kernel.spec')).toBe(
      'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec splits kvm out for rt only)',
    )
    expect(lines).toEqual(before)
    await expect(validate(spec, sources, 'modules')).resolves.toMatchObject({
      summary: expect.stringContaining('no kernel-kvm for the base kernel'),
    })
    await expect(validate(spec, sources, 'subpackage')).rejects.toThrow(
      'does not package the KVM modules as kvm-package: subpackage asks: it builds no kernel-kvm package; it has no %files section for kernel-kvm; kernel-kvm runs no depmod in %post; mod-kvm.list does not name kvm-hv; the base kernel’s build does not split the modules of mod-kvm.list into kernel-kvm.',
    )
  })

  it('refuses, quoting rpmspec, a spec whose kvm edit cannot apply (the macro call outside its gate)', async () => {
    const { spec, sources, lines } = specOf('kernel-el9.4')
    // The edit an earlier version made: call the macro for ppc64le and list %files kvm.
    const prep = lines.indexOf('%prep')
    lines.splice(prep, 0, '%ifarch ppc64le', '%kernel_kvm_package', '%endif', '')
    lines.splice(
      lines.indexOf('%changelog'),
      0,
      '%ifarch ppc64le',
      '%files kvm',
      '/lib/modules/%{KVERREL}/kvm',
      '%endif',
      '',
    )
    writeFileSync(spec, lines.join('\n'))
    await expect(validate(spec, sources, 'subpackage')).rejects.toThrow(
      /^kernel\.spec does not parse for ppc64le \(rpmspec -q --target ppc64le .*\): error: .*package kernel-kvm does not exist/,
    )
  })

  it('names the line it expected when the spec has changed shape', () => {
    const { sources, lines } = specOf('kernel-el9.4')
    const withoutFiles = lines.filter((line) => !/%%files .*kvm/.test(line))
    expect(() => packageKvmSeparately(withoutFiles, 'kernel.spec', sources)).toThrow(
      "kernel.spec: cannot make the kernel-kvm subpackage: expected a '%{expand:%%files … kvm}' line in the variant files macro. The spec has changed shape; report it, or use the other kvm-package mode",
    )
    const withoutSplit = lines.filter((line) => !/%\{SOURCE86\} kvm$/.test(line))
    expect(() => packageKvmSeparately(withoutSplit, 'kernel.spec', sources)).toThrow(
      'expected a line that splits the modules of %{SOURCE86} into kvm.',
    )
  })
})

describe('kernel-kvm on the 9.0–9.3 spec (no kvm macro at all)', () => {
  it('declares the package, its file list and the split beside the internal modules', async () => {
    const { spec, sources, lines } = specOf('kernel-el9.2')
    expect(subpackagesFor(spec)).not.toContain('kernel-kvm')
    expect(packageKvmSeparately(lines, 'kernel.spec', sources)).toBe(
      'Source86: mod-kvm.list (kvm, kvm-hv); kernel-kvm declared with its file list; BuildKernel splits the kvm modules out for the base kernel; kernel-kvm runs depmod after install and removal',
    )
    writeFileSync(spec, lines.join('\n'))
    expect(readFileSync(join(sources, 'mod-kvm.list'), 'utf8')).toBe('kvm\nkvm-hv\n')
    expect(subpackagesFor(spec)).toContain('kernel-kvm')
    expect(subpackagesFor(spec, 'x86_64')).not.toContain('kernel-kvm')
    await expect(validate(spec, sources, 'subpackage')).resolves.toMatchObject({
      subpackages: expect.arrayContaining(['kernel-kvm', 'kernel-modules']),
    })
  })

  it('keeps the modules where they are for modules', async () => {
    const { spec, sources, lines } = specOf('kernel-el9.2')
    expect(keepKvmInModules(lines, 'kernel.spec')).toBe(
      'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec has no kvm package)',
    )
    await expect(validate(spec, sources, 'modules')).resolves.toBeDefined()
  })

  it('names the internal split it models the kvm split on when it is missing', () => {
    const { sources, lines } = specOf('kernel-el9.2')
    const without = lines.filter((line) => !/ internal$/.test(line))
    expect(() => packageKvmSeparately(without, 'kernel.spec', sources)).toThrow(
      "kernel.spec: cannot make the kernel-kvm subpackage: expected a line '%{SOURCE20} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE84} internal' (the split of the internal modules).",
    )
  })

  it('refuses modules mode on a spec that already packages kvm for the base kernel', () => {
    const { sources, lines } = specOf('kernel-el9.2')
    packageKvmSeparately(lines, 'kernel.spec', sources)
    expect(() => keepKvmInModules(lines, 'kernel.spec')).toThrow(
      "cannot keep the KVM modules in the kernel modules: this upstream already ships kernel-kvm (kernel-kvm already holds the base kernel's kvm and kvm-hv on ppc64le)",
    )
  })
})

describe('BuildKernel gates', () => {
  it.each([
    ['  if [[ "$Variant" == "rt" || "$Variant" == "rt-debug" ]]; then', '', false],
    ['  if [[ "$Variant" == "rt" || "$Variant" == "rt-debug" ]]; then', 'rt', true],
    ['  if [[ "$Variant" == "rt" || "${Variant}ppc64le" == "ppc64le" ]]; then', '', true],
    ['  if [[ "$Variant" == "rt" || "${Variant}ppc64le" == "ppc64le" ]]; then', 'debug', false],
    ['if [ "$Variant" = "rt" ] || [ "${Variant}ppc64le" = "ppc64le" ]; then', '', true],
    ['if [ -z "$Variant" ] && [ "x" != "x" ]; then', '', false],
  ])('%s holds for variant "%s": %s', (line, variant, holds) => {
    expect(shellGateHolds(line, variant)).toBe(holds)
  })

  it('cannot tell for anything but string tests', () => {
    expect(shellGateHolds('if grep -q kvm list; then', '')).toBeUndefined()
  })
})
