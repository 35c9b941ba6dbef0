/** check-upstream: has AlmaLinux published something the published repository has not rebuilt yet? */
import { defineAction, input } from '../action/index.js'
import { joinUrl, readUrl } from '../net/download.js'
import { parseRepomd } from '../repo/repomd.js'

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
    'upstream-url': input.url({
      description: 'The upstream source repository (the folder holding repodata/); file:// works.',
      default: 'https://repo.almalinux.org/almalinux/9/BaseOS/Source',
    }),
    'published-url': input.url({
      description: 'The published repository whose contents are the state (the folder holding repodata/).',
      required: true,
    }),
    force: input.boolean({
      description: 'Report `changed: true` whatever the repositories say.',
      default: 'false',
    }),
  },
  outputs: {
    'upstream-revision': 'The revision of the upstream repository metadata.',
    'published-revision': 'The revision of the published repository metadata.',
  },
  async main({ inputs, setOutput, summary, signal }) {
    const read = async (url: string) => {
      const location = joinUrl(url, 'repodata/repomd.xml')
      return parseRepomd((await readUrl(location, { signal })).toString('utf8'), location)
    }
    const upstream = await read(inputs.upstreamUrl)
    const published = await read(inputs.publishedUrl)
    setOutput('upstream-revision', upstream.revision ?? '')
    setOutput('published-revision', published.revision ?? '')
    const rows = [
      ['Upstream', inputs.upstreamUrl, upstream.revision ?? 'none', String(upstream.entries.length)],
      ['Published', inputs.publishedUrl, published.revision ?? 'none', String(published.entries.length)],
    ]
    summary.table(['Repository', 'URL', 'Revision', 'Metadata files'], rows)
    summary.paragraph(`Watching: ${inputs.packages.join(', ')}${inputs.force ? ' (forced)' : ''}`)
  },
})
