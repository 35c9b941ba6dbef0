/** An action run through the CLI in a workspace, with its printed outputs parsed. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

export interface ActionRun {
  code: number
  /** stdout and stderr, in order. */
  out: string
  outputs: Record<string, string>
  workspace: string
}

export async function runAction(
  action: string,
  inputs: Record<string, string>,
  workspace = mkdtempSync(join(tmpdir(), 'ws-')),
): Promise<ActionRun> {
  const out: string[] = []
  const args = [action]
  for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`)
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => out.push(t), cwd: workspace })
  const text = out.join('')
  const outputs = Object.fromEntries(
    (text.split('Outputs:\n')[1] ?? '')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  return { code, out: text, outputs, workspace }
}
