/**
 * The guest as a nova server on an OpenStack cloud: the kernel and the generated initramfs go to
 * glance as AKI and ARI images referenced by a small machine image (kernel_id, ramdisk_id), nova
 * boots it, and the console-log API is read into the same console session (classifier, checks,
 * markers) as every other launcher. Everything the run creates carries its run id, is deleted
 * when the boot ends, and again by the post step from the saved state; a leak check fails the run
 * when anything of that id survives. The OpenStack client is python3-openstackclient with JSON
 * output; the cloud comes from clouds.yaml through OS_CLOUD / OS_CLIENT_CONFIG_FILE, never argv.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { InfrastructureError, TestFailure } from '../../errors.js'
import { type ExecResult } from '../../exec/exec.js'
import { Tool } from '../../exec/tool.js'
import { formatDuration } from '../../report/duration.js'
import type { Summary } from '../../report/summary.js'
import { type BootOptions, type BootResult, ConsoleSession } from '../boot.js'
import { kernelCommandLine } from '../qemu.js'
import { Virsh } from '../virsh.js'
import type { Launcher } from './launcher.js'

/** The image and server property that names the run everything belongs to. */
export const RUN_PROPERTY = 'kvm-actions-run'
/** Properties nova needs to boot ppc64le pseries guests (the user's are added after them). */
export const DEFAULT_IMAGE_PROPERTIES = ['hw_architecture=ppc64le', 'hw_machine_type=pseries']

/** Where the cloud is: a clouds.yaml entry and, when not in a standard place, the file. */
export interface CloudConfig {
  cloud: string
  configFile?: string
}

/** What the post step needs to delete a run's resources after main was killed. */
export interface CloudRun extends CloudConfig {
  runId: string
}

export interface OpenstackLauncherOptions extends CloudConfig {
  runId: string
  flavor: string
  /** A network name or id, or none (the console-log API needs no network). */
  network: string
  availabilityZone?: string
  /** The compute node to place the guest on (the canary under test). */
  host?: string
  /** key=value, after the defaults. */
  imageProperties: string[]
  /** The private work folder (the machine image is written there). */
  work: string
  /** The compute node's libvirt, when it is local: the domain nova defined is read from it. */
  libvirtUri?: string
  summary: Summary
  /** Called before anything is created, so the post step can find it. */
  remember(run: CloudRun): void
  /** Time between console-log reads. */
  pollMs?: number
}

/** python3-openstackclient on one cloud. */
export class OpenstackCli extends Tool {
  constructor(private readonly cloud: CloudConfig) {
    super('openstack')
  }

  private get env(): Record<string, string> {
    return {
      OS_CLOUD: this.cloud.cloud,
      ...(this.cloud.configFile ? { OS_CLIENT_CONFIG_FILE: this.cloud.configFile } : {}),
    }
  }

  async json<T>(args: string[], signal?: AbortSignal): Promise<T> {
    const result = await this.run([...args, '-f', 'json'], { env: this.env, ...(signal ? { signal } : {}) })
    return JSON.parse(result.stdout || 'null') as T
  }

  async text(args: string[]): Promise<string> {
    return (await this.run(args, { env: this.env })).stdout
  }

  async quiet(args: string[]): Promise<ExecResult> {
    return this.run(args, { env: this.env, allowFailure: true })
  }

  override failure(result: ExecResult): Error {
    const said = (result.stderr || result.stdout).trim().split('\n').filter(Boolean).at(-1) ?? ''
    return new InfrastructureError(
      `openstack ${result.argv
        .slice(1)
        .filter((a) => /^[a-z]/.test(a))
        .slice(0, 2)
        .join(' ')} failed on cloud ${this.cloud.cloud}: ${said}`,
    )
  }
}

interface Server {
  id: string
  status: string
  fault?: { message?: string }
  'OS-EXT-SRV-ATTR:instance_name'?: string
  'OS-EXT-SRV-ATTR:host'?: string
}

/** What nova asked libvirt for, read from the domain XML. */
export interface NovaDomain {
  arch?: string
  machine?: string
  emulator?: string
  cpuModel?: string
  cpuMode?: string
  /** Each device as element[type/model], in order. */
  devices: string[]
}

export function parseDomain(xml: string): NovaDomain {
  const domain: NovaDomain = { devices: [] }
  const parser = new SaxesParser()
  const path: string[] = []
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>
    const parent = path.at(-1)
    if (tag.name === 'type' && parent === 'os') {
      if (a.arch) domain.arch = a.arch
      if (a.machine) domain.machine = a.machine
    }
    if (tag.name === 'cpu' && parent === 'domain' && a.mode) domain.cpuMode = a.mode
    if (parent === 'devices' && tag.name !== 'emulator') {
      const kind = a.model ?? a.type ?? a.device
      domain.devices.push(kind ? `${tag.name}[${kind}]` : tag.name)
    }
    if (tag.name === 'target' && path.at(-2) === 'devices' && a.type && path.at(-1) === 'console')
      domain.devices[domain.devices.length - 1] += `→${a.type}`
    path.push(tag.name)
  })
  parser.on('text', (text) => {
    if (path.at(-1) === 'model' && path.at(-2) === 'cpu') domain.cpuModel = text.trim()
    if (path.at(-1) === 'emulator') domain.emulator = text.trim()
  })
  parser.on('closetag', () => path.pop())
  parser.write(xml).close()
  return domain
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Deletes every server and image of the run, then checks that none is left; what survives is an
 * InfrastructureError naming it. Also what the post step runs.
 */
export async function deleteRun(run: CloudRun): Promise<string[]> {
  const cli = new OpenstackCli(run)
  const found = await findRun(cli, run.runId)
  const servers = found.filter((r) => r.kind === 'server').map((r) => r.id)
  const images = found.filter((r) => r.kind === 'image').map((r) => r.id)
  if (servers.length > 0) await cli.quiet(['server', 'delete', '--wait', ...servers])
  if (images.length > 0) await cli.quiet(['image', 'delete', ...images])
  const left = await findRun(cli, run.runId)
  if (left.length > 0)
    throw new InfrastructureError(
      `resources of run ${run.runId} survived their deletion on cloud ${run.cloud}: ${left.map((r) => `${r.kind} ${r.name} (${r.id})`).join(', ')}`,
    )
  return found.map((r) => `${r.kind} ${r.name}`)
}

/** The run's servers (by name prefix), images (by property) and ports (by the servers' ids). */
async function findRun(
  cli: OpenstackCli,
  runId: string,
): Promise<{ kind: string; id: string; name: string }[]> {
  const servers = (
    await cli.json<{ ID: string; Name: string }[]>(['server', 'list', '--name', `^${runId}`])
  ).filter((s) => s.Name.startsWith(runId))
  const images = await cli.json<{ ID: string; Name: string }[]>([
    'image',
    'list',
    '--property',
    `${RUN_PROPERTY}=${runId}`,
  ])
  const ports = (
    await Promise.all(
      servers.map((s) => cli.json<{ ID: string; Name: string }[]>(['port', 'list', '--device-id', s.ID])),
    )
  ).flat()
  return [
    ...servers.map((s) => ({ kind: 'server', id: s.ID, name: s.Name })),
    ...images.map((i) => ({ kind: 'image', id: i.ID, name: i.Name })),
    ...ports.map((p) => ({ kind: 'port', id: p.ID, name: p.Name })),
  ]
}

export function openstackLauncher(config: OpenstackLauncherOptions): Launcher {
  return {
    name: 'openstack',
    tools: ['openstack'],
    async launch(options, resultsDir) {
      const cli = new OpenstackCli(config)
      const run: CloudRun = {
        runId: config.runId,
        cloud: config.cloud,
        ...(config.configFile ? { configFile: config.configFile } : {}),
      }
      config.remember(run)
      let result: BootResult
      try {
        result = await bootOnNova(cli, config, options, resultsDir)
      } catch (error) {
        // The boot's own error is the one to report; the post step retries the deletion.
        await deleteRun(run).then(
          (deleted) => options.log?.info(`Deleted on cloud ${config.cloud}: ${deleted.join(', ')}`),
          (cleanup: Error) => options.log?.warning(cleanup.message),
        )
        throw error
      }
      const deleted = await deleteRun(run)
      options.log?.info(`Deleted on cloud ${config.cloud}: ${deleted.join(', ')}`)
      return result
    },
  }
}

async function uploadImages(
  cli: OpenstackCli,
  config: OpenstackLauncherOptions,
  options: BootOptions,
): Promise<string> {
  const tag = ['--property', `${RUN_PROPERTY}=${config.runId}`]
  const kernel = await cli.json<{ id: string }>([
    'image', 'create', '--disk-format', 'aki', '--container-format', 'aki',
    '--file', options.kernel, ...tag, `${config.runId}-kernel`,
  ]) // prettier-ignore
  const ramdisk = await cli.json<{ id: string }>([
    'image', 'create', '--disk-format', 'ari', '--container-format', 'ari',
    '--file', options.initrd, ...tag, `${config.runId}-ramdisk`,
  ]) // prettier-ignore
  // The machine image: an empty disk; the generated init runs from the initramfs.
  const disk = join(config.work, 'machine.img')
  writeFileSync(disk, Buffer.alloc(1024 * 1024))
  const properties = [
    `kernel_id=${kernel.id}`,
    `ramdisk_id=${ramdisk.id}`,
    `os_command_line=${kernelCommandLine(options.kernelArgs)}`,
    ...DEFAULT_IMAGE_PROPERTIES,
    ...config.imageProperties,
  ]
  const machine = await cli.json<{ id: string }>([
    'image', 'create', '--disk-format', 'raw', '--container-format', 'bare', '--file', disk,
    ...tag, ...properties.flatMap((p) => ['--property', p]), `${config.runId}-machine`,
  ]) // prettier-ignore
  return machine.id
}

async function bootOnNova(
  cli: OpenstackCli,
  config: OpenstackLauncherOptions,
  options: BootOptions,
  resultsDir: string,
): Promise<BootResult> {
  const image = await uploadImages(cli, config, options)
  let stopped = false
  const session = new ConsoleSession(options, () => {
    stopped = true
  })
  const started = performance.now()
  const placement = [
    ...(config.availabilityZone ? ['--availability-zone', config.availabilityZone] : []),
    ...(config.host ? ['--host', config.host] : []),
  ]
  const argv = [
    // Compute API 2.74: --host, and --nic none (which the client's default 2.1 turns into an error).
    '--os-compute-api-version', '2.74', 'server', 'create', '--image', image, '--flavor', config.flavor,
    ...(config.network === 'none' ? ['--nic', 'none'] : ['--network', config.network]),
    ...placement, '--property', `${RUN_PROPERTY}=${config.runId}`, config.runId,
  ] // prettier-ignore
  writeFileSync(join(resultsDir, 'qemu-command.txt'), ['openstack', ...argv].join(' ') + '\n')
  let server = await cli.json<Server>(argv, options.signal)
  const deadline = Date.now() + options.bootTimeoutMs
  let active: number | undefined
  let lines = 0
  let consoleText = ''
  let polls = 0
  let timedOut = false
  let gone = false
  for (;;) {
    if (options.signal?.aborted) throw new InfrastructureError('cancelled: the guest was stopped')
    if (active === undefined || polls % 3 === 0 || session.timeline.ready !== undefined) {
      server = await cli.json<Server>(['server', 'show', server.id], options.signal)
      if (server.status === 'ERROR')
        throw new InfrastructureError(
          `nova put server ${config.runId} in ERROR: ${server.fault?.message ?? 'no fault message'}`,
        )
      if (active === undefined && server.status === 'ACTIVE') {
        active = performance.now() - started
        await recordDomain(config, server, resultsDir)
      }
      if (active !== undefined && server.status === 'SHUTOFF') gone = true
    }
    if (active !== undefined) {
      consoleText = await cli.text(['console', 'log', 'show', server.id])
      const all = consoleText.split('\n')
      // The last line may still be growing: feed complete lines only, until the guest is gone.
      for (const line of all.slice(lines, gone ? all.length : all.length - 1)) session.feed(line)
      lines = gone ? all.length : all.length - 1
    }
    polls++
    if (stopped || gone) break
    if (Date.now() > deadline) {
      timedOut = true
      break
    }
    await delay(config.pollMs ?? 1000)
  }
  writeFileSync(options.consoleLog, consoleText)
  const end = performance.now() - started
  const times = { create: 0, active, ready: session.timeline.ready, end }
  writeFileSync(join(resultsDir, 'nova-timeline.json'), JSON.stringify(times, null, 2) + '\n')
  nova(config.summary, times)
  return session.finish(['openstack', ...argv], () =>
    timedOut
      ? new TestFailure(
          `guest did not reach its ready marker within ${formatDuration(options.bootTimeoutMs)}${active === undefined ? ` (the server never became ACTIVE: ${server.status})` : ''}`,
        )
      : new TestFailure(`guest stopped before its ready marker (server ${server.status})`),
  )
}

/** nova's domain: from the compute node's libvirt when it is local, else the server's details. */
async function recordDomain(
  config: OpenstackLauncherOptions,
  server: Server,
  resultsDir: string,
): Promise<void> {
  const name = server['OS-EXT-SRV-ATTR:instance_name']
  const rows: [string, string][] = [
    ['Compute host', server['OS-EXT-SRV-ATTR:host'] ?? 'not shown (not an admin)'],
    ['Instance', name ?? 'not shown (not an admin)'],
  ]
  writeFileSync(join(resultsDir, 'server.json'), JSON.stringify(server, null, 2) + '\n')
  if (config.libvirtUri && name) {
    const xml = await new Virsh(config.libvirtUri).dumpxml(name)
    if (xml) {
      writeFileSync(join(resultsDir, 'domain.xml'), xml)
      const domain = parseDomain(xml)
      rows.push(
        ['Architecture', domain.arch ?? ''],
        ['Machine', domain.machine ?? ''],
        ['Emulator', domain.emulator ?? ''],
        ['CPU', [domain.cpuMode, domain.cpuModel].filter(Boolean).join(' ')],
        ['Devices', domain.devices.join(', ')],
      )
    } else rows.push(['Domain', `not found on ${config.libvirtUri}: the compute node is not local`])
  }
  config.summary.heading('nova’s domain', 3).table(['Property', 'Value'], rows, 'domain.xml and server.json')
}

function nova(
  summary: Summary,
  times: { create: number; active: number | undefined; ready: number | undefined; end: number },
): void {
  const at = (ms: number | undefined): string => (ms === undefined ? 'never' : formatDuration(ms))
  summary.heading('Through nova', 3).table(
    ['Event', 'At'],
    [
      ['server create', at(times.create)],
      ['ACTIVE', at(times.active)],
      ['ready marker (console-log API)', at(times.ready)],
      ['end', at(times.end)],
    ],
  )
}
