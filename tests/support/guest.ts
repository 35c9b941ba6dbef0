/** What the guest tests share: the ppc64le kernel and busybox setup-host.sh fetches, and a CLI run of boot-test-guest. */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

export const GUEST_KERNELS = '/var/cache/kvm-actions/guest-kernel'
export const GUEST_BUSYBOX = '/var/cache/kvm-actions/guest-busybox/bin/busybox'
/** Debian's ppc64le vmlinux-<kver>. */
export const GUEST_KERNEL = join(
  GUEST_KERNELS,
  readdirSync(GUEST_KERNELS).find((name) => name.startsWith('vmlinux-'))!,
)

export interface GuestRun {
  code: number
  /** stdout and stderr, in order. */
  out: string
  workspace: string
  /** The results folder. */
  dir: string
}

/** boot-test-guest through the CLI in a fresh workspace, with the given inputs. */
export async function runBootTestGuest(inputs: Record<string, string>): Promise<GuestRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
  const out: string[] = []
  const args = ['boot-test-guest']
  for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`)
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: workspace })
  return { code, out: out.join(''), workspace, dir: join(workspace, 'kvm-actions-results/boot-test-guest') }
}

/** Polls until the condition holds (the event), failing after timeoutMs. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
