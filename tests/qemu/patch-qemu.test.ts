// @needs-system-tools
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { packSrpm } from '../../src/rpm/srpm.js'
import { helloSrpm, subpackagesFor } from '../support/rpms.js'
import { libvirtFixtureTree, libvirtSrpm, qemuFixtureTree, qemuSrpm } from '../support/qemu-sources.js'

interface Run {
  code: number
  out: string
  err: string
  outputs: Record<string, string>
  workspace: string
}

async function patchQemu(
  inputs: Record<string, string>,
  workspace = mkdtempSync(join(tmpdir(), 'ws-')),
): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  // The fixtures are packed here, unsigned: their signature check is what tests/rpm/upstream-trust covers.
  const args = Object.entries({ builder: 'rpmbuild', 'upstream-keys': 'none', ...inputs }).flatMap(
    ([name, value]) => ['--input', `${name}=${value}`],
  )
  const code = await runCli(['patch-qemu', ...args], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    cwd: workspace,
  })
  const text = out.join('')
  const outputs = Object.fromEntries(
    [...text.matchAll(/^([a-z-]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
  )
  // The unsigned fixtures' expected warning; the tests look at everything else on stderr.
  const unchecked =
    /^warning: upstream-keys is 'none': the source RPM's signature was not checked \([\w-]+\)\n/gm
  return { code, out: text, err: err.join('').replace(unchecked, ''), outputs, workspace }
}

/** The spec inside a source RPM, unpacked with rpm2cpio. */
function specOf(srpm: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'srpm-'))
  execFileSync('bash', ['-c', 'rpm2cpio "$1" | cpio -idm --quiet', '_', srpm], { cwd: dir })
  return join(dir, `${name}.spec`)
}

const ppc64leSubpackages = (spec: string): string[] => subpackagesFor(spec, 'ppc64le', { rhel: '9' })

describe('patch-qemu', () => {
  it('rebuilds a 9.1+-shaped qemu-kvm and libvirt with KVM on ppc64le, validated and packed by rpmbuild', async () => {
    const run = await patchQemu({
      packages: 'qemu-kvm, libvirt',
      'qemu-kvm-srpm': await qemuSrpm('qemu-kvm-9', { usbInput: true }),
      'libvirt-srpm': await libvirtSrpm(),
    })
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.nvrs!)).toEqual({
      'qemu-kvm': 'qemu-kvm-9.1.0-15.el9.kvm1',
      libvirt: 'libvirt-10.10.0-7.el9.kvm1',
    })
    const rpms: string[] = JSON.parse(run.outputs.rpms!)
    const srpm = rpms.find((rpm) => basename(rpm) === 'qemu-kvm-9.1.0-15.el9.kvm1.src.rpm')!
    const spec = specOf(srpm, 'qemu-kvm')
    const text = readFileSync(spec, 'utf8')
    expect(text).toContain('Patch6: kvm-actions-ppc64-rh-devices.patch')
    expect(text).toContain('- Rebuilt for KVM hosts on ppc64le (kvm-actions): tools_only, devices option,\n')
    expect(existsSync(join(spec, '..', 'kvm-actions-ppc64-rh-devices.patch'))).toBe(true)
    // The published source RPM itself, not only the action's own check, builds the core for ppc64le.
    expect(ppc64leSubpackages(spec)).toEqual(expect.arrayContaining(['qemu-kvm-core']))
    expect(
      ppc64leSubpackages(
        specOf(
          rpms.find((rpm) => rpm.endsWith('libvirt-10.10.0-7.el9.kvm1.src.rpm'))!,
          'libvirt',
        ),
      ),
    ).toEqual(expect.arrayContaining(['libvirt-daemon-driver-qemu', 'libvirt-daemon-kvm']))
    expect(rpms.map((rpm) => basename(rpm))).toEqual(
      expect.arrayContaining([
        'qemu-kvm-core-9.1.0-15.el9.kvm1.ppc64le.rpm',
        'libvirt-daemon-kvm-10.10.0-7.el9.kvm1.ppc64le.rpm',
      ]),
    )
    expect(run.out).toContain(
      'built-in qemu-kvm.spec devices option: --with-devices-ppc64=ppc64-rh-devices added for power64',
    )
    expect(run.out).toContain('The tree had no ppc64-rh-devices.mak; the rebuild adds it with 35 symbols')
    expect(run.out).toContain('USB_HID, USB_HUB.')
    expect(run.out).toContain("Left out, as this QEMU's Kconfig does not define them: USB_STORAGE.")
    expect(run.out).toContain('Post-build check not run: it needs a ppc64le runner, and this one is x86_64.')
    expect(run.outputs['qemu-kvm-path']).toBe('')
  }, 120_000)

  it.each([
    [
      'qemu-kvm 9.x',
      'qemu-kvm',
      async () => qemuSrpm('qemu-kvm-9', { usbInput: true }),
      'qemu-kvm-9.1.0-15.el9.kvm1',
    ],
    ['qemu-kvm 8.x', 'qemu-kvm', async () => qemuSrpm('qemu-kvm-8', { usbInput: true }), undefined],
    ['libvirt', 'libvirt', libvirtSrpm, 'libvirt-10.10.0-7.el9.kvm1'],
  ])(
    'with build false on %s: recipes, validation, the source RPM packed and the command shown',
    async (_what, pkg, srpmOf, nvr) => {
      const run = await patchQemu({ packages: pkg, [`${pkg}-srpm`]: await srpmOf(), build: 'false' })
      expect(run.err).toBe('')
      expect(run.code).toBe(0)
      const rpms: string[] = JSON.parse(run.outputs.rpms!)
      expect(rpms).toHaveLength(1)
      expect(rpms[0]).toMatch(
        new RegExp(`/kvm-actions-results/patch-qemu/${pkg}/rpms/${pkg}-.*\\.src\\.rpm$`),
      )
      if (nvr) expect(basename(rpms[0]!)).toBe(`${nvr}.src.rpm`)
      expect(run.out).toContain('Build skipped (input build is false)')
      expect(run.out).toMatch(
        new RegExp(`rpmbuild --define '_topdir [^']+' .*--rebuild \\S+/${pkg}/rpms/${pkg}-\\S+\\.src\\.rpm`),
      )
      // The expanded spec is a file in the results folder; the log holds none of it, nor Debian's Alien advice.
      const expanded = join(
        run.workspace,
        'kvm-actions-results/patch-qemu',
        pkg,
        'spec-ppc64le-expanded.spec',
      )
      expect(readFileSync(expanded, 'utf8')).toMatch(/^%description/m)
      expect(run.out).not.toMatch(/^%description/m)
      expect(run.out + run.err).not.toContain('Alien')
    },
    120_000,
  )

  it('reports BuildRequires the build host lacks as an infrastructure error, keeping the source RPM', async () => {
    const { tree, spec } = libvirtFixtureTree()
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        /^(Version:.*)$/m,
        '$1\nBuildRequires: kvm-actions-absent-devel >= 2',
      ),
    )
    const srpm = await packSrpm(tree, spec, { dist: '.el9' })
    const run = await patchQemu({ packages: 'libvirt', 'libvirt-srpm': srpm })
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      'Infrastructure error: the build host lacks 1 build dependency of the spec: kvm-actions-absent-devel >= 2. Install them (dnf builddep on EL), or build with mock',
    )
    expect(
      existsSync(
        join(run.workspace, 'kvm-actions-results/patch-qemu/libvirt/rpms/libvirt-10.10.0-7.el9.kvm1.src.rpm'),
      ),
    ).toBe(true)
  }, 120_000)

  it('completes the downstream device file of an 8.x-shaped spec that applies patches one by one', async () => {
    const run = await patchQemu({ 'qemu-kvm-srpm': await qemuSrpm('qemu-kvm-8', { usbInput: true }) })
    expect(run.code).toBe(0)
    const srpm = (JSON.parse(run.outputs.rpms!) as string[]).find((rpm) => rpm.endsWith('.src.rpm'))!
    const text = readFileSync(specOf(srpm, 'qemu-kvm'), 'utf8')
    expect(text).toMatch(/^Patch6: kvm-actions-ppc64-rh-devices\.patch$/m)
    expect(text).toMatch(/^%patch -P 6 -p1$/m)
    expect(run.out).toContain('already enabled upstream: passed on power64')
    expect(run.out).toMatch(/USB_HID\s+no\s+yes/)
    expect(run.out).toContain('11 symbols in the stock device file, 35 in the rebuild.')
  }, 120_000)

  it('on its own output: every built-in edit is already enabled upstream, nothing is applied twice, the checks still run', async () => {
    const first = await patchQemu({
      packages: 'qemu-kvm, libvirt',
      'qemu-kvm-srpm': await qemuSrpm('qemu-kvm-9', { usbInput: true }),
      'libvirt-srpm': await libvirtSrpm(),
      build: 'false',
    })
    expect(first.code).toBe(0)
    const srpms: string[] = JSON.parse(first.outputs.rpms!)
    const again = await patchQemu({
      packages: 'qemu-kvm, libvirt',
      'qemu-kvm-srpm': srpms.find((rpm) => basename(rpm).startsWith('qemu-kvm-'))!,
      'libvirt-srpm': srpms.find((rpm) => basename(rpm).startsWith('libvirt-'))!,
      build: 'false',
    })
    expect(again.err).toBe('')
    expect(again.code).toBe(0)
    const builtIn = again.out.split('\n').filter((line) => /^\s*built-in /.test(line))
    expect(builtIn.map((line) => line.trim().split(':')[0])).toEqual([
      'built-in qemu-kvm.spec tools_only',
      'built-in qemu-kvm.spec devices option',
      'built-in qemu-kvm.spec slof.bin',
      'built-in qemu-kvm.spec device config',
      'built-in libvirt.spec arches_qemu_kvm',
    ])
    for (const line of builtIn) expect(line).toContain(': already enabled upstream')
    expect(again.out).toContain('The stock device file already enables all 35 wanted symbols.')
    const rpms: string[] = JSON.parse(again.outputs.rpms!)
    const text = readFileSync(
      specOf(
        rpms.find((rpm) => basename(rpm).startsWith('qemu-kvm-'))!,
        'qemu-kvm',
      ),
      'utf8',
    )
    expect(text.match(/kvm-actions-ppc64-rh-devices\.patch$/gm)).toHaveLength(1)
    expect(text.match(/^--with-devices-ppc64=ppc64-rh-devices/gm)).toBeNull()
    expect(text.match(/--with-devices-ppc64=ppc64-rh-devices/g)).toHaveLength(1)
    expect(text.match(/^# kvm-actions: the full qemu-kvm/gm)).toHaveLength(1)
    expect(text.match(/^%ifarch ppc64le\n%{_datadir}\/%{name}\/slof\.bin$/gm)).toHaveLength(1)
    expect(text).toMatch(
      /^- Rebuilt for KVM hosts on ppc64le \(kvm-actions\): every change already enabled\s+upstream$/m,
    )
    // The validation ran on the second spec too: rpmspec's expansion is in the results.
    expect(
      existsSync(join(again.workspace, 'kvm-actions-results/patch-qemu/qemu-kvm/spec-ppc64le-expanded.spec')),
    ).toBe(true)
    expect(
      ppc64leSubpackages(
        specOf(
          rpms.find((rpm) => basename(rpm).startsWith('qemu-kvm-'))!,
          'qemu-kvm',
        ),
      ),
    ).toEqual(expect.arrayContaining(['qemu-kvm-core']))
  }, 240_000)

  it('adds a patch series in name order after the built-in edits', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(workspace, 'series'))
    for (const [name, file] of [
      ['0002-second.patch', 'SECOND'],
      ['0001-first.patch', 'FIRST'],
    ] as const) {
      writeFileSync(
        join(workspace, 'series', name),
        `From 0 Mon Sep 17 00:00:00 2001\nFrom: A <a@example.org>\nSubject: [PATCH] ${file}\n\n---\ndiff --git a/${file} b/${file}\nnew file mode 100644\n--- /dev/null\n+++ b/${file}\n@@ -0,0 +1 @@\n+${file}\n-- \n`,
      )
    }
    const run = await patchQemu(
      { 'qemu-kvm-srpm': await qemuSrpm('qemu-kvm-9', { usbInput: true }), 'qemu-kvm-patches': 'series' },
      workspace,
    )
    expect(run.err).toBe('')
    const srpm = (JSON.parse(run.outputs.rpms!) as string[]).find((rpm) => rpm.endsWith('.src.rpm'))!
    const tags = readFileSync(specOf(srpm, 'qemu-kvm'), 'utf8').match(/^Patch\d+: .*$/gm)
    expect(tags?.slice(-3)).toEqual([
      'Patch6: kvm-actions-ppc64-rh-devices.patch',
      'Patch7: 0001-first.patch',
      'Patch8: 0002-second.patch',
    ])
  }, 120_000)

  it('stops on a spec whose shape changed, naming the line it expected, with nothing built', async () => {
    const { tree, spec } = qemuFixtureTree('qemu-kvm-9', { usbInput: true })
    // A later generation that renamed the switch.
    writeFileSync(spec, readFileSync(spec, 'utf8').replaceAll('tools_only', 'only_utilities'))
    const run = await patchQemu({ 'qemu-kvm-srpm': await packSrpm(tree, spec, { dist: '.el9' }) })
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      "Configuration error: qemu-kvm.spec: cannot lift tools_only for power64: expected '%global tools_only 1' inside '%ifarch %{power64}'. The spec has changed shape; add an autopatch recipe for this version\n",
    )
    expect(existsSync(join(run.workspace, 'kvm-actions-results/patch-qemu/qemu-kvm/rpms'))).toBe(false)
  }, 60_000)

  it('stops when rpmspec for ppc64le would still not package the emulator', async () => {
    const { tree, spec } = qemuFixtureTree('qemu-kvm-9', { usbInput: true })
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        '%files -n qemu-kvm-core\n%{_libexecdir}/qemu-kvm\n',
        '%files -n qemu-kvm-core\n%ifnarch %{power64}\n%{_libexecdir}/qemu-kvm\n%endif\n',
      ),
    )
    const run = await patchQemu({ 'qemu-kvm-srpm': await packSrpm(tree, spec, { dist: '.el9' }) })
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      'Configuration error: qemu-kvm.spec after the ppc64le edits: %files of qemu-kvm-core does not list /usr/libexec/qemu-kvm on ppc64le (rpmspec --target ppc64le lists qemu-kvm, qemu-img, qemu-kvm-core)\n',
    )
  }, 60_000)

  it('rebuilds the stock spec with only the release suffix when the built-in recipe is off', async () => {
    const run = await patchQemu({
      'qemu-kvm-srpm': await qemuSrpm('qemu-kvm-9', { usbInput: true }),
      'built-in-recipe': 'false',
    })
    expect(run.code).toBe(0)
    const srpm = (JSON.parse(run.outputs.rpms!) as string[]).find((rpm) => rpm.endsWith('.src.rpm'))!
    const spec = specOf(srpm, 'qemu-kvm')
    expect(readFileSync(spec, 'utf8')).not.toContain('kvm-actions-ppc64-rh-devices.patch')
    expect(ppc64leSubpackages(spec)).not.toContain('qemu-kvm-core')
  }, 60_000)

  it('refuses a source RPM of another package, naming what it is', async () => {
    const srpm = await helloSrpm()
    const run = await patchQemu({ 'qemu-kvm-srpm': srpm })
    expect(run.code).toBe(1)
    expect(run.err).toBe(
      `Configuration error: ${srpm} is kvm-hello-1.2.0-3.el9_6.src, not a source RPM of qemu-kvm\n`,
    )
  })

  it('names an autopatch entry that is neither a config nor a folder with one', async () => {
    const run = await patchQemu({ 'qemu-kvm-srpm': await helloSrpm(), 'qemu-kvm-autopatch': 'recipes/qemu' })
    expect(run.err).toBe(
      "Configuration error: Input 'qemu-kvm-autopatch' names recipes/qemu, which is not an autopatch config file or a folder with config.yaml\n",
    )
  })

  it('names a package it does not know', async () => {
    const run = await patchQemu({ packages: 'qemu-kvm, seabio' })
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^Configuration error: Input 'packages' .*qemu-kvm, libvirt, virtiofsd, libguestfs, guestfs-tools, supermin, seabios, virt-top/,
    )
  })
})
