/** build-kernel: the AlmaLinux 9 kernel rebuilt with the KVM hypervisor for ppc64le. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineAction, input } from '../action/index.js'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { requireBuildTools } from '../rpm/builder.js'
import { autopatchInput, builderInputs, rebuildInputs, srpmSourceInput } from '../steps/rpm-inputs.js'

export const buildKernel = defineAction({
  name: 'build-kernel',
  title: 'Build kernel',
  description:
    'Rebuild the AlmaLinux 9 kernel source RPM with the KVM hypervisor (KVM-HV) enabled for ppc64le.',
  inputs: {
    srpm: srpmSourceInput({
      description:
        'The kernel source RPM: path, URL, exact version, or `latest`. Required, except for build-profile hypervisor with kernel-source and kernel-config.',
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
        'A kernel source tree or tarball for the Kconfig check and the hypervisor build (an `rpmbuild -bp` tree, or a distribution’s linux source); by default the SRPM’s own linux-*.tar.xz with the patches its %prep applies.',
      mustExist: 'any',
    }),
    'kernel-config': input.path({
      description:
        'With build-profile hypervisor: the distribution ppc64le config the build starts from; by default the SRPM’s kernel-*ppc64le*.config (not the debug one).',
      mustExist: 'file',
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
        '`fast` (base variant only, no debug kernel, no kABI check) for validation; `full` for releases; `hypervisor`: a smoke build of vmlinux and the modules a KVM host needs only, from the kernel’s tree and config with the profile applied and unneeded modules trimmed (cross-compiled off POWER), in minutes instead of hours, for boot-test-guest’s nested scenario. It makes no RPMs.',
      values: ['fast', 'full', 'hypervisor'],
      default: 'fast',
    }),
    'kvm-package': input.oneOf({
      description:
        '`subpackage`: kvm.ko and kvm-hv.ko in kernel-kvm, made by the spec’s kernel_kvm_package macro as AlmaLinux does; `modules`: they stay in kernel-modules.',
      values: ['subpackage', 'modules'],
      default: 'subpackage',
    }),
    'export-pmu-symbols': input.boolean({
      description:
        'Export the PMU save/restore functions kvm-hv.ko calls in the core kernel (switch_pmu_to_guest and switch_pmu_to_host; the kvmhv_*_pmu assembly in older trees) when the tree builds them in without EXPORT_SYMBOL_GPL, the state AlmaLinux patches its EL9 kernel for, so kvm-hv links as a module: the hypervisor build edits its tree (a kernel-source folder only in a copy), the RPM build adds a generated patch to the spec. A tree that exports them already is left as it is. `false` leaves the tree alone; kvm-hv.ko then fails at modpost, reported with the symbols it lacks.',
      default: 'true',
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
    vmlinux:
      'Path of the kernel image inside the kernel-core RPM; with build-profile hypervisor, the built vmlinux file; empty when build is false.',
    modules:
      'With build-profile hypervisor: the built modules folder (lib/modules/<release>), for boot-test-guest’s modules input.',
    'hypervisor-config':
      'With build-profile hypervisor: the config the build used (trimmed), beside config.diff.',
    rpms: 'JSON list of the built RPM paths (binary and source).',
    'rpm-dir': 'Folder holding the built RPMs.',
    'cache-hit': 'true when an identical build was restored from the cache instead of built.',
    'config-report': 'JSON: per ppc64le config file, each option changed with its stock and new value.',
    'results-dir': 'Absolute path of the folder with build logs and RPMs.',
    'module-signing-cert':
      'With module-signing: keys, the SHA-256 fingerprint of the certificate the modules are signed with.',
  },
  validate: (inputs, { workspace }) => [
    ...(!inputs.srpm && !(inputs.buildProfile === 'hypervisor' && inputs.kernelSource && inputs.kernelConfig)
      ? [
          "Input 'srpm' is required (a path, URL, exact version or latest), unless build-profile is hypervisor and kernel-source and kernel-config are given",
        ]
      : []),
    ...(inputs.kernelConfig && inputs.buildProfile !== 'hypervisor'
      ? [
          "Input 'kernel-config' is only used with build-profile hypervisor; the RPM build uses the source RPM's configs",
        ]
      : []),
    ...inputs.configFragments
      .filter((file) => !existsSync(resolve(workspace, file)))
      .map(
        (file) =>
          `Input 'config-fragments' names ${file}, which does not exist; expected files of CONFIG_X=value lines`,
      ),
    ...(inputs.moduleSigning === 'keys' && !inputs.moduleSigningKey
      ? [
          "Input 'module-signing-key' is required when module-signing is keys; expected a PEM file with the private key and its certificate",
        ]
      : []),
  ],
  async main(ctx) {
    const { inputs, setOutput, summary } = ctx
    const fragments = inputs.configFragments.map((name) => ({ name, path: resolve(ctx.workspace, name) }))
    if (inputs.buildProfile === 'hypervisor') {
      // One chunk: a second dynamic import of hypervisor.js bundled it twice.
      const { hypervisorBuildSummary, runHypervisorBuild } = await import('./hypervisor-run.js')
      const build = await runHypervisorBuild(
        {
          ...(inputs.srpm ? { srpm: inputs.srpm } : {}),
          upstreamKeys: inputs.upstreamKeys,
          repositoryUrl: inputs.repositoryUrl,
          ...(inputs.kernelSource ? { kernelSource: inputs.kernelSource } : {}),
          ...(inputs.kernelConfig ? { kernelConfig: inputs.kernelConfig } : {}),
          kvmProfile: inputs.kvmProfile,
          fragments,
          ccache: inputs.ccache,
          exportPmuSymbols: inputs.exportPmuSymbols,
          build: inputs.build,
          timeoutMs: inputs.buildTimeout,
          resultsDir: inputs.resultsDir,
        },
        { log: ctx.log, signal: ctx.signal, cache: ctx.cache, work: createWorkDir(ctx.state, 'hypervisor') },
      )
      setOutput('source-nvr', build.sourceNvr ?? '')
      setOutput('nvr', '')
      setOutput('kverrel', build.kernelRelease)
      setOutput('vmlinux', build.vmlinux)
      setOutput('modules', build.modulesDir)
      setOutput('hypervisor-config', build.config)
      setOutput('rpms', [])
      setOutput('rpm-dir', '')
      setOutput('cache-hit', false)
      setOutput('config-report', [])
      setOutput('results-dir', inputs.resultsDir)
      setOutput('module-signing-cert', '')
      hypervisorBuildSummary(summary, build)
      return
    }
    const srpm = inputs.srpm!
    requireBuildTools(inputs.builder)
    // The rebuild machinery loads after the inputs are checked: a bad input is reported at once.
    const { rebuildSummary, recipeSources, runRebuildStep } = await import('../steps/rebuild.js')
    const { buildKernelPackage, kernelBuildNotes } = await import('./build.js')
    const outcome = await buildKernelPackage(
      {
        source: srpm,
        upstreamKeys: inputs.upstreamKeys,
        repositoryUrl: inputs.repositoryUrl,
        recipes: recipeSources(inputs.autopatch, ctx.workspace, 'autopatch'),
        kvmProfile: inputs.kvmProfile,
        fragments,
        ...(inputs.kernelSource ? { kernelSource: inputs.kernelSource } : {}),
        kconfigCheck: inputs.kconfigCheck,
        buildid: inputs.buildid,
        buildProfile: inputs.buildProfile,
        kvmPackage: inputs.kvmPackage,
        exportPmuSymbols: inputs.exportPmuSymbols,
        moduleSigning: inputs.moduleSigning,
        ...(inputs.moduleSigning === 'keys' ? { moduleSigningKey: inputs.moduleSigningKey } : {}),
        builder: inputs.builder,
        mockConfig: inputs.mockConfig,
        buildTimeoutMs: inputs.buildTimeout,
        ccache: inputs.ccache,
        build: inputs.build,
        resultsDir: inputs.resultsDir,
      },
      { rebuild: (step) => runRebuildStep(ctx, step), annotate: ctx.annotate, log: ctx.log, summary },
    )
    const { result, kernel } = outcome
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
    setOutput('config-report', outcome.configReport)
    setOutput('results-dir', inputs.resultsDir)
    setOutput('module-signing-cert', outcome.signingCertificate ?? '')
    setOutput('modules', '')
    setOutput('hypervisor-config', '')
    if (outcome.validation) summary.paragraph(outcome.validation.summary)
    rebuildSummary(summary, [['kernel', result]])
    for (const note of kernelBuildNotes(outcome)) summary.paragraph(note)
  },
  post: postCleanUp,
})
