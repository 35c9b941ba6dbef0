/** publish-repo: signed, verified, atomic dnf repositories with channels, retention and rollback. */
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { defineAction, input } from '../action/index.js'
import type { PhaseContext } from '../action/definition.js'
import { requireTools } from '../exec/tools.js'
import { rpmSetInput } from '../steps/rpm-inputs.js'
import { defaultCacheDir, scratchDir } from '../fs/paths.js'
import { readBootTestReports } from './landing-page.js'
import type { PublishMode, PublishOutcome } from './publish-run.js'
import type { Summary } from '../report/summary.js'
import { SSH_TARGET_FORM } from './ssh.js'
import { targetProblems } from './targets/index.js'
import type { TargetRequest } from './targets/target.js'

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
    'guide-url': input.url({
      description:
        'The user guide the landing page links to; by default docs/user-guide.md of the actions’ own repository at the ref the workflow uses.',
    }),
    'boot-results': input.list({
      description:
        'boot-test-guest results (results.json files, or the results folders holding them) the landing page reports, labelled by their folder names.',
    }),
    'attestation-repository': input.string({
      description:
        'The repository (owner/name) whose workflow attests the published files with actions/attest: the landing page shows the gh attestation verify command for it. Empty: no command is shown.',
      pattern: /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
      accepted: 'owner/name, such as octo-org/kvm-power',
    }),
    'results-dir': input.path({
      description:
        'Where publish.json (every added, kept and pruned NEVRA) is written, ready for upload-artifact.',
      default: 'kvm-actions-results/publish-repo',
      insideWorkspace: true,
    }),
  },
  outputs: {
    added: 'JSON list of the NEVRAs added (the first 1,000; all of them in packages-file).',
    kept: 'JSON list of the NEVRAs that stay published (the first 1,000; all of them in packages-file).',
    pruned: 'JSON list of the NEVRAs removed by retention (the first 1,000; all of them in packages-file).',
    'repomd-revision': 'JSON object: folder (arch or Source) to the revision of its repomd.xml.',
    'repo-path': 'The channel’s live path.',
    'repo-file': 'The .repo file hosts use, as text.',
    interference: 'JSON: checked (base-urls set), ok, and the problems the non-interference check found.',
    'packages-file':
      'Path of publish.json in results-dir: the added, kept, pruned and differing NEVRAs in full (the list outputs stop at 1,000).',
    'attestation-subjects':
      'JSON list of checksum files (shasum format, in results-dir) naming what this publish signed: every added RPM and each new repomd.xml, at most 1,024 per file, the most one actions/attest step takes (subject-checksums). Empty in a dry run.',
  },
  validate: (inputs): string[] => [
    ...targetProblems({
      target: inputs.target,
      credentials: targetCredentials({
        sshKey: inputs.sshKey,
        sshKnownHosts: inputs.sshKnownHosts,
        sshPort: inputs.sshPort,
      }),
    }),
    ...(!inputs.rollback && (!inputs.signingKey || !inputs.passphrase)
      ? [
          "Inputs 'signing-key' and 'passphrase' are required to publish or promote; expected the key and passphrase from secrets",
        ]
      : []),
  ],
  async main(ctx) {
    const { inputs, setOutput, summary, state } = ctx
    const { openTarget } = await import('./targets/index.js')
    const { runPublish } = await import('./publish-run.js')
    const request = targetRequest(ctx, {
      target: inputs.target,
      sshKey: inputs.sshKey,
      sshKnownHosts: inputs.sshKnownHosts,
      sshPort: inputs.sshPort,
      lockTimeout: inputs.lockTimeout,
    })
    requireTools(['rpm', 'rpmsign', 'rpmbuild', 'gpg', 'gpgconf', 'createrepo_c', 'dnf'])
    const rpms = async () => (await import('../rpm/collect.js')).collectRpms(inputs.rpms ?? [], ctx.workspace)
    const mode: PublishMode = inputs.rollback
      ? { kind: 'rollback' }
      : inputs.promoteFrom
        ? { kind: 'promote', from: inputs.promoteFrom, packages: inputs.packages }
        : { kind: 'publish', rpms }
    const outcome = await runPublish(
      {
        mode,
        releasever: inputs.releasever,
        channel: inputs.channel,
        name: inputs.name,
        arches: inputs.arches,
        ...(inputs.baseUrl ? { baseUrl: inputs.baseUrl } : {}),
        retention: inputs.retention,
        dryRun: inputs.dryRun,
        ...(inputs.signingKey ? { signingKey: inputs.signingKey } : {}),
        ...(inputs.passphrase ? { passphrase: inputs.passphrase } : {}),
        baseUrls: inputs.baseUrls,
        resultsDir: inputs.resultsDir,
        landingPage: {
          guideUrl: inputs.guideUrl ?? defaultGuideUrl(),
          bootTests: readBootTestReports(await expandPaths(inputs.bootResults, ctx.workspace)),
          ...(inputs.attestationRepository ? { attestationRepository: inputs.attestationRepository } : {}),
        },
      },
      {
        target: openTarget(request),
        log: ctx.log,
        summary,
        annotate: (kind, message) => ctx.annotate(kind, message),
        setSecret: (value) => ctx.setSecret(value),
        workDir: (prefix) => createWorkDir(state, prefix),
        remember: (name, value) => state.save(name, value),
        onInterference: (interference) => setOutput('interference', interference),
      },
    )
    setOutput('repo-path', outcome.live)
    if (outcome.kind === 'rolled-back') {
      summary.paragraph(`Rolled ${outcome.live} back from \`${outcome.from}\` to \`${outcome.to}\`.`)
      return
    }
    const { result, listsFile } = outcome
    setOutput('added', bounded(result.added))
    setOutput('kept', bounded(result.kept))
    setOutput('pruned', bounded(result.pruned))
    setOutput('packages-file', listsFile)
    setOutput('attestation-subjects', outcome.attestationSubjects)
    setOutput('repomd-revision', result.revisions)
    setOutput('repo-file', result.repoFile)
    publishSummary(summary, outcome, inputs.promoteFrom)
  },
  async post(ctx) {
    const { state } = ctx
    const owner = state.get<string>('remote-lock')
    const { releaseAbandonedLock } = await import('./targets/index.js')
    if (owner) await releaseAbandonedLock(targetRequest(ctx, rawTargetInputs(ctx)), owner)
    const { GpgHome } = await import('./gpg.js')
    const { sweepDnfRoots } = await import('./dnf-check.js')
    // Stop any agent a killed main left in its GnuPG home before the folder goes.
    const home = state.get<string>('gnupg-home')
    // Gone: main stopped its agents before it removed it (GpgHome.close), so nothing is left to stop.
    if (home && existsSync(home)) {
      for (const dir of [home, ...readdirSafe(home)]) await GpgHome.stopAgents(dir)
      // It may lie outside the work folder (moved where its sockets fit): removed here, not with it.
      rmSync(home, { recursive: true, force: true })
    }
    // And the agents of dnf's verification roots, which a main killed mid-check never stopped.
    const swept = await sweepDnfRoots(scratchDir())
    if (swept > 0)
      ctx.log.info(`Stopped the GnuPG agents of ${swept} dnf check(s) a killed main left behind.`)
    await postCleanUp(ctx)
  },
})

/** Paths and globs, resolved against the workspace; a glob may match nothing (no boot tests ran). */
async function expandPaths(entries: string[], workspace: string): Promise<string[]> {
  const { expandGlob, hasGlob } = await import('../fs/glob.js')
  const paths: string[] = []
  for (const entry of entries)
    paths.push(...(hasGlob(entry) ? await expandGlob(entry, workspace) : [resolve(workspace, entry)]))
  return paths
}

/** docs/user-guide.md where the running actions come from (the runner names their repository and ref). */
function defaultGuideUrl(): string {
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = process.env.GITHUB_ACTION_REPOSITORY || process.env.GITHUB_REPOSITORY
  const ref = process.env.GITHUB_ACTION_REF || process.env.GITHUB_SHA || 'main'
  return repository
    ? `${server}/${repository}/blob/${ref}/docs/user-guide.md`
    : 'https://github.com/search?q=kvm-power-actions+user-guide'
}

/** What was published, as a summary: counts, the first rows of the changes, the .repo file. */
function publishSummary(
  summary: Summary,
  { live, result, listsFile }: Extract<PublishOutcome, { kind: 'published' }>,
  promoteFrom: string | undefined,
): void {
  summary
    .paragraph(
      `${result.dryRun ? 'Dry run: nothing switched. ' : ''}${promoteFrom ? `Promoted from \`${promoteFrom}\` to` : 'Published to'} \`${live}\`: ${result.added.length} added, ${result.kept.length} kept, ${result.pruned.length} pruned.`,
    )
    .table(
      ['NEVRA', 'Change'],
      [
        ...result.added.map((n) => [n, 'added']),
        ...result.pruned.map((n) => [n, 'pruned']),
        ...result.kept.map((n) => [n, 'kept']),
      ],
      listsFile,
    )
    .details('.repo file', result.repoFile)
}

/** List outputs hold at most this many NEVRAs; packages-file always has them all. */
export const OUTPUT_LIST_LIMIT = 1000

function bounded(nevras: string[]): string[] {
  return nevras.slice(0, OUTPUT_LIST_LIMIT)
}

/** The inputs that name the target (written out: the definition's own type refers to this). */
interface TargetInputs {
  target: string
  sshKey?: string | undefined
  sshKnownHosts?: string | undefined
  sshPort: number
  lockTimeout: number
}

function targetCredentials(
  inputs: Omit<TargetInputs, 'target' | 'lockTimeout'>,
): TargetRequest['credentials'] {
  return {
    ...(inputs.sshKey ? { sshKey: inputs.sshKey } : {}),
    ...(inputs.sshKnownHosts ? { sshKnownHosts: inputs.sshKnownHosts } : {}),
    sshPort: inputs.sshPort,
  }
}

function targetRequest(ctx: PhaseContext, inputs: TargetInputs): TargetRequest {
  return {
    target: inputs.target,
    workspace: ctx.workspace,
    cacheDir: defaultCacheDir(),
    credentials: targetCredentials(inputs),
    lockTimeoutMs: inputs.lockTimeout,
    workDir: (prefix) => createWorkDir(ctx.state, prefix),
    setSecret: (value) => ctx.setSecret(value),
    log: ctx.log,
  }
}

/** The post phase gets no parsed inputs: the target's, as main saw them. */
function rawTargetInputs(ctx: PhaseContext): TargetInputs {
  return {
    target: ctx.rawInput('target').trim(),
    sshKey: ctx.rawInput('ssh-key') || undefined,
    sshKnownHosts: ctx.rawInput('ssh-known-hosts') || undefined,
    sshPort: Number(ctx.rawInput('ssh-port').trim() || 22),
    lockTimeout: 0,
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => join(dir, name))
  } catch {
    return []
  }
}
