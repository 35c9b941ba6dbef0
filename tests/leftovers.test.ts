/** The leftover check .ci/run wraps the tests in: it fails on a process or temporary files left behind. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'leftovers-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function check(script: string) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'leftovers.mjs'), '--', 'bash', '-c', script], {
    env: { ...process.env, TMPDIR: scratch },
    encoding: 'utf8',
  })
}

describe('scripts/leftovers.mjs', () => {
  it('passes a run that cleans up after itself, with its exit code', () => {
    const clean = check('d=$(mktemp -d) && echo x > "$d/f" && rm -rf "$d"')
    expect({ status: clean.status, stderr: clean.stderr }).toEqual({
      status: 0,
      stderr: expect.stringMatching(
        /^leftovers: none \(0 new entries, 0\.0 MB, in \S+; \d+ new entries, [\d.]+ MB, in \/tmp\)/,
      ),
    })
    expect(check('exit 3').status).toBe(3)
  })

  it('fails a run that leaves a process running, naming it', () => {
    const marker = `leftover-marker-${process.pid}`
    // The run ends once the daemon has its name, so the check below can name it.
    const run = check(
      `setsid bash -c 'exec -a ${marker} sleep 300' </dev/null >/dev/null 2>&1 & until pgrep -f '^${marker}' >/dev/null; do :; done`,
    )
    const pid = new RegExp(`process (\\d+) outlived the run: .*${marker}`).exec(run.stderr)?.[1]
    try {
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(new RegExp(`process \\d+ outlived the run: .*${marker}`))
    } finally {
      if (pid) process.kill(Number(pid), 'SIGKILL')
    }
  })

  it('fails a run that leaves megabytes in the temporary folder', () => {
    const run = check('mkdir "$TMPDIR/big" && head -c 6291456 /dev/zero > "$TMPDIR/big/file"')
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`6.0 MB left in ${scratch} (at most 5 MB): big (6.0 MB)`)
  })

  it('also counts /tmp when TMPDIR points elsewhere (a tool that ignores TMPDIR writes there)', () => {
    const name = `leftovers-test-${process.pid}`
    try {
      const run = check(`head -c 6291456 /dev/zero > /tmp/${name}`)
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(`6.0 MB left in /tmp (at most 5 MB): ${name} (6.0 MB)`)
    } finally {
      rmSync(join('/tmp', name), { force: true })
    }
  })
})
