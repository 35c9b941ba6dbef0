/**
 * Things a main phase leaves for the post phase to remove: temporary folders and processes
 * (qemu, gpg-agent). Recorded in the action state the moment they are created, so the post phase
 * can clean up even after main was killed with SIGKILL.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { PhaseContext } from './definition.js'
import { isAlive } from '../exec/process.js'
import { scratchDir } from '../fs/paths.js'

const DIRS = 'cleanup-dirs'
const PIDS = 'cleanup-pids'

type State = PhaseContext['state']

export function createWorkDir(state: State, prefix: string): string {
  const dir = mkdtempSync(join(scratchDir(), `kvm-actions-${prefix}-`))
  state.save(DIRS, [...(state.get<string[]>(DIRS) ?? []), dir])
  return dir
}

export function trackProcess(state: State, pid: number): void {
  state.save(PIDS, [...(state.get<number[]>(PIDS) ?? []), pid])
}

/** Process ids in the *.pid files directly inside dir. */
function pidFiles(dir: string): number[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pid'))
    .map((name) => Number(readFileSync(join(dir, name), 'utf8').trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 1)
}

/** Kills recorded process groups and removes recorded folders; returns what it did. */
export async function cleanUp(
  state: State,
  graceMs = 3000,
): Promise<{ killed: number[]; removed: string[] }> {
  const killed: number[] = []
  // Pidfiles in the recorded folders (qemu -pidfile) name processes started after the last state save.
  const fromFiles = (state.get<string[]>(DIRS) ?? []).flatMap((dir) => pidFiles(dir))
  for (const pid of new Set([...(state.get<number[]>(PIDS) ?? []), ...fromFiles])) {
    if (!isAlive(pid)) continue
    killed.push(pid)
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGTERM')
      } catch {
        // not a group leader, or gone
      }
    }
  }
  const deadline = Date.now() + graceMs
  while (killed.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  for (const pid of killed.filter(isAlive)) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL')
      } catch {
        // gone
      }
    }
  }
  const removed = state.get<string[]>(DIRS) ?? []
  for (const dir of removed) rmSync(dir, { recursive: true, force: true })
  state.save(PIDS, [])
  state.save(DIRS, [])
  return { killed, removed }
}

/** The post phase of every action that leaves things behind: clean up and say what was done. */
export async function postCleanUp({ state, log }: Pick<PhaseContext, 'state' | 'log'>): Promise<void> {
  const { killed, removed } = await cleanUp(state)
  // Silence when there was nothing to do: the log keeps one line per thing that happened.
  if (killed.length + removed.length > 0)
    log.info(`Stopped ${killed.length} process(es), removed ${removed.length} temporary folder(s)`)
}
