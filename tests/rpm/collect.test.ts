import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/action/errors.js'
import { parseInputs } from '../../src/action/inputs.js'
import { collectRpms, rpmSetInput } from '../../src/rpm/collect.js'
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

describe('collectRpms', () => {
  it('expands directories (recursively) and globs, de-duplicated and sorted', () => {
    expect(
      collectRpms(['out/kernel-core-*.rpm', 'out'], workspace).map((f) => f.slice(workspace.length + 1)),
    ).toEqual([
      'out/kernel-core-1.ppc64le.rpm',
      'out/kernel-modules-1.ppc64le.rpm',
      'out/sub/kernel-1.src.rpm',
    ])
    expect(collectRpms(['out/*/*.src.rpm'], workspace)).toEqual([join(workspace, 'out/sub/kernel-1.src.rpm')])
  })

  it('names an entry that matches nothing', () => {
    expect(() => collectRpms(['out/*.deb'], workspace)).toThrow(ConfigurationError)
    expect(() => collectRpms(['missing.rpm'], workspace)).toThrow(
      "Input 'rpms' entry 'missing.rpm' matches no RPM",
    )
    expect(() => collectRpms(['out/build.log'], workspace)).toThrow('which is not an .rpm file')
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
