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
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { acquireLock } from '../fs/lock.js'

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
