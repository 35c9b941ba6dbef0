import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packSrpm } from '../../src/rpm/srpm.js'
import { fixtureTree } from './fixtures.js'

/** The package names `rpmspec -q` lists for the spec when built for `target` (ppc64le by default). */
export function subpackagesFor(
  spec: string,
  target = 'ppc64le',
  defines: Record<string, string> = {},
): string[] {
  const args = Object.entries(defines).flatMap(([name, value]) => ['--define', `${name} ${value}`])
  return execFileSync('rpmspec', ['-q', '--target', target, ...args, '--qf', '%{name}\\n', spec], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
}

/** The hello fixture packed as a stock source RPM, optionally with another release. */
export async function helloSrpm(release = '3', dist = '.el9_6'): Promise<string> {
  const tree = fixtureTree('hello')
  const spec = join(tree, 'SPECS', 'kvm-hello.spec')
  writeFileSync(
    spec,
    readFileSync(spec, 'utf8').replace('%global pkgrelease 3', `%global pkgrelease ${release}`),
  )
  return packSrpm(tree, spec, { dist })
}

/**
 * A dnf repository of the given files, its primary metadata compressed with gz or xz by
 * createrepo_c, or with zstd (which Debian's createrepo_c lacks) by recompressing it.
 */
export function makeRepo(dir: string, files: string[], compression: 'gz' | 'xz' | 'zst'): string {
  mkdirSync(join(dir, 'Packages'), { recursive: true })
  for (const file of files) copyFileSync(file, join(dir, 'Packages', file.split('/').at(-1)!))
  execFileSync('createrepo_c', [
    '-q',
    '--general-compress-type',
    compression === 'zst' ? 'gz' : compression,
    dir,
  ])
  if (compression === 'zst') {
    const repodata = join(dir, 'repodata')
    const gz = readdirSync(repodata).find((name) => name.endsWith('-primary.xml.gz'))!
    const xml = execFileSync('gzip', ['-dc', join(repodata, gz)])
    const zst = gz.replace(/\.gz$/, '.zst')
    const data = execFileSync('zstd', ['-q', '-c'], { input: xml })
    writeFileSync(join(repodata, zst), data)
    const repomd = join(repodata, 'repomd.xml')
    // The entry's checksum is of the compressed file, so it changes with the compression.
    const gzSum = createHash('sha256')
      .update(readFileSync(join(repodata, gz)))
      .digest('hex')
    const zstSum = createHash('sha256').update(data).digest('hex')
    writeFileSync(
      `${repomd}.new`,
      readFileSync(repomd, 'utf8')
        .replace(`repodata/${gz}`, `repodata/${zst}`)
        .replace(`>${gzSum}<`, `>${zstSum}<`),
    )
    renameSync(`${repomd}.new`, repomd)
  }
  return dir
}

/** Binary RPMs of the hello fixture (kvm-hello and kvm-hello-extras, noarch) at a release. */
export async function helloRpms(release = '3', dist = '.el9'): Promise<string[]> {
  const { fixtureTree: tree } = await import('./fixtures.js')
  const dir = tree('hello')
  const spec = join(dir, 'SPECS', 'kvm-hello.spec')
  writeFileSync(
    spec,
    readFileSync(spec, 'utf8').replace('%global pkgrelease 3', `%global pkgrelease ${release}`),
  )
  execFileSync('rpmbuild', ['-bb', '--define', `_topdir ${dir}`, '--define', `dist ${dist}`, spec], {
    stdio: 'ignore',
  })
  return readdirSync(join(dir, 'RPMS', 'noarch'))
    .map((name) => join(dir, 'RPMS', 'noarch', name))
    .sort()
}

/**
 * The packages a user installs from the repository, as small ppc64le stand-ins built by rpmbuild
 * with the real names, epochs and dependencies: kernel-kvm (the KVM modules, requiring its own
 * kernel-core), qemu-kvm-core (epoch 17) and libvirt-daemon-kvm (requiring qemu-kvm-core), each
 * from its own source package. `build` is the kvm build number, which an upgrade raises.
 */
export function hypervisorStandIns(dir: string, build: number): string[] {
  const sources = [
    {
      name: 'kernel',
      version: '5.14.0',
      release: `570.12.1.kvm${build}.el9`,
      packages: [
        { sub: 'core', requires: [] as string[] },
        { sub: 'kvm', requires: ['%{name}-core = %{version}-%{release}'] },
      ],
    },
    {
      name: 'qemu-kvm',
      epoch: 17,
      version: '9.1.0',
      release: `15.el9.kvm${build}`,
      packages: [{ sub: 'core', requires: [] }],
    },
    {
      name: 'libvirt',
      version: '10.10.0',
      release: `7.el9.kvm${build}`,
      packages: [{ sub: 'daemon-kvm', requires: ['qemu-kvm-core'] }],
    },
  ]
  const top = join(dir, `top-${build}`)
  mkdirSync(join(top, 'SPECS'), { recursive: true })
  for (const source of sources) {
    const spec = join(top, 'SPECS', `${source.name}.spec`)
    writeFileSync(
      spec,
      [
        `Name: ${source.name}`,
        ...(source.epoch ? [`Epoch: ${source.epoch}`] : []),
        `Version: ${source.version}`,
        `Release: ${source.release}`,
        'Summary: stand-in for tests',
        'License: GPLv2',
        '%global debug_package %{nil}',
        '%description',
        'Stand-in.',
        ...source.packages.flatMap((pkg) => [
          `%package ${pkg.sub}`,
          `Summary: ${source.name}-${pkg.sub} stand-in`,
          ...pkg.requires.map((r) => `Requires: ${r}`),
          `%description ${pkg.sub}`,
          'Stand-in.',
          `%files ${pkg.sub}`,
          `/usr/share/kvm-stand-ins/%{name}-${pkg.sub}`,
        ]),
        '%install',
        'mkdir -p %{buildroot}/usr/share/kvm-stand-ins',
        ...source.packages.map(
          (pkg) => `echo %{version}-%{release} > %{buildroot}/usr/share/kvm-stand-ins/%{name}-${pkg.sub}`,
        ),
        '',
      ].join('\n'),
    )
    execFileSync(
      'rpmbuild',
      [
        '-bb',
        '--target',
        'ppc64le',
        '--define',
        `_topdir ${top}`,
        '--define',
        '__os_install_post %{nil}',
        spec,
      ],
      { stdio: 'ignore' },
    )
  }
  return readdirSync(join(top, 'RPMS', 'ppc64le'))
    .map((name) => join(top, 'RPMS', 'ppc64le', name))
    .sort()
}
