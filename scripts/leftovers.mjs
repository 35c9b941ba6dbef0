#!/usr/bin/env node
// Runs a command (the tests) and fails when it leaves something behind: a process started while
// it ran that outlives it (a daemon, an agent, a guest: orphans adopted by init), or more than a few MB of new files in the
// temporary folder: TMPDIR's, and /tmp too where TMPDIR points elsewhere (a tool that ignores
// TMPDIR writes there). .ci/run wraps `npm run all` in it, with TMPDIR an empty folder of its own,
// so whatever the run leaves counts, even what a used machine already had.
//
//   node scripts/leftovers.mjs [--max-tmp-mb N] -- command [args...]
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const dash = args.indexOf('--')
if (dash < 0 || dash === args.length - 1) {
  console.error('usage: node scripts/leftovers.mjs [--max-tmp-mb N] -- command [args...]')
  process.exit(2)
}
const options = args.slice(0, dash)
const command = args.slice(dash + 1)
const maxTmpMb = options[0] === '--max-tmp-mb' ? Number(options[1]) : 5

/** pid → { cmdline, ppid } of every live process but kernel threads (kthreadd, pid 2, and its children). */
function processes() {
  const found = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const [state, ppidText] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(ppidText)
      // Kernel threads, and zombies: dead already, only waiting for init to reap them.
      if (name === '2' || ppid === 2 || state === 'Z' || state === 'X') continue
      // A process in the middle of execve has no command line for an instant: its name stands in.
      const cmdline =
        readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ') ||
        `[${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}]`
      found.set(Number(name), { cmdline, ppid })
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/** This process's ancestors: one of them may be a child subreaper that adopts the run's orphans. */
function ancestors(all) {
  const found = new Set()
  for (let pid = all.get(process.pid)?.ppid; pid && pid > 1 && !found.has(pid); pid = all.get(pid)?.ppid)
    found.add(pid)
  return found
}

/**
 * The new processes nobody waits for: orphans adopted by init or by a subreaper among this
 * process's ancestors (a daemon, or a child whose parent died), and everything they started.
 * Processes of other, still running programs do not count.
 */
function orphansSince(before, after) {
  const fresh = new Map([...after].filter(([pid]) => !before.has(pid) && pid !== process.pid))
  const adopters = new Set([1, ...ancestors(after)])
  const orphans = new Set([...fresh].filter(([, info]) => adopters.has(info.ppid)).map(([pid]) => pid))
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, info] of fresh) {
      if (!orphans.has(pid) && orphans.has(info.ppid)) {
        orphans.add(pid)
        grew = true
      }
    }
  }
  return [...orphans].map((pid) => [pid, fresh.get(pid).cmdline])
}

/** Bytes below path, not following links. */
function size(path) {
  let stat
  try {
    stat = statSync(path, { throwIfNoEntry: false })
  } catch {
    return 0
  }
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.size
  let total = 0
  let entries = []
  try {
    entries = readdirSync(path)
  } catch {
    return 0
  }
  for (const entry of entries) {
    try {
      const child = join(path, entry)
      const childStat = statSync(child, { throwIfNoEntry: false })
      if (childStat?.isSymbolicLink?.()) continue
      total += size(child)
    } catch {
      // unreadable: not counted
    }
  }
  return total
}

const tmpDirs = [...new Set([tmpdir(), '/tmp'])]
const before = processes()
const tmpBefore = new Map(tmpDirs.map((dir) => [dir, new Set(readdirSync(dir))]))
const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit' })
const status = run.status ?? 1

const problems = []
const after = processes()
for (const [pid, seen] of orphansSince(before, after)) {
  // Read again: one caught in the middle of execve has its real command line by now.
  let cmdline = seen
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ') || seen
  } catch {
    // gone since
  }
  problems.push(`process ${pid} outlived the run: ${cmdline.slice(0, 200)}`)
}
const found = tmpDirs.map((dir) => {
  const entries = readdirSync(dir)
    .filter((name) => !tmpBefore.get(dir).has(name))
    .map((name) => ({ name, bytes: size(join(dir, name)) }))
    .sort((a, b) => b.bytes - a.bytes)
  return { dir, entries, mb: entries.reduce((sum, entry) => sum + entry.bytes, 0) / 1048576 }
})
for (const { dir, entries, mb } of found) {
  if (mb <= maxTmpMb) continue
  problems.push(
    `${mb.toFixed(1)} MB left in ${dir} (at most ${maxTmpMb} MB): ${entries
      .slice(0, 10)
      .map((entry) => `${entry.name} (${(entry.bytes / 1048576).toFixed(1)} MB)`)
      .join(', ')}`,
  )
}
if (problems.length > 0) {
  console.error(`leftovers: the run left things behind:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(status === 0 ? 1 : status)
}
const counted = found.map(
  ({ dir, entries, mb }) => `${entries.length} new entries, ${mb.toFixed(1)} MB, in ${dir}`,
)
console.error(`leftovers: none (${counted.join('; ')})`)
process.exit(status)
