/** build-kernel: the AlmaLinux 9 kernel rebuilt with the KVM hypervisor for ppc64le. */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ConfigurationError, defineAction, input } from '../action/index.js'
import { postCleanUp } from '../action/cleanup.js'
import { requireBuildTools } from '../rpm/builder.js'
import {
  REBUILD_COLUMNS,
  rebuildRow,
  recipeSources,
  runRebuildStep,
  skippedBuildSummary,
} from '../steps/rebuild.js'
import { autopatchInput, builderInputs, rebuildInputs, srpmSourceInput } from '../steps/rpm-inputs.js'
import type { RebuildResult } from '../rpm/rebuild.js'
import type { Summary } from '../report/summary.js'
import { applyKernelOptions, checkKernelRpms, type ConfigFileReport } from './checks.js'
import { formatOption, KVM_PROFILE, mergeOptions, parseFragment, ppc64leConfigs } from './config.js'
import { kconfigCheck, srpmKernelTarball } from './kconfig-step.js'
import { kernelSourceDigest } from './kconfig.js'
import { keepKvmInModules, KVM_ARCH, type KvmPackage, packageKvmSeparately } from './kvm-package.js'
import { type KernelSpecValidation, validateKernelSpec } from './validate.js'
import {
  disableSigning,
  type ModuleSigning,
  SIGNING_KEY_MACRO,
  signingKeyFingerprint,
  useSigningKey,
} from './signing.js'
import { type AppliedEdit, builtInEdit } from '../rpm/autopatch/apply.js'
import { editSpecFile } from '../rpm/spec.js'

/**
 * The kernel spec's build switches per profile: `fast` validates the KVM build in the least time
 * (base variant only, no debug kernel or debuginfo, no kABI check); `full` is the release build.
 */
export function kernelBuildSwitches(profile: 'fast' | 'full'): { with: string[]; without: string[] } {
  return profile === 'fast'
    ? { with: ['baseonly'], without: ['debug', 'debuginfo', 'kabichk'] }
    : { with: [], without: [] }
}

export const buildKernel = defineAction({
  name: 'build-kernel',
  title: 'Build kernel',
  description:
    'Rebuild the AlmaLinux 9 kernel source RPM with the KVM hypervisor (KVM-HV) enabled for ppc64le.',
  inputs: {
    srpm: srpmSourceInput({
      description: 'The kernel source RPM: path, URL, exact version, or `latest`.',
      required: true,
    }),
    'repository-url': input.url({
      description: 'The source repository for `latest` and exact versions (the folder holding repodata/).',
      default: 'https://repo.almalinux.org/almalinux/9/BaseOS/Source',
    }),
    'kvm-profile': input.boolean({
      description:
        'Apply the KVM profile (KVM_BOOK3S_64=m, KVM_BOOK3S_64_HV=m, KVM_BOOK3S_64_PR off, KVM_XICS=y, HV timing options off) to every ppc64le config.',
      default: 'true',
    }),
    'config-fragments': input.list({
      description:
        'Extra kernel config fragments (files of `CONFIG_X=y` / `# CONFIG_X is not set` lines), applied after the profile.',
    }),
    'kernel-source': input.path({
      description:
        'A kernel source tree or tarball for the Kconfig check; by default the SRPM’s own linux-*.tar.xz.',
      mustExist: 'any',
    }),
    'kconfig-check': input.boolean({
      description:
        'Run the kernel’s olddefconfig (ARCH=powerpc, config step only) on every changed config and fail before the build if Kconfig would drop a requested option.',
      default: 'true',
    }),
    autopatch: autopatchInput('Recipes applied to the kernel after the config changes.'),
    buildid: input.string({
      description:
        'The spec’s buildid, placed before the dist tag so the rebuild sorts above the stock kernel.',
      default: '.kvm1',
      pattern: /^\.[A-Za-z0-9_]+$/,
      accepted: 'a dot followed by letters, digits or underscores, such as .kvm1',
    }),
    'build-profile': input.oneOf({
      description:
        '`fast` (base variant only, no debug kernel, no kABI check) for validation; `full` for releases.',
      values: ['fast', 'full'],
      default: 'fast',
    }),
    'kvm-package': input.oneOf({
      description:
        '`subpackage`: kvm.ko and kvm-hv.ko in kernel-kvm, made by the spec’s kernel_kvm_package macro as AlmaLinux does; `modules`: they stay in kernel-modules.',
      values: ['subpackage', 'modules'],
      default: 'subpackage',
    }),
    'module-signing': input.oneOf({
      description:
        '`auto` leaves the spec’s signing as it is; `off` turns kernel and module signing off; `keys` signs modules with module-signing-key (the key stays out of the source RPM).',
      values: ['auto', 'off', 'keys'],
      default: 'auto',
    }),
    'module-signing-key': input.path({
      description:
        'With module-signing: keys, a PEM file with the private key and its certificate (the form of certs/signing_key.pem), such as a secret written to $RUNNER_TEMP.',
      mustExist: 'file',
    }),
    ...builderInputs,
    ...rebuildInputs,
    'results-dir': input.path({
      description: 'Where build logs and RPMs are written.',
      default: 'kvm-actions-results/build-kernel',
      insideWorkspace: true,
    }),
  },
  outputs: {
    'source-nvr': 'NVR of the kernel source RPM that was rebuilt.',
    nvr: 'NVR of the rebuilt kernel.',
    kverrel:
      'The kernel release string of the build (version-release.arch), as in /lib/modules; empty when build is false.',
    vmlinux: 'Path of the kernel image inside the kernel-core RPM; empty when build is false.',
    rpms: 'JSON list of the built RPM paths (binary and source).',
    'rpm-dir': 'Folder holding the built RPMs.',
    'cache-hit': 'true when an identical build was restored from the cache instead of built.',
    'config-report': 'JSON: per ppc64le config file, each option changed with its stock and new value.',
    'results-dir': 'Absolute path of the folder with build logs and RPMs.',
    'module-signing-cert':
      'With module-signing: keys, the SHA-256 fingerprint of the certificate the modules are signed with.',
  },
  async main(ctx) {
    const { inputs, setOutput, summary } = ctx
    requireBuildTools(inputs.builder)
    const options = mergeOptions([
      ...(inputs.kvmProfile ? KVM_PROFILE : []),
      ...inputs.configFragments.flatMap((file) => {
        const path = resolve(ctx.workspace, file)
        if (!existsSync(path)) {
          throw new ConfigurationError(
            `Input 'config-fragments' names ${file}, which does not exist; expected files of CONFIG_X=value lines`,
          )
        }
        return parseFragment(readFileSync(path, 'utf8'), file)
      }),
    ])
    if (inputs.moduleSigning === 'keys' && !inputs.moduleSigningKey) {
      throw new ConfigurationError(
        "Input 'module-signing-key' is required when module-signing is keys; expected a PEM file with the private key and its certificate",
      )
    }
    const signingKey =
      inputs.moduleSigning === 'keys' && inputs.moduleSigningKey
        ? { path: inputs.moduleSigningKey, fingerprint: await signingKeyFingerprint(inputs.moduleSigningKey) }
        : undefined
    let configReport: ConfigFileReport[] = []
    let validation: KernelSpecValidation | undefined
    let result: RebuildResult
    const switches = kernelBuildSwitches(inputs.buildProfile)
    try {
      result = await runRebuildStep(ctx, {
        package: 'kernel',
        source: inputs.srpm,
        upstreamKeys: inputs.upstreamKeys,
        repositoryUrl: inputs.repositoryUrl,
        recipes: recipeSources(inputs.autopatch, ctx.workspace, 'autopatch'),
        release: { kind: 'buildid', value: inputs.buildid },
        builder: inputs.builder,
        mockConfig: inputs.mockConfig,
        ...switches,
        target: KVM_ARCH,
        timeoutMs: inputs.buildTimeout,
        ccache: inputs.ccache,
        resultsDir: inputs.resultsDir,
        expectations: [],
        ...(signingKey
          ? { defines: { [SIGNING_KEY_MACRO]: signingKey.path }, bindMounts: [dirname(signingKey.path)] }
          : {}),
        prepare: async (tree, spec) => {
          const sources = join(tree, 'SOURCES')
          const builtIn = [
            ...kvmPackageEdit(spec, sources, inputs.kvmPackage),
            ...signingEdit(spec, inputs.moduleSigning),
          ]
          const kernelSource = inputs.kernelSource ?? srpmKernelTarball(sources)
          configReport = applyKernelOptions(sources, options)
          if (!inputs.kconfigCheck) return builtIn
          if (!kernelSource) {
            ctx.annotate(
              'warning',
              'Kconfig check skipped: the SRPM has no linux-*.tar.xz and no kernel-source was given.',
            )
            return builtIn
          }
          await kconfigCheck(kernelSource, ppc64leConfigs(sources), configReport, options, ctx.log)
          return builtIn
        },
        finish: async (tree, spec, defines, resultsDir) => {
          validation = await validateKernelSpec(spec, basename(spec), {
            sourcesDir: join(tree, 'SOURCES'),
            evaluation: { defines, ...switches },
            kvmPackage: inputs.kvmPackage,
            resultsDir,
          })
          ctx.log.info(validation.summary)
        },
        keyFiles: {
          'config-fragments': inputs.configFragments.map((file) => resolve(ctx.workspace, file)),
        },
        keyExtra: {
          options,
          // The tree the Kconfig check reads (the SRPM's own tarball is covered by its checksum).
          kernelSource:
            inputs.kconfigCheck && inputs.kernelSource ? kernelSourceDigest(inputs.kernelSource) : undefined,
          kvmPackage: inputs.kvmPackage,
          moduleSigning: inputs.moduleSigning,
          signingKey: signingKey?.fingerprint,
        },
        skipBuild: !inputs.build,
      })
    } finally {
      // Written whether or not the build ran: a Kconfig failure is explained by this table.
      writeConfigTable(summary, configReport)
    }
    const kernel = result.skippedCommand
      ? undefined
      : await checkKernelRpms(result.rpms, options, inputs.kvmProfile, inputs.kvmPackage)
    setOutput('source-nvr', result.sourceNvr)
    setOutput('nvr', kernel?.nvr ?? result.builtNvr)
    setOutput('kverrel', kernel?.kverrel ?? '')
    setOutput('vmlinux', kernel?.vmlinux ?? '')
    setOutput(
      'rpms',
      result.rpms.map((rpm) => rpm.path),
    )
    setOutput('rpm-dir', result.rpmDir)
    setOutput('cache-hit', result.cacheHit)
    setOutput('config-report', configReport)
    setOutput('results-dir', inputs.resultsDir)
    setOutput('module-signing-cert', signingKey?.fingerprint ?? '')
    if (validation) summary.paragraph(validation.summary)
    if (!kernel) {
      summary.table(REBUILD_COLUMNS, [rebuildRow(result)])
      skippedBuildSummary(summary, [result])
      return
    }

    summary.table(REBUILD_COLUMNS, [rebuildRow(result)])
    const builtIn = result.edits.filter((edit) => edit.type === 'built-in')
    if (builtIn.length > 0)
      summary.paragraph(builtIn.map((edit) => `${edit.target}: ${edit.detail}`).join('; '))
    if (signingKey)
      summary.paragraph(`Modules signed with the certificate SHA-256 ${signingKey.fingerprint}.`)
    if (result.cacheHit)
      summary.paragraph('The build was restored from the cache: no config changes were made in this run.')
    if (kernel.kvmModules.length > 0) {
      summary.paragraph(
        `KVM modules for ${kernel.kverrel}: ${kernel.kvmModules.map((m) => `${m.module} in ${m.package}`).join(', ')}.`,
      )
    }
  },
  post: postCleanUp,
})

/** The spec edit of a kvm-package mode, as a built-in edit for the summary. */
function kvmPackageEdit(spec: string, sources: string, mode: KvmPackage): AppliedEdit[] {
  const detail = editSpecFile(spec, (lines, name) =>
    mode === 'subpackage' ? packageKvmSeparately(lines, name, sources) : keepKvmInModules(lines, name),
  )
  return [builtInEdit(spec, 'KVM modules', detail)]
}

/** The spec edit of a module-signing mode, as a built-in edit for the summary. */
function signingEdit(spec: string, mode: ModuleSigning): AppliedEdit[] {
  if (mode === 'auto') return []
  const detail = editSpecFile(spec, (lines, name) =>
    mode === 'off' ? disableSigning(lines, name) : useSigningKey(lines, name),
  )
  return [builtInEdit(spec, 'module signing', detail)]
}

function writeConfigTable(summary: Summary, configReport: ConfigFileReport[]): void {
  if (configReport.length === 0) return
  summary.heading('Config changes', 3).table(
    ['File', 'Option', 'Stock', 'New', 'Kept by Kconfig'],
    configReport.flatMap(({ file, changes, kconfig }) =>
      changes.map((change) => {
        const finding = kconfig?.find((f) => f.name === change.name)
        return [
          file,
          `CONFIG_${change.name}`,
          change.from === undefined ? '(absent)' : formatOption({ name: change.name, value: change.from }),
          formatOption({ name: change.name, value: change.to }),
          finding ? (finding.kept ? 'yes' : `no: ${finding.reason}`) : 'not checked',
        ]
      }),
    ),
  )
}
