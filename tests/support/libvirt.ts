import { spawnSync } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { waitFor } from './guest.js'

const reachable = (): boolean =>
  spawnSync('virsh', ['-c', 'qemu:///system', 'uri'], { stdio: 'ignore' }).status === 0

/**
 * libvirtd and virtlogd, started by hand when nothing runs them (no systemd in CI containers),
 * as works in this emulated-host setup; waits until virsh reaches the daemon.
 */
export async function ensureLibvirtd(): Promise<void> {
  if (reachable()) return
  spawnSync('virtlogd', ['-d'], { stdio: 'ignore' })
  spawnSync('libvirtd', ['-d'], { stdio: 'ignore' })
  await waitFor('libvirtd to come up', reachable, 30_000)
  // The test run's teardown stops the daemons a test started (their pidfiles, as root).
  const root = process.env.KVM_ACTIONS_TEST_ROOT
  if (root) appendFileSync(join(root, 'libvirt-started'), '/run/libvirtd.pid\n/run/virtlogd.pid\n')
}
