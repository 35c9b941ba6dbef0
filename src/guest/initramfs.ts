/**
 * The generated guest: a busybox initramfs whose /init says what the guest runs on, runs the
 * setup, the checks and what comes after them (the workloads), prints delimited results and the
 * readiness marker on the console, and powers off. The markers and check types are the contract
 * between it and the console reader in boot.ts.
 */
import { chmodSync, copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { exec } from '../exec/exec.js'
import { shellWord } from '../exec/shell.js'

export const READY_MARKER = 'KVM-ACTIONS-READY'
/** In the nested scenario, L1 relays L2's console lines with this prefix. */
export const L2_PREFIX = 'L2| '

export interface GuestCheck {
  name: string
  /** A busybox sh command line run inside the guest. */
  command: string
  /** Stopped (and failed) after this long inside the guest. */
  timeoutSeconds?: number
}

export interface CheckResult {
  name: string
  exitCode: number
  output: string
}

/** A file copied into the initramfs: host path → absolute path inside. */
export interface InitramfsFile {
  source: string
  target: string
}

/** What goes into a generated initramfs besides busybox. */
export interface InitramfsContent {
  checks?: GuestCheck[]
  /** Shell lines run before the checks (the workloads' disks and tools). */
  setup?: string
  /** Shell lines run after the checks (the workloads). */
  after?: string
  /** More files: the nested scenario's emulator, modules and L2 guest. */
  files?: InitramfsFile[]
  name?: string
}

/** The line by which the guest tells what it runs on: its MMU, threads per core and CPU. */
export const GUEST_VIEW = 'KVM-ACTIONS-GUEST'
export const GUEST_VIEW_PATTERN = new RegExp(
  `^${GUEST_VIEW} mmu=(\\S*) threads=(\\d*) release=(\\S*) cpu=(.*)$`,
)
const GUEST_VIEW_LINE = [
  `echo "${GUEST_VIEW} mmu=$(sed -n 's/^MMU[[:space:]]*: //p' /proc/cpuinfo)`,
  `threads=$(tr , '\\n' < /sys/devices/system/cpu/cpu0/topology/thread_siblings_list | awk -F- '{ n += ($2 == "" ? 1 : $2 - $1 + 1) } END { print n }')`,
  `release=$(uname -r) cpu=$(sed -n 's/^cpu[[:space:]]*: //p' /proc/cpuinfo | head -1)"`,
].join(' ')

/**
 * An initramfs (newc cpio) with a static busybox whose /init says what the guest runs on, runs
 * the setup, the checks and what comes after them, and powers off.
 */
export async function buildInitramfs(
  dir: string,
  busybox: string,
  { checks = [], setup = '', after = '', files = [], name = 'initramfs' }: InitramfsContent = {},
): Promise<string> {
  const root = join(dir, name)
  for (const sub of ['bin', 'proc', 'sys', 'dev', 'tmp']) mkdirSync(join(root, sub), { recursive: true })
  copyFileSync(busybox, join(root, 'bin', 'busybox'))
  chmodSync(join(root, 'bin', 'busybox'), 0o755)
  for (const file of files) {
    const target = join(root, file.target)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(file.source, target)
    chmodSync(target, statSync(file.source).mode & 0o777)
  }
  const lines = [
    '#!/bin/busybox sh',
    '/bin/busybox --install -s /bin',
    'mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev',
    'echo KVM-ACTIONS-USERSPACE',
    GUEST_VIEW_LINE,
    setup,
    ...checks.flatMap((check) => [
      `echo ${shellWord(`KVM-ACTIONS-CHECK-BEGIN ${check.name}`)}`,
      check.timeoutSeconds
        ? `timeout ${check.timeoutSeconds} sh -c ${shellWord(check.command)} 2>&1; echo "KVM-ACTIONS-CHECK-END rc=$?"`
        : `( ${check.command} ) 2>&1; echo "KVM-ACTIONS-CHECK-END rc=$?"`,
    ]),
    after,
    `echo ${READY_MARKER}`,
    'poweroff -f',
  ]
  writeFileSync(join(root, 'init'), lines.filter(Boolean).join('\n') + '\n', { mode: 0o755 })
  const image = join(dir, `${name}.cpio`)
  await exec([
    'bash',
    '-c',
    'set -o pipefail; cd "$1" && find . | cpio -o -H newc --quiet > "$2"',
    'initramfs',
    root,
    image,
  ])
  // Written back now, not while the guest boots from it (the nested L1 image is about 100 MB).
  await exec(['sync', image])
  return image
}

/** A disk the guest finds by its virtio serial. */
export interface GuestDisk {
  file: string
  serial: string
  readOnly: boolean
}
