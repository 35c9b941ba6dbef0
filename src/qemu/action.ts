/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { machine } from 'node:os'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import type { PhaseContext } from '../action/definition.js'
import { ConfigurationError } from '../action/errors.js'
import { defineAction, input } from '../action/index.js'
import type { Summary } from '../report/summary.js'
import { type AppliedEdit, applyRecipe } from '../rpm/autopatch/apply.js'
import { requireBuildTools } from '../rpm/builder.js'
import type { RebuildResult } from '../rpm/rebuild.js'
import {
  REBUILD_COLUMNS,
  rebuildRow,
  recipeSources,
  runRebuildStep,
  skippedBuildSummary,
} from '../steps/rebuild.js'
import { autopatchInput, builderInputs, rebuildInputs, srpmSourceInput } from '../steps/rpm-inputs.js'
import type { SrpmSource } from '../rpm/source.js'
import type { DevicePlan } from './devices.js'
import { type BuiltInReport, libvirtRecipe, type PackageHooks, parseAuthor, qemuKvmRecipe } from './recipe.js'
import { checkBuiltQemu } from './smoke.js'

type QemuPackage = 'qemu-kvm' | 'libvirt'

/** A folder of git format-patch files, applied in name order after the built-in edits. */
function patchSeries(dir: string | undefined, inputName: string): string[] {
  if (!dir) return []
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigurationError(`Input '${inputName}' names ${dir}, which is not a folder of .patch files`)
  }
  const patches = readdirSync(dir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
  if (patches.length === 0) {
    throw new ConfigurationError(`Input '${inputName}' names ${dir}, which holds no .patch files`)
  }
  return patches
}

async function addPatchSeries(
  tree: string,
  dir: string,
  patches: string[],
  ctx: PhaseContext,
): Promise<AppliedEdit[]> {
  return applyRecipe(
    {
      source: `patch series ${dir}`,
      parameters: { insertMarker: false, ignoreVersionMacros: false, ignoreReleaseMacros: false },
      actions: patches.map((name, index) => ({
        type: 'add_files' as const,
        fileType: 'patch' as const,
        name,
        number: 'Latest' as const,
        modifySpec: true,
        noBackup: true,
        index: index + 1,
      })),
    },
    { packageDir: tree, filesDir: dir, scriptsDir: dir, log: ctx.log },
  )
}

function deviceDiff(summary: Summary, devices: DevicePlan): void {
  const added = devices.after.filter((symbol) => !devices.before.includes(symbol))
  summary.heading('qemu-kvm ppc64 devices', 3)
  if (devices.before.length === 0) {
    summary.paragraph(
      `The tree had no ppc64-rh-devices.mak; the rebuild adds it with ${added.length} symbols: ${added.join(', ')}.`,
    )
  } else if (added.length === 0) {
    summary.paragraph(`The stock device file already enables all ${devices.before.length} wanted symbols.`)
  } else {
    summary.table(
      ['Symbol', 'Stock', 'Rebuild'],
      added.map((symbol) => [symbol, 'no', 'yes']),
    )
    summary.paragraph(
      `${devices.before.length} symbols in the stock device file, ${devices.after.length} in the rebuild.`,
    )
  }
  if (devices.unknown.length > 0) {
    summary.paragraph(`Left out, as this QEMU's Kconfig does not define them: ${devices.unknown.join(', ')}.`)
  }
}

export const patchQemu = defineAction({
  name: 'patch-qemu',
  title: 'Patch qemu-kvm',
  description:
    'Rebuild qemu-kvm (and optionally libvirt) from AlmaLinux 9 source RPMs with KVM guests enabled on ppc64le.',
  inputs: {
    packages: input.list({
      description: 'The packages to rebuild, in order.',
      default: 'qemu-kvm',
      item: /^(qemu-kvm|libvirt)$/,
      itemAccepted: 'qemu-kvm or libvirt',
    }),
    'qemu-kvm-srpm': srpmSourceInput({
      description: 'The qemu-kvm source RPM: path, URL, exact version, or `latest`.',
      default: 'latest',
    }),
    'libvirt-srpm': srpmSourceInput({
      description: 'The libvirt source RPM: path, URL, exact version, or `latest`.',
      default: 'latest',
    }),
    'repository-url': input.url({
      description: 'The source repository for `latest` and exact versions (the folder holding repodata/).',
      default: 'https://repo.almalinux.org/almalinux/9/AppStream/Source',
    }),
    'built-in-recipe': input.boolean({
      description:
        'Apply the built-in ppc64le edits: tools_only lifted, ppc64 device list, slof.bin kept (qemu-kvm); power64 in arches_qemu_kvm (libvirt).',
      default: 'true',
    }),
    'qemu-kvm-patches': input.path({
      description: 'A folder of git format-patch files added to qemu-kvm in name order.',
      mustExist: 'directory',
      insideWorkspace: true,
    }),
    'libvirt-patches': input.path({
      description: 'A folder of git format-patch files added to libvirt in name order.',
      mustExist: 'directory',
      insideWorkspace: true,
    }),
    'qemu-kvm-autopatch': autopatchInput('Recipes applied to qemu-kvm.'),
    'libvirt-autopatch': autopatchInput('Recipes applied to libvirt.'),
    'release-suffix': input.string({
      description: 'Appended to Release: so the rebuild sorts above the stock package of the same version.',
      default: '.kvm1',
      pattern: /^\.[A-Za-z0-9_.]+$/,
      accepted: 'a dot followed by letters, digits, dots or underscores, such as .kvm1',
    }),
    'changelog-author': input.custom(
      {
        description: 'The author of the changelog entry the built-in recipe adds.',
        default: 'kvm-actions <kvm-actions@users.noreply.github.com>',
      },
      'Name <email>',
      (raw) => {
        const author = parseAuthor(raw)
        if (!author) throw new input.InvalidValue()
        return author
      },
    ),
    'post-build-check': input.boolean({
      description:
        'On a ppc64le runner, unpack the built qemu-kvm-core (nothing is installed) and start a pseries KVM machine to its firmware banner.',
      default: 'true',
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
    'qemu-kvm-path':
      'The built /usr/libexec/qemu-kvm unpacked on this runner (ppc64le runners with post-build-check); empty elsewhere.',
    'results-dir': 'Absolute path of the folder with build logs and RPMs.',
  },
  async main(ctx) {
    const { inputs, setOutput, summary } = ctx
    requireBuildTools(inputs.builder)
    const packages = [...new Set(inputs.packages)] as QemuPackage[]
    const settings: Record<QemuPackage, { source: SrpmSource; recipes: string[]; patches?: string }> = {
      'qemu-kvm': {
        source: inputs.qemuKvmSrpm,
        recipes: inputs.qemuKvmAutopatch,
        ...(inputs.qemuKvmPatches ? { patches: inputs.qemuKvmPatches } : {}),
      },
      libvirt: {
        source: inputs.libvirtSrpm,
        recipes: inputs.libvirtAutopatch,
        ...(inputs.libvirtPatches ? { patches: inputs.libvirtPatches } : {}),
      },
    }
    const results: Partial<Record<QemuPackage, RebuildResult>> = {}
    const reports: Partial<Record<QemuPackage, BuiltInReport>> = {}
    for (const name of packages) {
      const pkg = settings[name]
      const recipes = recipeSources(pkg.recipes, ctx.workspace, `${name}-autopatch`)
      const series = patchSeries(pkg.patches, `${name}-patches`)
      const options = { author: inputs.changelogAuthor, log: ctx.log }
      const hooks: PackageHooks | undefined = inputs.builtInRecipe
        ? name === 'qemu-kvm'
          ? qemuKvmRecipe(options)
          : libvirtRecipe(options)
        : undefined
      if (hooks) reports[name] = hooks.report
      results[name] = await runRebuildStep(ctx, {
        package: name,
        source: pkg.source,
        sourceInput: `${name}-srpm`,
        upstreamKeys: inputs.upstreamKeys,
        repositoryUrl: inputs.repositoryUrl,
        recipes,
        release: { kind: 'suffix', value: inputs.releaseSuffix },
        builder: inputs.builder,
        mockConfig: inputs.mockConfig,
        // The hypervisor stack is for POWER whatever builds it: rpmbuild on another host cross-targets.
        target: 'ppc64le',
        timeoutMs: inputs.buildTimeout,
        ccache: inputs.ccache,
        resultsDir: inputs.resultsDir,
        expectations: [],
        prepare: async (tree, spec, defines) => [
          ...((await hooks?.prepare(tree, spec, defines)) ?? []),
          ...(pkg.patches ? await addPatchSeries(tree, resolve(pkg.patches), series, ctx) : []),
        ],
        ...(hooks ? { finish: hooks.finish } : {}),
        skipBuild: !inputs.build,
        ...(pkg.patches ? { keyFiles: { [`${name}-patches`]: [resolve(pkg.patches)] } } : {}),
        keyExtra: {
          builtInRecipe: inputs.builtInRecipe ? 'ppc64le-1' : false,
          author: inputs.changelogAuthor,
          patches: series,
        },
      })
    }

    let qemuPath = ''
    const core = results['qemu-kvm']?.rpms.find(
      (rpm) => rpm.name === 'qemu-kvm-core' && rpm.arch === 'ppc64le',
    )
    if (inputs.postBuildCheck && core && machine() === 'ppc64le') {
      const check = await checkBuiltQemu(
        core.path,
        join(createWorkDir(ctx.state, 'qemu-kvm-check'), 'root'),
        {
          log: ctx.log,
        },
      )
      qemuPath = check.binary
      summary.paragraph(
        `Post-build check: ${check.binary} lists pseries and reached the firmware banner (${check.banner}).`,
      )
    } else if (inputs.postBuildCheck && results['qemu-kvm']) {
      summary.paragraph(
        core
          ? `Post-build check not run: it needs a ppc64le runner, and this one is ${machine()}.`
          : 'Post-build check not run: no ppc64le qemu-kvm-core was built (the builder targets another architecture).',
      )
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
    setOutput('qemu-kvm-path', qemuPath)
    setOutput('results-dir', inputs.resultsDir)
    summary.table(
      ['Package', ...REBUILD_COLUMNS],
      Object.entries(results).map(([name, r]) => [name, ...rebuildRow(r)]),
    )
    const edits = all.flatMap((r) => r.edits)
    if (edits.length > 0) {
      summary.details(
        'Edits applied',
        edits
          .map((e) =>
            e.type === 'built-in'
              ? `built-in ${e.target}: ${e.detail}`
              : `#${e.index} ${e.type} ${e.target}: ${e.detail}`,
          )
          .join('\n'),
      )
    }
    skippedBuildSummary(summary, all)
    const devices = reports['qemu-kvm']?.devices
    if (devices) deviceDiff(summary, devices)
  },
  post: postCleanUp,
})
