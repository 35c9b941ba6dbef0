import { buildCommand } from '../../src/rpm/builder.js'

describe('buildCommand', () => {
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
      '_smp_build_ncpus 2',
      '--rebuild',
      'q.src.rpm',
    ])
  })
})
