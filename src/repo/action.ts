/** publish-repo: signed, verified, atomic dnf repositories with channels, retention and rollback. */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { ConfigurationError, defineAction, input, TestFailure } from '../action/index.js'
import type { PhaseContext } from '../action/definition.js'
import { requireTools } from '../exec/tools.js'
import { collectRpms, rpmSetInput } from '../rpm/collect.js'
import { type DnfRepo, sweepDnfRoots } from './dnf-check.js'
import { GpgHome } from './gpg.js'
import { checkInterference } from './interference.js'
import { defaultCacheDir, scratchDir } from '../host/paths.js'
import { channelFiles, publish, rollback } from './publish.js'
import { parseSshTarget, RemoteRepository, SSH_TARGET_FORM, SshSession } from './ssh.js'
import { channelPaths, linkTarget } from './tree.js'

const CHANNEL = /^[a-z0-9][a-z0-9_-]*$/
const CHANNEL_FORM = 'lower-case letters, digits, - and _, such as testing'

export const publishRepo = defineAction({
  name: 'publish-repo',
  title: 'Publish repository',
  description: 'Sign RPMs and publish them as a verified dnf repository, switched into place atomically.',
  inputs: {
    rpms: rpmSetInput({ description: 'The RPMs to publish (not needed to promote or roll back).' }),
    target: input.string({
      description:
        'The repository tree: a local directory (created if missing), or user@host:/path over SSH (with ssh-key and ssh-known-hosts).',
      required: true,
      pattern: /^\S+$/,
      accepted: `a directory path, or ${SSH_TARGET_FORM}`,
    }),
    'ssh-key': input.string({
      description: 'For an SSH target: the private key to log in with (from a secret).',
      secret: true,
    }),
    'ssh-known-hosts': input.string({
      description:
        'For an SSH target: the pinned host key line(s), as in known_hosts ([host]:port for a port other than 22).',
    }),
    'ssh-port': input.integer({
      description: 'For an SSH target: the port sshd listens on.',
      default: '22',
      min: 1,
      max: 65535,
    }),
    name: input.string({
      description:
        'Repository name: the .repo id prefix, the key file RPM-GPG-KEY-<name> and the <name>-release package.',
      default: 'kvm-power',
      pattern: /^[a-z0-9][a-z0-9_-]*$/,
      accepted: 'lower-case letters, digits, - and _, such as kvm-power',
    }),
    releasever: input.string({
      description: 'The EL release the tree is for.',
      default: '9',
      pattern: /^\d+$/,
      accepted: 'a number such as 9',
    }),
    channel: input.string({
      description: 'The channel to publish to, such as testing or stable.',
      default: 'testing',
      pattern: CHANNEL,
      accepted: CHANNEL_FORM,
    }),
    arches: input.list({
      description: 'Architecture folders; noarch packages go into each.',
      default: 'ppc64le',
      item: /^[a-z0-9_]+$/,
      itemAccepted: 'architecture names such as ppc64le',
    }),
    'base-url': input.url({
      description:
        'The URL hosts use for the tree, written into the .repo file; default file:// of the target.',
    }),
    'signing-key': input.string({
      description: 'The armored OpenPGP private key that signs packages and metadata (from a secret).',
      secret: true,
    }),
    passphrase: input.string({ description: 'The signing key’s passphrase (from a secret).', secret: true }),
    retention: input.integer({
      description: 'How many EVRs of each package name stay published.',
      default: '3',
      min: 1,
      max: 1000,
    }),
    'promote-from': input.string({
      description: 'Copy packages from this channel instead of publishing new RPMs.',
      pattern: CHANNEL,
      accepted: CHANNEL_FORM,
    }),
    packages: input.list({
      description: 'With promote-from: the exact NEVRAs to copy (empty: all but the -release package).',
    }),
    rollback: input.boolean({
      description: 'Switch the channel back to its previous state.',
      default: 'false',
    }),
    'dry-run': input.boolean({
      description: 'Stage and verify everything, switch nothing.',
      default: 'false',
    }),
    'lock-timeout': input.duration({
      description:
        'For an SSH target: the lease on the remote lock. A lock whose lease ran out (a killed run on a runner that is gone) is taken over with a warning; make it longer than any publish.',
      default: '2h',
      max: 48 * 3_600_000,
    }),
    'base-urls': input.list({
      description:
        'The distribution repositories the packages must not interfere with (such as AlmaLinux 9 BaseOS and AppStream for ppc64le): before the switch, every package must be new or sort above the base and below its next stock update, add no name from a source the base lacks, and resolve all dependencies with the base. A failure blocks the stable channel and warns on others. Empty: no check.',
      item: /^(https?|file):\/\/\S+$/,
      itemAccepted: 'http(s):// or file:// URLs of folders holding repodata/',
    }),
  },
  outputs: {
    added: 'JSON list of the NEVRAs added.',
    kept: 'JSON list of the NEVRAs that stay published.',
    pruned: 'JSON list of the NEVRAs removed by retention.',
    'repomd-revision': 'JSON object: folder (arch or Source) to the revision of its repomd.xml.',
    'repo-path': 'The channel’s live path.',
    'repo-file': 'The .repo file hosts use, as text.',
    interference: 'JSON: checked (base-urls set), ok, and the problems the non-interference check found.',
  },
  async main(ctx) {
    const { inputs, setOutput, summary, workspace, state, log } = ctx
    requireTools(['rpm', 'rpmsign', 'rpmbuild', 'gpg', 'gpgconf', 'createrepo_c', 'dnf'])
    const remote = parseSshTarget(inputs.target, inputs.sshPort)
    let repository: RemoteRepository | undefined
    let session: SshSession | undefined
    let root = resolve(workspace, inputs.target)
    if (remote) {
      if (!inputs.sshKey || !inputs.sshKnownHosts) {
        throw new ConfigurationError(
          "Inputs 'ssh-key' and 'ssh-known-hosts' are required for an SSH target; expected the private key and the pinned host key line",
        )
      }
      requireTools(['ssh', 'tar'])
      for (const line of inputs.sshKey.split('\n').filter((l) => l.trim().length >= 8)) ctx.setSecret(line)
      session = new SshSession(remote, createWorkDir(state, 'ssh'), inputs.sshKey, inputs.sshKnownHosts, log)
      root = join(
        defaultCacheDir(),
        'ssh-mirrors',
        createHash('sha256')
          .update(`${remote.user}@${remote.host}:${remote.port}:${remote.path}`)
          .digest('hex')
          .slice(0, 16),
      )
      repository = new RemoteRepository(session, root, log)
    }
    const shown = remote ? inputs.target : root
    const live = join(shown, inputs.releasever, inputs.channel)
    let unlock = async (): Promise<void> => undefined
    if (repository) {
      const lock = await repository.lock(inputs.lockTimeout)
      // The post step releases it if main is killed first.
      state.save(REMOTE_LOCK, lock.owner)
      unlock = async () => {
        await lock.release()
        state.save(REMOTE_LOCK, '')
      }
    }
    try {
      if (inputs.rollback) {
        const { from, to } = repository
          ? await repository.rollback(inputs.releasever, inputs.channel)
          : rollback(root, inputs.releasever, inputs.channel)
        setOutput('repo-path', live)
        summary.paragraph(`Rolled ${live} back from \`${from}\` to \`${to}\`.`)
        return
      }
      if (!inputs.signingKey || !inputs.passphrase) {
        throw new ConfigurationError(
          "Inputs 'signing-key' and 'passphrase' are required to publish or promote; expected the key and passphrase from secrets",
        )
      }
      for (const secret of [
        inputs.passphrase,
        ...inputs.signingKey.split('\n').filter((line) => line.trim().length >= 8),
      ]) {
        ctx.setSecret(secret)
      }
      if (repository) {
        await repository.syncMirror(inputs.releasever, inputs.channel)
        if (inputs.promoteFrom) await repository.syncMirror(inputs.releasever, inputs.promoteFrom)
      }
      const rpms = inputs.promoteFrom
        ? await channelFiles(
            root,
            inputs.releasever,
            inputs.promoteFrom,
            inputs.arches,
            inputs.name,
            inputs.packages,
          )
        : await collectRpms(inputs.rpms ?? [], workspace)
      if (!inputs.promoteFrom && rpms.length === 0) {
        throw new ConfigurationError(
          "Input 'rpms' is required to publish; expected RPM files, folders, globs or a JSON list",
        )
      }
      const home = createWorkDir(state, 'gnupg')
      state.save('gnupg-home', home)
      const gpg = await GpgHome.create(inputs.signingKey, inputs.passphrase, home)
      try {
        const previous = linkTarget(channelPaths(root, inputs.releasever, inputs.channel).live)
        const result = await publish({
          target: root,
          releasever: inputs.releasever,
          channel: inputs.channel,
          name: inputs.name,
          baseUrl: inputs.baseUrl ?? (remote ? pathToFileURL(remote.path).href : pathToFileURL(root).href),
          arches: inputs.arches,
          rpms,
          retention: inputs.retention,
          gpg,
          publicKey: await gpg.exportPublicKey(),
          dryRun: inputs.dryRun,
          log,
          ...(inputs.baseUrls.length > 0
            ? {
                beforeSwitch: async (folders) => {
                  const problems = await checkAgainstBase(
                    folders,
                    inputs.baseUrls,
                    `${inputs.name}-release`,
                    ctx,
                  )
                  setOutput('interference', { checked: true, ok: problems.length === 0, problems })
                  if (problems.length === 0) return
                  if (inputs.channel === STABLE) {
                    throw new TestFailure(
                      `The packages would interfere with the base repositories, so nothing was published to ${STABLE}: ${problems.join('; ')}`,
                    )
                  }
                  ctx.annotate('warning', `Published to ${inputs.channel} although: ${problems.join('; ')}`)
                },
              }
            : {}),
        })
        if (repository && !result.dryRun) {
          await repository.publishState(inputs.releasever, inputs.channel, result.state, previous)
        }
        if (result.differing.length > 0) {
          ctx.annotate(
            'warning',
            `Already published with other content, so the published build stays: ${result.differing.join(', ')}. Raise the release (buildid or release-suffix) to ship a changed build.`,
          )
        }
        setOutput('added', result.added)
        setOutput('kept', result.kept)
        setOutput('pruned', result.pruned)
        setOutput('repomd-revision', result.revisions)
        setOutput('repo-path', live)
        setOutput('repo-file', result.repoFile)
        summary
          .paragraph(
            `${result.dryRun ? 'Dry run: nothing switched. ' : ''}${inputs.promoteFrom ? `Promoted from \`${inputs.promoteFrom}\` to` : 'Published to'} \`${live}\`: ${result.added.length} added, ${result.kept.length} kept, ${result.pruned.length} pruned.`,
          )
          .table(
            ['NEVRA', 'Change'],
            [
              ...result.added.map((n) => [n, 'added']),
              ...result.pruned.map((n) => [n, 'pruned']),
              ...result.kept.map((n) => [n, 'kept']),
            ],
          )
          .details('.repo file', result.repoFile)
      } finally {
        await gpg.close()
      }
    } finally {
      await unlock()
      session?.dispose()
    }
  },
  async post(ctx) {
    const { state } = ctx
    await releaseRemoteLock(ctx)
    // Stop any agent a killed main left in its GnuPG home before the folder goes.
    const home = state.get<string>('gnupg-home')
    if (home) {
      for (const dir of [home, ...readdirSafe(home)]) await GpgHome.stopAgents(dir)
    }
    // And the agents of dnf's verification roots, which a main killed mid-check never stopped.
    const swept = await sweepDnfRoots(scratchDir())
    if (swept > 0)
      ctx.log.info(`Stopped the GnuPG agents of ${swept} dnf check(s) a killed main left behind.`)
    await postCleanUp(ctx)
  },
})

const STABLE = 'stable'
const REMOTE_LOCK = 'remote-lock'

/** A remote lock main took and did not release (it was killed): released if it is still ours. */
async function releaseRemoteLock(ctx: PhaseContext): Promise<void> {
  const owner = ctx.state.get<string>(REMOTE_LOCK)
  if (!owner) return
  const target = parseSshTarget(ctx.rawInput('target').trim(), Number(ctx.rawInput('ssh-port').trim() || 22))
  if (!target) return
  const session = new SshSession(
    target,
    createWorkDir(ctx.state, 'ssh-post'),
    ctx.rawInput('ssh-key'),
    ctx.rawInput('ssh-known-hosts'),
    ctx.log,
  )
  try {
    await new RemoteRepository(session, '', ctx.log).unlock(owner)
    ctx.log.info(`Released the remote lock main held (${owner}).`)
  } finally {
    session.dispose()
  }
}

/** The non-interference check of each arch folder, as a summary table; returns the problems. */
async function checkAgainstBase(
  folders: { arch: string; repo: DnfRepo }[],
  baseUrls: string[],
  releaseName: string,
  ctx: Pick<PhaseContext, 'summary' | 'log'>,
): Promise<string[]> {
  const problems: string[] = []
  for (const { arch, repo } of folders) {
    const report = await checkInterference({ published: repo, baseUrls, arch, releaseName, log: ctx.log })
    ctx.summary
      .heading(`Non-interference with the base repositories (${arch})`, 3)
      .table(
        ['Package', 'Published', 'Base', 'Verdict'],
        report.rows.map((row) => [
          row.package,
          row.published,
          row.base,
          `${row.ok ? '✅' : '❌'} ${row.verdict}`,
        ]),
      )
      .paragraph(
        report.unresolved.length === 0
          ? 'dnf repoclosure: published and base together resolve every dependency.'
          : `dnf repoclosure: ${report.unresolved.length} unresolved dependencies.`,
      )
    if (report.unresolved.length > 0) ctx.summary.list(report.unresolved)
    problems.push(...report.problems)
  }
  return problems
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => join(dir, name))
  } catch {
    return []
  }
}
