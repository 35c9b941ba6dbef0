import { kernelBuildSwitches } from '../../src/kernel/build.js'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCommand, crossBinutils } from '../../src/rpm/builder.js'

describe('buildCommand', () => {
  it('mounts a folder the build reads (a signing key) into the mock chroot at the same path', () => {
    expect(
      buildCommand({
        builder: 'mock',
        mockConfig: 'almalinux-9-ppc64le',
        srpm: '/w/kernel.src.rpm',
        resultDir: '/w/result',
        defines: { kvm_actions_signing_key: '/runner/temp/keys/signing_key.pem' },
        bindMounts: ['/runner/temp/keys'],
      }),
    ).toEqual([
      'mock',
      '-r',
      'almalinux-9-ppc64le',
      '--resultdir',
      '/w/result',
      '--enable-plugin=bind_mount',
      '--plugin-option=bind_mount:dirs=[["/runner/temp/keys","/runner/temp/keys"]]',
      '--define',
      'kvm_actions_signing_key /runner/temp/keys/signing_key.pem',
      '--rebuild',
      '/w/kernel.src.rpm',
    ])
  })

  it('builds the mock command line for a fast kernel validation build', () => {
    expect(
      buildCommand({
        builder: 'mock',
        mockConfig: 'almalinux-9-ppc64le',
        srpm: '/w/kernel-5.14.0-570.12.1.el9_6.src.rpm',
        resultDir: '/w/results',
        with: ['baseonly'],
        without: ['debug', 'kabichk'],
        defines: { buildid: '.kvm1' },
      }),
    ).toEqual([
      'mock',
      '-r',
      'almalinux-9-ppc64le',
      '--resultdir',
      '/w/results',
      '--with',
      'baseonly',
      '--without',
      'debug',
      '--without',
      'kabichk',
      '--define',
      'buildid .kvm1',
      '--rebuild',
      '/w/kernel-5.14.0-570.12.1.el9_6.src.rpm',
    ])
  })

  it('builds the rpmbuild command line with a private topdir and parallelism', () => {
    expect(
      buildCommand({
        builder: 'rpmbuild',
        mockConfig: 'unused',
        srpm: 'q.src.rpm',
        resultDir: '/tmp/top',
        jobs: 2,
      }),
    ).toEqual([
      'rpmbuild',
      '--define',
      '_topdir /tmp/top',
      '--define',
      '_buildshell /bin/bash',
      '--define',
      '_smp_build_ncpus 2',
      '--rebuild',
      'q.src.rpm',
    ])
  })
})

describe('the kernel build command lines', () => {
  const srpm = '/w/kernel-5.14.0-570.12.1.kvm1.el9_6.src.rpm'
  const common = {
    mockConfig: 'almalinux-9-ppc64le',
    srpm,
    resultDir: '/w/result',
    defines: { dist: '.el9_6', buildid: '.kvm1' },
    jobs: 64,
  }

  it('runs the full release build in mock with every variant and ccache', () => {
    expect(
      buildCommand({ ...common, builder: 'mock', ...kernelBuildSwitches('full'), ccacheDir: '/w/ccache' }),
    ).toEqual([
      'mock',
      '-r',
      'almalinux-9-ppc64le',
      '--resultdir',
      '/w/result',
      '--enable-plugin=ccache',
      '--plugin-option=ccache:dir=/w/ccache',
      '--define',
      '_smp_build_ncpus 64',
      '--define',
      'dist .el9_6',
      '--define',
      'buildid .kvm1',
      '--rebuild',
      srpm,
    ])
  })

  it('gives rpmbuild the cross strip and objdump for another architecture, and nothing for its own', () => {
    const bin = mkdtempSync(join(tmpdir(), 'cross-'))
    for (const tool of ['powerpc64le-linux-gnu-strip', 'powerpc64le-linux-gnu-objdump']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\n')
      chmodSync(join(bin, tool), 0o755)
    }
    try {
      expect(crossBinutils('ppc64le', 'x86_64', bin)).toEqual({
        __strip: join(bin, 'powerpc64le-linux-gnu-strip'),
        __objdump: join(bin, 'powerpc64le-linux-gnu-objdump'),
      })
      expect(crossBinutils('ppc64le', 'ppc64le', bin)).toEqual({})
      expect(crossBinutils('ppc64le', 'x86_64', tmpdir())).toEqual({})
      expect(crossBinutils(undefined, 'x86_64', bin)).toEqual({})
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })

  it('runs the fast validation build with rpmbuild for ppc64le: base variant only, no debug, no kABI check', () => {
    expect(
      buildCommand({ ...common, builder: 'rpmbuild', target: 'ppc64le', ...kernelBuildSwitches('fast') }),
    ).toEqual([
      'rpmbuild',
      '--define',
      '_topdir /w/result',
      '--define',
      '_buildshell /bin/bash',
      '--target',
      'ppc64le',
      '--with',
      'baseonly',
      '--without',
      'debug',
      '--without',
      'debuginfo',
      '--without',
      'kabichk',
      '--define',
      '_smp_build_ncpus 64',
      '--define',
      'dist .el9_6',
      '--define',
      'buildid .kvm1',
      '--rebuild',
      srpm,
    ])
  })
})
