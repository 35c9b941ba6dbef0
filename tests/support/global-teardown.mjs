// Stops what the tests left running below the run's temporary folder (gpg-agent and friends, which
// daemonize) and the libvirt daemons the tests started, then removes the folder.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

function processesMentioning(text) {
  const pids = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(text)) pids.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

function stop(pids) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

export default function globalTeardown() {
  const root = process.env.KVM_ACTIONS_TEST_ROOT
  if (!root) return
  stop(processesMentioning(root))
  // libvirtd and virtlogd, when a test started them (tests/support/libvirt.ts leaves this note).
  const started = join(root, 'libvirt-started')
  if (existsSync(started)) {
    for (const pidfile of readFileSync(started, 'utf8').split('\n').filter(Boolean)) {
      if (existsSync(pidfile)) stop([Number(readFileSync(pidfile, 'utf8').trim())])
    }
  }
  spawnSync('sync')
  rmSync(root, { recursive: true, force: true })
}
