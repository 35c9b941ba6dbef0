#!/usr/bin/env node
// check-upstream against a generated upstream repository of N source packages (primary.xml as
// createrepo_c writes it: checksum, times, size, location, a format block with provides and
// requires), through the bundled CLI: time and peak memory (GNU time's maximum RSS) at each
// size. The primary is read as a stream, so memory grows with the package list, not with the
// XML: the 60,000 ÷ 6,000 growth must be no worse than linear (at most 10×, both for time and
// for the memory above a bare node process, measured in the same run).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Buffer } from 'node:buffer'

const root = join(import.meta.dirname, '..')
const sizes = (process.env.BENCH_SIZES ?? '6000,60000').split(',').map(Number)
const scratch = mkdtempSync(join(tmpdir(), 'bench-check-upstream-'))
// However the run ends (a failed check throws), the generated repositories go.
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

function packageXml(i) {
  const name = i === 0 ? 'kernel' : i === 1 ? 'qemu-kvm' : i === 2 ? 'libvirt' : `pkg${i}`
  const sum = createHash('sha256').update(name).digest('hex')
  const entries = (kind) =>
    Array.from(
      { length: 6 },
      (_, k) => `      <rpm:entry name="${kind}-${name}-${k}" flags="GE" epoch="0" ver="1.${k}"/>`,
    ).join('\n')
  return `<package type="rpm">
  <name>${name}</name>
  <arch>src</arch>
  <version epoch="0" ver="${1 + (i % 7)}.${i % 13}.0" rel="${i % 5}.el9"/>
  <checksum type="sha256" pkgid="YES">${sum}</checksum>
  <summary>Generated package ${i} &amp; friends</summary>
  <description>A package generated for the check-upstream benchmark, with enough text to look like a real description of some length.</description>
  <packager>AlmaLinux Packaging Team &lt;packager@almalinux.org&gt;</packager>
  <url>https://example.org/${name}</url>
  <time file="1732550400" build="1732550000"/>
  <size package="123456" installed="0" archive="123789"/>
  <location href="Packages/${name}-${1 + (i % 7)}.${i % 13}.0-${i % 5}.el9.src.rpm"/>
  <format>
    <rpm:license>GPLv2</rpm:license>
    <rpm:vendor>AlmaLinux</rpm:vendor>
    <rpm:group>Unspecified</rpm:group>
    <rpm:buildhost>build.almalinux.org</rpm:buildhost>
    <rpm:header-range start="4504" end="98765"/>
    <rpm:provides>
${entries('provides')}
    </rpm:provides>
    <rpm:requires>
${entries('requires')}
    </rpm:requires>
  </format>
</package>
`
}

/** A repository folder whose primary.xml.gz lists count packages; returns its URL and XML size. */
function makeRepository(count, folder) {
  const dir = join(scratch, folder)
  mkdirSync(join(dir, 'repodata'), { recursive: true })
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${count}">\n`,
  ]
  for (let i = 0; i < count; i++) parts.push(packageXml(i))
  parts.push('</metadata>\n')
  const xml = Buffer.from(parts.join(''))
  const gz = gzipSync(xml)
  const sum = createHash('sha256').update(gz).digest('hex')
  writeFileSync(join(dir, 'repodata', `${sum}-primary.xml.gz`), gz)
  writeFileSync(
    join(dir, 'repodata', 'repomd.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo">\n  <revision>1</revision>\n  <data type="primary">\n    <checksum type="sha256">${sum}</checksum>\n    <location href="repodata/${sum}-primary.xml.gz"/>\n  </data>\n</repomd>\n`,
  )
  return { url: pathToFileURL(dir).href, xmlBytes: xml.length }
}

/** Seconds and peak RSS (KiB) of a command, from GNU time. */
function measure(argv) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const last = result.stderr.trim().split('\n').at(-1)
  const [seconds, kib] = last.split(' ').map(Number)
  return { seconds, kib, status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const published = makeRepository(0, 'published')
const bare = measure([process.execPath, '-e', '0'])
const results = {}
for (const size of sizes) {
  const upstream = makeRepository(size, `upstream-${size}`)
  const run = measure([
    process.execPath,
    join(root, 'dist', 'cli', 'index.js'),
    'check-upstream',
    '--input',
    `upstream-url=${upstream.url}`,
    '--input',
    `published-url=${published.url}`,
    '--input',
    'upstream-keys=none',
  ])
  if (run.status !== 0 || !/^changed=true$/m.test(run.stdout))
    throw new Error(`check-upstream failed on ${size} packages:\n${run.stdout}\n${run.stderr}`)
  results[size] = run
  console.log(
    `${size} packages (primary.xml ${(upstream.xmlBytes / 1e6).toFixed(1)} MB): ${run.seconds.toFixed(2)} s, peak RSS ${(run.kib / 1024).toFixed(0)} MiB (bare node ${(bare.kib / 1024).toFixed(0)} MiB)`,
  )
}
const [small, large] = sizes
if (results[small] && results[large] && large > small) {
  const factor = large / small
  const time = results[large].seconds / results[small].seconds
  const memory = (results[large].kib - bare.kib) / Math.max(1, results[small].kib - bare.kib)
  console.log(
    `${large} ÷ ${small} (${factor}× the packages): time ${time.toFixed(2)}×, memory above bare node ${memory.toFixed(2)}× (target: both <= ${factor})`,
  )
}
