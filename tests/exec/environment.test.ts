/**
 * @needs-system-tools
 * No child process sees the runner's inputs, tokens or secrets: unit rules, then real tools behind recording shims. */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEnvironment } from '../../src/exec/environment.js'
import { exec } from '../../src/exec/exec.js'
import { packSrpm } from '../../src/rpm/srpm.js'
import { fixtureTree } from '../support/fixtures.js'
import { debianKernelTarball } from '../support/kernel-source.js'
import { makeSigningKey } from '../support/keys.js'
import { qemuSrpm } from '../support/qemu-sources.js'
import { helloRpms } from '../support/rpms.js'

const root = join(import.meta.dirname, '..', '..')
const HOSTILE = {
  'INPUT_SIGNING-KEY': 'armored-key-material',
  INPUT_PASSPHRASE: 'the-passphrase-value',
  'INPUT_GITHUB-TOKEN': 'ghs_inputtoken',
  GITHUB_TOKEN: 'ghs_envtoken',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
  AWS_SECRET_ACCESS_KEY: 'cloud-secret',
}

describe('childEnvironment', () => {
  it('keeps what tools need and drops inputs, tokens and everything else', () => {
    const env = childEnvironment(
      { GNUPGHOME: '/tmp/home', LANG: undefined },
      {
        PATH: '/usr/bin',
        HOME: '/root',
        LANG: 'C.UTF-8',
        LC_ALL: 'C',
        TMPDIR: '/tmp',
        https_proxy: 'http://proxy:3128',
        XDG_RUNTIME_DIR: '/run/user/0',
        ...HOSTILE,
      },
    )
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      LC_ALL: 'C',
      TMPDIR: '/tmp',
      https_proxy: 'http://proxy:3128',
      XDG_RUNTIME_DIR: '/run/user/0',
      GNUPGHOME: '/tmp/home',
    })
  })

  it('is what exec hands a program', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, HOSTILE)
    try {
      const printed = (await exec(['env'])).stdout
      for (const [name, value] of Object.entries(HOSTILE)) {
        expect(printed).not.toContain(name)
        expect(printed).not.toContain(value)
      }
      expect(printed).toContain(`PATH=${process.env.PATH}`)
    } finally {
      process.env = saved
    }
  })
})

describe('the tools an action runs', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'child-env-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  /** Wrappers that append their environment to a log, then run the real program. */
  function recordingShims(programs: string[]): { dir: string; log: string } {
    const dir = join(scratch, 'shims')
    const log = join(scratch, 'environments.log')
    mkdirSync(dir, { recursive: true })
    for (const program of programs) {
      const real = execFileSync('bash', ['-c', 'command -v "$1"', 'which', program], {
        encoding: 'utf8',
      }).trim()
      writeFileSync(
        join(dir, program),
        `#!/bin/bash\n{ echo "== ${program}"; env; } >> ${JSON.stringify(log)}\nexec ${JSON.stringify(real)} "$@"\n`,
      )
      chmodSync(join(dir, program), 0o755)
    }
    return { dir, log }
  }

  it('rpmsign, createrepo_c, rpmspec, rpmbuild and make see no input, token or secret', async () => {
    const shims = recordingShims(['rpmsign', 'createrepo_c', 'rpmspec', 'rpmbuild', 'make'])
    const key = makeSigningKey('Env Test', HOSTILE.INPUT_PASSPHRASE)
    const env = {
      ...process.env,
      ...HOSTILE,
      'INPUT_SIGNING-KEY': key,
      PATH: `${shims.dir}:${process.env.PATH}`,
      KVM_ACTIONS_CACHE: join(scratch, 'cache'),
    }
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(root, 'dist', 'cli', 'index.js'), ...args], {
        cwd: scratch,
        env,
        encoding: 'utf8',
      })
    const publish = cli([
      'publish-repo',
      '--input',
      `target=${join(scratch, 'repo')}`,
      '--input',
      `rpms=${JSON.stringify(await helloRpms('3'))}`,
    ])
    expect({
      code: publish.status,
      out: publish.status === 0 ? '' : publish.stdout + publish.stderr,
    }).toEqual({ code: 0, out: '' })
    const qemu = cli([
      'patch-qemu',
      '--input',
      'packages=qemu-kvm',
      '--input',
      `qemu-kvm-srpm=${await qemuSrpm('qemu-kvm-9', { usbInput: true })}`,
      '--input',
      'builder=rpmbuild',
      '--input',
      'upstream-keys=none',
    ])
    expect({ code: qemu.status, out: qemu.status === 0 ? '' : qemu.stdout + qemu.stderr }).toEqual({
      code: 0,
      out: '',
    })
    // make: the kernel's own olddefconfig on a real kernel tree (the Kconfig check; no build).
    const tree = fixtureTree('kernel-el9.4')
    const kernel = cli([
      'build-kernel',
      '--input',
      `srpm=${await packSrpm(tree, join(tree, 'SPECS', 'kernel.spec'), { dist: '.el9' })}`,
      '--input',
      `kernel-source=${debianKernelTarball()}`,
      '--input',
      'build=false',
      '--input',
      'builder=rpmbuild',
      '--input',
      'upstream-keys=none',
    ])
    expect({ code: kernel.status, out: kernel.status === 0 ? '' : kernel.stdout + kernel.stderr }).toEqual({
      code: 0,
      out: '',
    })
    const recorded = readFileSync(shims.log, 'utf8')
    const programs = new Set(
      recorded
        .split('\n')
        .filter((line) => line.startsWith('== '))
        .map((line) => line.slice(3)),
    )
    expect([...programs].sort()).toEqual(['createrepo_c', 'make', 'rpmbuild', 'rpmsign', 'rpmspec'])
    for (const [name, value] of Object.entries(HOSTILE)) {
      expect({ name, seen: recorded.includes(`${name}=`) || recorded.includes(value) }).toEqual({
        name,
        seen: false,
      })
    }
    expect(recorded).not.toContain('BEGIN PGP PRIVATE KEY BLOCK')
  }, 420_000)
})
