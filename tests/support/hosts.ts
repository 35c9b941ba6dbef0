import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CliHost, cliHost } from '../../src/host/cli.js'

export interface CapturedHost extends CliHost {
  stdout: string[]
  stderr: string[]
}

/** The real CLI host, writing into arrays, with its own workspace, state file and cache. */
export function capturedHost(inputs: Record<string, string> = {}, workspace?: string): CapturedHost {
  const dir = mkdtempSync(join(tmpdir(), 'host-'))
  const stdout: string[] = []
  const stderr: string[] = []
  const host = cliHost({
    inputs,
    workspace: workspace ?? dir,
    stateFile: join(dir, 'state.json'),
    cacheDir: join(dir, 'cache'),
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
  })
  return Object.assign(host, { stdout, stderr })
}
