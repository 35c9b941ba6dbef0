/**
 * @needs-system-tools
 * kvm-hv's PMU save/restore exports: the detection and our fix on small tree fragments written
 * here (both shapes: the C functions of Linux 5.16+, the assembly of EL9 up to 9.6), the patch
 * the RPM build adds (applied by patch and git apply, listed in an EL9-style spec), the modpost
 * failure as a configuration error, and the detection on Debian's real linux-source with the
 * exports taken out.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import type { Log } from '../../src/reporter.js'
import { prepareKernelSource } from '../../src/kernel/kconfig.js'
import {
  applyInsertions,
  describePmuExports,
  exportPmuSymbolsInSpec,
  exportPmuSymbolsInTree,
  kvmModpostFailure,
  patchSectionsBelow,
  PMU_EXPORTS_PATCH,
  pmuExportEdits,
  pmuExportState,
  treeFiles,
  unifiedDiff,
} from '../../src/kernel/module-exports.js'
import { writeTree } from '../support/fixtures.js'
import {
  debianKernelTarball,
  KERNEL_SOURCE_CACHE,
  PMU_PERF_FILE,
  removePmuExports,
} from '../support/kernel-source.js'

const quiet: Log = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_, fn) => fn(),
}

const MAKEFILE = `# kvm-hv and the built-in part, as arch/powerpc/kvm/Makefile lists them
kvm-hv-y += \\
\tbook3s_hv.o \\
\tbook3s_hv_interrupts.o

ifdef CONFIG_KVM_BOOK3S_HV_POSSIBLE
kvm-book3s_64-builtin-objs-$(CONFIG_KVM_BOOK3S_64_HANDLER) += \\
\tbook3s_hv_builtin.o \\
\tbook3s_hv_p9_perf.o \\
\t$(kvm-book3s_64-builtin-tm-objs-y)
endif

obj-$(CONFIG_KVM_BOOK3S_64_HV) += kvm-hv.o
`

const MODULE_C = `// The module: guest entry saves the host PMU and loads the guest's
#include "book3s_hv.h"

static int guest_entry(struct kvm_vcpu *vcpu, struct p9_host_os_sprs *sprs)
{
\tswitch_pmu_to_guest(vcpu, sprs);
\tswitch_pmu_to_host(vcpu, sprs);
\treturn 0;
}
`

/** The built-in file, with or without the exports. */
function perfFile(exported: boolean): string {
  return `// SPDX-License-Identifier: GPL-2.0-only
#include <asm/kvm_ppc.h>

#include "book3s_hv.h"

void switch_pmu_to_host(struct kvm_vcpu *vcpu, struct p9_host_os_sprs *sprs);

static void freeze(unsigned long mask)
{
\tif (mask)
\t\tmtspr(SPRN_MMCR0, mask);
}

void switch_pmu_to_guest(struct kvm_vcpu *vcpu,
\t\t\t struct p9_host_os_sprs *sprs)
{
\tif (vcpu) {
\t\tfreeze(1);
\t}
}
${exported ? 'EXPORT_SYMBOL_GPL(switch_pmu_to_guest);\n' : ''}
void switch_pmu_to_host(struct kvm_vcpu *vcpu,
\t\t\tstruct p9_host_os_sprs *sprs)
{
\t/* a brace in a comment: { */
\tfreeze(0);
}
${exported ? 'EXPORT_SYMBOL_GPL(switch_pmu_to_host);\n' : ''}`
}

const cShape = (exported: boolean, extra: Record<string, string> = {}) =>
  writeTree(
    {
      'arch/powerpc/kvm/Makefile': MAKEFILE,
      'arch/powerpc/kvm/book3s_hv.c': MODULE_C,
      'arch/powerpc/kvm/book3s_hv_interrupts.S': '/* nothing of the PMU */\n',
      'arch/powerpc/kvm/book3s_hv_builtin.c': '/* mentions switch_pmu_to_guest() only in a comment */\n',
      'arch/powerpc/kvm/book3s_hv_p9_perf.c': perfFile(exported),
      ...extra,
    },
    'pmu-tree-',
  )

/** EL9 up to 9.6 (5.14): the assembly functions, three built in and exported, one in the module. */
const asmShape = () =>
  writeTree(
    {
      'arch/powerpc/kvm/Makefile': MAKEFILE.replace('book3s_hv_p9_perf.o', 'book3s_hv_rmhandlers.o'),
      'arch/powerpc/kvm/book3s_hv.c': `static void entry(struct kvm_vcpu *vcpu)
{
\tkvmhv_save_host_pmu();
\tkvmhv_load_guest_pmu(vcpu);
\tkvmhv_save_guest_pmu(vcpu, true);
\tkvmhv_load_host_pmu();
}
`,
      'arch/powerpc/kvm/book3s_hv_interrupts.S': '_GLOBAL(kvmhv_save_host_pmu)\n\tblr\n',
      'arch/powerpc/kvm/book3s_hv_builtin.c': '\n',
      'arch/powerpc/kvm/book3s_hv_rmhandlers.S': [
        '#include <asm/export.h>',
        '_GLOBAL(kvmhv_load_guest_pmu)',
        'EXPORT_SYMBOL_GPL(kvmhv_load_guest_pmu)',
        '\tblr',
        '_GLOBAL(kvmhv_load_host_pmu)',
        'EXPORT_SYMBOL_GPL(kvmhv_load_host_pmu)',
        '\tblr',
        '_GLOBAL(kvmhv_save_guest_pmu)',
        'EXPORT_SYMBOL_GPL(kvmhv_save_guest_pmu)',
        '\tblr',
        '',
      ].join('\n'),
    },
    'pmu-asm-',
  )

const made: string[] = []
const tree = (dir: string) => (made.push(dir), dir)
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

describe('detecting the PMU save/restore exports kvm-hv needs', () => {
  it('finds functions built in without exports (the state the fix is for)', () => {
    const state = pmuExportState(treeFiles(tree(cShape(false))))
    expect(state.state).toBe('unexported')
    if (state.state !== 'unexported') return
    expect(state.missing).toEqual([
      { name: 'switch_pmu_to_guest', file: 'arch/powerpc/kvm/book3s_hv_p9_perf.c', exported: false },
      { name: 'switch_pmu_to_host', file: 'arch/powerpc/kvm/book3s_hv_p9_perf.c', exported: false },
    ])
    expect(describePmuExports(state)).toBe(
      'switch_pmu_to_guest, switch_pmu_to_host (built in, arch/powerpc/kvm/book3s_hv_p9_perf.c) are not exported, and kvm-hv.ko calls them',
    )
  })

  it('says an exporting tree is already enabled upstream, in both shapes', () => {
    const c = pmuExportState(treeFiles(tree(cShape(true))))
    expect(c.state).toBe('exported')
    expect(describePmuExports(c)).toMatch(
      /^already enabled upstream: switch_pmu_to_guest, switch_pmu_to_host /,
    )
    // The module's own kvmhv_save_host_pmu needs no export; the three built-in ones have theirs.
    const asm = pmuExportState(treeFiles(tree(asmShape())))
    expect(asm).toEqual({
      state: 'exported',
      needed: ['kvmhv_load_host_pmu', 'kvmhv_save_guest_pmu', 'kvmhv_load_guest_pmu'].map((name) => ({
        name,
        file: 'arch/powerpc/kvm/book3s_hv_rmhandlers.S',
        exported: true,
      })),
    })
  })

  it('calls a tree of another shape absent, saying why', () => {
    expect(pmuExportState(treeFiles(tree(writeTree({ Makefile: '' }))))).toEqual({
      state: 'absent',
      reason: 'the tree has no arch/powerpc/kvm/Makefile',
    })
    const noModule = tree(
      cShape(false, { 'arch/powerpc/kvm/Makefile': MAKEFILE.replace(/kvm-hv-y/, 'kvm-pr-y') }),
    )
    expect(pmuExportState(treeFiles(noModule))).toMatchObject({
      state: 'absent',
      reason: expect.stringMatching(/builds no kvm-hv module/),
    })
    const noCalls = tree(
      cShape(false, { 'arch/powerpc/kvm/book3s_hv.c': '/* switch_pmu_to_guest(vcpu) is not called */\n' }),
    )
    expect(pmuExportState(treeFiles(noCalls))).toMatchObject({
      state: 'absent',
      reason: expect.stringMatching(/^kvm-hv calls none of switch_pmu_to_guest, /),
    })
  })

  it('does not take an export in a comment for one', () => {
    const commented = tree(
      cShape(false, {
        'arch/powerpc/kvm/book3s_hv_builtin.c': '/* EXPORT_SYMBOL_GPL(switch_pmu_to_guest) was here */\n',
      }),
    )
    expect(pmuExportState(treeFiles(commented))).toMatchObject({ state: 'unexported' })
  })
})

describe('our fix', () => {
  it('puts each export after its function’s closing brace, and the header a file without exports lacks', () => {
    const dir = tree(cShape(false))
    const state = pmuExportState(treeFiles(dir))
    if (state.state !== 'unexported') throw new Error(state.state)
    const [edit] = pmuExportEdits(treeFiles(dir), state.missing)
    const fixed = applyInsertions(edit!)
    expect(fixed).toBe(
      perfFile(true).replace(
        '#include <asm/kvm_ppc.h>',
        '#include <linux/export.h>\n#include <asm/kvm_ppc.h>',
      ),
    )
    writeFileSync(join(dir, edit!.file), fixed)
    expect(pmuExportState(treeFiles(dir)).state).toBe('exported')
  })

  it('exports an assembly function after its _GLOBAL line, with the macro the file already uses', () => {
    const dir = tree(asmShape())
    const file = join(dir, 'arch/powerpc/kvm/book3s_hv_rmhandlers.S')
    writeFileSync(file, readFileSync(file, 'utf8').replace('EXPORT_SYMBOL_GPL(kvmhv_load_host_pmu)\n', ''))
    const state = pmuExportState(treeFiles(dir))
    if (state.state !== 'unexported') throw new Error(state.state)
    expect(state.missing.map((fn) => fn.name)).toEqual(['kvmhv_load_host_pmu'])
    const [edit] = pmuExportEdits(treeFiles(dir), state.missing)
    expect(applyInsertions(edit!)).toContain(
      '_GLOBAL(kvmhv_load_host_pmu)\nEXPORT_SYMBOL_GPL(kvmhv_load_host_pmu)\n\tblr',
    )
    // A file that exports nothing yet: its export header is not known, so no guess.
    writeFileSync(file, '_GLOBAL(kvmhv_load_guest_pmu)\n\tblr\n')
    const bare = pmuExportState(treeFiles(dir))
    if (bare.state !== 'unexported') throw new Error(bare.state)
    expect(() => pmuExportEdits(treeFiles(dir), bare.missing)).toThrow(/exports nothing yet/)
  })

  it('writes a unified diff that patch and git apply both apply', () => {
    const dir = tree(cShape(false))
    const state = pmuExportState(treeFiles(dir))
    if (state.state !== 'unexported') throw new Error(state.state)
    const edits = pmuExportEdits(treeFiles(dir), state.missing)
    const diff = edits.map(unifiedDiff).join('')
    expect(diff).toMatch(
      /^--- a\/arch\/powerpc\/kvm\/book3s_hv_p9_perf\.c\n\+\+\+ b\/arch\/powerpc\/kvm\/book3s_hv_p9_perf\.c\n@@ -1,4 \+1,5 @@\n/,
    )
    const expected = applyInsertions(edits[0]!)
    for (const argv of [
      ['patch', '-p1', '-s', '--dry-run'],
      ['patch', '-p1', '-s'],
    ]) {
      execFileSync(argv[0]!, [...argv.slice(1), '-d', dir], { input: diff })
    }
    expect(readFileSync(join(dir, edits[0]!.file), 'utf8')).toBe(expected)
    const other = tree(cShape(false))
    execFileSync('git', ['apply', '--check', '-'], { cwd: other, input: diff })
    execFileSync('git', ['apply', '-'], { cwd: other, input: diff })
    expect(readFileSync(join(other, edits[0]!.file), 'utf8')).toBe(expected)
  })

  it('edits a tree the build unpacked, copies a folder the user gave, and edits nothing without compiling', async () => {
    const own = tree(cShape(false))
    const done = await exportPmuSymbolsInTree(own, {
      enabled: true,
      compile: true,
      ownTree: true,
      copyTo: join(own, 'unused'),
      log: quiet,
    })
    expect(done).toEqual({
      tree: own,
      note: 'exported switch_pmu_to_guest, switch_pmu_to_host in arch/powerpc/kvm/book3s_hv_p9_perf.c, which the tree builds in without EXPORT_SYMBOL_GPL',
    })
    expect(pmuExportState(treeFiles(own)).state).toBe('exported')
    // Idempotent: the fixed tree is left as it is.
    const again = await exportPmuSymbolsInTree(own, {
      enabled: true,
      compile: true,
      ownTree: true,
      copyTo: '',
      log: quiet,
    })
    expect(again.note).toMatch(/^already enabled upstream/)

    const users = tree(cShape(false))
    const copy = join(tree(mkdtempSync(join(tmpdir(), 'pmu-copy-'))), 'source')
    const copied = await exportPmuSymbolsInTree(users, {
      enabled: true,
      compile: true,
      ownTree: false,
      copyTo: copy,
      log: quiet,
    })
    expect(copied.tree).toBe(copy)
    expect(copied.note).toMatch(/\(in a copy of the tree\)/)
    expect(pmuExportState(treeFiles(users)).state).toBe('unexported')
    expect(pmuExportState(treeFiles(copy)).state).toBe('exported')

    const planned = await exportPmuSymbolsInTree(users, {
      enabled: true,
      compile: false,
      ownTree: false,
      copyTo: '',
      log: quiet,
    })
    expect(planned).toEqual({
      tree: users,
      note: expect.stringMatching(
        /are not exported, and kvm-hv\.ko calls them; the build would export them$/,
      ),
    })
    const warnings: string[] = []
    const off = await exportPmuSymbolsInTree(users, {
      enabled: false,
      compile: true,
      ownTree: true,
      copyTo: '',
      log: { ...quiet, warning: (message) => warnings.push(message) },
    })
    expect(off.note).toMatch(/; left as it is \(export-pmu-symbols: false\)$/)
    expect(warnings).toEqual([
      expect.stringMatching(/export-pmu-symbols is false, so kvm-hv\.ko will fail at modpost$/),
    ])
    expect(pmuExportState(treeFiles(users)).state).toBe('unexported')
  })
})

describe('a %prep patch’s arch/powerpc/kvm sections', () => {
  it('keeps the sections below the folder, counting hunks so a --- line inside one is content', () => {
    const patch = [
      'From: someone',
      'Subject: two files',
      '',
      '--- a/drivers/other.c',
      '+++ b/drivers/other.c',
      '@@ -1,2 +1,2 @@',
      ' keep',
      '--- removed line that looks like a header',
      '+++ added line that looks like one',
      '--- a/arch/powerpc/kvm/book3s_hv.c',
      '+++ b/arch/powerpc/kvm/book3s_hv.c',
      '@@ -1 +1,2 @@',
      " // The module: guest entry saves the host PMU and loads the guest's",
      '+/* patched */',
      '--- /dev/null',
      '+++ b/arch/powerpc/kvm/new.c',
      '@@ -0,0 +1 @@',
      '+new',
      '',
    ].join('\n')
    expect(patchSectionsBelow(patch, 'arch/powerpc/kvm/')).toBe(
      [
        '--- a/arch/powerpc/kvm/book3s_hv.c',
        '+++ b/arch/powerpc/kvm/book3s_hv.c',
        '@@ -1 +1,2 @@',
        " // The module: guest entry saves the host PMU and loads the guest's",
        '+/* patched */',
        '--- /dev/null',
        '+++ b/arch/powerpc/kvm/new.c',
        '@@ -0,0 +1 @@',
        '+new',
        '',
      ].join('\n'),
    )
    expect(patchSectionsBelow('--- a/README\n+++ b/README\n@@ -1 +1 @@\n-a\n+b\n', 'arch/powerpc/kvm/')).toBe(
      '',
    )
  })
})

/** An EL9-shaped source RPM tree: the linux tarball, a %prep patch, and ApplyPatch helpers. */
function srpmTree(exported: boolean): { topdir: string; spec: string } {
  const topdir = tree(mkdtempSync(join(tmpdir(), 'pmu-srpm-')))
  const linux = join(topdir, 'linux-5.14.0-1.el9')
  cpSync(tree(cShape(exported)), linux, { recursive: true })
  mkdirSync(join(topdir, 'SOURCES'))
  mkdirSync(join(topdir, 'SPECS'))
  execFileSync('tar', [
    '-cJf',
    join(topdir, 'SOURCES', 'linux-5.14.0-1.el9.tar.xz'),
    '-C',
    topdir,
    'linux-5.14.0-1.el9',
  ])
  rmSync(linux, { recursive: true })
  // The distribution's patch changes kvm-hv and a file outside arch/powerpc/kvm.
  writeFileSync(
    join(topdir, 'SOURCES', 'patch-5.14.0-1-redhat.patch'),
    [
      'Red Hat changes',
      '',
      '--- a/arch/powerpc/kvm/book3s_hv.c',
      '+++ b/arch/powerpc/kvm/book3s_hv.c',
      '@@ -1,3 +1,4 @@',
      " // The module: guest entry saves the host PMU and loads the guest's",
      '+// RHEL: patched',
      ' #include "book3s_hv.h"',
      ' ',
      '--- a/drivers/gpu/absent.c',
      '+++ b/drivers/gpu/absent.c',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '',
    ].join('\n'),
  )
  writeFileSync(join(topdir, 'SOURCES', 'linux-kernel-test.patch'), '')
  const spec = join(topdir, 'SPECS', 'kernel.spec')
  writeFileSync(
    spec,
    `Name: kernel
Version: 5.14.0
Release: 1%{?dist}
Summary: The Linux kernel
License: GPLv2
Source0: linux-5.14.0-1.el9.tar.xz
Patch1: patch-5.14.0-1-redhat.patch
# empty final patch to facilitate testing of kernel patches
Patch999999: linux-kernel-test.patch

%description
A stand-in with the EL9 spec's patch helpers.

%prep
ApplyPatch()
{
  local patch=$1
  shift
  git apply \${1+"$@"} < $RPM_SOURCE_DIR/$patch
}

ApplyOptionalPatch()
{
  local patch=$1
  shift
  if [ "$(wc -l < $RPM_SOURCE_DIR/$patch)" -gt 9 ]; then
    ApplyPatch $patch \${1+"$@"}
  fi
}

%setup -q -n kernel-5.14.0 -c
cd linux-5.14.0-1.el9
ApplyOptionalPatch patch-5.14.0-1-redhat.patch
ApplyOptionalPatch linux-kernel-test.patch

# END OF PATCH APPLICATIONS

%build

%files

%changelog
* Mon Jan 05 2026 Someone <someone@example.com> - 5.14.0-1
- Built.
`,
  )
  return { topdir, spec }
}

describe('the RPM build’s patch', () => {
  it('adds our patch to SOURCES with a Patch line and an apply line in the spec’s style, once', async () => {
    const { topdir, spec } = srpmTree(false)
    const edits = await exportPmuSymbolsInSpec(spec, topdir, {}, quiet)
    expect(edits).toEqual([
      {
        index: 0,
        type: 'built-in',
        target: 'kernel.spec PMU exports',
        detail: `Patch1000000: ${PMU_EXPORTS_PATCH}, applied with 'ApplyPatch ${PMU_EXPORTS_PATCH}': exports switch_pmu_to_guest, switch_pmu_to_host (switch_pmu_to_guest, switch_pmu_to_host (built in, arch/powerpc/kvm/book3s_hv_p9_perf.c) are not exported, and kvm-hv.ko calls them)`,
      },
    ])
    const lines = readFileSync(spec, 'utf8').split('\n')
    expect(lines[lines.indexOf('Patch999999: linux-kernel-test.patch') + 1]).toBe(
      `Patch1000000: ${PMU_EXPORTS_PATCH}`,
    )
    // After the spec's last apply line, with ApplyPatch (required: a missing file fails %prep), as
    // AlmaLinux's own kernel patches are applied.
    expect(lines[lines.indexOf('ApplyOptionalPatch linux-kernel-test.patch') + 1]).toBe(
      `ApplyPatch ${PMU_EXPORTS_PATCH}`,
    )
    const patch = readFileSync(join(topdir, 'SOURCES', PMU_EXPORTS_PATCH), 'utf8')
    expect(patch.split('\n').length).toBeGreaterThan(9)

    // The patch applies after the spec's own: its context is the tree %prep leaves.
    const work = tree(mkdtempSync(join(tmpdir(), 'pmu-apply-')))
    execFileSync('tar', ['-xf', join(topdir, 'SOURCES', 'linux-5.14.0-1.el9.tar.xz'), '-C', work])
    const linux = join(work, 'linux-5.14.0-1.el9')
    execFileSync('git', ['init', '-q'], { cwd: linux })
    const redhat = patchSectionsBelow(
      readFileSync(join(topdir, 'SOURCES', 'patch-5.14.0-1-redhat.patch'), 'utf8'),
      'arch/',
    )
    execFileSync('git', ['apply', '-'], { cwd: linux, input: redhat })
    execFileSync('git', ['apply', join(topdir, 'SOURCES', PMU_EXPORTS_PATCH)], { cwd: linux })
    expect(pmuExportState(treeFiles(linux)).state).toBe('exported')
    expect(readFileSync(join(linux, 'arch/powerpc/kvm/book3s_hv.c'), 'utf8')).toContain('// RHEL: patched')

    // A spec that has it already gets nothing.
    const before = readFileSync(spec, 'utf8')
    expect(await exportPmuSymbolsInSpec(spec, topdir, {}, quiet)).toEqual([])
    expect(readFileSync(spec, 'utf8')).toBe(before)
  }, 60_000)

  it('changes nothing in a spec whose tree exports them, and says so', async () => {
    const { topdir, spec } = srpmTree(true)
    const before = readFileSync(spec, 'utf8')
    const edits = await exportPmuSymbolsInSpec(spec, topdir, {}, quiet)
    expect(edits.map((edit) => edit.detail)).toEqual([
      expect.stringMatching(
        /^already enabled upstream: switch_pmu_to_guest, switch_pmu_to_host .*: nothing changed$/,
      ),
    ])
    expect(readFileSync(spec, 'utf8')).toBe(before)
    expect(existsSync(join(topdir, 'SOURCES', PMU_EXPORTS_PATCH))).toBe(false)
  }, 60_000)
})

describe('a modpost failure of kvm-hv', () => {
  const log = [
    '  CC [M]  arch/powerpc/kvm/book3s_hv.o',
    '  MODPOST Module.symvers',
    'ERROR: modpost: "switch_pmu_to_guest" [arch/powerpc/kvm/kvm-hv.ko] undefined!',
    'ERROR: modpost: "switch_pmu_to_host" [arch/powerpc/kvm/kvm-hv.ko] undefined!',
    'ERROR: modpost: "switch_pmu_to_host" [arch/powerpc/kvm/kvm-hv.ko] undefined!',
    'make[2]: *** [scripts/Makefile.modpost:126: Module.symvers] Error 1',
  ].join('\n')

  it('is a configuration error naming the module and its symbols, not the log', () => {
    const error = kvmModpostFailure(log, '/results/build.log', false)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(error!.message).toBe(
      "the KVM modules do not link: modpost finds no export in the core kernel for what they call (arch/powerpc/kvm/kvm-hv.ko needs switch_pmu_to_guest, switch_pmu_to_host). switch_pmu_to_guest, switch_pmu_to_host are kvm-hv's PMU save/restore functions, which this tree builds in without EXPORT_SYMBOL_GPL: set export-pmu-symbols: true to export them before the build. (build log: /results/build.log)",
    )
    expect(kvmModpostFailure(log, 'l', true)!.message).toMatch(
      /export-pmu-symbols found nothing to export in this tree's shape/,
    )
  })

  it('leaves other failures alone', () => {
    expect(
      kvmModpostFailure('ERROR: modpost: "foo" [drivers/net/bar.ko] undefined!\n', 'l', true),
    ).toBeUndefined()
    expect(kvmModpostFailure('error: implicit declaration\n', 'l', true)).toBeUndefined()
    expect(
      kvmModpostFailure('ERROR: modpost: "kvm_other" [arch/powerpc/kvm/kvm.ko] undefined!\n', 'l', true)!
        .message,
    ).toMatch(/kvm\.ko needs kvm_other\)\. The tree \(or its patches\) must export what the module calls\./)
  })
})

describe("Debian's linux-source (Linux 6.1)", () => {
  let kvm: string
  beforeAll(async () => {
    const source = await prepareKernelSource(debianKernelTarball(), KERNEL_SOURCE_CACHE)
    // A copy of arch/powerpc/kvm in this test's own folder: the shared tree stays as it is.
    kvm = tree(mkdtempSync(join(tmpdir(), 'pmu-debian-')))
    cpSync(join(source, 'arch/powerpc/kvm'), join(kvm, 'arch/powerpc/kvm'), { recursive: true })
  }, 300_000)

  it('exports switch_pmu_to_guest and switch_pmu_to_host from the built-in book3s_hv_p9_perf.c', () => {
    expect(pmuExportState(treeFiles(kvm))).toEqual({
      state: 'exported',
      needed: ['switch_pmu_to_guest', 'switch_pmu_to_host'].map((name) => ({
        name,
        file: PMU_PERF_FILE,
        exported: true,
      })),
    })
  })

  it('with the exports taken out, is found unexported, and our fix restores them where they were', async () => {
    const original = removePmuExports(kvm)
    const state = pmuExportState(treeFiles(kvm))
    expect(state).toMatchObject({
      state: 'unexported',
      missing: [{ name: 'switch_pmu_to_guest' }, { name: 'switch_pmu_to_host' }],
    })
    const done = await exportPmuSymbolsInTree(kvm, {
      enabled: true,
      compile: true,
      ownTree: true,
      copyTo: '',
      log: quiet,
    })
    expect(done.note).toMatch(
      /^exported switch_pmu_to_guest, switch_pmu_to_host in arch\/powerpc\/kvm\/book3s_hv_p9_perf\.c/,
    )
    // Upstream's text again, with the header the file needs once it exports.
    expect(readFileSync(join(kvm, PMU_PERF_FILE), 'utf8').replace('#include <linux/export.h>\n', '')).toBe(
      original,
    )
    expect(pmuExportState(treeFiles(kvm)).state).toBe('exported')
  })
})
