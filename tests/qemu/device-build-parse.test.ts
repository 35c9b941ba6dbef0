import { compileFailure, configureArgv, specConfigure } from '../../src/qemu/device-build.js'

describe('the device build: what it reads from the spec and from the compiler', () => {
  it('takes the device switches and the library-free features from the spec as rpmspec expands it, the last switch winning', () => {
    const spec = specConfigure(
      [
        '../configure --disable-tpm --disable-vhost-user --disable-seccomp \\',
        '  --without-default-devices --with-devices-ppc64=ppc64-rh-devices \\',
        '  --target-list="ppc64-softmmu" --enable-kvm --enable-tpm --enable-seccomp --enable-vhost-user \\',
        '# --enable-vhost-vdpa (a comment)',
        '  --disable-tcg',
      ],
      'qemu-kvm.spec',
    )
    expect(spec).toEqual({
      deviceFile: 'ppc64-rh-devices',
      withoutDefaultDevices: true,
      honoured: ['--enable-tpm', '--enable-vhost-user', '--disable-tcg'],
      leftOut: ['seccomp'],
    })
    const argv = configureArgv('/src/qemu', spec, 'x86_64')
    expect(argv).toEqual(
      expect.arrayContaining([
        '--without-default-devices',
        '--with-devices-ppc64=ppc64-rh-devices',
        '--enable-tpm',
        '--enable-tcg',
      ]),
    )
    // The guest runs under TCG here; KVM for ppc64 only builds on POWER.
    expect(argv).not.toContain('--disable-tcg')
    expect(argv).not.toContain('--enable-kvm')
    expect(configureArgv('/src/qemu', spec, 'ppc64le')).toContain('--enable-kvm')
  })

  it('fails naming the option when the ppc64le build passes no device file', () => {
    expect(() => specConfigure(['../configure --target-list=ppc64-softmmu'], 'qemu-kvm.spec')).toThrow(
      'qemu-kvm.spec: the ppc64le build passes no --with-devices-ppc64=NAME to configure',
    )
  })

  it("names QEMU 10.0.2's real link error with the pseries-only device list (the SPRD helpers call PowerNV code, as AlmaLinux found)", () => {
    // ninja's own output from compiling Debian's 10.0.2 tree here with the generated device file.
    const output = [
      '[1340/1340] Linking target qemu-system-ppc64',
      'FAILED: qemu-system-ppc64 ',
      'cc -m64 @qemu-system-ppc64.rsp',
      "/usr/bin/ld: libqemu-ppc64-softmmu.a.p/target_ppc_misc_helper.c.o: in function `helper_load_sprd':",
      "/w/build/../qemu-10.0.2/target/ppc/misc_helper.c:336: undefined reference to `pnv_chip_find_core'",
      "/usr/bin/ld: libqemu-ppc64-softmmu.a.p/target_ppc_misc_helper.c.o: in function `helper_store_sprd':",
      "/w/build/../qemu-10.0.2/target/ppc/misc_helper.c:376: undefined reference to `pnv_chip_find_core'",
      'collect2: error: ld returned 1 exit status',
      'ninja: build stopped: subcommand failed.',
    ].join('\n')
    const error = compileFailure(output, '/results/compile.log', {
      tree: '/w/qemu-10.0.2',
      buildDir: '/w/build',
    })
    expect(error.message).toMatch(
      /^qemu-system-ppc64 does not build with this device set \(target\/ppc\/misc_helper\.c\): target\/ppc\/misc_helper\.c:336: undefined reference to `pnv_chip_find_core' \| target\/ppc\/misc_helper\.c:376: undefined reference to `pnv_chip_find_core' \| collect2: error: ld returned 1 exit status;/,
    )
  })

  it('reports a link error of code the device set leaves dangling with the first error and the file', () => {
    const error = compileFailure(
      [
        '[1200/1250] Linking target qemu-system-ppc64',
        'FAILED: qemu-system-ppc64',
        "/usr/bin/ld: libqemu-ppc64-softmmu.fa.p/hw_ppc_spapr_rtas.c.o: in function `rtas_ibm_get_vpd':",
        "../hw/ppc/spapr_rtas.c:321: undefined reference to `pnv_chip_find_core'",
        'collect2: error: ld returned 1 exit status',
      ].join('\n'),
      '/results/compile.log',
    )
    expect(error.message).toMatch(
      /^qemu-system-ppc64 does not build with this device set \(hw\/ppc\/spapr_rtas\.c\): \.\.\/hw\/ppc\/spapr_rtas\.c:321: undefined reference to `pnv_chip_find_core' \| collect2: error: ld returned 1 exit status;/,
    )
    expect(error.message).toContain('(full log: /results/compile.log)')
  })
})
