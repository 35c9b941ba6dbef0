import { spawnSync } from 'node:child_process'
import { waitFor } from './guest.js'

const reachable = (): boolean =>
  spawnSync('virsh', ['-c', 'qemu:///system', 'uri'], { stdio: 'ignore' }).status === 0

/**
 * libvirtd and virtlogd, started by hand when nothing runs them (no systemd in CI containers),
 * as domain.md section 7 describes; waits until virsh reaches the daemon.
 */
export async function ensureLibvirtd(): Promise<void> {
  if (reachable()) return
  spawnSync('virtlogd', ['-d'], { stdio: 'ignore' })
  spawnSync('libvirtd', ['-d'], { stdio: 'ignore' })
  await waitFor('libvirtd to come up', reachable, 30_000)
}
