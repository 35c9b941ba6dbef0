/** virsh against one libvirt connection: creating, watching and destroying transient domains. */
import { InfrastructureError } from '../errors.js'
import type { ExecResult } from '../exec/exec.js'
import { Tool } from '../exec/tool.js'
import { QemuStartError } from './qemu.js'

export class Virsh extends Tool {
  constructor(readonly uri: string) {
    super('virsh')
  }

  /** The argv of a virsh command on this connection (what the results folder records). */
  argv(...args: string[]): string[] {
    return [this.program, '-c', this.uri, ...args]
  }

  /** Starts a transient domain from its XML; a refusal is a QemuStartError with virsh's reason. */
  async create(domainFile: string): Promise<void> {
    await this.run(['-c', this.uri, 'create', domainFile])
  }

  /** Whether the domain is there and neither shut off nor crashed. */
  async running(name: string): Promise<boolean> {
    const state = await this.run(['-c', this.uri, 'domstate', name], { allowFailure: true })
    return state.exitCode === 0 && !/shut off|crashed/.test(state.stdout)
  }

  /** The domain's XML, or undefined when this connection has no such domain. */
  async dumpxml(name: string): Promise<string | undefined> {
    const result = await this.run(['-c', this.uri, 'dumpxml', name], { allowFailure: true })
    return result.exitCode === 0 ? result.stdout : undefined
  }

  async destroy(name: string): Promise<void> {
    await this.run(['-c', this.uri, 'destroy', name], { allowFailure: true })
  }

  override failure(result: ExecResult): Error {
    const said = (result.stderr || result.stdout).trim()
    if (result.argv.includes('create')) {
      // virsh says "Failed to create domain" first and why after it.
      const why =
        said.split('\n').find((line) => line.trim() && !/Failed to create domain/.test(line)) ?? said
      return new QemuStartError(`virsh could not start the guest: ${why.replace(/^error:\s*/, '')}`, said)
    }
    return new InfrastructureError(`virsh -c ${this.uri} ${result.argv.slice(3).join(' ')} failed: ${said}`)
  }
}
