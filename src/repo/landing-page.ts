/**
 * The channel's landing page, written into each new state (so it switches in with the packages):
 * index.html (no external assets) and the same as README.md. How to enable the repository, the
 * key fingerprint, every package with its size, build date and source, the newest changelog
 * entry of each rebuilt source package, the latest boot-test results when given, and a link to
 * the user guide. Everything is read from the state's own repodata.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { exec } from '../exec/exec.js'
import { basename, dirname, join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { readChangelogs } from '../repodata/other.js'
import { readPrimary, type RepoPackage } from '../repodata/primary.js'
import { parseRepomd } from '../repodata/repomd.js'
import { pathToFileURL } from 'node:url'

export interface BootTestReport {
  /** Where it ran, such as "POWER9, nested" (the results folder's name when not said). */
  label: string
  checks: { name: string; exitCode: number }[]
  /** The workloads it ran (per guest in nested), with why each failed. */
  workloads?: { name: string; guest: string; failure?: string }[]
  /** ms from start to the ready marker (and to the L2 guest's, nested). */
  readyMs?: number
  l2ReadyMs?: number
}

export interface LandingPageRequest {
  name: string
  channel: string
  releasever: string
  /** The URL hosts use for the tree (the .repo file's base). */
  baseUrl: string
  /** The folders that hold packages: the arches, then Source. */
  folders: string[]
  fingerprint: string
  guideUrl: string
  bootTests: BootTestReport[]
  /** The repository whose workflow attests the published files (owner/name); none: not attested. */
  attestationRepository?: string
}

interface PackageRow {
  folder: string
  nevra: string
  file: string
  size?: number
  buildTime?: number
  source: string
}

interface ChangelogRow {
  source: string
  author: string
  date: number
  text: string
}

export interface LandingPage {
  html: string
  markdown: string
  packages: number
  data: PageData
}

const nevraOf = (p: RepoPackage): string => `${p.name}-${p.epoch}:${p.version}-${p.release}.${p.arch}`

async function folderMetadata(dir: string): Promise<{ packages: RepoPackage[]; changelogs: ChangelogRow[] }> {
  const repomdFile = join(dir, 'repodata', 'repomd.xml')
  if (!existsSync(repomdFile)) return { packages: [], changelogs: [] }
  const repomd = parseRepomd(readFileSync(repomdFile, 'utf8'), repomdFile)
  const entry = (type: string) => repomd.entries.find((e) => e.type === type)
  const primary = entry('primary')
  const packages = primary
    ? await readPrimary(readFileSync(join(dir, primary.href)), primary.href, pathToFileURL(dir).href + '/')
    : []
  const other = entry('other')
  const changelogs: ChangelogRow[] = []
  if (other) {
    for (const pkg of await readChangelogs(readFileSync(join(dir, other.href)), other.href)) {
      const newest = pkg.entries[0]
      if (newest && pkg.arch === 'src')
        changelogs.push({ source: `${pkg.name}-${pkg.version}-${pkg.release}`, ...newest })
    }
  }
  return { packages, changelogs }
}

/** What the page lists, kept beside it (landing-page.json) so the next publish only adds its changes. */
export interface PageData {
  rows: PackageRow[]
  changelogs: ChangelogRow[]
}

const PAGE_DATA = 'landing-page.json'

/** An RPM a publish added, as the page lists it (its header, read by the publish). */
export interface AddedPackage {
  folder: string
  /** The signed copy in the state. */
  file: string
  nevra: string
  arch: string
  buildTime: number
  sourceRpm: string
}

/**
 * The packages a state publishes, per folder, from the data its page kept (a JSON read instead of
 * each folder's primary.xml); undefined when it kept none. What publish-repo builds from it, dnf
 * then checks against the state's own metadata.
 */
export function pagePackages(
  state: string,
):
  | Map<
      string,
      { name: string; epoch: number; version: string; release: string; arch: string; file: string }[]
    >
  | undefined {
  if (!existsSync(join(state, PAGE_DATA))) return undefined
  const { rows } = JSON.parse(readFileSync(join(state, PAGE_DATA), 'utf8')) as PageData
  const folders = new Map<
    string,
    { name: string; epoch: number; version: string; release: string; arch: string; file: string }[]
  >()
  for (const row of rows) {
    // name-epoch:version-release.arch; rpm allows no '-' in a version or release, no '.' in an arch.
    const parts = /^(.+)-(\d+):([^-]+)-([^-]+)\.([^.]+)$/.exec(row.nevra)
    if (!parts) return undefined
    const [, name = '', epoch = '0', version = '', release = '', arch = ''] = parts
    folders.set(row.folder, [
      ...(folders.get(row.folder) ?? []),
      { name, epoch: Number(epoch), version, release, arch, file: row.file },
    ])
  }
  return folders
}

/** The page's data read from the state's own repodata (primary.xml and other.xml of each folder). */
export async function readPageData(state: string, folders: string[]): Promise<PageData> {
  const rows: PackageRow[] = []
  const changelogs: ChangelogRow[] = []
  for (const folder of folders) {
    const { packages, changelogs: entries } = await folderMetadata(join(state, folder))
    for (const pkg of packages) {
      const file = decodeURIComponent(new URL(pkg.url).pathname.split('/').pop() ?? '')
      rows.push({
        folder,
        nevra: nevraOf(pkg),
        file,
        ...(pkg.size ? { size: pkg.size } : {}),
        ...(pkg.buildTime ? { buildTime: pkg.buildTime } : {}),
        source: pkg.arch === 'src' ? '(source)' : (pkg.sourceRpm?.replace(/\.src\.rpm$/, '') ?? ''),
      })
    }
    changelogs.push(...entries)
  }
  return { rows, changelogs }
}

/**
 * The page's data from the previous state's (when it kept one) and this publish's changes: the
 * rows whose files are still in the state, the added packages' rows, and the newest changelog
 * entry of each added source package, from its header (what createrepo_c copies into other.xml).
 * Undefined when the previous state kept no data: then it is read from the metadata.
 */
export async function updatePageData(
  previous: string | undefined,
  state: string,
  added: AddedPackage[],
): Promise<PageData | undefined> {
  // A first publish starts from nothing; a state from before the page kept its data is read whole.
  if (previous && !existsSync(join(previous, PAGE_DATA))) return undefined
  const before: PageData = previous
    ? (JSON.parse(readFileSync(join(previous, PAGE_DATA), 'utf8')) as PageData)
    : { rows: [], changelogs: [] }
  const rows = before.rows.filter((row) => existsSync(join(state, row.folder, row.file)))
  // The source packages still published, as name-version-release (a changelog's `source`).
  const sources = new Set(
    rows
      .filter((row) => row.folder === 'Source')
      .map((row) => row.nevra.replace(/-\d+:/, '-').replace(/\.src$/, '')),
  )
  const changelogs = before.changelogs.filter((entry) => sources.has(entry.source))
  for (const pkg of added) {
    rows.push({
      folder: pkg.folder,
      nevra: pkg.nevra,
      file: basename(pkg.file),
      size: statSync(pkg.file).size,
      ...(pkg.buildTime ? { buildTime: pkg.buildTime } : {}),
      source: pkg.arch === 'src' ? '(source)' : pkg.sourceRpm.replace(/\.src\.rpm$/, ''),
    })
  }
  const addedSources = added.filter((pkg) => pkg.arch === 'src')
  if (addedSources.length > 0) {
    // One record per package (\x1e), fields by \x1f: a scalar use of an array tag is its first, newest, entry.
    const { stdout } = await exec([
      'rpm',
      '-qp',
      '--nosignature',
      '--nodigest',
      '--qf',
      '%{NAME}-%{VERSION}-%{RELEASE}\x1f%{CHANGELOGTIME}\x1f%{CHANGELOGNAME}\x1f%{CHANGELOGTEXT}\x1e',
      ...addedSources.map((pkg) => pkg.file),
    ])
    for (const record of stdout.split('\x1e').filter((r) => r.trim())) {
      const [source = '', date = '', author = '', text = ''] = record.split('\x1f')
      if (date === '(none)') continue
      changelogs.push({ source: source.trim(), author, date: Number(date), text: text.trim() })
    }
  }
  return { rows, changelogs }
}

export async function landingPage(
  state: string,
  request: LandingPageRequest,
  data?: PageData,
): Promise<LandingPage> {
  const { rows, changelogs } = data ?? (await readPageData(state, request.folders))
  rows.sort((a, b) => a.folder.localeCompare(b.folder) || a.nevra.localeCompare(b.nevra))
  changelogs.sort((a, b) => a.source.localeCompare(b.source))
  const release = rows.find(
    (row) => row.folder !== 'Source' && row.nevra.startsWith(`${request.name}-release-`),
  )
  const channelUrl = `${request.baseUrl.replace(/\/+$/, '')}/${request.releasever}/${request.channel}`
  const releaseUrl = release ? `${channelUrl}/${release.folder}/${release.file}` : undefined
  const model = { request, rows, changelogs, channelUrl, releaseUrl }
  return {
    html: renderHtml(model),
    markdown: renderMarkdown(model),
    packages: rows.length,
    data: { rows, changelogs },
  }
}

/** Writes index.html, README.md and the page's data into the state folder. */
export async function writeLandingPage(
  state: string,
  request: LandingPageRequest,
  data?: PageData,
): Promise<LandingPage> {
  const page = await landingPage(state, request, data)
  writeFileSync(join(state, 'index.html'), page.html)
  writeFileSync(join(state, 'README.md'), page.markdown)
  writeFileSync(join(state, PAGE_DATA), JSON.stringify(page.data))
  return page
}

type Model = {
  request: LandingPageRequest
  rows: PackageRow[]
  changelogs: ChangelogRow[]
  channelUrl: string
  releaseUrl: string | undefined
}

const html = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const size = (bytes?: number): string =>
  bytes === undefined
    ? ''
    : bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
      : `${Math.ceil(bytes / 1024)} KiB`
const day = (seconds?: number): string => (seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : '')
const fingerprintGroups = (fpr: string): string => fpr.replace(/(.{4})/g, '$1 ').trim()

function enableCommands({ request, releaseUrl, channelUrl }: Model): string {
  return releaseUrl
    ? `sudo dnf install ${releaseUrl}`
    : `sudo curl -o /etc/yum.repos.d/${request.name}.repo ${channelUrl}/${request.name}.repo`
}

/** How to check a downloaded package's build provenance, for a package of the page. */
function verifyCommands({ request, rows, channelUrl }: Model): string | undefined {
  if (!request.attestationRepository) return undefined
  const example =
    rows.find((row) => row.folder !== 'Source' && !row.nevra.startsWith(`${request.name}-release-`)) ??
    rows.find((row) => row.folder !== 'Source')
  if (!example) return undefined
  return [
    `curl -fsSO ${channelUrl}/${example.folder}/${example.file}`,
    `gh attestation verify ${example.file} --repo ${request.attestationRepository}`,
  ].join('\n')
}

function bootTestLine(test: BootTestReport): string {
  const workloads = test.workloads ?? []
  const failed = [
    ...test.checks.filter((check) => check.exitCode !== 0),
    ...workloads.filter((workload) => workload.failure).map((w) => ({ name: `${w.name} (${w.guest})` })),
  ]
  const timing = [
    test.readyMs !== undefined ? `ready in ${(test.readyMs / 1000).toFixed(1)} s` : '',
    test.l2ReadyMs !== undefined ? `L2 ready in ${(test.l2ReadyMs / 1000).toFixed(1)} s` : '',
  ].filter(Boolean)
  const counts = `${test.checks.length} checks${workloads.length > 0 ? `, ${workloads.length} workloads` : ''}`
  return `${failed.length === 0 ? 'pass' : `FAIL (${failed.map((c) => c.name).join(', ')})`}: ${counts}${timing.length ? `, ${timing.join(', ')}` : ''}`
}

function renderHtml(model: Model): string {
  const { request, rows, changelogs } = model
  const title = `${request.name} ${request.channel} — KVM on POWER for AlmaLinux ${request.releasever}`
  // A cell is text, or text linking to a file of the state (relative: the page lives in it).
  type Cell = string | { text: string; href: string }
  const cell = (c: Cell) =>
    typeof c === 'string' ? html(c) : `<a href="${html(encodeURI(c.href))}">${html(c.text)}</a>`
  const table = (headers: string[], body: Cell[][], id: string) =>
    `<table id="${id}"><thead><tr>${headers.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead><tbody>\n${body
      .map((cells) => `<tr>${cells.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
      .join('\n')}\n</tbody></table>`
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; }
code, pre, #fingerprint { font-family: ui-monospace, monospace; }
pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; }
th { background: #f6f8fa; }
.fail { color: #b00020; } .pass { color: #116329; }
</style>
</head>
<body>
<h1>${html(title)}</h1>
<p>The KVM hypervisor stack (kernel with KVM-HV, qemu-kvm, libvirt) rebuilt for IBM POWER9 and POWER10 (ppc64le), signed and checked with dnf. Channel <strong id="channel">${html(request.channel)}</strong>; ${rows.length} packages.</p>
<h2>Enable the repository</h2>
<pre id="enable">${html(enableCommands(model))}</pre>
<p>Compare the key dnf asks you to import with this fingerprint:</p>
<p id="fingerprint">${html(fingerprintGroups(request.fingerprint))}</p>
<p>The key itself: <a id="key" href="${html(`RPM-GPG-KEY-${request.name}`)}">RPM-GPG-KEY-${html(request.name)}</a>; the repository definition the -release package installs: <a id="repo-file" href="${html(`${request.name}.repo`)}">${html(request.name)}.repo</a>.</p>
<p>Then install the hypervisor and reboot into the new kernel: the <a id="guide" href="${html(request.guideUrl)}">user guide</a> walks through every step, host tuning and a first guest.</p>
${
  verifyCommands(model)
    ? `<h2>Check where a package was built</h2>
<p>Every package and repomd.xml has a signed build-provenance attestation from the workflow that built and published it. With the GitHub CLI, for any package you downloaded:</p>
<pre id="verify">${html(verifyCommands(model)!)}</pre>
`
    : ''
}<h2>Latest boot tests</h2>
${
  request.bootTests.length === 0
    ? '<p id="boot-tests">No boot-test results were passed to this publish.</p>'
    : `<ul id="boot-tests">${request.bootTests
        .map((test) => {
          const line = bootTestLine(test)
          return `<li class="${line.startsWith('pass') ? 'pass' : 'fail'}"><strong>${html(test.label)}</strong>: ${html(line)}</li>`
        })
        .join('\n')}</ul>`
}
<h2>Packages</h2>
${table(
  ['Folder', 'NEVRA', 'Size', 'Built', 'Source'],
  rows.map((row) => [
    row.folder,
    { text: row.nevra, href: `${row.folder}/${row.file}` },
    size(row.size),
    day(row.buildTime),
    row.source,
  ]),
  'packages',
)}
<h2>Changes in the rebuilt packages</h2>
${
  changelogs.length === 0
    ? '<p id="changelog">No changelog entries.</p>'
    : `<div id="changelog">${changelogs
        .map(
          (entry) =>
            `<h3>${html(entry.source)}</h3>\n<p>${html(day(entry.date))} ${html(entry.author)}</p>\n<pre>${html(entry.text)}</pre>`,
        )
        .join('\n')}</div>`
}
</body>
</html>
`
}

function renderMarkdown(model: Model): string {
  const { request, rows, changelogs } = model
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  return [
    `# ${request.name} ${request.channel}: KVM on POWER for AlmaLinux ${request.releasever}`,
    '',
    `The KVM hypervisor stack rebuilt for IBM POWER9 and POWER10 (ppc64le), signed and checked with dnf. ${rows.length} packages.`,
    '',
    '## Enable the repository',
    '',
    '```sh',
    enableCommands(model),
    '```',
    '',
    `Key fingerprint: \`${fingerprintGroups(request.fingerprint)}\` ([RPM-GPG-KEY-${request.name}](RPM-GPG-KEY-${request.name}); the repository definition: [${request.name}.repo](${request.name}.repo))`,
    '',
    `The [user guide](${request.guideUrl}) walks through every step, host tuning and a first guest.`,
    '',
    ...(verifyCommands(model)
      ? [
          '## Check where a package was built',
          '',
          'Every package and repomd.xml has a signed build-provenance attestation from the workflow that built and published it. With the GitHub CLI, for any package you downloaded:',
          '',
          '```sh',
          verifyCommands(model)!,
          '```',
          '',
        ]
      : []),
    '## Latest boot tests',
    '',
    ...(request.bootTests.length === 0
      ? ['No boot-test results were passed to this publish.']
      : request.bootTests.map((test) => `- **${test.label}**: ${bootTestLine(test)}`)),
    '',
    '## Packages',
    '',
    '| Folder | NEVRA | Size | Built | Source |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${cell(row.folder)} | [${cell(row.nevra)}](${encodeURI(`${row.folder}/${row.file}`)}) | ${size(row.size)} | ${day(row.buildTime)} | ${cell(row.source)} |`,
    ),
    '',
    '## Changes in the rebuilt packages',
    '',
    ...changelogs.flatMap((entry) => [
      `### ${entry.source}`,
      '',
      `${day(entry.date)} ${entry.author}`,
      '',
      '```',
      entry.text,
      '```',
      '',
    ]),
    '',
  ].join('\n')
}

/**
 * boot-test-guest's results.json files (or the results folders holding them) as the page's
 * boot-test lines, labelled by their folder's name; a file that is not such a result is an error
 * naming it.
 */
export function readBootTestReports(files: string[]): BootTestReport[] {
  return files.map((given) => {
    const file = existsSync(join(given, 'results.json')) ? join(given, 'results.json') : given
    let parsed: {
      checks?: { name: string; exitCode: number }[]
      workloads?: { name: string; guest: string; failure?: string }[]
      timeline?: { ready?: number; l2Ready?: number }
    }
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new ConfigurationError(
        `Input 'boot-results' names ${given}, which is not a boot-test-guest results.json (${(error as Error).message})`,
      )
    }
    if (!Array.isArray(parsed.checks))
      throw new ConfigurationError(
        `Input 'boot-results' names ${given}, which is not a boot-test-guest results.json (it has no checks)`,
      )
    const folder = dirname(file)
    return {
      label: basename(folder === '.' ? file : folder),
      checks: parsed.checks.map(({ name, exitCode }) => ({ name, exitCode })),
      ...(Array.isArray(parsed.workloads) && parsed.workloads.length > 0
        ? {
            workloads: parsed.workloads.map(({ name, guest, failure }) => ({
              name,
              guest,
              ...(failure ? { failure } : {}),
            })),
          }
        : {}),
      ...(parsed.timeline?.ready !== undefined ? { readyMs: parsed.timeline.ready } : {}),
      ...(parsed.timeline?.l2Ready !== undefined ? { l2ReadyMs: parsed.timeline.l2Ready } : {}),
    }
  })
}
