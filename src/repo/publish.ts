/**
 * Publishing to a local repository tree: sign, stage a complete new state beside the live one,
 * verify it with rpm and dnf, then switch the channel to it in one rename. Until that rename the
 * live tree is untouched, whatever fails and whenever the process dies.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { scratchDir } from '../fs/paths.js'
import { basename, dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigurationError, TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import type { Log } from '../reporter.js'
import { compareEvr } from '../rpm/evr.js'
import { type DnfRepo, dnfVisibleNevras } from './dnf-check.js'
import type { GpgHome } from './gpg.js'
import { buildReleaseRpm, createRepo, releaseContentHash, repoFile, repoId } from './metadata.js'
import { readPrimary, type RepoPackage } from '../repodata/primary.js'
import { parseRepomd } from '../repodata/repomd.js'
import { type LandingPageRequest, pagePackages, updatePageData, writeLandingPage } from './landing-page.js'
import { requireSignedBy, signRpms } from './sign.js'
import {
  channelPaths,
  keepPreviousMetadata,
  linkTarget,
  lockTarget,
  newState,
  pruneStates,
  seedFrom,
  switchLink,
} from './tree.js'

export interface PublishOptions {
  target: string
  releasever: string
  channel: string
  name: string
  /** Where hosts reach the tree; defaults to file:// of the target. */
  baseUrl?: string
  arches: string[]
  rpms: string[]
  retention: number
  /** The signing key; without it the RPMs must already carry signatures by publicKey. */
  gpg?: GpgHome
  publicKey: string
  dryRun: boolean
  log: Log
  /**
   * A last check of the staged tree, after dnf accepted it and before anything is switched:
   * throwing publishes nothing. It gets each arch folder as dnf reads it (with its key).
   */
  beforeSwitch?: (folders: { arch: string; repo: DnfRepo }[]) => Promise<void>
  /** The landing page's own parts (the rest comes from the state); none: no page is written. */
  landingPage?: Pick<LandingPageRequest, 'guideUrl' | 'bootTests' | 'attestationRepository'>
}

export interface PublishResult {
  added: string[]
  kept: string[]
  pruned: string[]
  revisions: Record<string, string>
  live: string
  state: string
  repoFile: string
  dryRun: boolean
  /** NEVRAs given again with other content: the published build stayed. */
  differing: string[]
  /**
   * What this publish signed, relative to the state (the channel's folder): each added RPM in
   * every folder it went to, and each new repomd.xml. The files to attest.
   */
  signed: string[]
  /** Milliseconds spent in each phase, in order (for the benchmark's breakdown). */
  phases: Record<string, number>
}

/** A stopwatch of consecutive phases: each call closes the phase running since the last. */
export function phaseClock(): { phases: Record<string, number>; done(name: string): void } {
  const phases: Record<string, number> = {}
  let mark = performance.now()
  return {
    phases,
    done(name) {
      const now = performance.now()
      phases[name] = Math.round((phases[name] ?? 0) + now - mark)
      mark = now
    },
  }
}

interface Header {
  file: string
  name: string
  epoch: number
  version: string
  release: string
  arch: string
  digest: string
  buildTime: number
  sourceRpm: string
}

const nevra = (p: Pick<Header, 'name' | 'epoch' | 'version' | 'release' | 'arch'>): string =>
  `${p.name}-${p.epoch}:${p.version}-${p.release}.${p.arch}`

async function headers(files: string[]): Promise<Header[]> {
  const found: Header[] = []
  for (let start = 0; start < files.length; start += 200) {
    const batch = files.slice(start, start + 200)
    const { stdout } = await exec([
      'rpm',
      '-qp',
      '--nosignature',
      '--nodigest',
      '--qf',
      '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SOURCEPACKAGE}|%{SHA256HEADER}|%{BUILDTIME}|%{SOURCERPM}\\n',
      ...batch,
    ])
    stdout
      .trim()
      .split('\n')
      .forEach((line, i) => {
        const [
          name = '',
          epoch = '0',
          version = '',
          release = '',
          arch = '',
          source = '',
          digest = '',
          buildTime = '0',
          sourceRpm = '',
        ] = line.split('|')
        found.push({
          file: batch[i]!,
          name,
          epoch: Number(epoch),
          version,
          release,
          arch: source === '1' ? 'src' : arch,
          digest,
          buildTime: Number(buildTime) || 0,
          sourceRpm: sourceRpm === '(none)' ? '' : sourceRpm,
        })
      })
  }
  return found
}

/** The packages a folder's metadata lists (the previous state's), read from its primary.xml. */
async function listed(dir: string): Promise<RepoPackage[]> {
  const repomdFile = join(dir, 'repodata', 'repomd.xml')
  if (!existsSync(repomdFile)) return []
  const primary = parseRepomd(readFileSync(repomdFile, 'utf8'), repomdFile).entries.find(
    (e) => e.type === 'primary',
  )
  if (!primary) return []
  return readPrimary(readFileSync(join(dir, primary.href)), primary.href, pathToFileURL(dir).href + '/')
}

function folderFor(arch: string, arches: string[]): string[] {
  if (arch === 'src') return ['Source']
  if (arch === 'noarch') return arches
  if (arches.includes(arch)) return [arch]
  throw new ConfigurationError(
    `an RPM is built for ${arch}, which is not among the published arches (${arches.join(', ')})`,
  )
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { log } = options
  const paths = channelPaths(options.target, options.releasever, options.channel)
  const baseUrl = options.baseUrl ?? pathToFileURL(options.target).href
  const clock = phaseClock()
  const release = lockTarget(options.target)
  try {
    pruneStates(paths, options.releasever, options.channel)
    const previous = linkTarget(paths.live)
    const state = newState(paths, options.releasever, options.channel)
    const releaseDir = mkdtempSync(join(scratchDir(), 'kvm-actions-release-rpm-'))
    try {
      const folders = [...options.arches, 'Source']
      for (const folder of folders) seedFrom(previous, state, folder)
      clock.done('seed the new state')

      // The -release package: rebuilt only when the .repo file or the key changes.
      const repo = repoFile({ name: options.name, channel: options.channel, baseUrl })
      const hash = releaseContentHash(repo, options.publicKey)
      const releaseName = `${options.name}-release`
      const existing = new Map<string, RepoPackage[]>()
      // The previous state's packages: from its landing page's data when it kept one (a JSON
      // read), else from each folder's primary.xml.
      const fromPage = previous ? pagePackages(previous) : undefined
      for (const folder of folders)
        existing.set(
          folder,
          !previous
            ? []
            : fromPage
              ? (fromPage.get(folder) ?? []).map((p) => ({
                  ...p,
                  url: pathToFileURL(join(previous, folder, p.file)).href,
                }))
              : await listed(join(previous, folder)),
        )
      clock.done('read the previous metadata')
      const oldRelease = existing
        .get(options.arches[0]!)!
        .filter((p) => p.name === releaseName)
        .sort((a, b) => compareEvr(b, a))[0]
      const oldHash = oldRelease
        ? (
            await exec([
              'rpm',
              '-qp',
              '--qf',
              '%{DESCRIPTION}',
              join(previous!, options.arches[0]!, basename(new URL(oldRelease.url).pathname)),
            ])
          ).stdout
        : ''
      const incoming = [...options.rpms]
      if (!oldHash.includes(`content-hash: ${hash}`)) {
        const number = oldRelease ? Number(/^(\d+)/.exec(oldRelease.release ?? '0')?.[1] ?? 0) + 1 : 1
        incoming.push(
          await buildReleaseRpm(
            options.name,
            options.releasever,
            number,
            repo,
            options.publicKey,
            releaseDir,
            log,
          ),
        )
      }

      clock.done('the -release package')
      // Copies of the incoming RPMs are signed, never the caller's files.
      const staged = new Map<string, string>()
      // A noarch package goes into every arch folder: the extra copies are made once it is signed.
      const extraCopies: { from: string; to: string }[] = []
      const newHeaders = await headers(incoming)
      const added: Header[] = []
      const unchanged: string[] = []
      const differing: string[] = []
      for (const header of newHeaders) {
        for (const folder of folderFor(header.arch, options.arches)) {
          const already = existing
            .get(folder)!
            .find((p) => nevra({ ...p, release: p.release ?? '' }) === nevra(header))
          const destination = join(state, folder, basename(header.file))
          if (already) {
            const [old] = await headers([join(state, folder, basename(new URL(already.url).pathname))])
            // A forced rebuild of an unchanged source: hosts may have the published build, and
            // dnf would never replace it with another of the same NEVRA, so the published one stays.
            if (old!.digest !== header.digest) differing.push(nevra(header))
            unchanged.push(nevra(header))
            continue
          }
          const first = staged.get(header.file)
          if (first) extraCopies.push({ from: first, to: destination })
          else {
            copyFileSync(header.file, destination)
            staged.set(header.file, destination)
          }
          added.push({ ...header, file: destination })
        }
      }
      const firstCopies = [...staged.values()]
      clock.done('read the new headers')
      if (options.gpg) await signRpms(firstCopies, options.gpg)
      clock.done('rpmsign')
      for (const { from, to } of extraCopies) copyFileSync(from, to)
      const publicKeyFile = join(state, `RPM-GPG-KEY-${options.name}`)
      writeFileSync(publicKeyFile, options.publicKey)
      await requireSignedBy(firstCopies, publicKeyFile, keyIdOf(options))
      clock.done('check the signatures')

      // Retention: the newest EVRs of each name stay, per folder.
      const pruned: string[] = []
      const prunedIn = new Set<string>()
      const kept: string[] = []
      const addedSet = new Set<unknown>(added)
      for (const folder of folders) {
        const present = [
          ...existing.get(folder)!.map((p) => ({
            ...p,
            release: p.release ?? '',
            file: join(state, folder, basename(new URL(p.url).pathname)),
          })),
          ...added.filter((h) => h.file.startsWith(join(state, folder) + '/')),
        ]
        const byName = new Map<string, typeof present>()
        for (const pkg of present)
          byName.set(`${pkg.name}.${pkg.arch}`, [...(byName.get(`${pkg.name}.${pkg.arch}`) ?? []), pkg])
        for (const versions of byName.values()) {
          versions.sort((a, b) => compareEvr(b, a))
          for (const old of versions.slice(options.retention)) {
            if (existsSync(old.file)) unlinkSync(old.file)
            pruned.push(nevra(old))
            prunedIn.add(folder)
          }
          for (const pkg of versions.slice(0, options.retention)) {
            if (!addedSet.has(pkg as Header)) kept.push(nevra(pkg))
          }
        }
      }

      // Only folders whose packages changed get new metadata (and a new dnf check).
      const changedFolders = folders.filter(
        (folder) =>
          !existsSync(join(state, folder, 'repodata', 'repomd.xml')) ||
          added.some((h) => h.file.startsWith(join(state, folder) + '/')) ||
          prunedIn.has(folder),
      )
      const revisions: Record<string, string> = {}
      for (const folder of folders) {
        if (!changedFolders.includes(folder)) {
          revisions[folder] =
            parseRepomd(readFileSync(join(state, folder, 'repodata', 'repomd.xml'), 'utf8')).revision ?? ''
          continue
        }
        clock.done('retention')
        revisions[folder] = await createRepo(join(state, folder), log)
        clock.done('createrepo_c')
        if (options.gpg) await options.gpg.detachSign(join(state, folder, 'repodata', 'repomd.xml'))
        else if (!existsSync(join(state, folder, 'repodata', 'repomd.xml.asc'))) {
          throw new ConfigurationError(
            'publishing without a signing-key can only promote or roll back; new metadata must be signed',
          )
        }
        clock.done('sign repomd.xml')
      }
      for (const folder of folders)
        keepPreviousMetadata(previous && join(previous, folder), join(state, folder))
      writeFileSync(join(state, `${options.name}.repo`), repo)
      clock.done('keep the previous metadata')
      // dnf must accept every folder and see exactly what was staged there.
      const keyUrl = pathToFileURL(publicKeyFile).href
      for (const folder of options.arches.filter((f) => changedFolders.includes(f))) {
        const expected = [
          ...kept.filter((n) => n.endsWith('.noarch') || n.endsWith(`.${folder}`)),
          ...added.filter((h) => h.file.startsWith(join(state, folder) + '/')).map(nevra),
        ]
        const visible = await dnfVisibleNevras(
          [{ id: repoId(options), baseUrl: pathToFileURL(join(state, folder)).href, gpgKeyUrl: keyUrl }],
          folder,
          log,
        )
        // Sets: at 10,000 packages, array look-ups here cost seconds.
        const seen = new Set(visible)
        const wanted = new Set(expected)
        const missing = expected.filter((n) => !seen.has(n))
        const extra = visible.filter((n) => !wanted.has(n))
        if (missing.length > 0 || extra.length > 0) {
          throw new TestFailure(
            `dnf sees another ${folder} repository than was staged: missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`,
          )
        }
      }

      clock.done('dnf check')
      await options.beforeSwitch?.(
        options.arches.map((arch) => ({
          arch,
          repo: { id: repoId(options), baseUrl: pathToFileURL(join(state, arch)).href, gpgKeyUrl: keyUrl },
        })),
      )
      // A run with nothing to sign still proves the key works, so a bad secret shows today.
      await options.gpg?.verifyPassphrase()
      clock.done('before the switch')
      // The page describes this state and lives in it, so it switches in with the packages.
      if (options.landingPage)
        await writeLandingPage(
          state,
          {
            ...options.landingPage,
            name: options.name,
            channel: options.channel,
            releasever: options.releasever,
            baseUrl,
            folders,
            fingerprint: options.gpg?.fingerprint ?? '',
          },
          // Only this publish's changes are read; the rest comes from the previous state's page.
          await updatePageData(
            previous,
            state,
            added.map((h) => ({
              folder: relative(state, dirname(h.file)),
              file: h.file,
              nevra: nevra(h),
              arch: h.arch,
              buildTime: h.buildTime,
              sourceRpm: h.sourceRpm,
            })),
          ),
        )
      clock.done('landing page')
      const result: PublishResult = {
        added: [...new Set(added.map(nevra))],
        kept: [...new Set(kept)],
        pruned: [...new Set(pruned)],
        revisions,
        live: paths.live,
        state,
        repoFile: repo,
        dryRun: options.dryRun,
        differing: [...new Set(differing)],
        phases: clock.phases,
        signed: [
          ...added.map((h) => relative(state, h.file)),
          ...changedFolders.map((folder) => join(folder, 'repodata', 'repomd.xml')),
        ],
      }
      const keptSet = new Set(result.kept)
      result.kept.push(...unchanged.filter((n) => !keptSet.has(n)))
      if (options.dryRun) {
        rmSync(state, { recursive: true, force: true })
        return result
      }
      switchLink(paths.live, state)
      if (previous) switchLink(paths.previous, previous)
      pruneStates(paths, options.releasever, options.channel)
      clock.done('switch')
      log.info(`Published ${options.channel}: ${paths.live} -> ${state}`)
      return result
    } catch (error) {
      rmSync(state, { recursive: true, force: true })
      throw error
    } finally {
      rmSync(releaseDir, { recursive: true, force: true })
    }
  } finally {
    release()
  }
}

function keyIdOf(options: PublishOptions): string {
  if (options.gpg) return options.gpg.keyId
  throw new ConfigurationError('a signing key is needed to check signatures')
}

/** Swaps the channel back to its previous state (and keeps the current one as the new previous). */
export function rollback(target: string, releasever: string, channel: string): { from: string; to: string } {
  const paths = channelPaths(target, releasever, channel)
  const release = lockTarget(target)
  try {
    const current = linkTarget(paths.live)
    const previous = linkTarget(paths.previous)
    if (!current || !previous || !existsSync(previous)) {
      throw new ConfigurationError(`${paths.live} has no previous state to roll back to`)
    }
    switchLink(paths.live, previous)
    switchLink(paths.previous, current)
    return { from: current, to: previous }
  } finally {
    release()
  }
}

/** The files of exact NEVRAs (or all but the -release package) in a channel's live state. */
export async function channelFiles(
  target: string,
  releasever: string,
  channel: string,
  arches: string[],
  name: string,
  nevras: string[],
): Promise<string[]> {
  const live = linkTarget(channelPaths(target, releasever, channel).live)
  if (!live) throw new ConfigurationError(`channel ${channel} has not been published in ${target}`)
  const files = new Map<string, string>()
  for (const folder of [...arches, 'Source']) {
    for (const pkg of await listed(join(live, folder))) {
      if (pkg.name === `${name}-release`) continue
      const id = nevra({ ...pkg, release: pkg.release ?? '' })
      if (nevras.length === 0 || nevras.some((n) => n === id || n === id.replace(/-0:/, '-'))) {
        files.set(id, join(live, folder, basename(new URL(pkg.url).pathname)))
      }
    }
  }
  const missing = nevras.filter(
    (n) => ![...files.keys()].some((id) => id === n || id.replace(/-0:/, '-') === n),
  )
  if (missing.length > 0)
    throw new ConfigurationError(`channel ${channel} does not have ${missing.join(', ')}`)
  return [...files.values()]
}
