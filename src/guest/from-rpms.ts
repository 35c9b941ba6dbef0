/**
 * The kernel and the emulator under test straight from their RPMs (build-kernel's and
 * patch-qemu's outputs): unpacked with rpm2cpio into private folders, never installed, so the
 * runner's own qemu and kernel stay untouched.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import type { Log } from '../reporter.js'
import { queryPackageFile, unpackRpm } from '../rpm/query.js'
import type { CandidateQemu } from './nested.js'

const KERNEL_PACKAGES = /^kernel(-core|-modules|-modules-core|-modules-extra|-kvm)?$/

export interface UnpackedKernel {
  kernel: string
  modulesDir: string
  kverrel: string
}

export async function kernelFromRpms(rpms: string[], dir: string, log?: Log): Promise<UnpackedKernel> {
  const chosen: string[] = []
  for (const rpm of rpms) {
    const header = await queryPackageFile(rpm)
    if (header.arch !== 'src' && KERNEL_PACKAGES.test(header.name)) chosen.push(rpm)
  }
  for (const rpm of chosen) await unpackRpm(rpm, dir, log)
  const modules = join(dir, 'lib', 'modules')
  const kverrel = existsSync(modules) ? readdirSync(modules).sort().at(-1) : undefined
  const candidates = kverrel
    ? [
        join(modules, kverrel, 'vmlinuz'),
        join(dir, 'boot', `vmlinux-${kverrel}`),
        join(dir, 'boot', `vmlinuz-${kverrel}`),
      ]
    : []
  const kernel = candidates.find((file) => existsSync(file))
  if (!kverrel || !kernel) {
    throw new ConfigurationError(
      `Input 'kernel-rpms' holds no kernel image (${chosen.length} kernel package(s) unpacked); expected kernel-core with /lib/modules/<kver>/vmlinuz`,
    )
  }
  return { kernel, modulesDir: join(modules, kverrel), kverrel }
}

export interface UnpackedQemu {
  qemu: string
  firmwareDir: string
}

export async function qemuFromRpms(rpms: string[], dir: string, log?: Log): Promise<UnpackedQemu> {
  for (const rpm of rpms.filter((file) => !file.endsWith('.src.rpm'))) await unpackRpm(rpm, dir, log)
  const qemu = join(dir, 'usr', 'libexec', 'qemu-kvm')
  if (!existsSync(qemu)) {
    throw new ConfigurationError(
      "Input 'qemu-rpms' holds no /usr/libexec/qemu-kvm; expected patch-qemu's qemu-kvm-core RPM among them",
    )
  }
  return { qemu, firmwareDir: join(dir, 'usr', 'share', 'qemu-kvm') }
}

/** patch-qemu's ppc64le qemu-kvm for the L2 guest inside L1: unpacked, with the NVR that holds it. */
export async function candidateL2Qemu(rpms: string[], dir: string, log?: Log): Promise<CandidateQemu> {
  const unpacked = await qemuFromRpms(rpms, dir, log)
  const headers = await Promise.all(
    rpms.filter((file) => !file.endsWith('.src.rpm')).map((file) => queryPackageFile(file)),
  )
  const holder = headers.find((header) => /^qemu-kvm(-core)?$/.test(header.name)) ?? headers[0]!
  return { root: dir, binary: unpacked.qemu, firmwareDir: unpacked.firmwareDir, nvr: holder.nvr }
}
