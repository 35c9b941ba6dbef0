/**
 * The hypervisor-under-test scenario: the candidate kernel boots as L1 on a machine with
 * cap-nested-hv=on, loads kvm_hv, and starts an L2 guest with KVM. /dev/kvm appearing proves
 * nothing (it appears even when kvm_hv fails to load); only an L2 that reaches its marker does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ConfigurationError, InfrastructureError } from '../action/errors.js'
import { exec } from '../exec/exec.js'
import {
  buildInitramfs,
  type GuestCheck,
  type InitramfsFile,
  L2_PREFIX,
  READY_MARKER,
  shellWord,
} from './boot.js'

/** Where scripts/setup-host.sh unpacks Debian's ppc64el qemu-system-ppc64 with its libraries. */
export const GUEST_QEMU_DIR = '/var/cache/kvm-actions/guest-qemu'

/** Inside L1. */
const L1_QEMU = '/usr/bin/qemu-system-ppc64'
const L1_LIBS = '/usr/lib/kvm-actions-qemu'
const L1_FIRMWARE = '/usr/share/qemu'
const L1_MODULES = '/lib/kvm'
const L2_DIR = '/l2'

export interface NestedOptions {
  /** A folder with bin/qemu-system-ppc64, lib/ (its shared libraries and ld64.so.2), share/vof.bin. */
  guestQemuDir: string
  /** The candidate kernel's modules: a folder (such as /lib/modules/<kver>) below which kvm.ko and kvm-hv.ko are. */
  modulesDir: string
  /** The L2 guest's kernel. */
  l2Kernel: string
  busybox: string
  l2MemoryMb: number
  l2TimeoutSeconds: number
}

const MODULE_SUFFIXES = ['.ko', '.ko.xz', '.ko.zst', '.ko.gz']

/** The file of module `name` below `dir` (kvm-hv and kvm_hv name the same module). */
export function findModule(dir: string, name: string): string | undefined {
  const wanted = new Set(
    MODULE_SUFFIXES.flatMap((suffix) => [name, name.replace(/_/g, '-')].map((n) => n + suffix)),
  )
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && wanted.has(entry.name)) return join(entry.parentPath, entry.name)
  }
  return undefined
}

/** A module as busybox insmod takes it: uncompressed. */
async function plainModule(file: string, outDir: string): Promise<string> {
  const name = basename(file).replace(/\.ko(\.\w+)?$/, '.ko')
  const out = join(outDir, name)
  const tool = file.endsWith('.xz')
    ? 'xz'
    : file.endsWith('.zst')
      ? 'zstd'
      : file.endsWith('.gz')
        ? 'gzip'
        : undefined
  if (!tool) return file
  // The decompressor's output goes to a file named here; the module path is an argument.
  await exec(['bash', '-c', '"$1" -dc -- "$2" > "$3"', 'decompress', tool, file, out])
  return out
}

/** The `depends=` entry of a module's modinfo section. */
export function moduleDepends(content: Buffer): string[] {
  const match = /(?:^|\0)depends=([^\0]*)\0/.exec(content.toString('latin1'))
  return match?.[1] ? match[1].split(',').filter(Boolean) : []
}

/** kvm and kvm_hv with what they depend on, in load order, uncompressed into outDir. */
export async function kvmModules(modulesDir: string, outDir: string): Promise<string[]> {
  const ordered: string[] = []
  const visit = async (name: string, chain: string[]): Promise<void> => {
    const key = name.replace(/-/g, '_')
    if (ordered.some((file) => basename(file).replace(/\.ko$/, '').replace(/-/g, '_') === key)) return
    if (chain.includes(key)) return
    const file = findModule(modulesDir, name)
    if (!file) {
      throw new ConfigurationError(
        `${modulesDir} has no ${name}.ko: expected the candidate kernel's modules (kernel/arch/powerpc/kvm/kvm.ko and kvm-hv.ko) for the nested scenario`,
      )
    }
    const plain = await plainModule(file, outDir)
    for (const dependency of moduleDepends(readFileSync(plain))) await visit(dependency, [...chain, key])
    ordered.push(plain)
  }
  await visit('kvm', [])
  await visit('kvm_hv', [])
  return ordered
}

function guestQemuFiles(dir: string): InitramfsFile[] {
  const qemu = join(dir, 'bin', 'qemu-system-ppc64')
  const libs = join(dir, 'lib')
  if (!existsSync(qemu) || !existsSync(join(libs, 'ld64.so.2'))) {
    throw new InfrastructureError(
      `${dir} has no ppc64le qemu-system-ppc64 with its libraries (bin/, lib/ld64.so.2); run scripts/setup-host.sh, which unpacks Debian's into ${GUEST_QEMU_DIR}`,
    )
  }
  return [
    { source: qemu, target: L1_QEMU },
    { source: join(libs, 'ld64.so.2'), target: '/lib64/ld64.so.2' },
    ...readdirSync(libs)
      .filter((name) => name !== 'ld64.so.2')
      .map((name) => ({ source: join(libs, name), target: `${L1_LIBS}/${name}` })),
    ...readdirSync(join(dir, 'share')).map((name) => ({
      source: join(dir, 'share', name),
      target: `${L1_FIRMWARE}/${name}`,
    })),
  ]
}

/** The L2 command inside L1: the guest's emulator run through its own loader and libraries. */
export function l2Command(options: Pick<NestedOptions, 'l2MemoryMb' | 'l2TimeoutSeconds'>): string[] {
  return [
    'timeout',
    String(options.l2TimeoutSeconds),
    '/lib64/ld64.so.2',
    '--library-path',
    L1_LIBS,
    L1_QEMU,
    '-L',
    L1_FIRMWARE,
    '-M',
    'pseries,x-vof=on,kvm-type=HV',
    '-accel',
    'kvm',
    '-m',
    String(options.l2MemoryMb),
    '-nographic',
    '-no-reboot',
    '-nodefaults',
    '-serial',
    'stdio',
    '-kernel',
    `${L2_DIR}/vmlinux`,
    '-initrd',
    `${L2_DIR}/initramfs.cpio`,
    '-append',
    'console=hvc0 panic=-1',
  ]
}

/** The checks that prove L1 is a working KVM hypervisor; they run before the user's checks. */
export function nestedChecks(
  options: Pick<NestedOptions, 'l2MemoryMb' | 'l2TimeoutSeconds'>,
  modules: string[],
): GuestCheck[] {
  const nested = '/sys/module/kvm_hv/parameters/nested'
  return [
    {
      name: 'kvm_hv loads',
      command: [
        ...modules.map((module) => `insmod ${L1_MODULES}/${basename(module)}`),
        `echo "nested=$(cat ${nested})"`,
        `grep -qx Y ${nested}`,
      ].join(' && '),
    },
    { name: '/dev/kvm', command: 'test -c /dev/kvm && ls -l /dev/kvm' },
    {
      name: 'L2 guest under KVM',
      // L2's console is prefixed so that its marker and results never pass for L1's own.
      // awk flushes each line, so L0 sees L2's console live (the L2 phase of the timeline).
      command: `${l2Command(options).map(shellWord).join(' ')} 2>&1 | awk '{ sub(/\r$/, ""); print "${L2_PREFIX}" $0; fflush() }' | tee /tmp/l2.log; grep -qx '${L2_PREFIX}${READY_MARKER}' /tmp/l2.log`,
    },
  ]
}

/** Files and checks of the L1 initramfs, with the L2 initramfs built beside it. */
export async function nestedPayload(
  work: string,
  options: NestedOptions,
): Promise<{ files: InitramfsFile[]; checks: GuestCheck[] }> {
  const moduleDir = join(work, 'modules')
  await exec(['mkdir', '-p', moduleDir])
  const modules = await kvmModules(options.modulesDir, moduleDir)
  const l2Initrd = await buildInitramfs(work, options.busybox, [], '', [], 'l2-initramfs')
  return {
    files: [
      ...guestQemuFiles(options.guestQemuDir),
      ...modules.map((module) => ({ source: module, target: `${L1_MODULES}/${basename(module)}` })),
      { source: options.l2Kernel, target: `${L2_DIR}/vmlinux` },
      { source: l2Initrd, target: `${L2_DIR}/initramfs.cpio` },
    ],
    checks: nestedChecks(options, modules),
  }
}

/** The modules folder that setup-host.sh unpacks beside a Debian vmlinux-<kver>, if there is one. */
export function modulesBesideKernel(kernel: string): string | undefined {
  const kver = /^vmlinu[xz]-(.+)$/.exec(basename(kernel))?.[1]
  const dir = kver ? join(dirname(kernel), 'modules', kver) : undefined
  return dir && existsSync(dir) ? dir : undefined
}
