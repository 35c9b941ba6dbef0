/** build-kernel: the AlmaLinux 9 kernel rebuilt with the KVM hypervisor for ppc64le. */
import { defineAction, input } from '../action/index.js'
import { describeArgv } from '../exec/exec.js'
import { buildCommand, builderInputs, requireBuildTools } from '../rpm/builder.js'
import { describeSource, localSourceNvr, srpmSourceInput } from '../rpm/source.js'

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
    'kvm-profile': input.boolean({
      description: 'Apply the KVM profile (KVM_BOOK3S_64=m, KVM_BOOK3S_64_HV=m, XICS on, debug timing off).',
      default: 'true',
    }),
    'config-fragments': input.list({
      description: 'Extra kernel config fragments (files of `CONFIG_X=y` / `# CONFIG_X is not set` lines).',
    }),
    buildid: input.string({
      description: 'Added to the release (the spec’s buildid) so the rebuild sorts above the stock kernel.',
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
    ...builderInputs,
    'results-dir': input.path({
      description: 'Where build logs and RPMs are written.',
      default: 'kvm-actions-results/build-kernel',
      insideWorkspace: true,
    }),
  },
  outputs: {
    'source-nvr': 'NVR of the kernel source RPM, when known before download.',
    'results-dir': 'Absolute path of the folder with build logs and RPMs.',
  },
  async main({ inputs, setOutput, summary }) {
    requireBuildTools(inputs.builder)
    const sourceNvr = await localSourceNvr(inputs.srpm)
    if (sourceNvr) setOutput('source-nvr', sourceNvr)
    setOutput('results-dir', inputs.resultsDir)
    summary.table(
      ['Setting', 'Value'],
      [
        ['Source', sourceNvr ?? describeSource(inputs.srpm)],
        ['KVM profile', inputs.kvmProfile ? 'on' : 'off'],
        ['Config fragments', inputs.configFragments.join(', ') || 'none'],
        ['Build ID', inputs.buildid],
        ['Builder', inputs.builder === 'mock' ? `mock (${inputs.mockConfig})` : 'rpmbuild'],
        ['Build profile', inputs.buildProfile],
        ['Build timeout', input.formatDuration(inputs.buildTimeout)],
      ],
    )
    const fast = inputs.buildProfile === 'fast'
    const command = buildCommand({
      builder: inputs.builder,
      mockConfig: inputs.mockConfig,
      srpm: sourceNvr ? `${sourceNvr}.src.rpm` : 'kernel.src.rpm',
      resultDir: inputs.resultsDir,
      with: fast ? ['baseonly'] : [],
      without: fast ? ['debug', 'debuginfo', 'kabichk'] : [],
      defines: { buildid: inputs.buildid },
    })
    summary.details('Build command', describeArgv(command))
  },
})
