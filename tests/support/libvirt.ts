import { spawnSync } from 'node:child_process'

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
  const deadline = Date.now() + 30_000
  while (!reachable()) {
    if (Date.now() > deadline) throw new Error('libvirtd did not come up within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
