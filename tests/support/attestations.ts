/** What a workflow run attested, against what a channel's live state publishes. */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Attestation } from './workflow-runner/runner.js'

/** Every RPM and repomd.xml of the live channel (folder/file) that no attestation has by its sha256. */
export function unattested(
  live: string,
  attestations: Attestation[],
): { published: number; missing: string[] } {
  const attested = new Set(attestations.flatMap((a) => a.subjects.map((s) => s.sha256)))
  const files: string[] = []
  for (const folder of readdirSync(live, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = join(live, folder.name)
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.rpm')))
      files.push(`${folder.name}/${name}`)
    if (existsSync(join(dir, 'repodata', 'repomd.xml'))) files.push(`${folder.name}/repodata/repomd.xml`)
  }
  const digest = (file: string) =>
    createHash('sha256')
      .update(readFileSync(join(live, file)))
      .digest('hex')
  return { published: files.length, missing: files.filter((file) => !attested.has(digest(file))) }
}
