import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { helloSrpm } from '../support/rpms.js'

describe('patch-qemu', () => {
  it('refuses a source RPM of another package, naming what it is', async () => {
    const srpm = await helloSrpm()
    const err: string[] = []
    const code = await runCli(
      ['patch-qemu', '--input', `qemu-kvm-srpm=${srpm}`, '--input', 'builder=rpmbuild'],
      {
        out: () => undefined,
        err: (text) => err.push(text),
        cwd: mkdtempSync(join(tmpdir(), 'ws-')),
      },
    )
    expect(code).toBe(1)
    expect(err.join('')).toBe(
      `Configuration error: ${srpm} is kvm-hello-1.2.0-3.el9_6.src, not a source RPM of qemu-kvm\n`,
    )
  })

  it('names an autopatch entry that is neither a config nor a folder with one', async () => {
    const srpm = await helloSrpm()
    const err: string[] = []
    await runCli(
      [
        'patch-qemu',
        '--input',
        `qemu-kvm-srpm=${srpm}`,
        '--input',
        'builder=rpmbuild',
        '--input',
        'qemu-kvm-autopatch=recipes/qemu',
      ],
      { out: () => undefined, err: (text) => err.push(text), cwd: mkdtempSync(join(tmpdir(), 'ws-')) },
    )
    expect(err.join('')).toBe(
      "Configuration error: Input 'qemu-kvm-autopatch' names recipes/qemu, which is not an autopatch config file or a folder with config.yaml\n",
    )
  })
})
