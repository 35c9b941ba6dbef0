// @needs-system-tools
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestFailure } from '../../src/errors.js'
import { checkBuiltQemu, smokeCommands } from '../../src/qemu/smoke.js'
import { standInRpm } from '../support/stand-in-rpms.js'

/**
 * A qemu-kvm-core RPM whose /usr/libexec/qemu-kvm runs `script` and whose firmware folder holds
 * the distribution's real slof.bin: the check then drives the real emulator (with TCG, as there
 * is no KVM on this machine) through the exact commands it runs on POWER.
 */
function coreRpm(script: string): string {
  return standInRpm('qemu-kvm-core', [
    { path: '/usr/libexec/qemu-kvm', content: `#!/bin/sh\n${script}\n`, mode: 0o755 },
    { path: '/usr/share/qemu-kvm/slof.bin', from: '/usr/share/qemu/slof.bin' },
  ])
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
