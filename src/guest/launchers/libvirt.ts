/** The guest as a transient libvirt domain, defined the way OpenStack nova does on ppc64le. */
import { chmodSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describeArgv } from '../../exec/exec.js'
import { bootWithLibvirt, domainXml } from '../libvirt.js'
import type { Launcher } from './launcher.js'

export interface LibvirtLauncherOptions {
  uri: string
  /** The emulator's full path: libvirt does not search PATH. */
  emulator: string
  /** The work folder: readable to libvirt's qemu user, and the domain's unique name. */
  work: string
}

export function libvirtLauncher({ uri, emulator, work }: LibvirtLauncherOptions): Launcher {
  return {
    name: 'libvirt',
    tools: ['virsh'],
    async launch(options, resultsDir) {
      const domain = { ...options, qemu: emulator, name: `kvm-actions-${basename(work)}`, uri }
      // libvirt runs qemu as its own user: the work folder (initramfs) must be readable to it.
      chmodSync(work, 0o755)
      const file = join(resultsDir, 'domain.xml')
      writeFileSync(file, domainXml(domain))
      writeFileSync(
        join(resultsDir, 'qemu-command.txt'),
        describeArgv(['virsh', '-c', uri, 'create', file]) + '\n',
      )
      return bootWithLibvirt(domain, file)
    },
  }
}
