/**
 * @needs-system-tools
 * build-kernel on source RPMs whose KVM is already there: its own output rebuilt (both EL9 spec
 * shapes, both kvm-package modes), and an upstream that ships kernel-kvm itself, shaped like
 * AlmaLinux 9.6 and later (a ppc64le `kvm` kernel variant with its own configs). Every edit says
 * it is already enabled upstream, changes nothing, and every check still runs.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { readConfig } from '../../src/kernel/config.js'
import { packSrpm } from '../../src/rpm/srpm.js'
import { FIXTURES, fixtureTree } from '../support/fixtures.js'

async function buildKernel(inputs: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
  const out: string[] = []
  const err: string[] = []
  const args = ['build-kernel', '--input', 'builder=rpmbuild', '--input', 'upstream-keys=none']
  for (const [name, value] of Object.entries({ build: 'false', ...inputs }))
    args.push('--input', `${name}=${value}`)
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: workspace })
  const text = out.join('')
  const outputs = Object.fromEntries(
    (text.split('Outputs:\n')[1] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return { code, out: text, err: err.join(''), outputs }
}

/** A file of a source RPM (the spec, a config), read with rpm2cpio and cpio. */
function srpmFile(srpm: string, name: string): string {
  return execFileSync(
    'bash',
    ['-c', 'set -o pipefail; rpm2cpio "$1" | cpio -i --quiet --to-stdout "$2"', 'x', srpm, name],
    {
      encoding: 'utf8',
    },
  )
}

const sourceRpm = (outputs: Record<string, string>) =>
  (JSON.parse(outputs.rpms!) as string[]).find((rpm) => rpm.endsWith('.src.rpm'))!

async function packed(fixture: string, dist: string): Promise<string> {
  const tree = fixtureTree(fixture)
  return packSrpm(tree, join(tree, 'SPECS', 'kernel.spec'), { dist })
}

describe('build-kernel on its own output', () => {
  it.each([
    ['9.4+', 'subpackage', 'kernel-el9.4', '.el9_6', '570.12.1'],
    ['9.4+', 'modules', 'kernel-el9.4', '.el9_6', '570.12.1'],
    ['9.0–9.3', 'subpackage', 'kernel-el9.2', '.el9_2', '284.30.1'],
    ['9.0–9.3', 'modules', 'kernel-el9.2', '.el9_2', '284.30.1'],
  ])(
    '%s spec, kvm-package %s: the second run changes nothing and says so',
    async (_, mode, fixture, dist, release) => {
      const first = await buildKernel({
        srpm: await packed(fixture, dist),
        'kvm-package': mode,
        buildid: '.kvm1',
      })
      expect(first.err).not.toMatch(/error/i)
      expect(first.code).toBe(0)
      expect(first.out).not.toContain('already enabled upstream')
      const ours = sourceRpm(first.outputs)

      const again = await buildKernel({ srpm: ours, 'kvm-package': mode, buildid: '.kvm2' })
      expect(again.err).not.toMatch(/error/i)
      expect(again.code).toBe(0)
      expect(again.outputs.nvr).toBe(`kernel-5.14.0-${release}.kvm2${dist}`)
      for (const config of ['kernel-ppc64le-rhel.config', 'kernel-ppc64le-debug-rhel.config'])
        expect(again.out).toContain(
          `${config} KVM options: already enabled upstream: every option of the profile is set`,
        )
      if (mode === 'subpackage')
        expect(again.out).toContain(
          "kernel.spec KVM modules: already enabled upstream: kernel-kvm already holds the base kernel's kvm and kvm-hv on ppc64le; nothing changed",
        )
      // The checks still ran, and the spec is the one the first run packed.
      expect(again.out).toContain('Validated before the build: rpmspec --target ppc64le')
      expect(again.out).not.toContain('Config changes')
      expect(srpmFile(sourceRpm(again.outputs), 'kernel.spec')).toBe(srpmFile(ours, 'kernel.spec'))
    },
    120_000,
  )

  it('refuses the same buildid again: the rebuild would not sort above the source RPM it rebuilds', async () => {
    const first = await buildKernel({ srpm: await packed('kernel-el9.4', '.el9_6'), buildid: '.kvm1' })
    const again = await buildKernel({ srpm: sourceRpm(first.outputs), buildid: '.kvm1' })
    expect(again.code).toBe(1)
    expect(again.err).toContain(
      'the rebuilt kernel-5.14.0-570.12.1.kvm1.el9_6 does not sort above the stock kernel-5.14.0-570.12.1.kvm1.el9_6',
    )
  }, 120_000)
})

describe('build-kernel on an upstream that ships kernel-kvm (AlmaLinux 9.6+: a ppc64le kvm kernel variant)', () => {
  let srpm: string
  beforeAll(async () => {
    srpm = await packed('kernel-el9.6-kvm', '.el9_6')
  })

  it('applies nothing, builds upstream’s kvm variant, and checks its modules and config', async () => {
    const run = await buildKernel({ srpm, build: 'true', buildid: '.kvm1' })
    expect(run.err).not.toMatch(/error/i)
    expect(run.code).toBe(0)
    expect(run.out).toContain(
      "kernel.spec KVM modules: already enabled upstream: kernel-kvm is the spec's own ppc64le 'kvm' kernel variant, built with KVM on (as AlmaLinux 9.6 and later build it); nothing changed",
    )
    for (const config of ['kernel-ppc64le-kvm-rhel.config', 'kernel-ppc64le-kvm-debug-rhel.config'])
      expect(run.out).toContain(
        `${config} KVM options: already enabled upstream: every option of the profile is set`,
      )
    expect(run.out).toContain("kernel-kvm is upstream's own ppc64le 'kvm' kernel variant, built with KVM on")
    // The spec and every config are upstream's, the base kernel's KVM still off.
    const rebuilt = sourceRpm(run.outputs)
    expect(srpmFile(rebuilt, 'kernel.spec')).toBe(
      readFileSync(join(FIXTURES, 'kernel-el9.6-kvm/SPECS/kernel.spec'), 'utf8'),
    )
    for (const config of ['kernel-ppc64le-rhel.config', 'kernel-ppc64le-kvm-rhel.config'])
      expect(srpmFile(rebuilt, config)).toBe(
        readFileSync(join(FIXTURES, 'kernel-el9.6-kvm/SOURCES', config), 'utf8'),
      )
    expect(readConfig(srpmFile(rebuilt, 'kernel-ppc64le-rhel.config')).get('KVM_BOOK3S_64')).toBe('n')
    // The kernel checked after the build is the kvm variant's, with its KVM modules.
    expect(run.outputs.kverrel).toBe('5.14.0-570.12.1.kvm1.el9_6.ppc64le+kvm')
    expect(run.out).toMatch(
      /KVM modules for 5\.14\.0-570\.12\.1\.kvm1\.el9_6\.ppc64le\+kvm: kvm\.ko in kernel-kvm-modules, kvm-hv\.ko in kernel-kvm-modules/,
    )
  }, 180_000)

  it('refuses kvm-package modules, which would take upstream’s kernel-kvm apart', async () => {
    const run = await buildKernel({ srpm, 'kvm-package': 'modules' })
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      "kernel.spec: cannot keep the KVM modules in the kernel modules: this upstream already ships kernel-kvm (kernel-kvm is the spec's own ppc64le 'kvm' kernel variant",
    )
    expect(run.err).toContain('Use kvm-package: subpackage')
  }, 120_000)
})
