/**
 * One external program, as a small class: where it is, its version, the argv it is run with and
 * what its failures mean. Each program the suite drives has its own subclass beside the code that
 * uses it (Rpmbuild, Mock, Rpm, Createrepo, Qemu, Virsh, Ssh; GpgHome for gpg).
 */
import { type Argv, CommandFailedError, exec, type ExecOptions, type ExecResult } from './exec.js'
import { requireTools } from './tools.js'

export abstract class Tool {
  constructor(readonly program: string) {}

  /** The program's path; a missing one is an InfrastructureError that names the setup script. */
  locate(): string {
    return requireTools([this.program])[this.program]!
  }

  /** The arguments that make the program print its version. */
  protected readonly versionArgs: readonly string[] = ['--version']

  /** The first line the program prints about its version (for summaries and bug reports). */
  async version(): Promise<string> {
    const result = await exec([this.locate(), ...this.versionArgs], {
      allowFailure: true,
      captureLimitBytes: 64 * 1024,
    })
    return (
      (result.stdout + result.stderr)
        .split('\n')
        .find((line) => line.trim())
        ?.trim() ?? ''
    )
  }

  /** The error a failed run is: by default the command and its last output line. */
  failure(result: ExecResult): Error {
    return new CommandFailedError(result)
  }

  /** Runs the program with args; a failure (exit code not ok, timeout) is thrown as failure() says. */
  protected async run(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const result = await exec([this.program, ...args] as Argv, { ...options, allowFailure: true })
    const ok = (options.okExitCodes ?? [0]).includes(result.exitCode ?? -1) && !result.timedOut
    if (!ok && !options.allowFailure) throw this.failure(result)
    return result
  }
}
