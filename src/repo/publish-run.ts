/**
 * One publish-repo run against a target: lock it, then roll back, promote or publish (sign,
 * stage, verify with dnf, check against the base repositories, switch), and release everything.
 * It takes what it uses as parameters (the target, the summary, the log), so the action only
 * parses inputs and reports.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError, TestFailure } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { type DnfRepo } from './dnf-check.js'
import { writeAttestationSubjects } from './attestation.js'
import { GpgHome } from './gpg.js'
import { checkInterference } from './interference.js'
import type { LandingPageRequest } from './landing-page.js'
import { channelFiles, phaseClock, publish, type PublishResult } from './publish.js'
import type { RepositoryTarget } from './targets/index.js'
import { channelPaths, linkTarget } from './tree.js'

export const STABLE = 'stable'

export type PublishMode =
  | { kind: 'rollback' }
  | { kind: 'promote'; from: string; packages: string[] }
  | { kind: 'publish'; rpms: () => Promise<string[]> }

export interface PublishRequest {
  mode: PublishMode
  releasever: string
  channel: string
  name: string
  arches: string[]
  baseUrl?: string
  retention: number
  dryRun: boolean
  signingKey?: string
  passphrase?: string
  baseUrls: string[]
  /** Where publish.json (the full package lists) is written. */
  resultsDir: string
  /** The landing page's link to the user guide, and the boot tests it reports. */
  landingPage: Pick<LandingPageRequest, 'guideUrl' | 'bootTests' | 'attestationRepository'>
}

export interface PublishDependencies extends Pick<Reporter, 'log' | 'summary' | 'annotate'> {
  target: RepositoryTarget
  setSecret(value: string): void
  /** A private folder the post step removes. */
  workDir(prefix: string): string
  /** Remembers what a killed main leaves for the post step (lock owner, GnuPG home). */
  remember(name: 'remote-lock' | 'gnupg-home', value: string): void
  /** Told the check's outcome as soon as it is known, also when it then stops the publish. */
  onInterference?(outcome: InterferenceOutcome): void
}

export interface InterferenceOutcome {
  checked: boolean
  ok: boolean
  problems: string[]
}

export type PublishOutcome =
  | { kind: 'rolled-back'; live: string; from: string; to: string }
  | {
      kind: 'published'
      live: string
      result: PublishResult
      interference?: InterferenceOutcome
      /** publish.json: added, kept, pruned and differing in full. */
      listsFile: string
      /** Checksum files of what was signed (none in a dry run), each one attestation's subjects. */
      attestationSubjects: string[]
    }

function signingSecrets(request: PublishRequest): { signingKey: string; passphrase: string } {
  const { signingKey, passphrase } = request
  if (!signingKey || !passphrase) {
    throw new ConfigurationError(
      "Inputs 'signing-key' and 'passphrase' are required to publish or promote; expected the key and passphrase from secrets",
    )
  }
  return { signingKey, passphrase }
}

export async function runPublish(
  request: PublishRequest,
  deps: PublishDependencies,
): Promise<PublishOutcome> {
  const { target } = deps
  // Configuration errors come before the lock or any other work.
  if (request.mode.kind !== 'rollback') signingSecrets(request)
  const live = join(target.shown, request.releasever, request.channel)
  try {
    const lock = await target.lock()
    if (lock.owner) deps.remember('remote-lock', lock.owner)
    try {
      if (request.mode.kind === 'rollback') {
        const { from, to } = await target.rollback(request.releasever, request.channel)
        return { kind: 'rolled-back', live, from, to }
      }
      return await publishSigned(request, request.mode, deps, live)
    } finally {
      await lock.release()
      if (lock.owner) deps.remember('remote-lock', '')
    }
  } finally {
    target.dispose()
  }
}

async function publishSigned(
  request: PublishRequest,
  mode: Exclude<PublishMode, { kind: 'rollback' }>,
  deps: PublishDependencies,
  live: string,
): Promise<PublishOutcome> {
  const { target } = deps
  const { signingKey, passphrase } = signingSecrets(request)
  for (const secret of [passphrase, ...signingKey.split('\n').filter((line) => line.trim().length >= 8)])
    deps.setSecret(secret)
  await target.stage(request.releasever, [request.channel, ...(mode.kind === 'promote' ? [mode.from] : [])])
  const rpms =
    mode.kind === 'promote'
      ? await channelFiles(
          target.root,
          request.releasever,
          mode.from,
          request.arches,
          request.name,
          mode.packages,
        )
      : await mode.rpms()
  if (mode.kind === 'publish' && rpms.length === 0) {
    throw new ConfigurationError(
      "Input 'rpms' is required to publish; expected RPM files, folders, globs or a JSON list",
    )
  }
  // The home itself is remembered: it moves out of a work folder too deep for gpg-agent's sockets.
  const importing = phaseClock()
  const gpg = await GpgHome.create(signingKey, passphrase, deps.workDir('gnupg'), (home) =>
    deps.remember('gnupg-home', home),
  )
  importing.done('import the key')
  const before = importing.phases
  let interference: InterferenceOutcome | undefined
  try {
    const previous = linkTarget(channelPaths(target.root, request.releasever, request.channel).live)
    const result = await publish({
      target: target.root,
      releasever: request.releasever,
      channel: request.channel,
      name: request.name,
      baseUrl: request.baseUrl ?? target.defaultBaseUrl,
      arches: request.arches,
      rpms,
      retention: request.retention,
      gpg,
      publicKey: await gpg.exportPublicKey(),
      dryRun: request.dryRun,
      log: deps.log,
      landingPage: request.landingPage,
      ...(request.baseUrls.length > 0
        ? {
            beforeSwitch: async (folders) => {
              const problems = await checkAgainstBase(folders, request, deps)
              interference = { checked: true, ok: problems.length === 0, problems }
              deps.onInterference?.(interference)
              if (problems.length === 0) return
              if (request.channel === STABLE) {
                throw new TestFailure(
                  `The packages would interfere with the base repositories, so nothing was published to ${STABLE}: ${problems.join('; ')}`,
                )
              }
              deps.annotate('warning', `Published to ${request.channel} although: ${problems.join('; ')}`)
            },
          }
        : {}),
    })
    const clock = phaseClock()
    if (!result.dryRun) await target.switch(request.releasever, request.channel, result.state, previous)
    clock.done('switch the target')
    if (result.differing.length > 0) {
      deps.annotate(
        'warning',
        `Already published with other content, so the published build stays: ${result.differing.slice(0, 10).join(', ')}${result.differing.length > 10 ? ` and ${result.differing.length - 10} more (all in publish.json)` : ''}. Raise the release (buildid or release-suffix) to ship a changed build.`,
      )
    }
    mkdirSync(request.resultsDir, { recursive: true })
    const listsFile = join(request.resultsDir, 'publish.json')
    // Read from the state, which stays (live or, in a dry run, until here) whatever the target.
    const attestationSubjects = result.dryRun
      ? []
      : await writeAttestationSubjects(result.state, result.signed, request.resultsDir)
    clock.done('attestation subjects')
    const { added, kept, pruned, differing } = result
    const phases = { ...before, ...result.phases, ...clock.phases }
    writeFileSync(listsFile, JSON.stringify({ live, added, kept, pruned, differing, phases }, null, 2) + '\n')
    return {
      kind: 'published',
      live,
      result,
      listsFile,
      attestationSubjects,
      ...(interference ? { interference } : {}),
    }
  } finally {
    await gpg.close()
  }
}

/** The non-interference check of each arch folder, as a summary table; returns the problems. */
async function checkAgainstBase(
  folders: { arch: string; repo: DnfRepo }[],
  request: PublishRequest,
  deps: PublishDependencies,
): Promise<string[]> {
  const problems: string[] = []
  for (const { arch, repo } of folders) {
    const report = await checkInterference({
      published: repo,
      baseUrls: request.baseUrls,
      arch,
      releaseName: `${request.name}-release`,
      log: deps.log,
    })
    deps.summary
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
    if (report.unresolved.length > 0) deps.summary.list(report.unresolved)
    problems.push(...report.problems)
  }
  return problems
}
