/**
 * The published tree on disk. Each channel is a symlink to a complete state folder; a publish
 * builds a new state beside it (hard links for unchanged packages) and switches the symlink with
 * one rename, keeping the previous state for rollback. A lock file naming its owner keeps publishes apart.
 */
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  cpSync,
  readFileSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { acquireLock } from '../fs/lock.js'
import { parseRepomd } from '../repodata/repomd.js'

export interface ChannelPaths {
  /** The channel's live path: a symlink to its current state. */
  live: string
  /** Where states are kept. */
  states: string
  /** Symlink to the state before the current one. */
  previous: string
}

export function channelPaths(target: string, releasever: string, channel: string): ChannelPaths {
  const states = join(target, '.states')
  return {
    live: join(target, releasever, channel),
    states,
    previous: join(states, `${releasever}-${channel}.previous`),
  }
}

/** The state folder a link points at, or undefined. */
export function linkTarget(link: string): string | undefined {
  try {
    return resolve(dirname(link), readlinkSync(link))
  } catch {
    return undefined
  }
}

/** Points link at target atomically: a new link beside it, renamed over it. */
export function switchLink(link: string, target: string): void {
  mkdirSync(dirname(link), { recursive: true })
  const temporary = `${link}.switch-${process.pid}`
  rmSync(temporary, { force: true })
  symlinkSync(target, temporary)
  renameSync(temporary, link)
}

/** The target's publish lock (see fs/lock.ts): one publish at a time, a dead holder's lock taken over. */
export function lockTarget(target: string): () => void {
  mkdirSync(target, { recursive: true })
  return acquireLock(join(target, '.publish.lock'), 'publish')
}

/** A new, empty state folder for the channel. */
export function newState(paths: ChannelPaths, releasever: string, channel: string): string {
  const dir = join(paths.states, `${releasever}-${channel}-${Date.now()}-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** The previous state's package folder in the new state: RPMs hard-linked, metadata copied for --update. */
export function seedFrom(previous: string | undefined, state: string, folder: string): void {
  const from = previous ? join(previous, folder) : undefined
  const to = join(state, folder)
  mkdirSync(to, { recursive: true })
  if (!from || !existsSync(from)) return
  for (const name of readdirSync(from)) {
    if (name.endsWith('.rpm')) linkSync(join(from, name), join(to, name))
  }
  if (existsSync(join(from, 'repodata')))
    cpSync(join(from, 'repodata'), join(to, 'repodata'), { recursive: true })
}

/** Removes state folders that neither the live link nor the previous link uses (killed publishes, old states). */
export function pruneStates(paths: ChannelPaths, releasever: string, channel: string): string[] {
  if (!existsSync(paths.states)) return []
  const keep = new Set([linkTarget(paths.live), linkTarget(paths.previous)].filter(Boolean))
  const prefix = `${releasever}-${channel}-`
  const removed: string[] = []
  for (const name of readdirSync(paths.states)) {
    const dir = join(paths.states, name)
    if (!name.startsWith(prefix) || keep.has(dir) || !statSync(dir).isDirectory()) continue
    rmSync(dir, { recursive: true, force: true })
    removed.push(basename(dir))
  }
  return removed
}

/** The files a folder's repomd.xml names (repodata/…), none when it has no metadata. */
function namedMetadata(folder: string): string[] {
  const repomd = join(folder, 'repodata', 'repomd.xml')
  if (!existsSync(repomd)) return []
  return parseRepomd(readFileSync(repomd, 'utf8'), repomd).entries.map((entry) => entry.href)
}

/**
 * Leaves in a state folder's repodata/ its own metadata and the files the previous state's
 * repomd.xml names (hard links): a client that read the old repomd.xml just before the switch
 * finds every file it names, unchanged, just after it, where a plain switch would answer 404.
 * Anything older (what the previous state kept of the one before) goes.
 */
export function keepPreviousMetadata(previous: string | undefined, folder: string): void {
  const repodata = join(folder, 'repodata')
  if (!existsSync(repodata)) return
  const own = new Set(['repodata/repomd.xml', 'repodata/repomd.xml.asc', ...namedMetadata(folder)])
  const older = previous ? namedMetadata(previous).filter((href) => !own.has(href)) : []
  for (const name of readdirSync(repodata)) {
    if (!own.has(`repodata/${name}`)) rmSync(join(repodata, name), { force: true })
  }
  for (const href of older) {
    if (existsSync(join(previous!, href))) linkSync(join(previous!, href), join(folder, href))
  }
}
