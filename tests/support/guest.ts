/** What the guest tests share: the ppc64le kernel and busybox setup-host.sh fetches, and a CLI run of boot-test-guest. */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

export const GUEST_KERNELS = '/var/cache/kvm-actions/guest-kernel'
export const GUEST_BUSYBOX = '/var/cache/kvm-actions/guest-busybox/bin/busybox'
/** Debian's ppc64le vmlinux-<kver>, or a clear error when the host was never set up. */
export function guestKernel(): string {
  const found = existsSync(GUEST_KERNELS)
    ? readdirSync(GUEST_KERNELS).find((name) => name.startsWith('vmlinux-'))
    : undefined
  if (!found) {
    throw new Error(
      `No ppc64le guest kernel in ${GUEST_KERNELS}: run \`bash scripts/setup-host.sh\` (as root) to set the host up for the tests`,
    )
  }
  return join(GUEST_KERNELS, found)
}

/** What setup-host.sh unpacks from bookworm-backports: QEMU 10 (amd64, and ppc64el for L2) and Linux 6.12. */
export const QEMU10 = '/var/cache/kvm-actions/qemu10/bin/qemu-system-ppc64'
export const GUEST_QEMU10_DIR = '/var/cache/kvm-actions/guest-qemu10'
export const GUEST_KERNELS_612 = '/var/cache/kvm-actions/guest-kernel-6.12'
/** Debian's Linux 6.12 ppc64le vmlinux, with its modules beside it. */
export function guestKernel612(): string {
  const found = existsSync(GUEST_KERNELS_612)
    ? readdirSync(GUEST_KERNELS_612).find((name) => name.startsWith('vmlinux-'))
    : undefined
  if (!found)
    throw new Error(
      `No Linux 6.12 guest kernel in ${GUEST_KERNELS_612}: run \`bash scripts/setup-host.sh\` (as root)`,
    )
  return join(GUEST_KERNELS_612, found)
}

/** The guest kernel's release (6.1.0-NN-powerpc64le). */
export const guestKernelVersion = (): string => guestKernel().split('vmlinux-')[1]!

/** The folder holding the guest kernel's kvm.ko and kvm-hv.ko. */
export const guestKvmModules = (): string =>
  join(GUEST_KERNELS, 'modules', guestKernelVersion(), 'kernel', 'arch', 'powerpc', 'kvm')

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
