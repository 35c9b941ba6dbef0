/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */
import { postCleanUp } from '../action/cleanup.js'
import { defineAction, input } from '../action/index.js'
import { builderInputs, requireBuildTools } from '../rpm/builder.js'
import type { RebuildResult } from '../rpm/rebuild.js'
import {
  autopatchInput,
  REBUILD_COLUMNS,
  rebuildInputs,
  rebuildRow,
  recipeSources,
  runRebuildStep,
} from '../rpm/rebuild-step.js'
import { srpmSourceInput } from '../rpm/source.js'

export const patchQemu = defineAction({
  name: 'patch-qemu',
  title: 'Patch qemu-kvm',
  description:
    'Rebuild qemu-kvm (and optionally libvirt) from AlmaLinux 9 source RPMs with KVM guests enabled on ppc64le.',
  inputs: {
    'qemu-kvm-srpm': srpmSourceInput({
      description: 'The qemu-kvm source RPM: path, URL, exact version, or `latest`.',
      required: true,
    }),
    'libvirt-srpm': srpmSourceInput({
      description:
        'The libvirt source RPM to rebuild with the QEMU driver on ppc64le; empty to leave libvirt alone.',
    }),
    'repository-url': input.url({
      description: 'The source repository for `latest` and exact versions (the folder holding repodata/).',
      default: 'https://repo.almalinux.org/almalinux/9/AppStream/Source',
    }),
    'qemu-kvm-autopatch': autopatchInput('Recipes applied to qemu-kvm.'),
    'libvirt-autopatch': autopatchInput('Recipes applied to libvirt.'),
    'release-suffix': input.string({
      description: 'Appended to Release: so the rebuild sorts above the stock package of the same version.',
      default: '.kvm1',
      pattern: /^\.[A-Za-z0-9_.]+$/,
      accepted: 'a dot followed by letters, digits, dots or underscores, such as .kvm1',
    }),
    ...builderInputs,
    ...rebuildInputs,
    'results-dir': input.path({
      description: 'Where build logs and RPMs are written, one folder per package.',
      default: 'kvm-actions-results/patch-qemu',
      insideWorkspace: true,
    }),
  },
  outputs: {
    'source-nvrs': 'JSON object: package name to the NVR of the source RPM rebuilt.',
    nvrs: 'JSON object: package name to the NVR of the rebuild.',
    rpms: 'JSON list of every built RPM path (binary and source), all packages.',
    'cache-hit': 'true when every package was restored from the cache instead of built.',
    'results-dir': 'Absolute path of the folder with build logs and RPMs.',
  },
  async main(ctx) {
    const { inputs, setOutput, summary } = ctx
    requireBuildTools(inputs.builder)
    const packages = [
      {
        name: 'qemu-kvm',
        source: inputs.qemuKvmSrpm,
        recipes: inputs.qemuKvmAutopatch,
        input: 'qemu-kvm-autopatch',
      },
      ...(inputs.libvirtSrpm
        ? [
            {
              name: 'libvirt',
              source: inputs.libvirtSrpm,
              recipes: inputs.libvirtAutopatch,
              input: 'libvirt-autopatch',
            },
          ]
        : []),
    ]
    const results: Record<string, RebuildResult> = {}
    for (const pkg of packages) {
      results[pkg.name] = await runRebuildStep(ctx, {
        package: pkg.name,
        source: pkg.source,
        repositoryUrl: inputs.repositoryUrl,
        recipes: recipeSources(pkg.recipes, ctx.workspace, pkg.input),
        release: { kind: 'suffix', value: inputs.releaseSuffix },
        builder: inputs.builder,
        mockConfig: inputs.mockConfig,
        timeoutMs: inputs.buildTimeout,
        ccache: inputs.ccache,
        resultsDir: inputs.resultsDir,
        expectations: [],
      })
    }
    const all = Object.values(results)
    const byPackage = (pick: (result: RebuildResult) => string) =>
      Object.fromEntries(Object.entries(results).map(([name, result]) => [name, pick(result)]))
    setOutput(
      'source-nvrs',
      byPackage((r) => r.sourceNvr),
    )
    setOutput(
      'nvrs',
      byPackage((r) => r.builtNvr),
    )
    setOutput(
      'rpms',
      all.flatMap((r) => r.rpms.map((rpm) => rpm.path)),
    )
    setOutput(
      'cache-hit',
      all.every((r) => r.cacheHit),
    )
    setOutput('results-dir', inputs.resultsDir)
    summary.table(
      ['Package', ...REBUILD_COLUMNS],
      Object.entries(results).map(([name, r]) => [name, ...rebuildRow(r)]),
    )
    const edits = all.flatMap((r) => r.edits)
    if (edits.length > 0) {
      summary.details(
        'Recipe edits',
        edits.map((e) => `#${e.index} ${e.type} ${e.target}: ${e.detail}`).join('\n'),
      )
    }
  },
  post: postCleanUp,
})
