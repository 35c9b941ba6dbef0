/** Builder inputs shared by the actions that rebuild a source RPM (build-kernel, patch-qemu). */
import { duration, oneOf, string } from '../action/inputs.js'
import { requireTools } from '../exec/tools.js'

export const BUILDERS = ['mock', 'rpmbuild'] as const
export type Builder = (typeof BUILDERS)[number]

export const builderInputs = {
  builder: oneOf({
    description:
      'How to build: `mock` (clean chroot, needs an EL or POWER host) or `rpmbuild` on the runner itself.',
    values: BUILDERS,
    default: 'mock',
  }),
  'mock-config': string({
    description: 'The mock configuration used when builder is mock.',
    default: 'almalinux-9-ppc64le',
    pattern: /^[A-Za-z0-9._+-]+$/,
    accepted: 'a mock configuration name such as almalinux-9-ppc64le',
  }),
  'build-timeout': duration({
    description: 'Stop the build (and everything it started) after this long.',
    default: '8h',
    max: 48 * 3_600_000,
  }),
}

/** The programs a build with this builder needs, resolved now so a missing one fails early. */
export function requireBuildTools(builder: Builder): Record<string, string> {
  return requireTools(builder === 'mock' ? ['rpm', 'mock'] : ['rpm', 'rpmbuild', 'rpmspec'])
}

export interface BuildRequest {
  builder: Builder
  mockConfig: string
  srpm: string
  resultDir: string
  /** Build conditionals: `--with X` / `--without X`. */
  with?: string[]
  without?: string[]
  defines?: Record<string, string>
  /** Limits rpmbuild's parallel make (`_smp_build_ncpus`); defaults to the runner's CPU count. */
  jobs?: number
}

/** The exact argv of the build: what runs, and what tests and summaries show. */
export function buildCommand(request: BuildRequest): string[] {
  const conditionals = [
    ...(request.with ?? []).flatMap((name) => ['--with', name]),
    ...(request.without ?? []).flatMap((name) => ['--without', name]),
  ]
  const defines = Object.entries({
    ...(request.jobs ? { _smp_build_ncpus: String(request.jobs) } : {}),
    ...request.defines,
  }).flatMap(([name, value]) => ['--define', `${name} ${value}`])
  if (request.builder === 'mock') {
    return [
      'mock',
      '-r',
      request.mockConfig,
      '--resultdir',
      request.resultDir,
      ...conditionals,
      ...defines,
      '--rebuild',
      request.srpm,
    ]
  }
  return [
    'rpmbuild',
    '--define',
    `_topdir ${request.resultDir}`,
    ...conditionals,
    ...defines,
    '--rebuild',
    request.srpm,
  ]
}
