// @needs-system-tools
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import { applyRecipe, changelogDate, recipeDate } from '../../src/rpm/autopatch/apply.js'
import { parseRecipe } from '../../src/rpm/autopatch/config.js'
import { fixtureTree, treeDigest, writeTree } from '../support/fixtures.js'

const DATE = new Date(Date.UTC(2026, 10, 25, 12))

async function apply(tree: string, yaml: string, extra: Record<string, string> = {}) {
  const config = writeTree({ 'config.yaml': yaml, ...extra })
  return applyRecipe(parseRecipe(yaml, join(config, 'config.yaml')), {
    packageDir: tree,
    filesDir: join(config, 'files'),
    scriptsDir: join(config, 'scripts'),
    date: DATE,
  })
}

const spec = (tree: string, name: string): string => readFileSync(join(tree, 'SPECS', name), 'utf8')

async function expectUnchangedAfterFailure(tree: string, yaml: string, message: string | RegExp, extra = {}) {
  const before = treeDigest(dirname(tree))
  await expect(apply(tree, yaml, extra)).rejects.toThrow(message)
  expect(treeDigest(dirname(tree))).toEqual(before) // no edit, no leftover copy
}

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

  it('changes every config matched by a glob, with an exact count per file', async () => {
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

  it('matches a multi-line find ignoring indentation and keeps the original indentation', async () => {
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

  it('fails when the count differs from the matches', async () => {
    const tree = fixtureTree('qemu')
    await expectUnchangedAfterFailure(
      tree,
      `actions:
  - replace:
    - target: spec
      find: "%ifarch %{power64}"
      replace: "%ifarch %{power64} x86_64"
      count: 1
`,
      /#1 \(SPECS\/qemu-kvm.spec\): '%ifarch %\{power64\}' matches 2 time\(s\), count says 1/,
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

  it('dates entries from SOURCE_DATE_EPOCH in UTC', () => {
    expect(recipeDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(Math.abs(recipeDate({}).getTime() - Date.now())).toBeLessThan(60_000)
    expect(changelogDate(new Date(1_700_000_000_000))).toBe('Tue Nov 14 2023')
    expect(changelogDate(new Date(Date.UTC(2025, 0, 6)))).toBe('Mon Jan 06 2025')
  })
})

describe('add_files', () => {
  it('adds a patch in %patch -P style with the next free number', async () => {
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
    expect(text).toContain('%patch -P 1 -p1\n# Applying AlmaLinux Patch\n%patch -P 2 -p1 -b .0002-kvm\n')
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

  it('adds a kernel patch applied by the spec’s own function, and a source', async () => {
    const tree = fixtureTree('kernel')
    await apply(
      tree,
      `actions:
  - add_files:
    - type: patch
      name: 1000-kvm-ppc-book3s-hv-pmu-symbols.patch
      number: 1000
    - type: source
      name: kvm-ppc64le.config
      number: 9000
`,
      {
        'files/1000-kvm-ppc-book3s-hv-pmu-symbols.patch': 'diff\n',
        'files/kvm-ppc64le.config': 'CONFIG_KVM_BOOK3S_64=m\n',
      },
    )
    const text = spec(tree, 'kernel.spec')
    expect(text).toContain(
      'Patch999999: linux-kernel-test.patch\n\n# AlmaLinux Patch\nPatch1000: 1000-kvm-ppc-book3s-hv-pmu-symbols.patch\n',
    )
    expect(text).toContain(
      'ApplyOptionalPatch linux-kernel-test.patch\n# Applying AlmaLinux Patch\nApplyOptionalPatch 1000-kvm-ppc-book3s-hv-pmu-symbols.patch\n',
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

  it('refuses a missing file and a number already taken', async () => {
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - add_files:\n    - type: patch\n      name: nope.patch\n`,
      /add_files #1 \(SPECS\/kvm-hello.spec\): file 'nope.patch' is not in .*files/,
    )
    await expectUnchangedAfterFailure(
      fixtureTree('hello'),
      `actions:\n  - add_files:\n    - type: source\n      name: x.conf\n      number: 1\n`,
      'Source1 is used twice after the whole recipe',
      { 'files/x.conf': 'x' },
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
      '%patch -P 1 -p1\n# Applying AlmaLinux Patch\n%patch -P 2 -p1 -b .0002-a\n%patch -P 3 -p1 -b .0003-b\n%patch -P 4 -p1 -b .0004-c\n',
    )
  })

  it('takes a Source number the spec still has when a later action deletes the old line, as AlmaLinux’s kernel recipe does', async () => {
    const recipe = (deleteOld: boolean) => `actions:
  - add_files:
    - type: source
      name: almalinuxdup1.x509
      number: 100
${deleteOld ? '  - delete_line:\n    - target: spec\n      lines:\n        - "Source100: rheldup3.x509"\n' : ''}`
    const tree = fixtureTree('kernel-el9.4')
    await apply(tree, recipe(true), { 'files/almalinuxdup1.x509': 'cert\n' })
    const text = spec(tree, 'kernel.spec')
    expect(text).toContain('Source3001: kernel-local\n\n# AlmaLinux Source\nSource100: almalinuxdup1.x509\n')
    expect(text).not.toContain('rheldup3.x509')
    await expectUnchangedAfterFailure(
      fixtureTree('kernel-el9.4'),
      recipe(false),
      'autopatch action add_files #1 (SPECS/kernel.spec): Source100 is used twice after the whole recipe',
      { 'files/almalinuxdup1.x509': 'cert\n' },
    )
  })
})

describe('delete_files, run_script, add_line', () => {
  it('deletes a file and its lookaside line', async () => {
    const tree = fixtureTree('kernel')
    await apply(tree, `actions:\n  - delete_files:\n    - file_name: obsolete.patch\n`)
    expect(existsSync(join(tree, 'SOURCES', 'obsolete.patch'))).toBe(false)
    expect(readFileSync(join(tree, 'sources'), 'utf8')).toBe('SHA512 (linux-5.14.0-570.12.1.tar.xz) = 00ff\n')
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
      'Patch0005: 0005-Enable-disable-devices-for-RHEL.patch\n%global have_slof 1\n\n%description\nRebuilt for POWER KVM.\n',
    )
    expect(text).toContain('slof.bin\n%ifarch ppc64le\ninstall -m 0644 pc-bios/slof.bin')
    expect(text).toContain(
      '%files -n qemu-kvm-core\n%{_libexecdir}/qemu-kvm\n%{_datadir}/%{name}/slof.bin\n\n%changelog',
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

describe('recipe errors', () => {
  it.each([
    ['actions: {}', "'actions' must be a list"],
    [
      'actions:\n  - replace:\n    - target: spec\n      replace: x\n',
      "replace #1: exactly one of 'find' and 'rfind' is required",
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      find: a\n      rfind: b\n      replace: x\n',
      'exactly one of',
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      rfind: "("\n      replace: x\n',
      "'rfind' is not a valid regular expression",
    ],
    [
      'actions:\n  - replace:\n    - target: spec\n      find: a\n      replace: b\n      count: 0\n',
      "'count' must be -1",
    ],
    ['actions:\n  - rename:\n    - a: b\n', "unknown action type 'rename'"],
    [
      'actions:\n  - modify_release:\n    - suffix: .x\n      suffx: .y\n',
      "modify_release #1: unknown key 'suffx'",
    ],
    ['actions:\n  - add_files:\n    - type: binary\n      name: x\n', "'type' must be patch or source"],
    [
      'actions:\n  - add_line:\n    - target: spec\n      section: install\n      location: middle\n      content: x\n',
      "'location' must be top or bottom",
    ],
    ['parameters:\n  colour: red\nactions: []\n', "parameters: unknown key 'colour'"],
    ['actions: [', 'not valid YAML'],
  ])('%j is refused', (yaml, message) => {
    expect(() => parseRecipe(yaml, 'config.yaml')).toThrow(ConfigurationError)
    expect(() => parseRecipe(yaml, 'config.yaml')).toThrow(message)
  })

  it('accepts the parameters that only concern AlmaLinux’s git workflow', () => {
    const recipe = parseRecipe(
      'parameters:\n  custom_target_branch: a9-kvm\n  tag_prefix: x\nactions: []\n',
      'c.yaml',
    )
    expect(recipe.parameters.insertMarker).toBe(true)
  })

  it('refuses a package folder without exactly one spec', async () => {
    const empty = writeTree({ README: 'x' })
    await expect(apply(empty, 'actions: []\n')).rejects.toThrow(
      'must hold exactly one .spec file (in SPECS/ or at the top); found none',
    )
    expect(readdirSync(empty)).toEqual(['README'])
  })
})
