// @needs-system-tools
/**
 * The rest of the stack AlmaLinux rebuilt for ppc64le, on fixtures shaped like the EL9 specs:
 * the built-in recipe opens the arch line, rpmspec --target ppc64le lists the host subpackages,
 * the recipe on its own output applies nothing twice, and a changed arch rule fails naming it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { EL9_KERNEL_ARCHES } from '../../src/qemu/recipe.js'
import { STACK_EXPECTATIONS, STACK_PACKAGES, type StackPackage } from '../../src/qemu/stack.js'
import { archProblems } from '../../src/qemu/validate.js'
import { subpackagesFor } from '../support/rpms.js'
import { stackSrpm } from '../support/qemu-sources.js'

async function patchQemu(inputs: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
  const out: string[] = []
  const err: string[] = []
  const args = Object.entries({
    builder: 'rpmbuild',
    'upstream-keys': 'none',
    build: 'false',
    ...inputs,
  }).flatMap(([name, value]) => ['--input', `${name}=${value}`])
  const code = await runCli(['patch-qemu', ...args], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    cwd: workspace,
  })
  const text = out.join('')
  const rpms = JSON.parse(/^rpms=(.*)$/m.exec(text)?.[1] ?? '[]') as string[]
  const unchecked =
    /^warning: upstream-keys is 'none': the source RPM's signature was not checked \([\w-]+\)\n/gm
  return { code, out: text, err: err.join('').replace(unchecked, ''), rpms, workspace }
}

function specOf(srpm: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'srpm-'))
  execFileSync('bash', ['-c', 'rpm2cpio "$1" | cpio -idm --quiet', '_', srpm], { cwd: dir })
  return join(dir, `${name}.spec`)
}

const expanded = (spec: string): string[] =>
  execFileSync(
    'rpmspec',
    [
      '-P',
      '--target',
      'ppc64le',
      '--define',
      'rhel 9',
      '--define',
      `kernel_arches ${EL9_KERNEL_ARCHES}`,
      spec,
    ],
    { encoding: 'utf8' },
  ).split('\n')

const EDITS: Record<StackPackage, RegExp> = {
  virtiofsd: /built-in virtiofsd\.spec arches: %\{power64\} added to ExclusiveArch \(line \d+\)/,
  libguestfs: /built-in libguestfs\.spec arches: power64 taken out of ExcludeArch \(line \d+\)/,
  'guestfs-tools': /built-in guestfs-tools\.spec arches: power64 taken out of ExcludeArch \(line \d+\)/,
  supermin: /built-in supermin\.spec arches: power64 taken out of ExcludeArch \(line \d+\)/,
  seabios: /built-in seabios\.spec arches: %\{power64\} added to ExclusiveArch \(line \d+\)/,
  'virt-top': /built-in virt-top\.spec arches: already enabled upstream: builds for ppc64le/,
}

describe('patch-qemu: the rest of the virtualization stack', () => {
  it.each(STACK_PACKAGES.map((name) => [name]))(
    '%s: opened for ppc64le, the host subpackages listed for ppc64le, and nothing applied twice on its own output',
    async (name) => {
      const stock = await stackSrpm(name)
      const stockSpec = specOf(stock, name)
      const first = await patchQemu({ packages: name, [`${name}-srpm`]: stock })
      expect(first.err).toBe('')
      expect(first.code).toBe(0)
      expect(first.out).toMatch(EDITS[name])
      const srpm = first.rpms.find((rpm) => basename(rpm).startsWith(`${name}-`))!
      const spec = specOf(srpm, name)
      // The stock spec shuts ppc64le out (but virt-top); the rebuilt one does not.
      expect(archProblems(expanded(stockSpec), 'ppc64le')).toHaveLength(name === 'virt-top' ? 0 : 1)
      expect(archProblems(expanded(spec), 'ppc64le')).toEqual([])
      expect(subpackagesFor(spec, 'ppc64le', { rhel: '9' })).toEqual(
        expect.arrayContaining(STACK_EXPECTATIONS[name].subpackages),
      )
      const again = await patchQemu({ packages: name, [`${name}-srpm`]: srpm })
      expect(again.err).toBe('')
      expect(again.code).toBe(0)
      expect(again.out).toMatch(
        new RegExp(`built-in ${name}\\.spec arches: already enabled upstream: builds for ppc64le`),
      )
      for (const dir of [first.workspace, again.workspace]) rmSync(dir, { recursive: true, force: true })
    },
    120_000,
  )

  it("builds virtiofsd and libguestfs for ppc64le with rpmbuild (EL's kernel_arches defined where the host rpm lacks it)", async () => {
    const run = await patchQemu({
      packages: 'virtiofsd, libguestfs',
      'virtiofsd-srpm': await stackSrpm('virtiofsd'),
      'libguestfs-srpm': await stackSrpm('libguestfs'),
      build: 'true',
    })
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.rpms.map((rpm) => basename(rpm))).toEqual(
      expect.arrayContaining([
        'virtiofsd-1.10.1-1.el9.kvm1.ppc64le.rpm',
        'libguestfs-1.54.0-3.el9.kvm1.ppc64le.rpm',
        'libguestfs-xfs-1.54.0-3.el9.kvm1.ppc64le.rpm',
      ]),
    )
    rmSync(run.workspace, { recursive: true, force: true })
  }, 240_000)

  it('an arch rule the recipe does not know fails the validation naming the line as rpmspec expands it', async () => {
    const srpm = await stackSrpm('libguestfs', (text) =>
      text
        .replace('ExcludeArch: %{power64}', 'ExcludeArch: %{no_qemu_kvm_arches}')
        .replace('%if 0%{?rhel}', '%global no_qemu_kvm_arches ppc64le\n%if 0%{?rhel}'),
    )
    const run = await patchQemu({ packages: 'libguestfs', 'libguestfs-srpm': srpm })
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      "Configuration error: libguestfs.spec after the ppc64le edits: 'ExcludeArch: ppc64le' shuts out ppc64le",
    )
    rmSync(run.workspace, { recursive: true, force: true })
  }, 120_000)

  it('packages: names the accepted packages when one is unknown', async () => {
    const run = await patchQemu({ packages: 'qemu-kvm, virtiofs' })
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      'qemu-kvm, libvirt, virtiofsd, libguestfs, guestfs-tools, supermin, seabios, virt-top',
    )
    rmSync(run.workspace, { recursive: true, force: true })
  })
})
