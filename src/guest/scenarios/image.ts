/**
 * `image`: a cloud disk image, verified and cached, booted by SLOF on a qcow2 overlay with a
 * cloud-init seed; the checks run over SSH.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describeArgv } from '../../exec/exec.js'
import { freePort } from '../../net/port.js'
import {
  bootImage,
  createOverlay,
  createSeed,
  fetchImage,
  IMAGE_READY_MARKERS,
  imageQemuArgv,
  runSshKey,
} from '../image.js'
import { scratchDisk } from '../workloads.js'
import type { Scenario } from './scenario.js'

export const imageScenario: Scenario = {
  name: 'image',
  nested: false,
  launchers: ['qemu'],
  tools: ['qemu-img', 'xorriso', 'ssh', 'ssh-keygen'],
  validate: () => [],
  async prepare(request) {
    const { image } = request
    const fetched = await fetchImage({
      image: image.image,
      ...(image.checksum ? { checksum: image.checksum } : {}),
      ...(image.checksumKey ? { signingKey: image.checksumKey } : {}),
      cacheDir: image.cacheDir,
      workDir: request.work,
      log: request.log,
      signal: request.signal,
    })
    const overlay = join(request.work, 'overlay.qcow2')
    await createOverlay(fetched.path, overlay)
    const key = await runSshKey(request.work)
    const seed = await createSeed(request.work, {
      instanceId: basename(request.work),
      hostname: 'kvm-actions-guest',
      user: image.user,
      sshPublicKey: key.publicKey,
    })
    const sshPort = await freePort()
    // The workloads' scratch disk; their tools come from the image's own packages.
    const scratch = request.workloads.length > 0 ? (await scratchDisk(request.work)).file : undefined
    request.summary.paragraph(
      `Image ${fetched.path}${fetched.cached ? ' (from the cache)' : ''}, verified; the guest writes to an overlay, SSH on 127.0.0.1:${sshPort}.`,
    )
    const disk = {
      overlay,
      seed,
      sshPort,
      user: image.user,
      privateKey: key.privateKey,
      checks: request.checks,
      workloads: request.workloads,
      ...(scratch ? { scratch } : {}),
      checkTimeoutMs: image.checkTimeoutMs,
      shutdownTimeoutMs: request.shutdownTimeoutMs,
    }
    return {
      kernel: '',
      initrd: '',
      firmware: 'slof',
      memoryMb: request.memoryMb,
      markers: IMAGE_READY_MARKERS,
      details: [],
      launcher: {
        name: 'qemu (disk image)',
        tools: [],
        async launch(options, resultsDir) {
          mkdirSync(resultsDir, { recursive: true })
          const guest = { ...options, ...disk }
          writeFileSync(join(resultsDir, 'qemu-command.txt'), describeArgv(imageQemuArgv(guest)) + '\n')
          return bootImage(guest)
        },
      },
    }
  },
}
