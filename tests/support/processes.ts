/** Every running process's command line, read from /proc: for tests that look for leaks. */
import { readdirSync, readFileSync } from 'node:fs'

/** "pid argv…" of each process (argv joined by spaces). */
export function commandLines(): string[] {
  const lines: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`)
    } catch {
      // gone meanwhile
    }
  }
  return lines
}

/** The processes whose command line names text. */
export const processesMentioning = (text: string): string[] =>
  commandLines().filter((line) => line.includes(text))
