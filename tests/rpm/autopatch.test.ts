// @needs-system-tools
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import type { Log } from '../../src/reporter.js'
import { applyRecipe, changelogDate, recipeDate } from '../../src/rpm/autopatch/apply.js'
import { parseRecipe } from '../../src/rpm/autopatch/config.js'
import { FIXTURES, fixtureTree, treeDigest, writeTree } from '../support/fixtures.js'

const DATE = new Date(Date.UTC(2026, 10, 25, 12))

async function apply(tree: string, yaml: string, extra: Record<string, string> = {}, log?: Log) {
  const config = writeTree({ 'config.yaml': yaml, ...extra })
  return applyRecipe(parseRecipe(yaml, join(config, 'config.yaml')), {
    packageDir: tree,
    filesDir: join(config, 'files'),
    scriptsDir: join(config, 'scripts'),
    date: DATE,
    ...(log ? { log } : {}),
  })
}

const spec = (tree: string, name: string): string => readFileSync(join(tree, 'SPECS', name), 'utf8')

async function expectUnchangedAfterFailure(tree: string, yaml: string, message: string | RegExp, extra = {}) {
  const before = treeDigest(dirname(tree))
  await expect(apply(tree, yaml, extra)).rejects.toThrow(message)
  expect(treeDigest(dirname(tree))).toEqual(before) // no edit, no leftover copy
}

/** A flat package `pkg` holding pkg.spec and any other files, for the edge cases. */
function flatTree(specText: string, files: Record<string, string> = {}): string {
  const entries = Object.entries({ 'pkg.spec': specText, ...files }).map(([path, text]) => [
    `pkg/${path}`,
    text,
  ])
  return join(writeTree(Object.fromEntries(entries)), 'pkg')
}
const flatSpec = (tree: string): string => readFileSync(join(tree, 'pkg.spec'), 'utf8')

const CHANGELOG_ENTRY =
  'actions:\n  - changelog_entry:\n    - name: A\n      email: a@example.org\n      line: [x]\n'

const replaceRecipe = (entry: string, parameters = ''): string =>
  `${parameters}actions:\n  - replace:\n    - target: spec\n${entry.replace(/^/gm, '      ')}\n`

/**
 * Our fixtures laid out as AlmaLinux lays out its test configs (tests/configs/<name> of
 * AlmaLinux/autopatch-tool): the package, autopatch/<name>.yaml with files/, `expected` for the
 * spec and <file>.expected for any other file the recipe changes. The specs, recipes and
 * expected files are our own; the expected files are also what AlmaLinux's tool writes.
 */
const CONFORMANCE = join(FIXTURES, 'autopatch-conformance')
const CASE_DATE = new Date(Date.UTC(2026, 0, 14, 12))

async function applyCase(name: string, yaml?: string) {
  const source = join(CONFORMANCE, name)
  const tree = join(mkdtempSync(join(tmpdir(), `${name}-`)), name)
  const expectation = (path: string): boolean =>
    [join(source, 'autopatch'), join(source, 'expected')].includes(path) || path.endsWith('.expected')
  cpSync(source, tree, { recursive: true, filter: (path) => !expectation(path) })
  const config = join(source, 'autopatch', `${name}.yaml`)
  const edits = await applyRecipe(parseRecipe(yaml ?? readFileSync(config, 'utf8'), config), {
    packageDir: tree,
    filesDir: join(source, 'autopatch', 'files'),
    scriptsDir: join(source, 'autopatch', 'scripts'),
    date: CASE_DATE,
  })
  return { source, tree, edits }
}

/** [expected file, result file] pairs of a case. */
function expectedFiles(source: string, tree: string): [string, string][] {
  const name = basename(source)
  const specPath = existsSync(join(source, 'SPECS')) ? join('SPECS', `${name}.spec`) : `${name}.spec`
  const sideFiles = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter(
    (path) => path.endsWith('.expected') && !path.startsWith('autopatch'),
  )
  return [
    [join(source, 'expected'), join(tree, specPath)],
    ...sideFiles.map((path): [string, string] => [
      join(source, path),
      join(tree, path.replace(/\.expected$/, '')),
    ]),
  ]
}

const files = (tree: string): string[] =>
  readdirSync(tree, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(tree, join(entry.parentPath, entry.name)))
    .sort()

describe('AlmaLinux’s test configs, modelled as our own fixtures', () => {
  it.each(readdirSync(CONFORMANCE).sort())(
    '%s: every changed file equals its expected file',
    async (name) => {
      const { source, tree } = await applyCase(name)
      for (const [expected, result] of expectedFiles(source, tree)) {
        expect([relative(tree, result), readFileSync(result, 'utf8')]).toEqual([
          relative(tree, result),
          readFileSync(expected, 'utf8'),
        ])
      }
    },
  )

  it('applies the EL9 kernel recipe whose count-2 replace matches five times, and adds its files beside the spec', async () => {
    const { tree, edits } = await applyCase('kernel-el9')
    expect(edits.find((edit) => edit.detail.startsWith("2 occurrence(s) of '%ifnarch noarch'"))).toEqual({
      index: 12,
      type: 'replace',
      target: 'kernel-el9.spec',
      detail: "2 occurrence(s) of '%ifnarch noarch'; 3 more left by count 2",
    })
    expect(files(tree)).toEqual(
      [
        '0001-KVM-PPC-Book3S-HV-export-PMU-save-restore-symbols.patch',
        '0002-KVM-PPC-allow-kvm-hv-as-a-module.patch',
        '0003-powerpc-pseries-enable-nested-KVM-by-default.patch',
        'kernel-el9.spec',
        'kernel-ppc64le-debug-rhel.config',
        'kernel-ppc64le-rhel.config',
        'kernel-x86_64-rhel.config',
        'kvmpowerdup1.x509',
        'kvmpowerima.x509',
        'kvmpowerimaca1.x509',
        'kvmpowerkpatch1.x509',
        'x509.genkey.centos',
        'x509.genkey.rhel',
      ].sort(),
    )
  })

  it('stops the same kernel recipe at that replace in strict mode, leaving the tree alone', async () => {
    const config = readFileSync(join(CONFORMANCE, 'kernel-el9', 'autopatch', 'kernel-el9.yaml'), 'utf8')
    await expect(applyCase('kernel-el9', `parameters:\n  strict: true\n${config}`)).rejects.toThrow(
      "autopatch action replace #12 (kernel-el9.spec): '%ifnarch noarch' matches 5 time(s), count says 2",
    )
  })

  it('puts the EL10 qemu-kvm recipe’s patches in SOURCES/ of a SPECS/ tree', async () => {
    const { tree } = await applyCase('qemu-kvm-el10')
    expect(files(tree)).toEqual([
      'SOURCES/2001-Build-the-ppc64-system-emulator.patch',
      'SOURCES/2002-spapr-keep-the-RHEL-machine-types-on-POWER.patch',
      'SOURCES/qemu-9.1.0.tar.xz',
      'SOURCES/qemu-guest-agent.service',
      'SPECS/qemu-kvm-el10.spec',
    ])
  })

  it('deletes a file of the tree and, for one only the lookaside cache holds, its line', async () => {
    const { tree, edits } = await applyCase('deletions')
    expect(files(tree)).toEqual(['deletions.spec', 'sources'])
    expect(edits.filter((edit) => edit.type === 'delete_files').map((edit) => edit.detail)).toEqual([
      'deleted obsolete.conf',
      'removed from sources',
    ])
  })
})

describe('replace', () => {
  it('replaces literal text in the spec but never in %changelog or comments', async () => {
    const tree = fixtureTree('hello')
    const edits = await apply(
      tree,
      `actions:
  - replace:
    - target: spec
      find: Greets
      replace: Welcomes
      count: -1
`,
    )
    expect(edits[0]).toEqual({
      index: 1,
      type: 'replace',
      target: 'SPECS/kvm-hello.spec',
      detail: "1 occurrence(s) of 'Greets'",
    })
    const text = spec(tree, 'kvm-hello.spec')
    expect(text).toContain('Summary:        Welcomes the KVM hypervisor')
    expect(text).toContain('# Greets: a comment that must stay')
    expect(text).toContain('- Rebuilt; Greets in the changelog must stay')
  })

  it('changes every config matched by a glob, each file on its own count', async () => {
    const tree = fixtureTree('kernel')
    const edits = await apply(
      tree,
      `actions:
  - replace:
    - target: "kernel-ppc64le*-rhel.config"
      find: "# CONFIG_KVM_BOOK3S_64 is not set"
      replace: "CONFIG_KVM_BOOK3S_64=m"
      count: 1
`,
    )
    expect(edits[0]!.target).toBe(
      'SOURCES/kernel-ppc64le-debug-rhel.config, SOURCES/kernel-ppc64le-rhel.config',
    )
    for (const config of ['kernel-ppc64le-rhel.config', 'kernel-ppc64le-debug-rhel.config']) {
      expect(readFileSync(join(tree, 'SOURCES', config), 'utf8')).toMatch(/^CONFIG_KVM_BOOK3S_64=m$/m)
    }
    expect(readFileSync(join(tree, 'SOURCES', 'kernel-x86_64-rhel.config'), 'utf8')).toContain(
      '# CONFIG_KVM_BOOK3S_64 is not set',
    )
  })

  it('matches a multi-line find ignoring indentation and indents the replacement like the first matched line', async () => {
    const tree = fixtureTree('kernel')
    await apply(
      tree,
      `actions:
  - replace:
    - target: spec
      find: |
        if [ "$C" -gt 9 ]; then
        patch -p1 -F1 -s < $RPM_SOURCE_DIR/$patch
        fi
      replace: |
        if [ "$C" -gt 0 ]; then
          patch -p1 -F1 -s < $RPM_SOURCE_DIR/$patch
        fi
      count: 1
`,
    )
    expect(spec(tree, 'kernel.spec')).toContain(
      '  if [ "$C" -gt 0 ]; then\n    patch -p1 -F1 -s < $RPM_SOURCE_DIR/$patch\n  fi\n}',
    )
  })

  it('replaces by regular expression with back-references', async () => {
    const tree = fixtureTree('qemu')
    const edits = await apply(
      tree,
      `actions:
  - replace:
    - target: spec
      rfind: '^(%global tools_only) 1$'
      replace: '\\1 0'
      count: 1
`,
    )
    expect(spec(tree, 'qemu-kvm.spec')).not.toMatch(/tools_only 1/)
    expect(spec(tree, 'qemu-kvm.spec').match(/%global tools_only 0/g)).toHaveLength(2)
    expect(edits[0]!.detail).toBe('1 match(es) of /^(%global tools_only) 1$/')
  })

  it('replaces at most count matches, first ones first, and reports those it left', async () => {
    const tree = fixtureTree('qemu')
    const edits = await apply(
      tree,
      `actions:
  - replace:
    - target: spec
      find: "%ifarch %{power64}"
      replace: "%ifarch %{power64} x86_64"
      count: 1
`,
    )
    expect(edits[0]!.detail).toBe("1 occurrence(s) of '%ifarch %{power64}'; 1 more left by count 1")
    expect(spec(tree, 'qemu-kvm.spec').match(/^%ifarch %\{power64\}.*$/gm)).toEqual([
      '%ifarch %{power64} x86_64',
      '%ifarch %{power64}',
    ])
  })

  it('fails, naming the action, its position and the file, when a find matches nothing', async () => {
    const tree = fixtureTree('qemu')
    await expectUnchangedAfterFailure(
      tree,
      `actions:
  - modify_release:
    - suffix: .kvm1
  - replace:
    - target: spec
      find: "--with-devices-ppc64=ppc64-rh-devices"
      replace: x
`,
      "autopatch action replace #2 (SPECS/qemu-kvm.spec): '--with-devices-ppc64=ppc64-rh-devices' matches nothing",
    )
  })

  it('fails when the find is only in comment lines or in %changelog', async () => {
    const text = 'Name: pkg\n# KVM_OFF here\n%description\nx\n%changelog\nKVM_OFF\n'
    for (const yaml of [
      replaceRecipe('find: KVM_OFF\nreplace: KVM_ON'),
      `actions:\n  - delete_line:\n    - target: spec\n      lines: [KVM_OFF]\n`,
    ]) {
      await expectUnchangedAfterFailure(
        flatTree(text),
        yaml,
        /\(pkg\.spec\): ('KVM_OFF' matches nothing|line 'KVM_OFF' not found)/,
      )
    }
  })

  it('fails when count lets it replace nothing', async () => {
    await expectUnchangedAfterFailure(
      flatTree('Name: pkg\nKVM=off\n'),
      replaceRecipe('find: KVM=off\nreplace: KVM=on\ncount: 0'),
      "autopatch action replace #1 (pkg.spec): 'KVM=off' matches 1 time(s), but count 0 replaces none",
    )
  })

  it('compares a block’s lines without their leading whitespace only: trailing whitespace counts', async () => {
    await expectUnchangedAfterFailure(
      flatTree('Name: pkg\n  cd src \n  make\n'),
      replaceRecipe('find: |\n  cd src\n  make\nreplace: make -C src'),
      "(pkg.spec): 'cd src\\nmake' matches nothing",
    )
  })

  it('fails on a target that does not exist', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('kernel'),
      `actions:\n  - replace:\n    - target: "kernel-s390x*.config"\n      find: a\n      replace: b\n`,
      'autopatch action replace #1 (kernel-s390x*.config): no such file in the package',
    )
  })
})

describe('delete_line', () => {
  it('deletes single lines and multi-line blocks', async () => {
    const tree = fixtureTree('qemu')
    await apply(
      tree,
      `actions:
  - delete_line:
    - target: spec
      lines:
        - "# Provided by package SLOF"
        - |
          %ifarch %{power64}
          %global tools_only 1
          %endif
`,
    )
    const text = spec(tree, 'qemu-kvm.spec')
    expect(text).not.toContain('Provided by package SLOF')
    expect(text).not.toContain('tools_only 1')
    expect(text).toContain('%global tools_only 0\n\n%ifarch %{power64}\n%global kvm_target    ppc64')
  })

  it('fails on a line that is not there', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('qemu'),
      `actions:\n  - delete_line:\n    - target: spec\n      lines: ["ExcludeArch: ppc64le"]\n`,
      "autopatch action delete_line #1 (SPECS/qemu-kvm.spec): line 'ExcludeArch: ppc64le' not found",
    )
  })
})

describe('modify_release and changelog_entry', () => {
  it('suffixes the release and adds a dated entry with the EVR as AlmaLinux computes it (no dist tag)', async () => {
    const tree = fixtureTree('qemu')
    const edits = await apply(
      tree,
      `actions:
  - modify_release:
    - suffix: .kvm1
      enabled: true
    - suffix: .never
      enabled: false
  - changelog_entry:
    - name: KVM Builder
      email: kvm@example.org
      line:
        - "Build the ppc64 system emulator on POWER so that ppc64le hosts can run KVM guests again, with the RHEL device list and the USB input devices libvirt adds"
        - "Keep slof.bin"
`,
    )
    const text = spec(tree, 'qemu-kvm.spec')
    expect(text).toContain('Release: 15%{?rcrel}%{?dist}%{?cc_suffix}.kvm1\n')
    expect(text).toContain(
      `%changelog
* Wed Nov 25 2026 KVM Builder <kvm@example.org> - 17:9.1.0-15.kvm1
- Build the ppc64 system emulator on POWER so that ppc64le hosts can run KVM
  guests again, with the RHEL device list and the USB input devices libvirt adds
- Keep slof.bin

* Mon Feb 10 2025 Virt Maintainer`,
    )
    const changelog = text.slice(text.indexOf('%changelog')).split('\n')
    expect(Math.max(...changelog.map((line) => line.length))).toBeLessThanOrEqual(80)
    expect(edits.map((e) => e.detail)).toEqual([
      'Release: 15%{?rcrel}%{?dist}%{?cc_suffix}.kvm1',
      'disabled',
      '* Wed Nov 25 2026 KVM Builder <kvm@example.org> - 17:9.1.0-15.kvm1',
    ])
  })

  it('leaves a plain %autorelease alone, and writes no entry into a spec without %changelog', async () => {
    const text = 'Name: pkg\nVersion: 1\nRelease: %autorelease\nSummary: s\nLicense: MIT\n%description\nx\n'
    const tree = flatTree(text)
    expect((await apply(tree, 'actions:\n  - modify_release:\n    - suffix: .kvm1\n'))[0]!.detail).toBe(
      'Release: uses %autorelease, left as it is',
    )
    expect(flatSpec(tree)).toBe(text)
    const noChangelog = flatTree(text.replace('%autorelease', '2'))
    const [edit] = await apply(noChangelog, CHANGELOG_ENTRY)
    expect(edit!.detail).toBe('the spec has no %changelog line: no entry written')
    expect(flatSpec(noChangelog)).toBe(text.replace('%autorelease', '2'))
  })

  it('names the Release a changelog entry cannot read', async () => {
    await expectUnchangedAfterFailure(
      flatTree(
        'Name: pkg\nVersion: 1\nRelease: %autorelease\nSummary: s\nLicense: MIT\n%description\nx\n%changelog\n',
      ),
      CHANGELOG_ENTRY,
      "autopatch action changelog_entry #1 (pkg.spec): cannot read the entry's Release from 'Release: %autorelease': '%autorelease' holds a macro that neither rpmspec nor the spec's %define lines resolve",
    )
  })

  it('dates entries from SOURCE_DATE_EPOCH in UTC', () => {
    expect(recipeDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(Math.abs(recipeDate({}).getTime() - Date.now())).toBeLessThan(60_000)
    expect(changelogDate(new Date(1_700_000_000_000))).toBe('Tue Nov 14 2023')
    expect(changelogDate(new Date(Date.UTC(2025, 0, 6)))).toBe('Mon Jan 06 2025')
  })
})

describe('add_files', () => {
  it('adds a patch in %patch -P style with the next number', async () => {
    const tree = fixtureTree('hello')
    const edits = await apply(
      tree,
      `actions:\n  - add_files:\n    - type: patch\n      name: 0002-kvm.patch\n      number: Latest\n`,
      { 'files/0002-kvm.patch': 'diff\n' },
    )
    const text = spec(tree, 'kvm-hello.spec')
    expect(text).toContain(
      'Patch1:         0001-louder-greeting.patch\n\n# AlmaLinux Patch\nPatch2: 0002-kvm.patch\n',
    )
    expect(text).toContain('%patch -P 1 -p1\n\n# Applying AlmaLinux Patch\n%patch -P 2 -p1 -b .0002-kvm\n')
    expect(readFileSync(join(tree, 'SOURCES', '0002-kvm.patch'), 'utf8')).toBe('diff\n')
    expect(edits[0]!.detail).toBe("Patch2: 0002-kvm.patch, applied with '%patch -P 2 -p1 -b .0002-kvm'")
  })

  it('adds a patch in classic %patchN style without backup or marker', async () => {
    const tree = fixtureTree('hello')
    const path = join(tree, 'SPECS', 'kvm-hello.spec')
    writeFileSync(path, readFileSync(path, 'utf8').replace('%patch -P 1 -p1', '%patch1 -p1'))
    await apply(
      tree,
      `parameters:\n  insert_almalinux_line: false\nactions:\n  - add_files:\n    - type: patch\n      name: fix.patch\n      number: 7\n      no_backup: true\n`,
      { 'files/fix.patch': 'diff\n' },
    )
    expect(spec(tree, 'kvm-hello.spec')).toContain('%patch1 -p1\n%patch7 -p1\n')
    expect(spec(tree, 'kvm-hello.spec')).toContain('0001-louder-greeting.patch\nPatch7: fix.patch\n')
  })

  it('applies a kernel patch with ApplyPatch (the package named kernel), and adds a source', async () => {
    const tree = fixtureTree('kernel')
    await apply(
      tree,
      `actions:
  - add_files:
    - type: patch
      name: 1000-kvm-ppc-book3s-hv-pmu-symbols.v2.patch
      number: 1000
    - type: source
      name: kvm-ppc64le.config
      number: 9000
`,
      {
        'files/1000-kvm-ppc-book3s-hv-pmu-symbols.v2.patch': 'diff\n',
        'files/kvm-ppc64le.config': 'CONFIG_KVM_BOOK3S_64=m\n',
      },
    )
    const text = spec(tree, 'kernel.spec')
    expect(text).toContain(
      'Patch999999: linux-kernel-test.patch\n\n# AlmaLinux Patch\nPatch1000: 1000-kvm-ppc-book3s-hv-pmu-symbols.v2.patch\n',
    )
    // The file's own name, where AlmaLinux's tool would write 1000-kvm-ppc-book3s-hv-pmu-symbolsv2.patch.
    expect(text).toContain(
      'ApplyOptionalPatch linux-kernel-test.patch\n\n# Applying AlmaLinux Patch\nApplyPatch 1000-kvm-ppc-book3s-hv-pmu-symbols.v2.patch\n',
    )
    expect(text).toContain('Source100: kernel-local\n\n# AlmaLinux Source\nSource9000: kvm-ppc64le.config\n')
  })

  it('adds only the Patch line where %autopatch applies every patch', async () => {
    const tree = fixtureTree('qemu')
    const edits = await apply(
      tree,
      `actions:\n  - add_files:\n    - type: patch\n      name: 0100-devices.patch\n`,
      {
        'files/0100-devices.patch': 'diff\n',
      },
    )
    expect(spec(tree, 'qemu-kvm.spec')).toContain(
      'Patch0005: 0005-Enable-disable-devices-for-RHEL.patch\n\n# AlmaLinux Patch\nPatch6: 0100-devices.patch\n',
    )
    expect(spec(tree, 'qemu-kvm.spec')).not.toContain('Applying AlmaLinux Patch')
    expect(edits[0]!.detail).toBe('Patch6: 0100-devices.patch (applied by %autosetup)')
  })

  it('refuses a missing file, a Patch number the spec has and a file the package already has', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - add_files:\n    - type: patch\n      name: nope.patch\n`,
      /add_files #1 \(SPECS\/kvm-hello.spec\): file 'nope.patch' is not in .*files/,
    )
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - add_files:\n    - type: patch\n      name: x.patch\n      number: 1\n`,
      'autopatch action add_files #1 (SPECS/kvm-hello.spec): Patch1 already exists in the spec',
      { 'files/x.patch': 'x' },
    )
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - add_files:\n    - type: source\n      name: hello.conf\n`,
      "autopatch action add_files #1 (SPECS/kvm-hello.spec): 'hello.conf' already exists in the package",
      { 'files/hello.conf': 'x' },
    )
  })

  it('puts every added patch under one AlmaLinux header, made once and reused', async () => {
    const tree = fixtureTree('hello')
    await apply(
      tree,
      `actions:
  - add_files:
    - type: patch
      name: 0002-a.patch
    - type: patch
      name: 0003-b.patch
  - add_files:
    - type: patch
      name: 0004-c.patch
`,
      { 'files/0002-a.patch': 'diff\n', 'files/0003-b.patch': 'diff\n', 'files/0004-c.patch': 'diff\n' },
    )
    const text = spec(tree, 'kvm-hello.spec')
    expect(text).toContain(
      'Patch1:         0001-louder-greeting.patch\n\n# AlmaLinux Patch\nPatch2: 0002-a.patch\nPatch3: 0003-b.patch\nPatch4: 0004-c.patch\n',
    )
    expect(text.match(/# AlmaLinux Patch/g)).toHaveLength(1)
    expect(text).toContain(
      '%patch -P 1 -p1\n\n# Applying AlmaLinux Patch\n%patch -P 2 -p1 -b .0002-a\n%patch -P 3 -p1 -b .0003-b\n%patch -P 4 -p1 -b .0004-c\n',
    )
  })

  it('takes a Source number the spec still has, as AlmaLinux’s kernel recipe does before deleting the old line', async () => {
    const recipe = (deleteOld: boolean, parameters = '') => `${parameters}actions:
  - add_files:
    - type: source
      name: almalinuxdup1.x509
      number: 100
${deleteOld ? '  - delete_line:\n    - target: spec\n      lines:\n        - "Source100: rheldup3.x509"\n' : ''}`
    for (const deleteOld of [true, false]) {
      const tree = fixtureTree('kernel-el9.4')
      await apply(tree, recipe(deleteOld), { 'files/almalinuxdup1.x509': 'cert\n' })
      expect(spec(tree, 'kernel.spec')).toContain(
        'Source3001: kernel-local\n\n# AlmaLinux Source\nSource100: almalinuxdup1.x509\n',
      )
      expect(spec(tree, 'kernel.spec').includes('Source100: rheldup3.x509')).toBe(!deleteOld)
    }
  })
})

describe('delete_files, run_script, add_line', () => {
  it('deletes a file of the tree and leaves the lookaside list alone', async () => {
    const tree = fixtureTree('kernel')
    const before = readFileSync(join(tree, 'sources'), 'utf8')
    await apply(tree, `actions:\n  - delete_files:\n    - file_name: obsolete.patch\n`)
    expect(existsSync(join(tree, 'SOURCES', 'obsolete.patch'))).toBe(false)
    expect(readFileSync(join(tree, 'sources'), 'utf8')).toBe(before)
  })

  it('runs a script in the package tree, and fails cleanly when it fails', async () => {
    const tree = fixtureTree('hello')
    await apply(tree, `actions:\n  - run_script:\n    - script: gen.sh\n`, {
      'scripts/gen.sh': 'set -e\necho generated > SOURCES/generated.txt\n',
    })
    expect(readFileSync(join(tree, 'SOURCES', 'generated.txt'), 'utf8')).toBe('generated\n')
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - run_script:\n    - script: bad.sh\n`,
      'autopatch action run_script #1 (bad.sh): script exited with code 3: no ppc64 toolchain',
      { 'scripts/bad.sh': 'touch SOURCES/half-written\necho "no ppc64 toolchain" >&2\nexit 3\n' },
    )
  })

  it('adds lines at the top or bottom of sections, for the main package and subpackages', async () => {
    const tree = fixtureTree('qemu')
    await apply(
      tree,
      `actions:
  - add_line:
    - target: spec
      section: global
      location: bottom
      content: "%global have_slof 1"
    - target: spec
      section: install
      location: bottom
      content: |
        %ifarch ppc64le
        install -m 0644 pc-bios/slof.bin %{buildroot}%{_datadir}/%{name}/slof.bin
        %endif
    - target: spec
      section: files
      subpackage: qemu-kvm-core
      location: bottom
      content: "%{_datadir}/%{name}/slof.bin"
    - target: spec
      section: description
      location: top
      content: Rebuilt for POWER KVM.
`,
    )
    const text = spec(tree, 'qemu-kvm.spec')
    expect(text).toContain(
      'Patch0005: 0005-Enable-disable-devices-for-RHEL.patch\n\n%global have_slof 1\n\n%description\nRebuilt for POWER KVM.\n\n',
    )
    expect(text).toContain(
      '\n%ifarch ppc64le\ninstall -m 0644 pc-bios/slof.bin %{buildroot}%{_datadir}/%{name}/slof.bin\n%endif\n\n%files',
    )
    expect(text).toContain(
      '%files -n qemu-kvm-core\n%{_libexecdir}/qemu-kvm\n\n%{_datadir}/%{name}/slof.bin\n\n%changelog',
    )
  })

  it('names a section that does not exist', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('qemu'),
      `actions:\n  - add_line:\n    - target: spec\n      section: files\n      subpackage: qemu-kvm-tools\n      location: top\n      content: x\n`,
      'autopatch action add_line #1 (SPECS/qemu-kvm.spec): section %files of subpackage qemu-kvm-tools not found',
    )
  })
})

describe('strict: true, our stricter checks', () => {
  const STRICT = 'parameters:\n  strict: true\n'

  it('wants count to be the exact number of matches, for literal and regex finds', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('qemu'),
      replaceRecipe('find: "%ifarch %{power64}"\nreplace: "%ifarch %{power64} x86_64"\ncount: 1', STRICT),
      "autopatch action replace #1 (SPECS/qemu-kvm.spec): '%ifarch %{power64}' matches 2 time(s), count says 1",
    )
    // Two matches on one line, count 2: AlmaLinux's regex replace takes only the first of each line.
    await expectUnchangedAfterFailure(
      flatTree('Name: pkg\nmake -j1 -j2\n'),
      replaceRecipe('rfind: "-j[0-9]"\nreplace: "-j8"\ncount: 2', STRICT),
      "(pkg.spec): '-j[0-9]' matches 2 time(s) but 1 are replaced: a regex count other than -1 replaces the first match of each line",
    )
    const tree = flatTree('Name: pkg\nmake -j1\nmake -j2\n')
    await apply(tree, replaceRecipe('rfind: "-j[0-9]"\nreplace: "-j8"\ncount: 2', STRICT))
    expect(flatSpec(tree)).toBe('Name: pkg\nmake -j8\nmake -j8\n')
  })

  it('fails where AlmaLinux’s tool quietly does less than the action says', async () => {
    const text = 'Name: pkg\nVersion: 1\nRelease: %autorelease\nSummary: s\nLicense: MIT\n%description\nx\n'
    const cases: [string, string, Record<string, string>, string][] = [
      [
        text,
        'actions:\n  - modify_release:\n    - suffix: .kvm1\n',
        {},
        'modify_release #1 (pkg.spec): Release: uses %autorelease and the spec defines no %autorelease to take the suffix (strict)',
      ],
      [
        text.replace('%autorelease', '2'),
        CHANGELOG_ENTRY,
        {},
        'changelog_entry #1 (pkg.spec): the spec has no %changelog line (strict)',
      ],
      [
        text,
        'actions:\n  - delete_files:\n    - file_name: gone.tar.gz\n',
        { sources: 'SHA512 (other.tar.gz) = 00\n' },
        'delete_files #1 (gone.tar.gz): no such file in the package or in sources (strict)',
      ],
      [
        text,
        'actions:\n  - delete_line:\n    - target: "*.conf"\n      lines: [x]\n',
        { 'a.conf': 'x\n' },
        'delete_line #1 (*.conf): delete_line takes one file, not a glob (strict)',
      ],
    ]
    for (const [specText, yaml, extra, message] of cases) {
      await expectUnchangedAfterFailure(flatTree(specText, extra), `${STRICT}${yaml}`, message)
    }
  })

  it('wants every number add_files adds to be unique once the recipe is done', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('kernel-el9.4'),
      `${STRICT}actions:\n  - add_files:\n    - type: source\n      name: almalinuxdup1.x509\n      number: 100\n`,
      'autopatch action add_files #1 (SPECS/kernel.spec): Source100 is used twice after the whole recipe (strict)',
      { 'files/almalinuxdup1.x509': 'cert\n' },
    )
    // Latest is one more than the last Patch line's number, which AlmaLinux's tool does not check.
    const text = 'Name: pkg\nSource0: a.tar.gz\nPatch3: c.patch\nPatch2: b.patch\n%prep\n%autosetup\n'
    const yaml = 'actions:\n  - add_files:\n    - type: patch\n      name: d.patch\n'
    const tree = flatTree(text)
    await apply(tree, yaml, { 'files/d.patch': 'diff\n' })
    expect(flatSpec(tree)).toContain('Patch2: b.patch\n\n# AlmaLinux Patch\nPatch3: d.patch\n')
    await expectUnchangedAfterFailure(
      flatTree(text),
      `${STRICT}${yaml}`,
      'autopatch action add_files #1 (pkg.spec): Patch3 is used twice after the whole recipe (strict)',
      { 'files/d.patch': 'diff\n' },
    )
  })

  it('refuses what AlmaLinux’s tool ignores or tolerates in a config, which it warns about otherwise', async () => {
    for (const [yaml, message] of [
      [`${STRICT}  colour: red\nactions: []\n`, "parameters: unknown key 'colour'"],
      [
        `${STRICT}  insert_almalinux_line: "no"\nactions: []\n`,
        "'insert_almalinux_line' must be true or false",
      ],
      [`${STRICT}actions: []\nnotes: x\n`, "unknown top-level key 'notes'"],
      [
        `${STRICT}actions:\n  - modify_release: [{ suffix: .a }]\n    add_line: []\n`,
        'action block 1 must have exactly one key',
      ],
      [
        `${STRICT}actions:\n  - replace:\n    - { target: spec, find: a, replace: b, count: 0 }\n`,
        "'count' must be -1 (all) or a positive number",
      ],
    ]) {
      expect(() => parseRecipe(yaml!, 'config.yaml')).toThrow(message!)
    }
    const warnings: string[] = []
    const log: Log = {
      info: () => undefined,
      warning: (m) => warnings.push(m),
      debug: () => undefined,
      group: (_, fn) => fn(),
    }
    await apply(fixtureTree('hello'), 'parameters:\n  colour: red\nactions: []\nnotes: x\n', {}, log)
    expect(warnings).toEqual([
      expect.stringMatching(
        /'parameters\.colour' is not an autopatch setting; ignored, as AlmaLinux's tool ignores it$/,
      ),
      expect.stringMatching(/'notes' is not an autopatch setting/),
    ])
  })
})

describe('recipe errors', () => {
  it.each([
    ['actions: {}', "'actions' must be a list"],
    ['parameters: {}\n', "missing the 'actions' section"],
    [
      'actions:\n  - replace:\n    - target: spec\n      replace: x\n',
      "replace #1: either 'find' or 'rfind' is required",
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      find: a\n      rfind: b\n      replace: x\n',
      "only one of 'find' and 'rfind' can be given",
    ],
    ['actions:\n  - replace:\n    - target: spec\n      find: a\n', "replace #1: 'replace' is required"],
    [
      'actions:\n  - replace:\n    - target: spec\n      find: a\n      replace: ""\n',
      "'replace' cannot be empty",
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      find: a\n      replace: b\n      count: "2"\n',
      "'count' must be a whole number",
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      rfind: "("\n      replace: x\n',
      "'rfind' is not a regular expression this tool can run",
    ],
    ['actions:\n  - rename:\n    - a: b\n', "unknown action type 'rename'"],
    [
      'actions:\n  - modify_release:\n    - suffix: .x\n      suffx: .y\n',
      "modify_release #1: unknown key 'suffx'",
    ],
    ['actions:\n  - modify_release:\n    - suffix: .1\n', "'suffix' must be a string"],
    [
      'actions:\n  - modify_release:\n    - suffix: .alma\n      auto_increment: true\n',
      'must end with a number',
    ],
    [
      'actions:\n  - changelog_entry:\n    - { name: a, email: b, line: ["", ""] }\n',
      "'line' cannot be a list of empty lines",
    ],
    ['actions:\n  - add_files:\n    - type: binary\n      name: x\n', "'type' must be patch or source"],
    [
      'actions:\n  - add_files:\n    - type: patch\n      name: x\n      number: 0\n',
      "'number' must be greater than 0",
    ],
    [
      'actions:\n  - add_line:\n    - target: spec\n      section: install\n      location: middle\n      content: x\n',
      "'location' must be top or bottom",
    ],
    [
      'actions:\n  - add_line:\n    - target: x.conf\n      section: install\n      location: top\n      content: x\n',
      "'target' must be spec",
    ],
    ['actions:\n  - delete_line:\n    - target: spec\n      lines: x\n', "'lines' must be a list"],
    ['actions: [', 'not valid YAML'],
  ])('%j is refused', (yaml, message) => {
    expect(() => parseRecipe(yaml, 'config.yaml')).toThrow(ConfigurationError)
    expect(() => parseRecipe(yaml, 'config.yaml')).toThrow(message)
  })

  it('reads parameters as AlmaLinux’s tool does: unknown ones ignored, el_version or rhel_version, YAML 1.1', () => {
    const recipe = parseRecipe(
      'parameters:\n  custom_target_branch: a9-kvm\n  tag_prefix: x\n  colour: red\n  rhel_version: 10\n  ignore_release_macros: yes\nactions:\n  - modify_release:\n    - suffix: .kvm1\n      enabled: no\n',
      'c.yaml',
    )
    expect(recipe.parameters).toEqual({
      insertMarker: true,
      ignoreVersionMacros: false,
      ignoreReleaseMacros: true,
      elVersion: '10',
    })
    expect(recipe.ignored).toEqual(['parameters.colour'])
    expect(recipe.actions[0]).toMatchObject({ type: 'modify_release', enabled: false, block: 1 })
  })

  it('runs every key of a block in turn, each its own block', () => {
    const recipe = parseRecipe(
      'actions:\n  - modify_release: [{ suffix: .a }]\n    delete_files: [{ file_name: x }]\n',
      'c.yaml',
    )
    expect(recipe.actions.map((action) => [action.type, action.index, action.block])).toEqual([
      ['modify_release', 1, 1],
      ['delete_files', 2, 2],
    ])
  })

  it('refuses a package folder without exactly one spec', async () => {
    const empty = writeTree({ README: 'x' })
    await expect(apply(empty, 'actions: []\n')).rejects.toThrow(
      'must hold exactly one .spec file (tests/ aside); found none',
    )
    expect(readdirSync(empty)).toEqual(['README'])
  })
})
