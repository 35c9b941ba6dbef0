/**
 * check-upstream's comparison: read the upstream repositories (their repomd.xml signatures
 * checked when they have one) and the published one, and say per watched package whether
 * upstream has something not rebuilt yet.
 */
import { InfrastructureError } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { readUrl } from '../net/download.js'
import { readRepository, type RepoPackage } from '../repodata/primary.js'
import { resolveUpstreamKeys, type UpstreamKeySpec, verifyRepomdSignature } from '../rpm/upstream-keys.js'
import { comparePackages, type PackageStatus } from './compare.js'

export interface UpstreamCheckRequest {
  packages: string[]
  upstreamUrls: string[]
  publishedUrl: string
  force: boolean
  upstreamKeys: UpstreamKeySpec
}

export interface UpstreamCheckDependencies extends Pick<Reporter, 'signal' | 'annotate'> {
  /** A private folder the post step removes. */
  workDir(prefix: string): string
}

export interface UpstreamCheckOutcome {
  statuses: PackageStatus[]
  /** repomd.xml files without a signature beside them (trusted through their checksums). */
  unsigned: string[]
}

export async function checkUpstreamRepositories(
  request: UpstreamCheckRequest,
  deps: UpstreamCheckDependencies,
): Promise<UpstreamCheckOutcome> {
  const { signal } = deps
  const keys =
    request.upstreamKeys.kind === 'keys'
      ? await resolveUpstreamKeys(request.upstreamKeys, deps.workDir('keys'))
      : undefined
  if (!keys)
    deps.annotate('warning', "upstream-keys is 'none': the upstream metadata signatures were not checked")
  const unsigned: string[] = []
  // A repository that signs its metadata must sign it with an upstream key.
  const checkRepomd = async (repomd: Buffer, repomdUrl: string) => {
    if (!keys) return
    const signature = await readUrl(`${repomdUrl}.asc`, { signal, retries: 1 }).catch(() => undefined)
    if (!(await verifyRepomdSignature(repomd, signature, keys, deps.workDir('repomd'), repomdUrl)))
      unsigned.push(repomdUrl)
  }
  const upstream: RepoPackage[] = []
  for (const url of request.upstreamUrls)
    upstream.push(...(await readRepository(url, { signal, checkRepomd })))
  let published: RepoPackage[] = []
  try {
    published = await readRepository(request.publishedUrl, { signal })
  } catch (error) {
    if (!(error instanceof InfrastructureError)) throw error
    // A repository not published yet has rebuilt nothing.
    deps.annotate(
      'warning',
      `The published repository cannot be read (${error.message}); treating it as empty.`,
    )
  }
  const statuses = comparePackages(request.packages, upstream, published, request.force)
  for (const status of statuses.filter((s) => s.upstream === null))
    deps.annotate(
      'warning',
      `${status.name} is not in the upstream repositories (${request.upstreamUrls.join(', ')})`,
    )
  return { statuses, unsigned }
}
