/**
 * @needs-system-tools
 * scripts/setup-host.sh is idempotent: a second run (CI has already run it) installs nothing. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const script = join(import.meta.dirname, '..', 'scripts', 'setup-host.sh')

describe('setup-host.sh', () => {
  it('finds everything already installed on a second run and says so', () => {
    const result = spawnSync('bash', [script], { encoding: 'utf8', timeout: 600_000 })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^setup-host: nothing to install: all \d+ packages present$/m)
    expect(result.stdout).not.toContain('installed:')
  })

  it('leaves the tools the tests and actions need on PATH', () => {
    for (const tool of [
      'qemu-system-ppc64',
      'qemu-img',
      'rpmbuild',
      'rpmsign',
      'createrepo_c',
      'dnf',
      'gpg',
      'cpio',
      'xorriso',
      'jq',
      'curl',
      'powerpc64le-linux-gnu-strip',
    ]) {
      expect({ tool, found: spawnSync('sh', ['-c', 'command -v "$0"', tool]).status === 0 }).toEqual({
        tool,
        found: true,
      })
    }
  })
})
