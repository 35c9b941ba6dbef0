/** The guest as a qemu-system-ppc64 process on the serial console. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeArgv } from '../../exec/exec.js'
import { bootGuest, qemuArgv } from '../boot.js'
import type { Launcher } from './launcher.js'

export function qemuLauncher(qemu: string): Launcher {
  return {
    name: 'qemu',
    tools: [qemu],
    async launch(options, resultsDir) {
      writeFileSync(join(resultsDir, 'qemu-command.txt'), describeArgv(qemuArgv(options)) + '\n')
      return bootGuest(options)
    },
  }
}
