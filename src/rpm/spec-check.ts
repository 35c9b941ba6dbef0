/**
 * A spec as rpm sees it for one target: the subpackages `rpmspec -q` lists and the text
 * `rpmspec -P` expands, with the rebuild's dist, buildid and build switches. A spec that does
 * not parse is a configuration error quoting rpmspec; the expanded text (thousands of lines for
 * a kernel) goes to a file for upload-artifact, never into the log.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { exec } from '../exec/exec.js'
import { conditionalArgs, defineArgs } from './macros.js'

export interface SpecEvaluation {
  target: string
  defines: Record<string, string>
  with?: readonly string[]
  without?: readonly string[]
}

export interface ExpandedSpec {
  subpackages: string[]
  lines: string[]
  /** Where the expanded text was written, when asked. */
  file?: string
  /** The rpmspec arguments, as shown to people: `--target ppc64le --define 'dist .el9_6' …`. */
  described: string
}

export function rpmspecArgs(evaluation: SpecEvaluation): string[] {
  return [
    '--target',
    evaluation.target,
    ...defineArgs(evaluation.defines),
    ...conditionalArgs(evaluation.with, evaluation.without),
  ]
}

function describe(args: readonly string[]): string {
  return args.map((arg) => (/[\s']/.test(arg) ? `'${arg}'` : arg)).join(' ')
}

/**
 * rpmspec's own complaint: its error lines with their continuations (rpm prints `error: line N:
 * %files kvm` and then `: package kernel-kvm does not exist` on a line of its own).
 */
function rpmspecError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const errors: string[] = []
  for (const line of lines) {
    if (/^error:/i.test(line)) errors.push(line)
    else if (line.startsWith(':') && errors.length > 0) errors[errors.length - 1] += line
  }
  return (errors.length > 0 ? errors : lines.slice(-3)).join('; ')
}

export async function expandSpec(
  spec: string,
  specName: string,
  evaluation: SpecEvaluation,
  expandedFile?: string,
): Promise<ExpandedSpec> {
  const args = rpmspecArgs(evaluation)
  const described = describe(args)
  const query = await exec(['rpmspec', '-q', '--qf', '%{name}\\n', ...args, spec], { allowFailure: true })
  if (query.exitCode !== 0) {
    throw new ConfigurationError(
      `${specName} does not parse for ${evaluation.target} (rpmspec -q ${described}): ${rpmspecError(query.stderr)}`,
    )
  }
  const parsed = await exec(['rpmspec', '-P', ...args, spec], { allowFailure: true })
  if (parsed.exitCode !== 0) {
    throw new ConfigurationError(
      `${specName} does not expand for ${evaluation.target} (rpmspec -P ${described}): ${rpmspecError(parsed.stderr)}`,
    )
  }
  if (expandedFile) {
    mkdirSync(dirname(expandedFile), { recursive: true })
    writeFileSync(expandedFile, parsed.stdout)
  }
  return {
    subpackages: [...new Set(query.stdout.split('\n').filter(Boolean))],
    lines: parsed.stdout.split('\n'),
    described,
    ...(expandedFile ? { file: expandedFile } : {}),
  }
}
