/**
 * The kernel spec checked as rpm will build it for ppc64le, before any build: it must parse with
 * the rebuild's dist, buildid and build switches, and its packages must put kvm.ko and kvm-hv.ko
 * where the kvm-package mode says, for the base variant. This is what catches an edit that looks
 * right as text but leaves `%files kvm` without its package, or kernel-kvm without modules.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { expandSpec, type SpecEvaluation } from '../rpm/spec-check.js'
import { enclosingShellIf, sections, SHELL_IF } from '../rpm/spec.js'
import { KVM_ARCH, KVM_MODULE_NAMES, type KvmPackage, kvmShape, readKvmList } from './kvm-package.js'

export interface KernelSpecValidation {
  /** One sentence for the summary: what was checked, and how. */
  summary: string
  subpackages: string[]
  expandedFile: string
}

type Term =
  | { kind: 'compare'; left: string; right: string; equal: boolean }
  | { kind: 'empty'; word: string; empty: boolean }

/** A quoted or bare shell word with $Variant / ${Variant} replaced by the variant's name. */
function word(text: string, variant: string): string {
  return text.replace(/^"(.*)"$/, '$1').replace(/\$\{Variant\}|\$Variant\b/g, variant)
}

function parseTerm(text: string): Term | undefined {
  const compare = /^("[^"]*"|\S+)\s*(==|=|!=)\s*("[^"]*"|\S+)$/.exec(text.trim())
  if (compare) return { kind: 'compare', left: compare[1]!, right: compare[3]!, equal: compare[2] !== '!=' }
  const test = /^-(z|n)\s+("[^"]*"|\S+)$/.exec(text.trim())
  if (test) return { kind: 'empty', word: test[2]!, empty: test[1] === 'z' }
  return undefined
}

function evaluate(term: Term, variant: string): boolean {
  if (term.kind === 'compare') return (word(term.left, variant) === word(term.right, variant)) === term.equal
  return (word(term.word, variant) === '') === term.empty
}

/**
 * Whether a BuildKernel gate `if [[ A || B ]]; then` / `if [ A ] || [ B ]; then` holds for a
 * variant; undefined when it is not made of string tests joined by || and &&.
 */
export function shellGateHolds(line: string, variant: string): boolean | undefined {
  const condition = SHELL_IF.exec(line)?.[2]
  if (!condition) return undefined
  // Brackets and the operators between them: `[[ a || b ]]` and `[ a ] || [ b ]` read alike.
  const flat = condition.replace(/\[\[|\]\]|\[|\]/g, ' ').trim()
  let result: boolean | undefined
  let pending: '||' | '&&' | undefined
  for (const part of flat.split(/\s*(\|\||&&)\s*/)) {
    if (part === '||' || part === '&&') {
      pending = part
      continue
    }
    const term = parseTerm(part)
    if (!term) return undefined
    const value = evaluate(term, variant)
    result = result === undefined ? value : pending === '&&' ? result && value : result || value
  }
  return result
}

export async function validateKernelSpec(
  spec: string,
  specName: string,
  options: {
    sourcesDir: string
    evaluation: Omit<SpecEvaluation, 'target'>
    kvmPackage: KvmPackage
    resultsDir: string
  },
): Promise<KernelSpecValidation> {
  const expandedFile = join(options.resultsDir, `${specName.replace(/\.spec$/, '')}-ppc64le-expanded.spec`)
  const expanded = await expandSpec(
    spec,
    specName,
    {
      ...options.evaluation,
      target: KVM_ARCH,
      defines: { ...options.evaluation.defines, _sourcedir: options.sourcesDir },
    },
    expandedFile,
  )
  const { lines, subpackages } = expanded
  const problems: string[] = []
  // Upstream's own KVM kernel variant (AlmaLinux 9.6+): kernel-kvm is that kernel, built by BuildKernel.
  const shape = kvmShape(readFileSync(spec, 'utf8').split('\n'))
  if (shape.kind === 'variant') {
    const variant = shape.variant
    for (const name of [`kernel-${variant}`, `kernel-${variant}-core`, `kernel-${variant}-modules-core`])
      if (!subpackages.includes(name)) problems.push(`it builds no ${name} package`)
    if (!lines.some((line) => new RegExp(`^\\s*BuildKernel\\b.*\\s${variant}\\s*$`).test(line)))
      problems.push(`its %build does not build the ${variant} kernel variant for ${KVM_ARCH}`)
    if (problems.length > 0) {
      throw new ConfigurationError(
        `${specName} for ${KVM_ARCH} (rpmspec ${expanded.described}) ships kernel-kvm as its '${variant}' kernel variant, but ${problems.join('; ')}. The expanded spec is in ${expandedFile}`,
      )
    }
    return {
      summary: `Validated before the build: rpmspec ${expanded.described} parses the spec (${subpackages.length} packages); kernel-kvm is upstream's own ${KVM_ARCH} '${variant}' kernel variant, built with KVM on.`,
      subpackages,
      expandedFile,
    }
  }
  const kvmFiles = sections(lines).filter((s) => s.name === 'files' && s.subpackage === 'kvm')
  const listed = readKvmList(options.sourcesDir)
  // Lines that split mod-kvm.list's modules into kvm, and the gates they sit behind, for the base kernel.
  const splits = lines.flatMap((line, index) => (/mod-kvm\.list\s+kvm\s*$/.test(line) ? [index] : []))
  const forBase = splits.filter((index) => {
    const gate = enclosingShellIf(lines, index)
    return gate === -1 || shellGateHolds(lines[gate]!, '') === true
  })

  if (options.kvmPackage === 'subpackage') {
    if (!subpackages.includes('kernel-kvm')) problems.push('it builds no kernel-kvm package')
    if (kvmFiles.length === 0) problems.push('it has no %files section for kernel-kvm')
    const depmod = sections(lines).some(
      (s) =>
        s.name === 'post' &&
        s.subpackage === 'kvm' &&
        lines.slice(s.header + 1, s.end).some((l) => /\bdepmod\b/.test(l)),
    )
    if (!depmod) problems.push('kernel-kvm runs no depmod in %post')
    const missing = KVM_MODULE_NAMES.filter((name) => !listed.includes(name))
    if (missing.length > 0) problems.push(`mod-kvm.list does not name ${missing.join(', ')}`)
    if (forBase.length === 0)
      problems.push('the base kernel’s build does not split the modules of mod-kvm.list into kernel-kvm')
  } else {
    if (subpackages.includes('kernel-kvm') || kvmFiles.length > 0)
      problems.push('it still builds kernel-kvm for the base kernel')
    if (forBase.length > 0)
      problems.push('the base kernel’s build still splits the modules of mod-kvm.list out')
  }
  if (problems.length > 0) {
    throw new ConfigurationError(
      `${specName} for ${KVM_ARCH} (rpmspec ${expanded.described}) does not package the KVM modules as kvm-package: ${options.kvmPackage} asks: ${problems.join('; ')}. The expanded spec is in ${expandedFile}`,
    )
  }
  const where =
    options.kvmPackage === 'subpackage'
      ? `kernel-kvm is built and the base kernel moves ${KVM_MODULE_NAMES.join(' and ')} into it`
      : 'no kernel-kvm for the base kernel, whose modules keep kvm and kvm-hv'
  return {
    summary: `Validated before the build: rpmspec ${expanded.described} parses the spec (${subpackages.length} packages); ${where}.`,
    subpackages,
    expandedFile,
  }
}
