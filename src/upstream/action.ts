/** check-upstream: has AlmaLinux published something the published repository has not rebuilt yet? */
import { defineAction, InfrastructureError, input } from '../action/index.js'
import { readRepository, type RepoPackage } from '../repodata/primary.js'
import { comparePackages } from './compare.js'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { readUrl } from '../net/download.js'
import { resolveUpstreamKeys, verifyRepomdSignature } from '../rpm/upstream-keys.js'
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
    const keys =
      inputs.upstreamKeys.kind === 'keys'
        ? await resolveUpstreamKeys(inputs.upstreamKeys, createWorkDir(state, 'keys'))
        : undefined
    if (!keys)
      annotate('warning', "upstream-keys is 'none': the upstream metadata signatures were not checked")
    const unsigned: string[] = []
    // A repository that signs its metadata must sign it with an upstream key.
    const checkRepomd = async (repomd: Buffer, repomdUrl: string) => {
      if (!keys) return
      const signature = await readUrl(`${repomdUrl}.asc`, { signal, retries: 1 }).catch(() => undefined)
      if (!(await verifyRepomdSignature(repomd, signature, keys, createWorkDir(state, 'repomd'), repomdUrl)))
        unsigned.push(repomdUrl)
    }
    const upstream: RepoPackage[] = []
    for (const url of inputs.upstreamUrl)
      upstream.push(...(await readRepository(url, { signal, checkRepomd })))
    if (unsigned.length > 0)
      summary.paragraph(
        `No repomd.xml.asc at ${unsigned.join(', ')}: the metadata is trusted through its checksums, and each source RPM's signature is checked when it is built.`,
      )
    let published: RepoPackage[] = []
    try {
      published = await readRepository(inputs.publishedUrl, { signal })
    } catch (error) {
      if (!(error instanceof InfrastructureError)) throw error
      // A repository not published yet has rebuilt nothing.
      annotate('warning', `The published repository cannot be read (${error.message}); treating it as empty.`)
    }
    const statuses = comparePackages(inputs.packages, upstream, published, inputs.force)
    for (const status of statuses.filter((s) => s.upstream === null)) {
      annotate(
        'warning',
        `${status.name} is not in the upstream repositories (${inputs.upstreamUrl.join(', ')})`,
      )
    }
    setOutput('packages', statuses)
    setOutput(
      'changed',
      statuses.some((s) => s.changed),
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
