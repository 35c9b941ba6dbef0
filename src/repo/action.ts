/** publish-repo: signed, verified, atomic dnf repositories. */
import { cleanUp } from '../action/cleanup.js'
import { defineAction, input } from '../action/index.js'
import { requireTools } from '../exec/tools.js'
import { collectRpms, rpmSetInput } from '../rpm/collect.js'
import { queryPackageFile } from '../rpm/query.js'

export const publishRepo = defineAction({
  name: 'publish-repo',
  title: 'Publish repository',
  description: 'Sign RPMs and publish them as a verified dnf repository, switched into place atomically.',
  inputs: {
    rpms: rpmSetInput({ description: 'The RPMs to publish.', required: true }),
    target: input.string({
      description: 'Where the repository lives: a local directory, or user@host:/path over SSH.',
      required: true,
      pattern: /^(?:[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:)?[^\s]+$/,
      accepted: 'a directory path or user@host:/path',
    }),
    channel: input.string({
      description: 'The channel the packages go to, such as testing or stable.',
      default: 'testing',
      pattern: /^[a-z0-9][a-z0-9_-]*$/,
      accepted: 'lower-case letters, digits, - and _, such as testing',
    }),
    'dry-run': input.boolean({
      description: 'Check and report everything, change nothing.',
      default: 'false',
    }),
  },
  outputs: {
    nevras: 'JSON list of the NEVRAs of the RPMs given.',
  },
  async main({ inputs, setOutput, summary, workspace }) {
    requireTools(['rpm', 'rpmsign', 'gpg', 'createrepo_c', 'dnf'])
    const files = collectRpms(inputs.rpms, workspace)
    const headers = await Promise.all(files.map((file) => queryPackageFile(file)))
    const nevras = headers.map(
      (h) => `${h.name}-${h.epoch ? h.epoch + ':' : ''}${h.version}-${h.release}.${h.arch}`,
    )
    setOutput('nevras', nevras)
    summary
      .paragraph(
        `${files.length} RPM(s) for channel \`${inputs.channel}\` of \`${inputs.target}\`${inputs.dryRun ? ' (dry run)' : ''}.`,
      )
      .table(
        ['NEVRA'],
        nevras.map((nevra) => [nevra]),
      )
  },
  async post({ state }) {
    await cleanUp(state)
  },
})
