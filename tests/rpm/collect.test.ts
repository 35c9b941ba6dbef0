import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import { parseInputs } from '../../src/action/inputs.js'
import { collectRpms } from '../../src/rpm/collect.js'
import { rpmSetInput } from '../../src/steps/rpm-inputs.js'
import { parseSrpmSource } from '../../src/rpm/source.js'

const workspace = mkdtempSync(join(tmpdir(), 'collect-'))
for (const file of [
  'out/kernel-core-1.ppc64le.rpm',
  'out/kernel-modules-1.ppc64le.rpm',
  'out/sub/kernel-1.src.rpm',
  'out/build.log',
]) {
  mkdirSync(join(workspace, file, '..'), { recursive: true })
  writeFileSync(join(workspace, file), '')
}
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

describe('collectRpms', () => {
  it('expands directories (recursively) and globs, de-duplicated and sorted', async () => {
    expect(
      (await collectRpms(['out/kernel-core-*.rpm', 'out'], workspace)).map((f) =>
        f.slice(workspace.length + 1),
      ),
    ).toEqual([
      'out/kernel-core-1.ppc64le.rpm',
      'out/kernel-modules-1.ppc64le.rpm',
      'out/sub/kernel-1.src.rpm',
    ])
    expect(await collectRpms(['out/*/*.src.rpm'], workspace)).toEqual([
      join(workspace, 'out/sub/kernel-1.src.rpm'),
    ])
  })

  it('matches ** across any number of folders, as the pipeline passes packages/**/rpms/*.rpm', async () => {
    for (const file of [
      'packages/build-kernel/kernel/rpms/kernel-core-2.ppc64le.rpm',
      'packages/patch-qemu/qemu-kvm/rpms/qemu-kvm-9.ppc64le.rpm',
    ]) {
      mkdirSync(join(workspace, file, '..'), { recursive: true })
      writeFileSync(join(workspace, file), '')
    }
    expect(
      (await collectRpms(['packages/**/rpms/*.rpm'], workspace)).map((f) => f.slice(workspace.length + 1)),
    ).toEqual([
      'packages/build-kernel/kernel/rpms/kernel-core-2.ppc64le.rpm',
      'packages/patch-qemu/qemu-kvm/rpms/qemu-kvm-9.ppc64le.rpm',
    ])
    await expect(collectRpms(['packages/*/rpms/*.rpm'], workspace)).rejects.toThrow(
      "Input 'rpms' entry 'packages/*/rpms/*.rpm' matches no RPM",
    )
  })

  it('names an entry that matches nothing', async () => {
    await expect(collectRpms(['out/*.deb'], workspace)).rejects.toThrow(ConfigurationError)
    await expect(collectRpms(['missing.rpm'], workspace)).rejects.toThrow(
      "Input 'rpms' entry 'missing.rpm' matches no RPM",
    )
    await expect(collectRpms(['out/build.log'], workspace)).rejects.toThrow('which is not an .rpm file')
  })

  it('reads the JSON list the build actions output', () => {
    const specs = { rpms: rpmSetInput({ description: 'r', required: true }) }
    const json = JSON.stringify([join(workspace, 'out/kernel-core-1.ppc64le.rpm')])
    expect(parseInputs(specs, () => json, { workspace }).rpms).toEqual([
      join(workspace, 'out/kernel-core-1.ppc64le.rpm'),
    ])
    expect(parseInputs(specs, () => 'a.rpm,\nb.rpm', { workspace }).rpms).toEqual(['a.rpm', 'b.rpm'])
    expect(() => parseInputs(specs, () => '[1, 2]', { workspace })).toThrow(
      '(the JSON is not a list of strings)',
    )
  })
})

describe('parseSrpmSource', () => {
  it('tells paths, URLs, versions and latest apart', () => {
    expect(parseSrpmSource('latest', workspace)).toEqual({ kind: 'latest' })
    expect(parseSrpmSource('5.14.0-570.12.1.el9_6', workspace)).toEqual({
      kind: 'version',
      version: '5.14.0-570.12.1.el9_6',
    })
    expect(parseSrpmSource('https://mirror/x.src.rpm', workspace)).toEqual({
      kind: 'url',
      url: 'https://mirror/x.src.rpm',
    })
    expect(parseSrpmSource('out/sub/kernel-1.src.rpm', workspace)).toEqual({
      kind: 'path',
      path: join(workspace, 'out/sub/kernel-1.src.rpm'),
    })
    expect(() => parseSrpmSource('missing.src.rpm', workspace)).toThrow('no such file')
    expect(() => parseSrpmSource('5.14.0', workspace)).toThrow()
    expect(() => parseSrpmSource('kernel 5', workspace)).toThrow()
  })
})
