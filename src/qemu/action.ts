/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */
import { defineAction, input } from '../action/index.js'
import { builderInputs, requireBuildTools } from '../rpm/builder.js'
import { describeSource, localSourceNvr, srpmSourceInput } from '../rpm/source.js'

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
    'release-suffix': input.string({
      description: 'Appended to Release: so the rebuild sorts above the stock package of the same version.',
      default: '.kvm1',
      pattern: /^\.[A-Za-z0-9_.]+$/,
      accepted: 'a dot followed by letters, digits, dots or underscores, such as .kvm1',
    }),
    ...builderInputs,
  },
  outputs: {
    'source-nvrs': 'JSON object: package name to source NVR, for the source RPMs known before download.',
  },
  async main({ inputs, setOutput, summary }) {
    requireBuildTools(inputs.builder)
    const sources = {
      'qemu-kvm': inputs.qemuKvmSrpm,
      ...(inputs.libvirtSrpm ? { libvirt: inputs.libvirtSrpm } : {}),
    }
    const rows: string[][] = []
    const nvrs: Record<string, string> = {}
    for (const [name, source] of Object.entries(sources)) {
      const nvr = await localSourceNvr(source)
      if (nvr) nvrs[name] = nvr
      rows.push([name, nvr ?? describeSource(source), inputs.releaseSuffix])
    }
    setOutput('source-nvrs', nvrs)
    summary.table(['Package', 'Source', 'Release suffix'], rows)
    const builder = inputs.builder === 'mock' ? `mock (${inputs.mockConfig})` : 'rpmbuild'
    summary.paragraph(`Builder: ${builder}, timeout ${input.formatDuration(inputs.buildTimeout)}.`)
  },
})
