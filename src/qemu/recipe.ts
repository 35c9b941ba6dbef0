/**
 * The built-in ppc64le recipes of patch-qemu, as rebuild hooks: the spec edits and device patch
 * before the user's recipes, then a changelog entry and the rpmspec validation on the final spec.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Log } from '../reporter.js'
import { type AppliedEdit, applyRecipe, builtInEdit, recipeDate } from '../rpm/autopatch/apply.js'
import type { Recipe, RecipeAction } from '../rpm/autopatch/config.js'
import { editSpecFile, numberedTags } from '../rpm/spec.js'
import { exec } from '../exec/exec.js'
import { openForPower, STACK_EXPECTATIONS, type StackPackage } from './stack.js'
import { type DevicePlan, planDevices, qemuKconfigSymbols, qemuTarball, stockDeviceFile } from './devices.js'
import {
  keepSlof,
  liftToolsOnly,
  passPpc64Devices,
  restoreLibvirtQemuArches,
  type SpecEdit,
} from './spec-edits.js'
import {
  checkSpecForPpc64le,
  LIBVIRT_EXPECTATION,
  QEMU_KVM_EXPECTATION,
  requireSpecCheck,
  type SpecExpectation,
} from './validate.js'

export const DEVICE_PATCH = 'kvm-actions-ppc64-rh-devices.patch'

export interface Author {
  name: string
  email: string
}

export interface BuiltInOptions {
  author: Author
  log: Log
}

/** The spec as rpmspec expands it for ppc64le, kept in the package's results folder. */
export const EXPANDED_SPEC = 'spec-ppc64le-expanded.spec'

/** What the built-in recipe did to one package, for the summary. */
export interface BuiltInReport {
  edits: SpecEdit[]
  devices?: DevicePlan
  subpackages?: string[]
}

/** What an edit says when the spec already had its change: nothing is applied twice. */
export const ALREADY_UPSTREAM = 'already enabled upstream'

/** The edits that changed something (for the changelog: names only). */
function changedEdits(edits: readonly SpecEdit[]): string[] {
  return edits.filter((e) => !e.detail.startsWith(ALREADY_UPSTREAM)).map((e) => e.edit)
}

function builtIn(spec: string, edits: SpecEdit[]): AppliedEdit[] {
  return edits.map(({ edit, detail }) => builtInEdit(spec, edit, detail))
}

// Our own recipes run strict: a quiet no-op here would ship a package without the change.
function engineRecipe(source: string, actions: RecipeAction[]): Recipe {
  return {
    source,
    parameters: { insertMarker: false, ignoreVersionMacros: false, ignoreReleaseMacros: false, strict: true },
    actions: actions.map((action, index) => ({ ...action, index: index + 1 })) as Recipe['actions'],
  }
}

export interface PackageHooks {
  prepare(tree: string, spec: string, defines: Record<string, string>): Promise<AppliedEdit[]>
  finish(
    tree: string,
    spec: string,
    defines: Record<string, string>,
    resultsDir: string,
  ): Promise<AppliedEdit[]>
  report: BuiltInReport
}

function hooks(
  options: BuiltInOptions,
  expectation: SpecExpectation,
  prepare: (tree: string, spec: string, report: BuiltInReport) => Promise<AppliedEdit[]>,
  checkDefines: () => Promise<Record<string, string>> = async () => ({}),
): PackageHooks {
  const report: BuiltInReport = { edits: [] }
  return {
    report,
    prepare: (tree, spec) => prepare(tree, spec, report),
    async finish(tree, spec, defines, resultsDir) {
      const [changelog] = await applyRecipe(
        engineRecipe('built-in ppc64le recipe', [
          {
            type: 'changelog_entry',
            name: options.author.name,
            email: options.author.email,
            // Names only: details quote spec lines, and rpm expands macros in %changelog.
            line: [
              `Rebuilt for KVM hosts on ppc64le (kvm-actions): ${changedEdits(report.edits).join(', ') || 'every change already enabled upstream'}`,
            ],
          },
        ]),
        { packageDir: tree, filesDir: tree, scriptsDir: tree, date: recipeDate(), defines, log: options.log },
      )
      const name = basename(spec, '.spec')
      const check = await checkSpecForPpc64le(
        spec,
        name,
        expectation,
        { ...(await checkDefines()), ...defines, _sourcedir: join(tree, 'SOURCES') },
        join(resultsDir, EXPANDED_SPEC),
      )
      requireSpecCheck(basename(spec), check)
      report.subpackages = check.subpackages
      return changelog ? [changelog] : []
    },
  }
}

/** qemu-kvm: the full emulator on power64, its device list, and slof.bin kept in qemu-kvm-core. */
export function qemuKvmRecipe(options: BuiltInOptions): PackageHooks {
  return hooks(options, QEMU_KVM_EXPECTATION, async (tree, spec, report) => {
    const sources = join(tree, 'SOURCES')
    report.edits.push(
      ...editSpecFile(spec, (lines, name) => [
        liftToolsOnly(lines, name),
        passPpc64Devices(lines, name),
        keepSlof(lines, name),
      ]),
    )
    const patches = numberedTags(readFileSync(spec, 'utf8').split('\n'), 'Patch').map((tag) =>
      basename(tag.value),
    )
    const devices = planDevices({
      stock: stockDeviceFile(sources, patches),
      kconfig: await qemuKconfigSymbols(qemuTarball(sources)),
      author: `${options.author.name} <${options.author.email}>`,
      date: recipeDate(),
    })
    report.devices = devices
    let detail = `already enabled upstream: ${devices.stockPatch ?? 'the stock device file'} enables every wanted symbol`
    if (devices.patch) {
      const filesDir = join(dirname(tree), 'built-in-files')
      mkdirSync(filesDir, { recursive: true })
      writeFileSync(join(filesDir, DEVICE_PATCH), devices.patch)
      const added = await applyRecipe(
        engineRecipe('built-in ppc64le recipe', [
          {
            type: 'add_files',
            fileType: 'patch',
            name: DEVICE_PATCH,
            number: 'Latest',
            modifySpec: true,
            noBackup: true,
          },
        ]),
        { packageDir: tree, filesDir, scriptsDir: filesDir, log: options.log },
      )
      detail = `${added.map((edit) => edit.detail).join('; ')} (${devices.after.length - devices.before.length} device symbols)`
    }
    report.edits.push({ edit: 'device config', detail })
    return builtIn(spec, report.edits)
  })
}

/** libvirt: the QEMU driver and KVM daemon on power64. */
export function libvirtRecipe(options: BuiltInOptions): PackageHooks {
  return hooks(options, LIBVIRT_EXPECTATION, async (_tree, spec, report) => {
    report.edits.push(...editSpecFile(spec, (lines, name) => [restoreLibvirtQemuArches(lines, name)]))
    return builtIn(spec, report.edits)
  })
}

/**
 * EL's kernel_arches (redhat-rpm-config), for the validation on a host whose rpm lacks it
 * (Debian's): the EL9 stack specs say `ExclusiveArch: %{kernel_arches}`.
 */
export const EL9_KERNEL_ARCHES = 'x86_64 s390x ppc64le aarch64'

export async function kernelArchesDefine(): Promise<Record<string, string>> {
  const { stdout } = await exec(['rpm', '--eval', '%{?kernel_arches}'], { allowFailure: true })
  return stdout.trim() ? {} : { kernel_arches: EL9_KERNEL_ARCHES }
}

/** virtiofsd, libguestfs, guestfs-tools, supermin, seabios, virt-top: built for ppc64le. */
export function stackRecipe(pkg: StackPackage, options: BuiltInOptions): PackageHooks {
  return hooks(
    options,
    STACK_EXPECTATIONS[pkg],
    async (_tree, spec, report) => {
      report.edits.push(...editSpecFile(spec, (lines) => [openForPower(lines)]))
      return builtIn(spec, report.edits)
    },
    kernelArchesDefine,
  )
}

/** `Name <email>` as the changelog author. */
export function parseAuthor(text: string): Author | undefined {
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text)
  return match ? { name: match[1]!, email: match[2]! } : undefined
}
