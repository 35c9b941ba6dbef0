/** The attestation subjects publish-repo writes: shasum-format files of at most 1,024 subjects. */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SUBJECTS_PER_ATTESTATION, writeAttestationSubjects } from '../../src/repo/attestation.js'

describe('attestation subjects', () => {
  it('names each file relative to the state with its sha256, 1,024 to a file', async () => {
    const work = mkdtempSync(join(tmpdir(), 'attest-'))
    try {
      const state = join(work, 'state')
      mkdirSync(join(state, 'ppc64le', 'repodata'), { recursive: true })
      const files = Array.from({ length: SUBJECTS_PER_ATTESTATION + 6 }, (_, i) => `ppc64le/p${i}.rpm`)
      files.forEach((file, i) => writeFileSync(join(state, file), `package ${i}`))
      writeFileSync(join(state, 'ppc64le', 'repodata', 'repomd.xml'), '<repomd/>')
      const written = await writeAttestationSubjects(
        state,
        [...files, 'ppc64le/repodata/repomd.xml'],
        join(work, 'results'),
      )
      expect(written).toEqual([
        join(work, 'results', 'attestation-subjects-1.sha256'),
        join(work, 'results', 'attestation-subjects-2.sha256'),
      ])
      const lines = written.map((file) => readFileSync(file, 'utf8').trimEnd().split('\n'))
      expect(lines.map((l) => l.length)).toEqual([1024, 7])
      const sha = (text: string) => createHash('sha256').update(text).digest('hex')
      expect(lines[0]![0]).toBe(`${sha('package 0')}  ppc64le/p0.rpm`)
      expect(lines[1]!.at(-1)).toBe(`${sha('<repomd/>')}  ppc64le/repodata/repomd.xml`)
      expect(await writeAttestationSubjects(state, [], join(work, 'none'))).toEqual([])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
