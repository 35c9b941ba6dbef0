/**
 * The device build check: the QEMU tree the rebuilt spec would build, configured for
 * ppc64-softmmu the way the spec configures it (no default devices, the ppc64 device file), so
 * that QEMU's own Kconfig resolution (scripts/minikconf.py, run by meson) judges the device
 * list; then, optionally, qemu-system-ppc64 compiled from it. Failures name the symbol and the
 * device file line, or the source file and the compiler's first error lines.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { machine } from 'node:os'
import { ConfigurationError, InfrastructureError } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { DEVICE_FILE, enabledSymbols } from './devices.js'

export const DEVICE_BUILD_MODES = ['configure', 'compile', 'off'] as const
export type DeviceBuildMode = (typeof DEVICE_BUILD_MODES)[number]

/** Where configure looks for `--with-devices-ppc64=NAME`. */
export const PPC64_DEVICE_DIR = 'configs/devices/ppc64-softmmu'

/**
 * What libvirt and nova put on a ppc64 guest (a nova-generated pseries domain), with the Kconfig
 * symbols that gate each device. A symbol this QEMU's Kconfig does not define is not asked for
 * (QEMU 7.2 builds usb-kbd under USB; 10.0 gates it behind USB_HID).
 */
export interface GuestDevice {
  /** The -device driver name. */
  driver: string
  /** What it is in the domain, for messages. */
  role: string
  symbols: string[]
}

export const NOVA_PPC64_DEVICES: readonly GuestDevice[] = [
  {
    driver: 'qemu-xhci',
    role: "the USB controller (<controller type='usb' model='qemu-xhci'>)",
    symbols: ['USB_XHCI_PCI'],
  },
  {
    driver: 'usb-kbd',
    role: "the USB keyboard (<input type='keyboard' bus='usb'>)",
    symbols: ['USB', 'USB_HID'],
  },
  {
    driver: 'usb-mouse',
    role: "the USB mouse (<input type='mouse' bus='usb'>)",
    symbols: ['USB', 'USB_HID'],
  },
  {
    driver: 'usb-tablet',
    role: "the USB tablet (<input type='tablet' bus='usb'>)",
    symbols: ['USB', 'USB_HID'],
  },
  { driver: 'spapr-vscsi', role: 'the CD-ROM controller (config drive)', symbols: ['SPAPR_VSCSI'] },
  { driver: 'scsi-cd', role: "the CD-ROM (<disk device='cdrom' bus='scsi'>)", symbols: ['SCSI'] },
  {
    driver: 'virtio-blk-pci',
    role: "the root disk (<disk bus='virtio'>)",
    symbols: ['VIRTIO_PCI', 'VIRTIO_BLK'],
  },
  {
    driver: 'virtio-net-pci',
    role: "the network (<interface><model type='virtio'/>)",
    symbols: ['VIRTIO_PCI', 'VIRTIO_NET'],
  },
  {
    driver: 'spapr-vty',
    role: "the console (<console type='pty'><target type='serial'/>)",
    symbols: ['PSERIES'],
  },
  { driver: 'VGA', role: "the display (<video><model type='vga'/>)", symbols: ['VGA_PCI'] },
  {
    driver: 'virtio-balloon-pci',
    role: "the memory balloon (<memballoon model='virtio'>)",
    symbols: ['VIRTIO_PCI', 'VIRTIO_BALLOON'],
  },
  {
    driver: 'virtio-rng-pci',
    role: "the entropy source (<rng model='virtio'>)",
    symbols: ['VIRTIO_PCI', 'VIRTIO_RNG'],
  },
  // No -device: the pseries machine itself answers the guest's ibm,os-term call.
  { driver: 'pseries-panic', role: "the panic device (<panic model='pseries'/>)", symbols: ['PSERIES'] },
]

/**
 * The spec's configure switches this check honours: the build's identity (target, device
 * set) and the features that need no library, so that Kconfig sees the host symbols (TPM,
 * VHOST_USER, VHOST_KERNEL ...) the real build gives it; a device file that enables TPM_SPAPR
 * while the spec disables TPM fails here as it would in rpmbuild. Library-backed features are
 * left to configure's detection on this host.
 */
const HONOURED_FEATURES = new Set([
  'tpm',
  'vhost-kernel',
  'vhost-net',
  'vhost-user',
  'vhost-vdpa',
  'tcg',
  'system',
])

export interface SpecConfigure {
  /** NAME of --with-devices-ppc64=NAME. */
  deviceFile: string
  /** Whether the spec passes --without-default-devices. */
  withoutDefaultDevices: boolean
  /** The spec's --enable-X / --disable-X switches passed on (as switches), and the features left out. */
  honoured: string[]
  leftOut: string[]
}

/** The ppc64 build's configure switches, read from the spec as rpmspec expands it for ppc64le. */
export function specConfigure(expandedLines: readonly string[], specName: string): SpecConfigure {
  const text = expandedLines.filter((line) => !line.trim().startsWith('#')).join('\n')
  const devices = /--with-devices-ppc64=(\S+)/.exec(text)
  if (!devices) {
    throw new ConfigurationError(
      `${specName}: the ppc64le build passes no --with-devices-ppc64=NAME to configure, so there is no device file to check; expected the built-in recipe's '--with-devices-ppc64=ppc64-rh-devices' (built-in-recipe: true) or the same in your recipe`,
    )
  }
  // In order, the last switch of a feature wins (RHEL disables everything, then enables some).
  const state = new Map<string, 'enable' | 'disable'>()
  for (const match of text.matchAll(/--(enable|disable)-([a-z0-9-]+)(?=[=\s"'\\]|$)/g)) {
    state.set(match[2]!, match[1] as 'enable' | 'disable')
  }
  const features = [...state.keys()]
  return {
    deviceFile: devices[1]!.replace(/["'\\]+$/, ''),
    withoutDefaultDevices: /--without-default-devices/.test(text),
    honoured: features
      .filter((feature) => HONOURED_FEATURES.has(feature))
      .map((feature) => `--${state.get(feature)}-${feature}`),
    leftOut: features.filter(
      (feature) => !HONOURED_FEATURES.has(feature) && feature !== 'kvm' && state.get(feature) === 'enable',
    ),
  }
}

/** The configure command line: the spec's device switches, on this host. */
export function configureArgv(tree: string, spec: SpecConfigure, hostArch = machine()): string[] {
  // The guest runs under TCG on a host that is not POWER; KVM for ppc64 builds only on POWER.
  const always = [
    '--enable-system',
    '--enable-tcg',
    ...(hostArch === 'ppc64le' || hostArch === 'ppc64' ? ['--enable-kvm'] : []),
  ]
  const honoured = spec.honoured.filter((sw) => !/^--disable-(system|tcg)$/.test(sw))
  return [
    join(tree, 'configure'),
    // QEMU 8.1+ makes a venv from configure's python and looks for meson there: the
    // distribution's python, where its meson is installed (not a user's pyenv shim).
    ...(existsSync(join(tree, 'pythondeps.toml')) && existsSync('/usr/bin/python3')
      ? ['--python=/usr/bin/python3']
      : []),
    '--target-list=ppc64-softmmu',
    ...(spec.withoutDefaultDevices ? ['--without-default-devices'] : []),
    `--with-devices-ppc64=${spec.deviceFile}`,
    '--disable-docs',
    '--disable-user',
    '--disable-tools',
    '--disable-werror',
    // Nothing is installed: release tarballs stripped of firmware blobs (Debian's) configure too.
    '--disable-install-blobs',
    '--enable-fdt=system',
    ...honoured,
    ...always,
  ]
}

export interface DeviceBuildResult {
  /** The device file configure used (in the tree). */
  deviceFile: string
  /** What QEMU's Kconfig made of it: every CONFIG_ symbol that ended up on. */
  resolved: string[]
  configureMs: number
  compileMs?: number
  /** The built emulator (compile only). */
  binary?: string
  configureArgv: string[]
  leftOut: string[]
}

/** Every `config NAME` of the tree's Kconfig files. */
export function treeKconfigSymbols(tree: string): Promise<Set<string>> {
  return exec(
    [
      'find',
      tree,
      '(',
      '-path',
      join(tree, 'roms'),
      '-o',
      '-path',
      join(tree, 'subprojects'),
      '-o',
      '-path',
      join(tree, 'tests'),
      ')',
      '-prune',
      '-o',
      '-name',
      'Kconfig*',
      '-type',
      'f',
      '-print',
    ],
    {},
  ).then(({ stdout }) => {
    const symbols = new Set<string>()
    for (const file of stdout.split('\n').filter(Boolean)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^config\s+(\w+)\s*$/gm)) symbols.add(match[1]!)
    }
    return symbols
  })
}

function lineOf(lines: readonly string[], symbol: string): number | undefined {
  const index = lines.findIndex((line) => new RegExp(`^\\s*CONFIG_${symbol}\\s*=`).test(line))
  return index === -1 ? undefined : index + 1
}

/**
 * minikconf's complaint as a configuration error naming the symbol and the device file line:
 * an undefined symbol, or a contradiction (a device the file enables whose `depends on` is off).
 */
export function kconfigFailure(
  output: string,
  deviceFile: string,
  lines: readonly string[],
): ConfigurationError | undefined {
  const undefinedSymbols = [...output.matchAll(/^undefined symbol (\w+)$/gm)].map((m) => m[1]!)
  if (undefinedSymbols.length > 0) {
    const named = [...new Set(undefinedSymbols)].map((symbol) => {
      const line = lineOf(lines, symbol)
      return `CONFIG_${symbol}${line ? ` (${deviceFile}:${line})` : ''}`
    })
    return new ConfigurationError(
      `QEMU's Kconfig rejects the ppc64 device file: ${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} not a symbol of this QEMU's Kconfig; expected only symbols its hw/*/Kconfig files define (check the spelling, or drop a device this QEMU version no longer has)`,
    )
  }
  const contradiction = /contradiction between clauses when setting (\w+)/.exec(output)
  if (contradiction) {
    const symbol = contradiction[1]!
    // minikconf lists the clauses involved: the file's assignments and the dependencies.
    const clauses = [...output.matchAll(/^\s{4}(.+)$/gm)].map((m) => m[1]!.trim())
    const assigned = [
      ...new Set(clauses.flatMap((clause) => [...clause.matchAll(/CONFIG_(\w+)/g)].map((m) => m[1]!))),
    ]
    const inFile = [symbol, ...assigned].find((name) => lineOf(lines, name) !== undefined)
    const where = inFile
      ? ` (${deviceFile}:${lineOf(lines, inFile)}: ${lines[lineOf(lines, inFile)! - 1]!.trim()})`
      : ''
    return new ConfigurationError(
      `QEMU's Kconfig cannot satisfy the ppc64 device file: contradiction when setting ${symbol}${where}${clauses.length > 0 ? `; the clauses: ${clauses.join('; ')}` : ''}; expected every enabled device's dependencies to be enabled too (add the symbol it depends on, or drop the device)`,
    )
  }
  return undefined
}

/** The devices nova needs that the resolved configuration leaves out, with the symbols missing. */
export function missingGuestDevices(
  resolved: ReadonlySet<string>,
  kconfig: ReadonlySet<string>,
): { device: GuestDevice; symbols: string[] }[] {
  return NOVA_PPC64_DEVICES.flatMap((device) => {
    const symbols = device.symbols.filter((symbol) => kconfig.has(symbol) && !resolved.has(symbol))
    return symbols.length > 0 ? [{ device, symbols }] : []
  })
}

export interface DeviceBuildOptions {
  /** The QEMU source tree, holding the device file under configs/devices/ppc64-softmmu. */
  tree: string
  /** Empty or absent: configure's build folder. */
  buildDir: string
  spec: SpecConfigure
  mode: Exclude<DeviceBuildMode, 'off'>
  /** configure's and ninja's full output. */
  logDir: string
  log: Log
  timeoutMs?: number
}

/** configure (and ninja): the tree's Kconfig judges the device file, then nova's devices are checked. */
export async function buildDevices(options: DeviceBuildOptions): Promise<DeviceBuildResult> {
  const { tree, buildDir, spec, log } = options
  const deviceFile = join(PPC64_DEVICE_DIR, `${spec.deviceFile}.mak`)
  const devicePath = join(tree, deviceFile)
  if (!existsSync(join(tree, 'configure')) || !existsSync(join(tree, 'scripts', 'minikconf.py'))) {
    throw new ConfigurationError(
      `${tree} is not a QEMU source tree: expected configure and scripts/minikconf.py (the %prep of a qemu-kvm source RPM, or qemu-source: an unpacked QEMU release)`,
    )
  }
  if (!existsSync(devicePath)) {
    throw new ConfigurationError(
      `${tree} has no ${deviceFile}: the spec passes --with-devices-ppc64=${spec.deviceFile}, so a patch must create it (the built-in recipe's ${DEVICE_FILE} patch)`,
    )
  }
  const lines = readFileSync(devicePath, 'utf8').split('\n')
  mkdirSync(buildDir, { recursive: true })
  mkdirSync(options.logDir, { recursive: true })
  const argv = configureArgv(tree, spec)
  const started = performance.now()
  const configured = await exec(argv as [string, ...string[]], {
    cwd: buildDir,
    allowFailure: true,
    log,
    group: 'Configure QEMU for ppc64-softmmu with the device file',
    logFile: join(options.logDir, 'configure.log'),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  const configureMs = performance.now() - started
  if (configured.exitCode !== 0) {
    const mesonLog = join(buildDir, 'meson-logs', 'meson-log.txt')
    const output = `${configured.stdout}\n${configured.stderr}\n${existsSync(mesonLog) ? readFileSync(mesonLog, 'utf8') : ''}`
    const kconfig = kconfigFailure(output, deviceFile, lines)
    if (kconfig) throw kconfig
    const said = `${configured.stdout}\n${configured.stderr}`
      .split('\n')
      .filter((line) => /ERROR|error:|not found|Dependency/i.test(line))
      .slice(0, 5)
    throw new InfrastructureError(
      `QEMU's configure failed before resolving the devices (${join(options.logDir, 'configure.log')}): ${said.join(' | ') || configured.stderr.trim().split('\n').at(-1)}; the host lacks a build dependency (scripts/setup-host.sh installs them)`,
    )
  }
  const mak = join(buildDir, 'ppc64-softmmu-config-devices.mak')
  if (!existsSync(mak)) {
    throw new InfrastructureError(
      `QEMU's configure succeeded but wrote no ${mak}: not a meson-era QEMU tree (7.0 or later)`,
    )
  }
  const resolved = enabledSymbols(readFileSync(mak, 'utf8').split('\n'))
  const missing = missingGuestDevices(new Set(resolved), await treeKconfigSymbols(tree))
  if (missing.length > 0) {
    throw new ConfigurationError(
      `The ppc64 device file ${deviceFile} leaves out devices libvirt and nova put on every ppc64 guest: ${missing
        .map(
          ({ device, symbols }) =>
            `${device.driver}, ${device.role}, needs ${symbols.map((s) => `CONFIG_${s}`).join(' and ')}`,
        )
        .join('; ')}; expected a line CONFIG_<SYMBOL>=y for each`,
    )
  }
  const result: DeviceBuildResult = {
    deviceFile,
    resolved,
    configureMs,
    configureArgv: argv,
    leftOut: spec.leftOut,
  }
  if (options.mode === 'configure') return result
  const compileStarted = performance.now()
  const compiled = await exec(['ninja', '-C', buildDir, 'qemu-system-ppc64'], {
    allowFailure: true,
    log,
    group: 'Compile qemu-system-ppc64',
    logFile: join(options.logDir, 'compile.log'),
    captureLimitBytes: 4 * 1024 * 1024,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  if (compiled.exitCode !== 0)
    throw compileFailure(`${compiled.stdout}\n${compiled.stderr}`, join(options.logDir, 'compile.log'), {
      tree,
      buildDir,
    })
  return {
    ...result,
    compileMs: performance.now() - compileStarted,
    binary: join(buildDir, 'qemu-system-ppc64'),
  }
}

/**
 * A compile or link error as a configuration error: the device set leaves target code dangling
 * (a file built for a device whose helper is switched off). The first error lines and the file.
 */
export function compileFailure(
  output: string,
  logFile: string,
  paths?: { tree: string; buildDir: string },
): ConfigurationError {
  // Paths as the tree names them (ld prints them through the build folder: build/../src/...).
  const inTree = (path: string): string => {
    if (!paths) return path.replace(/^(\.\.\/)+/, '')
    const full = resolve(paths.buildDir, path)
    return full.startsWith(`${resolve(paths.tree)}/`) ? relative(paths.tree, full) : path
  }
  const lines = output
    .split('\n')
    .map((line) => (paths ? line.replaceAll(/\S+\.[ch](?=:)/g, (p) => inTree(p)) : line))
  const errors = lines.filter((line) => /(\berror:|undefined reference to|multiple definition of)/.test(line))
  const first = errors.slice(0, 3).map((line) => line.trim())
  const file =
    /^(?:\.\.\/)*([\w./+-]+\.[ch]):\d+/.exec(errors[0] ?? '')?.[1] ??
    /([\w./+-]+\.[ch]):\(\.text/.exec(errors[0] ?? '')?.[1] ??
    /^FAILED: (\S+)/m.exec(output)?.[1]
  return new ConfigurationError(
    `qemu-system-ppc64 does not build with this device set${file ? ` (${file})` : ''}: ${first.join(' | ') || lines.filter(Boolean).slice(-3).join(' | ')}; the device file switches off code that target or machine code still calls (the class of AlmaLinux's ppc64 build fixes): add the device it needs or a patch that guards the call (full log: ${logFile})`,
  )
}
