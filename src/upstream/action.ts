/** check-upstream: has AlmaLinux published something the published repository has not rebuilt yet? */
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { defineAction, input } from '../action/index.js'
import { upstreamKeysInput } from '../steps/rpm-inputs.js'

export const checkUpstream = defineAction({
  name: 'check-upstream',
  title: 'Check upstream',
  description:
    'Compare the AlmaLinux repositories with the published repository and say what needs rebuilding.',
  inputs: {
    packages: input.list({
      description: 'Source package names to watch.',
      default: 'kernel, qemu-kvm, libvirt',
      item: /^[A-Za-z0-9._+-]+$/,
      itemAccepted: 'package names',
    }),
    'upstream-url': input.list({
      description: 'The upstream source repositories (folders holding repodata/); file:// works.',
      default:
        'https://repo.almalinux.org/almalinux/9/BaseOS/Source, https://repo.almalinux.org/almalinux/9/AppStream/Source',
      item: /^(https?|file):\/\/\S+$/,
      itemAccepted: 'http(s):// or file:// URLs',
    }),
    'published-url': input.url({
      description: 'The published repository whose contents are the state (a folder holding repodata/).',
      required: true,
    }),
    force: input.boolean({
      description: 'Report `changed: true` whatever the repositories say.',
      default: 'false',
    }),
    'upstream-keys': upstreamKeysInput(),
  },
  outputs: {
    changed:
      'true when any watched package has an upstream version without a published rebuild (or force is set).',
    packages:
      'JSON list, per package: name, upstream (newest NEVR), url, sha256, published (the rebuild of it, or null), changed.',
  },
  async main({ inputs, setOutput, summary, signal, annotate, state }) {
    const { checkUpstreamRepositories } = await import('./check.js')
    const { statuses, unsigned } = await checkUpstreamRepositories(
      {
        packages: inputs.packages,
        upstreamUrls: inputs.upstreamUrl,
        publishedUrl: inputs.publishedUrl,
        force: inputs.force,
        upstreamKeys: inputs.upstreamKeys,
      },
      { signal, annotate, workDir: (prefix) => createWorkDir(state, prefix) },
    )
    setOutput('packages', statuses)
    setOutput(
      'changed',
      statuses.some((s) => s.changed),
    )
    if (unsigned.length > 0)
      summary.paragraph(
        `No repomd.xml.asc at ${unsigned.join(', ')}: the metadata is trusted through its checksums, and each source RPM's signature is checked when it is built.`,
      )
    summary.table(
      ['Package', 'Upstream', 'Published rebuild', 'Changed'],
      statuses.map((s) => [
        s.name,
        s.upstream ?? '(not found)',
        s.published ?? '—',
        s.changed ? 'yes' : 'no',
      ]),
    )
    if (inputs.force) summary.paragraph('`force` is set: every package counts as changed.')
  }, // The key files and signature checks are made in work folders, removed here.
  async post(ctx) {
    await postCleanUp(ctx)
  },
})
