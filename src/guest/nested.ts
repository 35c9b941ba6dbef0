/**
 * The hypervisor-under-test scenario: the candidate kernel boots as L1 on a machine with
 * cap-nested-hv=on, loads kvm_hv, and starts an L2 guest with KVM. /dev/kvm appearing proves
 * nothing (it appears even when kvm_hv fails to load); only an L2 that reaches its marker does.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ConfigurationError, InfrastructureError, TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import { shellWord } from '../exec/shell.js'
import {
  buildInitramfs,
  type GuestCheck,
  GUEST_VIEW_PATTERN,
  type InitramfsFile,
  L2_PREFIX,
  READY_MARKER,
} from './initramfs.js'
import { builtIn, findModule, kernelConfigBeside, moduleClosure } from './modules.js'
import { type Attempt, REFUSAL_RULES } from './machine.js'
import { kernelCommandLine } from './qemu.js'
import { L2_DISK_ARGS, type WorkloadGuest } from './workloads.js'

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
  /** The candidate qemu-kvm unpacked from its RPMs, run for L2 instead of guestQemuDir's. */
  candidateQemu?: CandidateQemu
  /** The candidate kernel's modules: a folder (such as /lib/modules/<kver>) below which kvm.ko and kvm-hv.ko are. */
  modulesDir: string
  /** The L2 guest's kernel. */
  l2Kernel: string
  busybox: string
  l2MemoryMb: number
  l2TimeoutSeconds: number
  /** Appended to L2's kernel command line. */
  l2KernelArgs?: string
  /** L2's first -M, negotiated inside L1 from there (l2-machine-options pins settings). */
  l2Machine?: string
  /** Threads per core of L2 (one core): -smp T,threads=T, verified in L2's own view. */
  l2Threads?: number
  /** The workloads L2 runs, from the disks L1 passes through. */
  l2Workloads?: Omit<WorkloadGuest, 'commands'>
}

/** The kernel is not a hypervisor: the test's verdict on it, with its config line when found. */
function kvmHvMissing(modulesDir: string): TestFailure {
  const config = kernelConfigBeside(modulesDir)
  const text = config ? readFileSync(config, 'utf8') : ''
  // HV's own line, or the option it depends on when Kconfig left HV out altogether.
  const setting = ['KVM_BOOK3S_64_HV', 'KVM_BOOK3S_64']
    .map((name) => new RegExp(`^(# )?CONFIG_${name}[= ].*$`, 'm').exec(text)?.[0])
    .find(Boolean)
  return new TestFailure(
    `kvm_hv is missing: the L1 kernel's modules (${modulesDir}) have no kvm-hv.ko, so it cannot host a KVM guest${setting ? ` (its config has ${setting})` : ''}; build it with CONFIG_KVM_BOOK3S_64_HV=m, as build-kernel's KVM profile sets it`,
  )
}

/** kvm and kvm_hv with what they depend on, in load order, uncompressed into outDir. */
export async function kvmModules(modulesDir: string, outDir: string): Promise<string[]> {
  if (!findModule(modulesDir, 'kvm_hv') && !builtIn(modulesDir, 'kvm_hv')) throw kvmHvMissing(modulesDir)
  return moduleClosure(
    modulesDir,
    ['kvm', 'kvm_hv'],
    outDir,
    (name) =>
      new TestFailure(
        `${modulesDir} has kvm-hv but not ${name}.ko, which it needs: the candidate kernel's modules are incomplete`,
      ),
  )
}

/** patch-qemu's qemu-kvm unpacked from its ppc64le RPMs (/usr/libexec/qemu-kvm). */
export interface CandidateQemu {
  root: string
  binary: string
  firmwareDir: string
  /** The NVR of the package holding the binary. */
  nvr: string
}

/** The NEEDED entries of an ELF file (readelf reads any architecture's). */
async function neededLibraries(file: string): Promise<string[]> {
  const { stdout } = await exec(['readelf', '-d', file])
  return [...stdout.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((match) => match[1]!)
}

/**
 * The shared libraries a binary needs, recursively, each from the first folder that has it;
 * every library no folder has is named in one error.
 */
export async function libraryClosure(binary: string, dirs: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const missing = new Set<string>()
  const queue = [binary]
  while (queue.length > 0) {
    for (const name of await neededLibraries(queue.shift()!)) {
      if (found.has(name) || missing.has(name)) continue
      const path = dirs.map((dir) => join(dir, name)).find((candidate) => existsSync(candidate))
      if (!path) missing.add(name)
      else {
        found.set(name, path)
        queue.push(path)
      }
    }
  }
  if (missing.size > 0) {
    throw new ConfigurationError(
      `${basename(binary)} needs ${[...missing].sort().join(', ')}, found in none of ${dirs.join(', ')}; expected its dependencies' RPMs in l2-qemu-rpms, or those libraries in nested-qemu's lib/`,
    )
  }
  return found
}

/** The emulator that runs L2 inside L1, with its loader, libraries and firmware. */
async function l2QemuFiles(guestQemuDir: string, candidate?: CandidateQemu): Promise<InitramfsFile[]> {
  const debianQemu = join(guestQemuDir, 'bin', 'qemu-system-ppc64')
  const debianLibs = join(guestQemuDir, 'lib')
  if (!candidate && (!existsSync(debianQemu) || !existsSync(join(debianLibs, 'ld64.so.2')))) {
    throw new InfrastructureError(
      `${guestQemuDir} has no ppc64le qemu-system-ppc64 with its libraries (bin/, lib/ld64.so.2); run scripts/setup-host.sh, which unpacks Debian's into ${GUEST_QEMU_DIR}`,
    )
  }
  const binary = candidate?.binary ?? debianQemu
  const libraryDirs = [
    ...(candidate ? ['lib64', 'usr/lib64'].map((dir) => join(candidate.root, dir)) : []),
    debianLibs,
  ]
  const loader = libraryDirs.map((dir) => join(dir, 'ld64.so.2')).find((file) => existsSync(file))
  if (!loader) throw new InfrastructureError(`no ppc64le loader (ld64.so.2) in ${libraryDirs.join(', ')}`)
  const libraries = await libraryClosure(binary, libraryDirs)
  libraries.delete('ld64.so.2')
  // The candidate's own firmware first; VOF from the guest QEMU folder where the RPMs lack it.
  const firmware = new Map<string, string>()
  for (const dir of [...(candidate ? [candidate.firmwareDir] : []), join(guestQemuDir, 'share')]) {
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir)) if (!firmware.has(name)) firmware.set(name, join(dir, name))
  }
  return [
    { source: binary, target: L1_QEMU },
    { source: loader, target: '/lib64/ld64.so.2' },
    ...[...libraries].map(([name, source]) => ({ source, target: `${L1_LIBS}/${name}` })),
    ...[...firmware]
      .filter(([, source]) => statSync(source).isFile())
      .map(([name, source]) => ({ source, target: `${L1_FIRMWARE}/${name}` })),
  ]
}

/** L2's -M before any negotiation: VOF, KVM-HV (the user's l2-machine-options come after). */
export const L2_MACHINE = 'pseries,x-vof=on,kvm-type=HV'
/** Attempts of the L2 QEMU inside L1, as L0's negotiation allows (machine.ts). */
const L2_ATTEMPTS = 5
/** What L1 prints around each L2 attempt, for L0 to report the negotiation. */
export const L2_ATTEMPT = 'KVM-ACTIONS-L2-MACHINE'
export const L2_FIX = 'KVM-ACTIONS-L2-FIX'

/** The L2 command inside L1: the guest's emulator run through its own loader and libraries. */
export function l2Command(
  options: Pick<
    NestedOptions,
    'l2MemoryMb' | 'l2TimeoutSeconds' | 'l2KernelArgs' | 'l2Machine' | 'l2Threads'
  >,
): string[] {
  const threads = options.l2Threads && options.l2Threads > 1 ? options.l2Threads : undefined
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
    options.l2Machine ?? L2_MACHINE,
    '-accel',
    'kvm',
    '-m',
    String(options.l2MemoryMb),
    ...(threads ? ['-smp', `${threads},threads=${threads}`] : []),
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
    kernelCommandLine(options.l2KernelArgs),
  ]
}

/**
 * The sed program that turns a QEMU refusal into its setting: machine.ts's REFUSAL_RULES, so the
 * L2 QEMU inside L1 is negotiated by the same rules as L0's.
 */
export function refusalSed(): string[] {
  return REFUSAL_RULES.flatMap(({ refusal, fix }) => {
    if (refusal.includes('#') || fix.includes('#')) throw new Error(`a refusal rule holds '#': ${refusal}`)
    // The rule's own first group becomes the second inside the wrapping one.
    return ['-e', `s#.*(${refusal}).*#${fix.replace('\\1', '\\2')}#p`]
  })
}

/**
 * The L2 guest inside L1, negotiated: each attempt prints its -M; a QEMU refusal whose setting
 * REFUSAL_RULES knows (and that was not tried yet) starts the next attempt with it; the check
 * passes when L2 reaches its marker.
 */
function l2Negotiation(l2: string[], extraArgs: string[]): string {
  const machineAt = l2.indexOf('-M') + 1
  const run = [
    ...l2.map((word, index) => (index === machineAt ? '"$machine"' : shellWord(word))),
    ...extraArgs,
  ].join(' ')
  const sed = ['sed', '-nE', ...refusalSed().map(shellWord)].join(' ')
  // L2's console is prefixed so that its marker and results never pass for L1's own.
  // awk flushes each line, so L0 sees L2's console live (the L2 phase of the timeline), and
  // keeps the copy itself: one process between L2 and the console, not two, on L1's vCPU.
  return [
    `l2_log=$(mktemp); machine=${shellWord(l2[machineAt]!)}; attempt=0`,
    'while :; do',
    '  attempt=$((attempt + 1)); : > "$l2_log"',
    `  echo "${L2_ATTEMPT} $machine"`,
    `  ${run} 2>&1 | awk -v copy="$l2_log" '{ sub(/\r$/, ""); line = "${L2_PREFIX}" $0; print line; fflush(); print line > copy }'`,
    `  grep -qx '${L2_PREFIX}${READY_MARKER}' "$l2_log" && break`,
    // A guest that ran (its kernel printed) was not refused: nothing to negotiate.
    `  grep -q '^${L2_PREFIX}.*Linux version' "$l2_log" && break`,
    `  fix=$(${sed} "$l2_log" | head -n 1 | tr A-Z a-z)`,
    `  [ -n "$fix" ] && [ "$attempt" -lt ${L2_ATTEMPTS} ] || break`,
    '  case ",$machine," in *",$fix,"*) break ;; esac',
    `  echo "${L2_FIX} $fix"`,
    '  machine="$(echo "$machine" | tr , "\n" | grep -v "^${fix%%=*}=" | tr "\n" , | sed "s/,$//"),$fix"',
    'done',
    `grep -qx '${L2_PREFIX}${READY_MARKER}' "$l2_log"`,
  ].join('\n')
}

/** Threads per core L2 says it runs with (its own guest-view line, relayed by L1). */
export function l2ThreadsSeen(output: string): number | undefined {
  for (const line of output.split('\n')) {
    const view = line.startsWith(L2_PREFIX) ? GUEST_VIEW_PATTERN.exec(line.slice(L2_PREFIX.length)) : null
    if (view?.[2]) return Number(view[2])
  }
  return undefined
}

/** L2's attempts inside L1, read back from the check's output (the lines l2Negotiation prints). */
export function l2Attempts(output: string): Attempt[] {
  const attempts: Attempt[] = []
  for (const line of output.split('\n')) {
    const attempt = line.startsWith(`${L2_ATTEMPT} `) ? line.slice(L2_ATTEMPT.length + 1) : undefined
    const current = attempts.at(-1)
    if (attempt !== undefined) attempts.push({ machine: attempt })
    else if (current && line.startsWith(`${L2_FIX} `)) current.fix = line.slice(L2_FIX.length + 1)
    else if (current && line.startsWith(L2_PREFIX)) {
      const said = line.slice(L2_PREFIX.length)
      // QEMU's own lines (not its warnings): the refusal, as L0's attempts record it.
      if (/^(qemu-system-\S+|qemu-kvm): (?!warning:)|^Try appending/i.test(said))
        current.refusal = current.refusal ? `${current.refusal}\n${said}` : said
    }
  }
  return attempts
}

/** The checks that prove L1 is a working KVM hypervisor; they run before the user's checks. */
export function nestedChecks(
  options: Pick<
    NestedOptions,
    'l2MemoryMb' | 'l2TimeoutSeconds' | 'l2KernelArgs' | 'l2Workloads' | 'l2Machine' | 'l2Threads'
  >,
  modules: string[],
): GuestCheck[] {
  // With workloads, L2 gets L1's scratch and tools disks (named by shell variables L1's init set).
  const l2 = l2Negotiation(l2Command(options), options.l2Workloads ? L2_DISK_ARGS : [])
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
    { name: 'L2 guest under KVM', command: l2 },
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
  const l2Initrd = await buildInitramfs(work, options.busybox, {
    name: 'l2-initramfs',
    ...(options.l2Workloads
      ? {
          setup: options.l2Workloads.setup,
          after: options.l2Workloads.runs,
          files: options.l2Workloads.files,
        }
      : {}),
  })
  return {
    files: [
      ...(await l2QemuFiles(options.guestQemuDir, options.candidateQemu)),
      ...modules.map((module) => ({ source: module, target: `${L1_MODULES}/${basename(module)}` })),
      { source: options.l2Kernel, target: `${L2_DIR}/vmlinux` },
      { source: l2Initrd, target: `${L2_DIR}/initramfs.cpio` },
    ],
    checks: nestedChecks(options, modules),
  }
}

/** Which kernel L1 is: its release, image, and the hash of its config when the config is found. */
export function describeL1Kernel(kernel: string, modulesDir: string): string {
  const config = kernelConfigBeside(modulesDir, kernel)
  const hash = config
    ? createHash('sha256').update(readFileSync(config)).digest('hex').slice(0, 16)
    : undefined
  return `${basename(modulesDir)} (${basename(kernel)}), ${hash ? `config sha256 ${hash}…` : 'config not found'}`
}

/** Which QEMU runs L2: the candidate's NVR, or the version string the guest QEMU's binary carries. */
export function describeL2Qemu(guestQemuDir: string, candidate?: CandidateQemu): string {
  if (candidate) return `${candidate.nvr} (the candidate, from l2-qemu-rpms)`
  const binary = join(guestQemuDir, 'bin', 'qemu-system-ppc64')
  const version = existsSync(binary)
    ? /QEMU emulator version ([^\0\n]+)/.exec(readFileSync(binary).toString('latin1'))?.[1]
    : undefined
  return `qemu-system-ppc64 ${version ?? '(version not found)'} from ${guestQemuDir}`
}
