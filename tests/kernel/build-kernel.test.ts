/**
 * @needs-system-tools
 * build-kernel end to end through the CLI, with a kernel-shaped fixture that rpmbuild builds for real. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { extractPackageFile } from '../../src/rpm/query.js'
import { packSrpm } from '../../src/rpm/srpm.js'
import { fixtureTree } from '../support/fixtures.js'
import { debianKernelTarball } from '../support/kernel-source.js'

let srpm: string
let srpm92: string
const cacheBefore = process.env.KVM_ACTIONS_CACHE
beforeAll(async () => {
  const tree = fixtureTree('kernel-el9.4')
  srpm = await packSrpm(tree, join(tree, 'SPECS', 'kernel.spec'), { dist: '.el9_6' })
  const tree92 = fixtureTree('kernel-el9.2')
  srpm92 = await packSrpm(tree92, join(tree92, 'SPECS', 'kernel.spec'), { dist: '.el9_2' })
  process.env.KVM_ACTIONS_CACHE = mkdtempSync(join(tmpdir(), 'kvm-cache-'))
})
afterAll(() => {
  if (cacheBefore === undefined) delete process.env.KVM_ACTIONS_CACHE
  else process.env.KVM_ACTIONS_CACHE = cacheBefore
})

async function buildKernel(inputs: Record<string, string>, workspace = mkdtempSync(join(tmpdir(), 'ws-'))) {
  const out: string[] = []
  const err: string[] = []
  const args = ['build-kernel', '--input', 'builder=rpmbuild']
  // The fixture is packed here, unsigned: its signature check is what tests/rpm/upstream-trust covers.
  for (const [name, value] of Object.entries({ srpm, 'upstream-keys': 'none', ...inputs }))
    args.push('--input', `${name}=${value}`)
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: workspace })
  const text = out.join('')
  const outputs = Object.fromEntries(
    (text.split('Outputs:\n')[1] ?? '')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  // The unsigned fixtures' expected warning; the tests look at everything else on stderr.
  const unchecked =
    /^warning: upstream-keys is 'none': the source RPM's signature was not checked \([\w-]+\)\n/gm
  return { code, out: text, err: err.join('').replace(unchecked, ''), outputs, workspace }
}

/** The packages (by name) whose file list holds the module, from `rpm -qlp` of every built RPM. */
function ownersOf(rpms: string[], module: string): string[] {
  return rpms
    .filter((rpm) => !rpm.endsWith('.src.rpm'))
    .filter((rpm) =>
      execFileSync('rpm', ['-qlp', '--nosignature', rpm], { encoding: 'utf8' })
        .split('\n')
        .some((file) => file.endsWith(`/${module}`)),
    )
    .map((rpm) => execFileSync('rpm', ['-qp', '--nosignature', '--qf', '%{name}', rpm], { encoding: 'utf8' }))
}

describe('build-kernel on both EL9 spec shapes', () => {
  it.each([
    ['9.4+', 'subpackage', ['kernel-kvm']],
    ['9.4+', 'modules', ['kernel-modules']],
    ['9.0–9.3', 'subpackage', ['kernel-kvm']],
    ['9.0–9.3', 'modules', ['kernel-modules']],
  ])(
    '%s spec, kvm-package %s: kvm.ko and kvm-hv.ko only in %s',
    async (shape, mode, owners) => {
      const run = await buildKernel({
        ...(shape === '9.0–9.3' ? { srpm: srpm92 } : {}),
        'kvm-package': mode as string,
        buildid: `.kvm${mode === 'modules' ? 20 : 21}`,
      })
      expect(run.code).toBe(0)
      const rpms = JSON.parse(run.outputs.rpms!) as string[]
      expect(ownersOf(rpms, 'kvm.ko')).toEqual(owners)
      expect(ownersOf(rpms, 'kvm-hv.ko')).toEqual(owners)
      expect(rpms.some((rpm) => /\/kernel-kvm-/.test(rpm))).toBe(mode === 'subpackage')
      const kvm = rpms.find((rpm) => /\/kernel-kvm-/.test(rpm))
      if (kvm) {
        // Installed on a host, it registers its modules with depmod, as the rt kvm packages do.
        const scripts = execFileSync('rpm', ['-qp', '--nosignature', '--scripts', kvm], { encoding: 'utf8' })
        expect(scripts).toMatch(/^postinstall scriptlet .*:\n\/sbin\/depmod -a 5\.14\.0-/m)
        expect(scripts).toMatch(/^postuninstall scriptlet .*:\n\/sbin\/depmod -a 5\.14\.0-/m)
      }
      expect(run.out).toContain('Validated before the build: rpmspec --target ppc64le')
    },
    120_000,
  )
})

describe('build-kernel', () => {
  it('builds the kernel with the KVM profile, packages the KVM modules, and avoids the rebuild next time', async () => {
    const first = await buildKernel({})
    expect(first.err).toBe(
      'warning: Kconfig check skipped: the SRPM has no linux-*.tar.xz and no kernel-source was given.\n',
    )
    expect(first.code).toBe(0)
    const arch = 'ppc64le'
    expect(first.outputs).toMatchObject({
      'source-nvr': 'kernel-5.14.0-570.12.1.el9_6',
      nvr: 'kernel-5.14.0-570.12.1.kvm1.el9_6',
      kverrel: `5.14.0-570.12.1.kvm1.el9_6.${arch}`,
      vmlinux: `/lib/modules/5.14.0-570.12.1.kvm1.el9_6.${arch}/vmlinuz`,
      'cache-hit': 'false',
    })
    const rpms = JSON.parse(first.outputs.rpms!) as string[]
    expect(rpms.map((rpm) => rpm.split('/').at(-1)).sort()).toEqual(
      [
        'kernel-5.14.0-570.12.1.kvm1.el9_6.src.rpm',
        `kernel-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
        `kernel-core-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
        `kernel-kvm-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
        `kernel-modules-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
        `kernel-modules-core-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
        `kernel-modules-internal-5.14.0-570.12.1.kvm1.el9_6.${arch}.rpm`,
      ].sort(),
    )
    // Both variants' configs were changed (the fast profile builds the base one only).
    const report = JSON.parse(first.outputs['config-report']!) as { file: string; changes: unknown[] }[]
    expect(report.map((r) => r.file)).toEqual([
      'kernel-ppc64le-debug-rhel.config',
      'kernel-ppc64le-rhel.config',
    ])
    expect(first.out).toContain('KVM modules for 5.14.0-570.12.1.kvm1.el9_6')
    expect(first.out).toContain('kvm-hv.ko in kernel-kvm')
    expect(first.out).toMatch(
      /kernel-ppc64le-rhel.config\s+CONFIG_KVM_BOOK3S_64\s+# CONFIG_KVM_BOOK3S_64 is not set\s+CONFIG_KVM_BOOK3S_64=m/,
    )

    const second = await buildKernel({}, first.workspace)
    expect(second.code).toBe(0)
    expect(second.outputs).toMatchObject({ 'cache-hit': 'true', nvr: 'kernel-5.14.0-570.12.1.kvm1.el9_6' })
    expect(second.out).toContain('yes (build avoided)')
  })

  it('fails the build when an option is left unset for the spec’s config check', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(join(workspace, 'kvm-only.config'), 'CONFIG_KVM_BOOK3S_64=m\n')
    const run = await buildKernel(
      { 'kvm-profile': 'false', 'config-fragments': 'kvm-only.config' },
      workspace,
    )
    expect(run.code).toBe(1)
    // The first error line is an annotation pointing at the build log.
    expect(run.err).toMatch(
      /^error: kernel build failed: error: Bad exit status from .* \(%prep\) \(.*\/logs\/build\.log\)$/m,
    )
    expect(run.err).toMatch(
      /\nTest failure: rpmbuild failed \(exit code 1\): error: Bad exit status from .* \(%prep\)\n$/,
    )
    expect(run.out).toContain(
      'Found unset config items in configs/kernel-ppc64le-debug-rhel.config, please set them to an appropriate value: CONFIG_KVM_BOOK3S_64_HV CONFIG_KVM_BOOK3S_64_PR CONFIG_KVM_XICS',
    )
  })

  it('fails after the build when a fragment turns KVM-HV off under the KVM profile', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(join(workspace, 'no-hv.config'), '# CONFIG_KVM_BOOK3S_64_HV is not set\n')
    const run = await buildKernel({ 'config-fragments': 'no-hv.config', buildid: '.kvm2' }, workspace)
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^Test failure: the built kernel is not what was asked for: no package contains \/lib\/modules\/.*\/kvm-hv\.ko\*$/m,
    )
  })

  it('checks the configs with the real kernel Kconfig before building', async () => {
    const run = await buildKernel({ 'kernel-source': debianKernelTarball(), buildid: '.kvm3' })
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.outputs['config-report']!) as {
      kconfig: { name: string; kept: boolean }[]
    }[]
    expect(report.flatMap((r) => r.kconfig.map((f) => f.kept))).not.toContain(false)
    expect(report[0]!.kconfig.map((f) => f.name)).toContain('KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND')
    expect(run.out).toMatch(
      /kernel-ppc64le-rhel\.config\s+CONFIG_KVM_BOOK3S_64_HV\s+\(absent\)\s+CONFIG_KVM_BOOK3S_64_HV=m\s+yes/,
    )
  }, 120_000)

  it('stops after the checks and the source RPM when build is false, showing the command it would run', async () => {
    const run = await buildKernel({
      'kernel-source': debianKernelTarball(),
      buildid: '.kvm5',
      build: 'false',
    })
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.nvr).toBe('kernel-5.14.0-570.12.1.kvm5.el9_6')
    expect(JSON.parse(run.outputs.rpms!)).toEqual([
      join(
        run.workspace,
        'kvm-actions-results/build-kernel/kernel/rpms/kernel-5.14.0-570.12.1.kvm5.el9_6.src.rpm',
      ),
    ])
    expect(run.outputs.kverrel).toBe('')
    expect(run.out).toContain('Build skipped (input build is false)')
    expect(run.out).toMatch(
      /rpmbuild .* --with baseonly --without debug .* --rebuild \S+\/kvm-actions-results\/build-kernel\/kernel\/rpms\/kernel-5\.14\.0-570\.12\.1\.kvm5\.el9_6\.src\.rpm/,
    )
  }, 120_000)

  it('fails before the build when Kconfig would drop KVM-HV, and says why', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    writeFileSync(join(workspace, 'no-powernv.config'), '# CONFIG_PPC_POWERNV is not set\n')
    const run = await buildKernel(
      { 'kernel-source': debianKernelTarball(), 'config-fragments': 'no-powernv.config', buildid: '.kvm4' },
      workspace,
    )
    expect(run.code).toBe(1)
    expect(run.err).toContain(
      'Test failure: Kconfig drops requested options, so the build would not be what was asked: kernel-ppc64le-debug-rhel.config: CONFIG_KVM_BOOK3S_64_HV=m became # CONFIG_KVM_BOOK3S_64_HV is not set (depends on KVM_BOOK3S_64 && PPC_POWERNV; not met: PPC_POWERNV is off)',
    )
    expect(run.out).toMatch(
      /CONFIG_KVM_BOOK3S_64_HV\s+\(absent\)\s+CONFIG_KVM_BOOK3S_64_HV=m\s+no: depends on KVM_BOOK3S_64 && PPC_POWERNV/,
    )
    // Nothing was built.
    expect(run.out).not.toContain('Build: rpmbuild')
  }, 120_000)

  it('keeps kvm.ko and kvm-hv.ko in kernel-modules when kvm-package is modules', async () => {
    const run = await buildKernel({ 'kvm-package': 'modules', buildid: '.kvm8' })
    expect(run.err).toContain('Kconfig check skipped')
    expect(run.code).toBe(0)
    const names = (JSON.parse(run.outputs.rpms!) as string[]).map((rpm) => rpm.split('/').at(-1))
    expect(names.some((name) => name!.startsWith('kernel-kvm-'))).toBe(false)
    expect(run.out).toContain('kvm.ko in kernel-modules, kvm-hv.ko in kernel-modules')
  }, 120_000)

  describe('module signing', () => {
    const modulesRpm = (run: { outputs: Record<string, string> }) =>
      (JSON.parse(run.outputs.rpms!) as string[]).find((rpm) => /\/kernel-modules-\d/.test(rpm))!
    const signer = async (rpm: string, kverrel: string): Promise<string> =>
      (await extractPackageFile(rpm, `/lib/modules/${kverrel}/signer`)).trim()

    it('signs modules with the given key, which stays out of the source RPM', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'signing-'))
      const key = join(dir, 'signing_key.pem')
      execFileSync(
        'openssl',
        [
          'req',
          '-new',
          '-nodes',
          '-x509',
          '-batch',
          '-days',
          '1',
          '-subj',
          '/CN=kvm-actions test',
          '-newkey',
          'rsa:2048',
          '-keyout',
          key,
          '-out',
          key,
        ],
        { stdio: 'ignore' },
      )
      const fingerprint = execFileSync('openssl', ['x509', '-in', key, '-noout', '-fingerprint', '-sha256'], {
        encoding: 'utf8',
      })
        .trim()
        .replace(/.*=/, '')
      const run = await buildKernel({ 'module-signing': 'keys', 'module-signing-key': key, buildid: '.kvm6' })
      expect(run.code).toBe(0)
      expect(run.outputs['module-signing-cert']).toBe(fingerprint)
      expect(await signer(modulesRpm(run), run.outputs.kverrel!)).toBe(fingerprint)
      expect(run.out).toContain('kernel.spec module signing: the given key after 1 mrproper line(s)')
      const srpm = (JSON.parse(run.outputs.rpms!) as string[]).find((rpm) => rpm.endsWith('.src.rpm'))!
      const listing = execFileSync('rpm', ['-qlp', '--nosignature', srpm], { encoding: 'utf8' })
      expect(listing).not.toContain('.pem')
      const spec = execFileSync(
        'bash',
        ['-c', 'rpm2cpio "$1" | cpio -i --quiet --to-stdout "*kernel.spec"', '_', srpm],
        {
          encoding: 'utf8',
        },
      )
      expect(spec).toContain(
        '  make mrproper\n  %{?kvm_actions_signing_key:cp %{kvm_actions_signing_key} certs/signing_key.pem}\n',
      )
    }, 120_000)

    it('turns signing off in the spec', async () => {
      const run = await buildKernel({ 'module-signing': 'off', buildid: '.kvm7' })
      expect(run.code).toBe(0)
      const files = execFileSync('rpm', ['-qlp', '--nosignature', modulesRpm(run)], { encoding: 'utf8' })
      expect(files).not.toContain('/signer')
      expect(run.out).toContain('kernel.spec module signing: signing off (line')
    }, 120_000)

    it('wants a key for keys, and a key file with a private key and a certificate', async () => {
      const missing = await buildKernel({ 'module-signing': 'keys' })
      expect(missing.code).toBe(1)
      expect(missing.err).toBe(
        "Configuration error: Input 'module-signing-key' is required when module-signing is keys; expected a PEM file with the private key and its certificate\n",
      )
      const dir = mkdtempSync(join(tmpdir(), 'signing-'))
      writeFileSync(
        join(dir, 'cert-only.pem'),
        '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      )
      const bad = await buildKernel({
        'module-signing': 'keys',
        'module-signing-key': join(dir, 'cert-only.pem'),
      })
      expect(bad.err).toBe(
        `Configuration error: Input 'module-signing-key' names ${join(dir, 'cert-only.pem')}, which is not a PEM file with both a private key and its certificate (the form of certs/signing_key.pem)\n`,
      )
    })
  })

  it('builds again when one byte of a recipe script or of a config fragment changes', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(workspace, 'recipe', 'scripts'), { recursive: true })
    writeFileSync(
      join(workspace, 'recipe', 'config.yaml'),
      'actions:\n  - run_script:\n    - script: touch.sh\n',
    )
    writeFileSync(join(workspace, 'recipe', 'scripts', 'touch.sh'), 'true\n')
    writeFileSync(join(workspace, 'extra.config'), 'CONFIG_KVM_XICS=y\n')
    const inputs = { autopatch: 'recipe', 'config-fragments': 'extra.config', buildid: '.kvm30' }
    const hit = async () => (await buildKernel(inputs, workspace)).outputs['cache-hit']
    expect(await hit()).toBe('false')
    expect(await hit()).toBe('true')
    writeFileSync(join(workspace, 'recipe', 'scripts', 'touch.sh'), 'true \n')
    expect(await hit()).toBe('false')
    writeFileSync(join(workspace, 'extra.config'), 'CONFIG_KVM_XICS=y \n')
    expect(await hit()).toBe('false')
  }, 120_000)

  it('runs two config checks at once on a cold kernel-source cache: both pass', async () => {
    const before = process.env.KVM_ACTIONS_CACHE
    process.env.KVM_ACTIONS_CACHE = mkdtempSync(join(tmpdir(), 'kvm-cache-cold-'))
    try {
      const runs = await Promise.all(
        ['.kvm31', '.kvm32'].map((buildid) =>
          buildKernel({ 'kernel-source': debianKernelTarball(), buildid, build: 'false' }),
        ),
      )
      expect(runs.map((run) => [run.code, run.err])).toEqual([
        [0, ''],
        [0, ''],
      ])
    } finally {
      rmSync(process.env.KVM_ACTIONS_CACHE, { recursive: true, force: true })
      process.env.KVM_ACTIONS_CACHE = before
    }
  }, 180_000)

  it('never reports success with build false for a spec that does not parse for ppc64le, quoting rpmspec', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    mkdirSync(join(workspace, 'broken'))
    // A recipe that leaves an %endif without its %if, as one published 9.2 rebuild spec has.
    writeFileSync(
      join(workspace, 'broken', 'config.yaml'),
      'actions:\n  - replace:\n    - target: spec\n      find: "%prep"\n      replace: "%endif\\n%prep"\n      count: 1\n',
    )
    const run = await buildKernel({ autopatch: 'broken', build: 'false', buildid: '.kvm33' }, workspace)
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^Configuration error: kernel\.spec does not parse for ppc64le \(rpmspec -q --target ppc64le --define 'dist \.el9_6' --define 'rhel 9' --define 'buildid \.kvm33' .*\): error: .*%endif/m,
    )
    expect(run.out).not.toContain('Build skipped')
  }, 120_000)

  it('names a fragment that does not exist', async () => {
    const run = await buildKernel({ 'config-fragments': 'missing.config' })
    expect(run.err).toBe(
      "Configuration error: Input 'config-fragments' names missing.config, which does not exist; expected files of CONFIG_X=value lines\n",
    )
  })
})
