/**
 * The world the workflows run against, made locally: AlmaLinux's source repositories (file://
 * repos holding the kernel, qemu-kvm and libvirt source RPMs of the project's fixtures), its
 * binary repositories (stock builds of the same sources: every subpackage name, the stock EVR,
 * and the packages their dependencies need), and a kernel whose image and KVM modules are
 * Debian's ppc64le build, so the boot tests boot what the pipeline built.
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packSrpm } from '../../src/rpm/srpm.js'
import { GpgHome } from '../../src/repo/gpg.js'
import { signRpms } from '../../src/repo/sign.js'
import { makeSigningKey } from './keys.js'
import { type FakeGitHub, startFakeGitHub } from './workflow-runner/github-api.js'
import { type RunnerOptions, WorkflowRunner } from './workflow-runner/runner.js'
import { FIXTURES, fixtureTree } from './fixtures.js'
import { guestKernel, guestKvmModules } from './guest.js'
import { libvirtFixtureTree, qemuFixtureTree, stackSrpm } from './qemu-sources.js'
import { subpackagesFor } from './rpms.js'

export interface StockSource {
  name: string
  epoch?: string
  version: string
  release: string
  /** The binary packages the stock build makes. */
  packages: string[]
}

function specField(spec: string, field: string): string {
  return execFileSync(
    'rpmspec',
    ['-q', '--srpm', '--target', 'ppc64le', '--define', 'dist .el9', '--qf', `%{${field}}`, spec],
    {
      encoding: 'utf8',
    },
  )
}

/**
 * The kernel-el9.4 fixture as an upstream release: pkgrelease set, and its "compile" step taking
 * Debian's ppc64le vmlinux and KVM modules from an extra source (kvm-hv.ko cut short when broken).
 */
export async function kernelSrpm(
  scratch: string,
  pkgrelease: string,
  options: { brokenKvmHv?: boolean } = {},
): Promise<{ srpm: string; stock: StockSource }> {
  const tree = fixtureTree('kernel-el9.4')
  const spec = join(tree, 'SPECS', 'kernel.spec')
  const payload = mkdtempSync(join(scratch, 'debian-kernel-'))
  copyFileSync(guestKernel(), join(payload, 'vmlinux'))
  copyFileSync(join(guestKvmModules(), 'kvm.ko'), join(payload, 'kvm.ko'))
  const kvmHv = readFileSync(join(guestKvmModules(), 'kvm-hv.ko'))
  writeFileSync(join(payload, 'kvm-hv.ko'), options.brokenKvmHv ? kvmHv.subarray(0, 4096) : kvmHv)
  execFileSync('tar', ['-cf', join(tree, 'SOURCES', 'debian-ppc64le-kernel.tar'), '-C', payload, '.'])
  rmSync(payload, { recursive: true, force: true })
  let text = readFileSync(spec, 'utf8')
  const replace = (from: string | RegExp, to: string) => {
    if (!(typeof from === 'string' ? text.includes(from) : from.test(text)))
      throw new Error(`the kernel fixture has changed: ${String(from)} not found`)
    text = text.replace(from, to)
  }
  replace(/^%define pkgrelease .*$/m, `%define pkgrelease ${pkgrelease}`)
  replace(/^(Source3001: .*)$/m, '$1\nSource3100: debian-ppc64le-kernel.tar')
  replace(
    "  printf '%s image for %s\\n' %{kernel_image} $Config > $Modules/vmlinuz",
    '  tar -xOf %{SOURCE3100} ./vmlinux > $Modules/vmlinuz',
  )
  replace(
    /&& echo kvm > \$Modules\/kernel\/arch\/powerpc\/kvm\/kvm\.ko/,
    '&& tar -xOf %{SOURCE3100} ./kvm.ko > $Modules/kernel/arch/powerpc/kvm/kvm.ko',
  )
  replace(
    /&& echo kvm-hv > \$Modules\/kernel\/arch\/powerpc\/kvm\/kvm-hv\.ko/,
    '&& tar -xOf %{SOURCE3100} ./kvm-hv.ko > $Modules/kernel/arch/powerpc/kvm/kvm-hv.ko',
  )
  // The linux tarball and an optional patch that %prep applies, for build-profile hypervisor.
  const tarball = `linux-5.14.0-${pkgrelease}.tar.xz`
  standInKernelTree(join(tree, 'SOURCES', tarball), `linux-5.14.0-${pkgrelease}`)
  writeFileSync(
    join(tree, 'SOURCES', 'patch-5.14.0-redhat.patch'),
    '--- /dev/null\n+++ b/localversion-redhat\n@@ -0,0 +1 @@\n+-stand-in\n',
  )
  replace(/^(Source20: .*)$/m, `Source0: ${tarball}\nPatch1: patch-5.14.0-redhat.patch\n$1`)
  replace(
    /^(%setup -q -c -T -n kernel-%\{rpmversion\}\n)/m,
    '$1ApplyOptionalPatch() { test -s %{_sourcedir}/$$1 && echo "patch $$1 is for the hypervisor build"; return 0; }\nApplyOptionalPatch patch-5.14.0-redhat.patch\n',
  )
  writeFileSync(spec, text)
  const srpm = await packSrpm(tree, spec, { dist: '.el9', _source_payload: 'w1.gzdio' })
  const stock = {
    name: 'kernel',
    version: specField(spec, 'VERSION'),
    release: specField(spec, 'RELEASE'),
    packages: subpackagesFor(spec, 'ppc64le', { dist: '.el9' }),
  }
  return { srpm, stock }
}

/**
 * A stand-in kernel tree for build-profile hypervisor in the workflow tests: the Kconfig files
 * the config step reads, and a Makefile with kbuild's targets (olddefconfig, vmlinux, modules,
 * kernelrelease, modules_install) that yield Debian's prebuilt ppc64le kernel, with kvm.ko and
 * kvm-hv.ko only when the config asks for them. The real build is tests/kernel/hypervisor-build.
 */
function standInKernelTree(tarball: string, top: string): void {
  const root = mkdtempSync(join(tmpdir(), 'stand-in-linux-'))
  const dir = join(root, top)
  mkdirSync(join(dir, 'prebuilt'), { recursive: true })
  mkdirSync(join(dir, 'arch', 'powerpc', 'kvm'), { recursive: true })
  // What the RPM build's Kconfig check unpacks from a kernel tarball (it takes only these paths).
  for (const sub of ['scripts', 'include']) mkdirSync(join(dir, sub), { recursive: true })
  writeFileSync(join(dir, 'scripts', 'README'), 'stand-in\n')
  writeFileSync(join(dir, 'include', 'README'), 'stand-in\n')
  writeFileSync(join(dir, 'Kbuild'), '# stand-in\n')
  copyFileSync(guestKernel(), join(dir, 'prebuilt', 'vmlinux'))
  for (const module of ['kvm.ko', 'kvm-hv.ko'])
    copyFileSync(join(guestKvmModules(), module), join(dir, 'prebuilt', module))
  writeFileSync(
    join(dir, 'arch', 'powerpc', 'kvm', 'Kconfig'),
    // The 5.14 tree's KVM symbols: KVM_BOOK3S_HV_NESTED_PMU_WORKAROUND came later.
    ['KVM_BOOK3S_64', 'KVM_BOOK3S_64_HV', 'KVM_BOOK3S_64_PR', 'KVM_XICS', 'KVM_BOOK3S_HV_EXIT_TIMING']
      .concat(['KVM_BOOK3S_HV_P8_TIMING', 'KVM_BOOK3S_HV_P9_TIMING'])
      .map((name) => `config ${name}\n\ttristate "${name}"\n`)
      .join('\n'),
  )
  const release = guestKernel().split('vmlinux-')[1]!
  const kvm = '$(INSTALL_MOD_PATH)/lib/modules/$(RELEASE)/kernel/arch/powerpc/kvm'
  writeFileSync(
    join(dir, 'Makefile'),
    [
      "# Stand-in for kbuild: Debian's prebuilt kernel, its KVM modules only when the config has them.",
      `RELEASE := ${release}`,
      'olddefconfig:',
      '\ttest -f $(O)/.config',
      'vmlinux:',
      '\tcp prebuilt/vmlinux $(O)/vmlinux',
      'modules:',
      '\ttest -f $(O)/.config',
      'kernelrelease:',
      '\t@echo $(RELEASE)',
      'modules_install:',
      '\tmkdir -p $(INSTALL_MOD_PATH)/lib/modules/$(RELEASE)',
      `\tif grep -qx CONFIG_KVM_BOOK3S_64_HV=m $(O)/.config; then mkdir -p ${kvm} && cp prebuilt/kvm.ko prebuilt/kvm-hv.ko ${kvm}/; fi`,
      '',
    ].join('\n'),
  )
  execFileSync('tar', ['-cJf', tarball, '-C', root, top], { env: { ...process.env, XZ_OPT: '-0 -T0' } })
  rmSync(root, { recursive: true, force: true })
}

export async function qemuKvmSrpm(): Promise<{ srpm: string; stock: StockSource }> {
  const { tree, spec } = qemuFixtureTree('qemu-kvm-9', { usbInput: true })
  const srpm = await packSrpm(tree, spec, { dist: '.el9' })
  return {
    srpm,
    stock: {
      name: 'qemu-kvm',
      epoch: specField(spec, 'EPOCH'),
      version: specField(spec, 'VERSION'),
      release: specField(spec, 'RELEASE'),
      packages: subpackagesFor(spec, 'ppc64le', { dist: '.el9' }),
    },
  }
}

export async function libvirtSrpm(): Promise<{ srpm: string; stock: StockSource }> {
  const { tree, spec } = libvirtFixtureTree()
  const srpm = await packSrpm(tree, spec, { dist: '.el9' })
  return {
    srpm,
    stock: {
      name: 'libvirt',
      version: specField(spec, 'VERSION'),
      release: specField(spec, 'RELEASE'),
      packages: subpackagesFor(spec, 'ppc64le', { dist: '.el9' }),
    },
  }
}

/** A stack fixture's source RPM (virtiofsd, libguestfs) and its stock build. */
export async function stackSource(name: string): Promise<{ srpm: string; stock: StockSource }> {
  const srpm = await stackSrpm(name)
  const spec = join(FIXTURES, name, 'SPECS', `${name}.spec`)
  const epoch = specField(spec, 'EPOCH')
  return {
    srpm,
    stock: {
      name,
      ...(epoch && epoch !== '(none)' ? { epoch } : {}),
      version: specField(spec, 'VERSION'),
      release: specField(spec, 'RELEASE'),
      packages: subpackagesFor(spec, 'ppc64le', { dist: '.el9' }),
    },
  }
}

/** Copies files into a repository folder (Packages/) and (re)writes its metadata. */
export function addToRepo(dir: string, files: string[]): void {
  mkdirSync(join(dir, 'Packages'), { recursive: true })
  for (const file of files) copyFileSync(file, join(dir, 'Packages', file.split('/').at(-1)!))
  execFileSync('createrepo_c', ['-q', '--update', dir])
}

/**
 * The stock binary packages of a source, as the distribution ships them: one package per
 * subpackage name, the source's name in each header, no files; `provides` are capabilities of
 * the main package (such as a shell for scriptlets).
 */
export function stockRpms(scratch: string, source: StockSource, provides: string[] = []): string[] {
  const dir = mkdtempSync(join(scratch, `stock-${source.name}-`))
  const spec = join(dir, `${source.name}.spec`)
  const lines = [
    `Name: ${source.name}`,
    ...(source.epoch ? [`Epoch: ${source.epoch}`] : []),
    `Version: ${source.version}`,
    `Release: ${source.release}`,
    'Summary: stock build stand-in',
    'License: GPL-2.0-only',
    ...provides.map((capability) => `Provides: ${capability}`),
    '%description',
    'Stand-in for the distribution build.',
  ]
  for (const name of source.packages) {
    if (name === source.name) lines.push('%files')
    else
      lines.push(
        `%package -n ${name}`,
        `Summary: ${name}`,
        `%description -n ${name}`,
        `Stock ${name}.`,
        `%files -n ${name}`,
      )
  }
  writeFileSync(spec, `${lines.join('\n')}\n`)
  execFileSync(
    'rpmbuild',
    ['-bb', '--target', 'ppc64le', '--define', `_topdir ${dir}`, '--define', '_binary_payload w.ufdio', spec],
    { stdio: 'ignore' },
  )
  const rpms = join(dir, 'RPMS', 'ppc64le')
  return readdirSync(rpms).map((name) => join(rpms, name))
}

/** pipeline.yml's boot-test cells (cpu, scenario, mmu), in the order its matrix expands them. */
export const BOOT_TEST_CELLS: readonly (readonly [string, string, string])[] = [
  ['power9', 'kernel', 'radix'],
  ['power9', 'nested', 'radix'],
  ['power10', 'kernel', 'radix'],
  ['power10', 'nested', 'radix'],
  ['power9', 'kernel', 'hash'],
  ['power10', 'kernel', 'hash'],
]

export const REPOSITORY = 'kvm-power/kvm-power-actions'
export const PASSPHRASE = 'pipeline test passphrase'
const ROOT = join(import.meta.dirname, '..', '..')
/** Capabilities the published packages need from the distribution (scriptlets run /bin/sh). */
const SYSTEM = ['/bin/sh', '/bin/bash', 'kmod', 'coreutils']

/** Everything a workflow run needs, made in one scratch folder; close() removes it. */
export interface PipelineWorld {
  scratch: string
  /** Upstream source repositories, the stock base repository, and the publish target. */
  dirs: { baseos: string; appstream: string; base: string; target: string }
  github: FakeGitHub
  key: string
  runner: WorkflowRunner
  /** An upstream kernel release: its source RPM upstream, its stock build in the base. Returns its EVR. */
  releaseKernel(pkgrelease: string, options?: { brokenKvmHv?: boolean }): Promise<string>
  close(): Promise<void>
}

export async function createPipelineWorld(
  environment: string,
  extra: Partial<RunnerOptions> = {},
): Promise<PipelineWorld> {
  const scratch = mkdtempSync(join(tmpdir(), 'pipeline-world-'))
  const dirs = { baseos: '', appstream: '', base: '', target: '' }
  for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) {
    dirs[name] = join(scratch, name)
    mkdirSync(dirs[name])
  }
  const github = await startFakeGitHub(REPOSITORY)
  const key = makeSigningKey('KVM pipeline test', PASSPHRASE)
  // Upstream signs its source RPMs with a key of its own, which the pipeline is told to trust.
  const upstream = await GpgHome.create(
    makeSigningKey('Upstream Release Key', 'upstream'),
    'upstream',
    scratch,
  )
  const upstreamPublic = await upstream.exportPublicKey()
  const signed = async (srpm: string) => {
    await signRpms([srpm], upstream)
    return srpm
  }
  const releaseKernel = async (pkgrelease: string, options: { brokenKvmHv?: boolean } = {}) => {
    const kernel = await kernelSrpm(scratch, pkgrelease, options)
    addToRepo(dirs.baseos, [await signed(kernel.srpm)])
    addToRepo(dirs.base, stockRpms(scratch, kernel.stock))
    return `${kernel.stock.version}-${kernel.stock.release}`
  }
  await releaseKernel('570.12.1')
  const qemu = await qemuKvmSrpm()
  const libvirt = await libvirtSrpm()
  // The pipeline also rebuilds virtiofsd and libguestfs; the base holds their stock builds for
  // ppc64le, as AlmaLinux 9.6+ ships them.
  const stack = await Promise.all(['virtiofsd', 'libguestfs'].map((name) => stackSource(name)))
  addToRepo(dirs.appstream, [
    await signed(qemu.srpm),
    await signed(libvirt.srpm),
    ...(await Promise.all(stack.map((pkg) => signed(pkg.srpm)))),
  ])
  addToRepo(dirs.base, [
    ...stockRpms(scratch, qemu.stock),
    ...stockRpms(scratch, libvirt.stock),
    ...stack.flatMap((pkg) => stockRpms(scratch, pkg.stock)),
    ...stockRpms(
      scratch,
      { name: 'base-system', version: '1', release: '1.el9', packages: ['base-system'] },
      SYSTEM,
    ),
  ])
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  const runner = new WorkflowRunner({
    repository: { name: REPOSITORY, dir: ROOT, sha },
    runners: [
      { name: 'hosted', labels: ['ubuntu-24.04'] },
      { name: 'power9', labels: ['self-hosted', 'linux', 'ppc64', 'power9'] },
      { name: 'power10', labels: ['self-hosted', 'linux', 'ppc64', 'power10'] },
      { name: 'publisher', labels: ['self-hosted', 'linux', 'publish'] },
    ],
    github: { url: github.url, token: github.token },
    workDir: join(scratch, 'runner'),
    vars: {
      KVM_PUBLISHED_URL: `file://${dirs.target}/9/testing/ppc64le`,
      KVM_REPO_TARGET: dirs.target,
      KVM_BASE_URLS: `file://${dirs.base}`,
      KVM_BUILDER: 'rpmbuild',
      KVM_KERNEL_SOURCE_URL: `file://${dirs.baseos}`,
      KVM_QEMU_SOURCE_URL: `file://${dirs.appstream}`,
      KVM_BOOT_ACCEL: 'tcg',
      KVM_UPSTREAM_KEYS: upstreamPublic,
    },
    environments: {
      [environment]: { secrets: { KVM_SIGNING_KEY: key, KVM_SIGNING_PASSPHRASE: PASSPHRASE } },
    },
    ...(process.env.WORKFLOW_LOG ? { log: (line: string) => process.stdout.write(`${line}\n`) } : {}),
    ...extra,
  })
  return {
    scratch,
    dirs,
    github,
    key,
    runner,
    releaseKernel,
    async close() {
      await github.close()
      await upstream.close()
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}
