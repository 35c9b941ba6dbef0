/** boot-test-guest: boot guests under KVM on POWER (emulation elsewhere) and report like a kernel CI. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createWorkDir, postCleanUp } from '../action/cleanup.js'
import { defineAction, InfrastructureError, input } from '../action/index.js'
import { requireTools } from '../exec/tools.js'
import { chooseAccel, probeHost } from './probe.js'

export const bootTestGuest = defineAction({
  name: 'boot-test-guest',
  title: 'Boot-test guest',
  description: 'Boot ppc64le guests under KVM on POWER (emulation elsewhere), run checks inside, and report.',
  inputs: {
    scenario: input.oneOf({
      description:
        '`image`: a disk image with cloud-init; `kernel`: direct kernel boot; `nested`: the kernel as an L1 hypervisor running an L2 guest.',
      values: ['image', 'kernel', 'nested'],
      required: true,
    }),
    accel: input.oneOf({
      description:
        '`auto` uses KVM when usable and otherwise emulation (with a warning); `kvm` fails without KVM.',
      values: ['auto', 'kvm', 'tcg'],
      default: 'auto',
    }),
    'boot-timeout': input.duration({
      description: 'Time allowed from start to the ready marker.',
      default: '10m',
    }),
    'results-dir': input.path({
      description: 'Where the console log, qemu command line, probe and results are written.',
      default: 'kvm-actions-results/boot-test-guest',
      insideWorkspace: true,
    }),
  },
  outputs: {
    accel: 'The accelerator used: kvm or tcg.',
    probe: 'JSON description of the host: architecture, CPU generation, platform, /dev/kvm, kvm_hv, nested.',
    'results-dir': 'Absolute path of the results folder, ready for upload-artifact.',
  },
  async main({ inputs, setOutput, summary, annotate, state }) {
    requireTools(['qemu-system-ppc64', 'qemu-img'])
    const probe = probeHost()
    const { accel, reason } = chooseAccel(inputs.accel, probe)
    if (reason && inputs.accel === 'kvm')
      throw new InfrastructureError(`accel is kvm but KVM is not usable: ${reason}`)
    if (reason)
      annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`)
    createWorkDir(state, 'guest')
    mkdirSync(inputs.resultsDir, { recursive: true })
    writeFileSync(join(inputs.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n')
    setOutput('accel', accel)
    setOutput('probe', probe)
    setOutput('results-dir', inputs.resultsDir)
    summary.heading('Host', 3).table(
      ['Property', 'Value'],
      [
        ['Architecture', probe.architecture],
        ['CPU', probe.cpu ?? 'n/a'],
        ['Platform', probe.platform],
        ['/dev/kvm', probe.kvmDevice],
        [
          'kvm_hv',
          probe.kvmHvLoaded
            ? `loaded${probe.nested !== undefined ? `, nested=${probe.nested}` : ''}`
            : 'not loaded',
        ],
        ['Scenario', inputs.scenario],
        ['Accelerator', accel + (reason ? ` (${reason})` : '')],
        ['Boot timeout', input.formatDuration(inputs.bootTimeout)],
      ],
    )
  },
  post: postCleanUp,
})
