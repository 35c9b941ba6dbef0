/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */
import { resolve } from 'node:path'
import { machine } from 'node:os'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { defineAction, input } from '../action/index.js'
import { requireBuildTools } from '../rpm/builder.js'
import { autopatchInput, builderInputs, rebuildInputs, srpmSourceInput } from '../steps/rpm-inputs.js'
import { QEMU_PACKAGES, type QemuPackage } from './build.js'
import { patchSeries } from './patch-series.js'
import { parseAuthor } from './recipe.js'
import { DEVICE_BUILD_MODES } from './device-build.js'

/** `<package>-srpm` for each stack package, as for qemu-kvm and libvirt. */
function stackSrpmInputs() {
  const one = (name: string) =>
    srpmSourceInput({
      description: `The ${name} source RPM: path, URL, exact version, or \`latest\`.`,
      default: 'latest',
    })
  return {
    'virtiofsd-srpm': one('virtiofsd'),
    'libguestfs-srpm': one('libguestfs'),
    'guestfs-tools-srpm': one('guestfs-tools'),
    'supermin-srpm': one('supermin'),
    'seabios-srpm': one('seabios'),
    'virt-top-srpm': one('virt-top'),
  }
}

export const patchQemu = defineAction({
  name: 'patch-qemu',
  title: 'Patch qemu-kvm',
  description:
    'Rebuild qemu-kvm (and optionally libvirt, virtiofsd, libguestfs, guestfs-tools, supermin, seabios, virt-top) from AlmaLinux 9 source RPMs with KVM guests enabled on ppc64le.',
  inputs: {
    packages: input.list({
      description:
        'The packages to rebuild, in order: qemu-kvm, libvirt, and the rest of the stack AlmaLinux rebuilt for ppc64le (virtiofsd, libguestfs, guestfs-tools, supermin, seabios, virt-top).',
      default: 'qemu-kvm',
      item: new RegExp(`^(${QEMU_PACKAGES.join('|')})$`),
      itemAccepted: QEMU_PACKAGES.join(', '),
    }),
    'qemu-kvm-srpm': srpmSourceInput({
      description: 'The qemu-kvm source RPM: path, URL, exact version, or `latest`.',
      default: 'latest',
    }),
    'libvirt-srpm': srpmSourceInput({
      description: 'The libvirt source RPM: path, URL, exact version, or `latest`.',
      default: 'latest',
    }),
    ...stackSrpmInputs(),
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
    'device-build': input.oneOf({
      description:
        "qemu-kvm: `configure`: the QEMU tree the rebuilt spec builds (%prep, or qemu-source) is configured for ppc64-softmmu as the spec does (no default devices, its ppc64 device file): QEMU's Kconfig must resolve the file and keep every device libvirt and nova put on a ppc64 guest. `compile`: qemu-system-ppc64 is built too and boots a guest carrying those devices to its ready marker. `off`: neither.",
      values: DEVICE_BUILD_MODES,
      default: 'off',
    }),
    'qemu-source': input.path({
      description:
        "device-build: another QEMU tree to configure (a folder or a release tarball, such as Debian's qemu_<version>.orig.tar.xz), with the device file of the rebuilt spec copied in; by default the tree %prep gives.",
      mustExist: 'any',
    }),
    'device-build-kernel': input.path({
      description:
        'device-build compile: the ppc64le kernel (vmlinux) the guest boots, such as /var/cache/kvm-actions/guest-kernel/vmlinux-* that scripts/setup-host.sh fetches.',
      mustExist: 'file',
    }),
    'device-build-busybox': input.path({
      description: "device-build compile: a static ppc64le busybox for the guest's initramfs.",
      mustExist: 'file',
      default: '/var/cache/kvm-actions/guest-busybox/bin/busybox',
    }),
    'device-build-firmware': input.path({
      description:
        'device-build compile: the folder holding vof.bin for the built emulator (release tarballs carry no firmware blobs).',
      mustExist: 'directory',
      default: '/usr/share/qemu',
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
  validate: (inputs, { workspace }) => [
    ...(inputs.deviceBuild !== 'off' && !inputs.packages.includes('qemu-kvm')
      ? [
          `device-build is ${inputs.deviceBuild}, but packages does not list qemu-kvm; expected qemu-kvm among the packages, or device-build: off`,
        ]
      : []),
    ...(inputs.deviceBuild === 'compile' && !inputs.deviceBuildKernel
      ? [
          'device-build is compile, which boots a guest: expected device-build-kernel, the ppc64le vmlinux to boot',
        ]
      : []),
    ...(['qemu-kvm', 'libvirt'] as const).flatMap((name) => {
      const dir = inputs[name === 'qemu-kvm' ? 'qemuKvmPatches' : 'libvirtPatches']
      try {
        patchSeries(dir ? resolve(workspace, dir) : undefined, `${name}-patches`)
        return []
      } catch (error) {
        return [(error as Error).message]
      }
    }),
  ],
  async main(ctx) {
    const { inputs, setOutput, summary } = ctx
    requireBuildTools(inputs.builder)
    // The rebuild machinery loads after the inputs are checked: a bad input is reported at once.
    const { rebuildSummary, recipeSources, runRebuildStep } = await import('../steps/rebuild.js')
    const { patchQemuPackages, qemuBuildNotes } = await import('./build.js')
    const recipes = (entries: string[], name: string) =>
      recipeSources(entries, ctx.workspace, `${name}-autopatch`)
    const outcome = await patchQemuPackages(
      {
        packages: [...new Set(inputs.packages)] as QemuPackage[],
        settings: {
          'qemu-kvm': {
            source: inputs.qemuKvmSrpm,
            recipes: recipes(inputs.qemuKvmAutopatch, 'qemu-kvm'),
            ...(inputs.qemuKvmPatches ? { patches: inputs.qemuKvmPatches } : {}),
          },
          libvirt: {
            source: inputs.libvirtSrpm,
            recipes: recipes(inputs.libvirtAutopatch, 'libvirt'),
            ...(inputs.libvirtPatches ? { patches: inputs.libvirtPatches } : {}),
          },
          virtiofsd: { source: inputs.virtiofsdSrpm, recipes: [] },
          libguestfs: { source: inputs.libguestfsSrpm, recipes: [] },
          'guestfs-tools': { source: inputs.guestfsToolsSrpm, recipes: [] },
          supermin: { source: inputs.superminSrpm, recipes: [] },
          seabios: { source: inputs.seabiosSrpm, recipes: [] },
          'virt-top': { source: inputs.virtTopSrpm, recipes: [] },
        },
        upstreamKeys: inputs.upstreamKeys,
        repositoryUrl: inputs.repositoryUrl,
        builtInRecipe: inputs.builtInRecipe,
        releaseSuffix: inputs.releaseSuffix,
        changelogAuthor: inputs.changelogAuthor,
        builder: inputs.builder,
        mockConfig: inputs.mockConfig,
        buildTimeoutMs: inputs.buildTimeout,
        ccache: inputs.ccache,
        build: inputs.build,
        postBuildCheck: inputs.postBuildCheck,
        resultsDir: inputs.resultsDir,
        hostArch: machine(),
        ...(inputs.deviceBuild !== 'off'
          ? {
              deviceBuild: {
                mode: inputs.deviceBuild,
                ...(inputs.qemuSource ? { qemuSource: resolve(ctx.workspace, inputs.qemuSource) } : {}),
                ...(inputs.deviceBuildKernel
                  ? {
                      guest: {
                        kernel: resolve(ctx.workspace, inputs.deviceBuildKernel),
                        busybox: inputs.deviceBuildBusybox,
                        firmwareDir: inputs.deviceBuildFirmware,
                      },
                    }
                  : {}),
                timeoutMs: inputs.buildTimeout,
              },
            }
          : {}),
      },
      {
        rebuild: (step) => runRebuildStep(ctx, step),
        workDir: (p) => createWorkDir(ctx.state, p),
        log: ctx.log,
      },
    )
    const results = Object.entries(outcome.results)
    setOutput('source-nvrs', Object.fromEntries(results.map(([name, r]) => [name, r.sourceNvr])))
    setOutput('nvrs', Object.fromEntries(results.map(([name, r]) => [name, r.builtNvr])))
    setOutput(
      'rpms',
      results.flatMap(([, r]) => r.rpms.map((rpm) => rpm.path)),
    )
    setOutput(
      'cache-hit',
      results.every(([, r]) => r.cacheHit),
    )
    setOutput('qemu-kvm-path', outcome.qemuPath)
    setOutput('results-dir', inputs.resultsDir)
    rebuildSummary(summary, results)
    qemuBuildNotes(summary, outcome)
  },
  post: postCleanUp,
})
