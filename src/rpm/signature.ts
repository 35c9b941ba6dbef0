/**
 * Who signed an RPM. `rpm -K` exits 0 for an unsigned package, so the check reads what rpm says,
 * with only the trusted keys in a private rpm database, and compares the header signature's key
 * id with theirs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { exec } from '../exec/exec.js'
import { scratchDir } from '../fs/paths.js'

export interface TrustedKey {
  /** An armored public key file. */
  file: string
  /** The key's long id: the last 16 hex digits of its fingerprint, lower case. */
  keyId: string
}

export interface SignatureCheck {
  file: string
  /** The key id of the header signature, when there is one. */
  signer?: string
  problem?: string
}

/** What rpm says of each package's signature, checked against the trusted keys. */
export async function checkSignatures(files: string[], keys: TrustedKey[]): Promise<SignatureCheck[]> {
  if (files.length === 0) return []
  const ids = keys.map((key) => key.keyId.toLowerCase())
  const dbpath = mkdtempSync(join(scratchDir(), 'kvm-actions-rpmdb-'))
  try {
    for (const key of keys) await exec(['rpm', '--dbpath', dbpath, '--import', key.file])
    const checks: SignatureCheck[] = []
    for (let start = 0; start < files.length; start += 200) {
      const batch = files.slice(start, start + 200)
      const headers = await exec([
        'rpm',
        '-qp',
        '--nosignature',
        '--nodigest',
        '--qf',
        '%{RSAHEADER:pgpsig}|%{SIGPGP:pgpsig}\\n',
        ...batch,
      ])
      const verified = await exec(['rpm', '--dbpath', dbpath, '-Kv', ...batch], { allowFailure: true })
      const lines = headers.stdout.trim().split('\n')
      batch.forEach((file, i) => {
        const signature = lines[i]!.split('|').find((part) => part !== '(none)')
        const signer = signature && /key id ([0-9a-f]+)/i.exec(signature)?.[1]?.toLowerCase()
        const report = sectionFor(verified.stdout, file)
        let problem: string | undefined
        if (!signature) problem = 'is not signed'
        else if (!signer || !ids.includes(signer)) {
          problem = `is signed by another key (${signer ?? signature}), expected ${ids.join(' or ')}`
        } else if (/SHA1\b/.test(signature)) problem = 'is signed with a SHA-1 digest, which EL9 rejects'
        else if (
          !/Header V4 (RSA|EdDSA|ECDSA)\/SHA(256|384|512) Signature, key ID [0-9a-f]+: OK/.test(report)
        ) {
          problem = `fails signature verification: ${
            report
              .split('\n')
              .find((l) => /NOT OK|BAD|NOKEY/.test(l))
              ?.trim() ?? 'no valid header signature'
          }`
        }
        checks.push({ file, ...(signer ? { signer } : {}), ...(problem ? { problem } : {}) })
      })
    }
    return checks
  } finally {
    rmSync(dbpath, { recursive: true, force: true })
  }
}

/** The lines `rpm -Kv` printed for one file (its name line and the indented lines after it). */
function sectionFor(output: string, file: string): string {
  const lines = output.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`${file}:`))
  if (start === -1) return ''
  const end = lines.findIndex((line, i) => i > start && !line.startsWith(' ') && !line.startsWith('\t'))
  return lines.slice(start, end === -1 ? undefined : end).join('\n')
}
