/**
 * How a prepared guest is started: qemu directly, or as a libvirt domain. Each launcher writes
 * what it ran (the command line, the domain XML) into the results folder before it runs it.
 */
import type { BootOptions, BootResult } from '../boot.js'

export type LauncherName = 'qemu' | 'libvirt' | 'openstack'

export interface Launcher {
  readonly name: string
  /** Programs it needs on PATH. */
  readonly tools: readonly string[]
  launch(options: BootOptions, resultsDir: string): Promise<BootResult>
}
