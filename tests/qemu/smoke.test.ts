import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestFailure } from '../../src/action/errors.js'
import { checkBuiltQemu, smokeCommands } from '../../src/qemu/smoke.js'

/**
 * A qemu-kvm-core RPM whose /usr/libexec/qemu-kvm runs `script` and whose firmware folder holds
 * the distribution's real slof.bin: the check then drives the real emulator (with TCG, as there
 * is no KVM on this machine) through the exact commands it runs on POWER.
 */
function coreRpm(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'core-rpm-'))
  const payload = join(dir, 'payload')
  mkdirSync(join(payload, 'usr/libexec'), { recursive: true })
  mkdirSync(join(payload, 'usr/share/qemu-kvm'), { recursive: true })
  writeFileSync(join(payload, 'usr/libexec/qemu-kvm'), `#!/bin/sh\n${script}\n`)
  chmodSync(join(payload, 'usr/libexec/qemu-kvm'), 0o755)
  copyFileSync('/usr/share/qemu/slof.bin', join(payload, 'usr/share/qemu-kvm/slof.bin'))
  const spec = join(dir, 'core.spec')
  writeFileSync(
    spec,
    [
      'Name: qemu-kvm-core',
      'Version: 9.1.0',
      'Release: 15.el9.kvm1',
      'Summary: stand-in core package',
      'License: GPL-2.0-only',
      'BuildArch: noarch',
      '%description',
      'Stand-in.',
      '%install',
      `cp -a ${payload}/. %{buildroot}/`,
      '%files',
      '/usr/libexec/qemu-kvm',
      '/usr/share/qemu-kvm/slof.bin',
      '',
    ].join('\n'),
  )
  execFileSync('rpmbuild', ['-bb', '--define', `_topdir ${dir}`, spec], { stdio: 'ignore' })
  const rpms = join(dir, 'RPMS', 'noarch')
  return join(rpms, readdirSync(rpms)[0]!)
}

describe('the post-build qemu-kvm check', () => {
  it('runs the machine list and a pseries KVM machine with the package’s own firmware', () => {
    expect(smokeCommands('/x/usr/libexec/qemu-kvm', '/x/usr/share/qemu-kvm')).toEqual({
      machines: ['/x/usr/libexec/qemu-kvm', '-machine', 'help'],
      firmware: [
        '/x/usr/libexec/qemu-kvm',
        '-L',
        '/x/usr/share/qemu-kvm',
        '-M',
        'pseries',
        '-accel',
        'kvm',
        '-m',
        '1024',
        '-nographic',
        '-nodefaults',
        '-serial',
        'stdio',
        '-no-reboot',
      ],
    })
  })

  it('unpacks qemu-kvm-core without installing it and stops the machine at the SLOF banner', async () => {
    const rpm = coreRpm('exec qemu-system-ppc64 "$@"')
    const dir = join(mkdtempSync(join(tmpdir(), 'check-')), 'root')
    const result = await checkBuiltQemu(rpm, dir, { accel: 'tcg', timeoutMs: 60_000 })
    expect(result.binary).toBe(join(dir, 'usr/libexec/qemu-kvm'))
    expect(result.machines).toContain('pseries')
    expect(result.banner).toMatch(/SLOF|QEMU Starting/)
    // Stopped at the banner: no emulator left behind.
    expect(execFileSync('ps', ['-eo', 'args']).toString()).not.toContain(`-L ${dir}/usr/share/qemu-kvm`)
  }, 90_000)

  it('fails when the binary has no pseries machine', async () => {
    const rpm = coreRpm("printf 'Supported machines are:\\nnone   empty machine\\n'")
    const dir = join(mkdtempSync(join(tmpdir(), 'check-')), 'root')
    const failure = checkBuiltQemu(rpm, dir, { accel: 'tcg' })
    await expect(failure).rejects.toThrow(TestFailure)
    await expect(failure).rejects.toThrow(
      `${dir}/usr/libexec/qemu-kvm -machine help lists no pseries machine (it lists none)`,
    )
  })

  it('fails with QEMU’s last words when the machine does not reach the firmware', async () => {
    const rpm = coreRpm(
      'case "$2" in help) exec qemu-system-ppc64 "$@";; esac\necho "qemu-kvm: failed to initialize kvm: No such file or directory" >&2; exit 1',
    )
    const dir = join(mkdtempSync(join(tmpdir(), 'check-')), 'root')
    await expect(checkBuiltQemu(rpm, dir, { accel: 'tcg' })).rejects.toThrow(
      'The pseries machine printed no firmware banner before it exited with code 1: qemu-kvm: failed to initialize kvm: No such file or directory',
    )
  })
})
