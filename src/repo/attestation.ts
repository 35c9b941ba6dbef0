/**
 * The subjects of a publish's build-provenance attestation (actions/attest): what it signed, as
 * shasum-format checksum files of at most 1,024 lines, the most one attestation takes.
 */
import { createHash } from 'node:crypto'
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SUBJECTS_PER_ATTESTATION = 1024

/** Small files in one read (most RPMs; a stream per file costs more than hashing it), large ones streamed. */
async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  if (statSync(file).size <= 64 * 1024 * 1024) return hash.update(readFileSync(file)).digest('hex')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Writes attestation-subjects-<n>.sha256 into dir for the files (relative to root, named so in
 * the attestation); returns their paths, none when there is nothing to attest.
 */
export async function writeAttestationSubjects(
  root: string,
  files: string[],
  dir: string,
): Promise<string[]> {
  const lines: string[] = []
  for (const file of files) lines.push(`${await sha256(join(root, file))}  ${file}`)
  const written: string[] = []
  mkdirSync(dir, { recursive: true })
  for (let start = 0; start < lines.length; start += SUBJECTS_PER_ATTESTATION) {
    const path = join(dir, `attestation-subjects-${written.length + 1}.sha256`)
    writeFileSync(path, lines.slice(start, start + SUBJECTS_PER_ATTESTATION).join('\n') + '\n')
    written.push(path)
  }
  return written
}
