/**
 * Signing RPMs with rpmsign and proving who signed them. `rpm -K` exits 0 for an unsigned
 * package, so the check reads what it says, with the expected key alone in a private rpm
 * database, and compares the header's key id with the expected one.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { TestFailure } from '../action/errors.js'
import { exec } from '../exec/exec.js'
import { GpgHome } from './gpg.js'
import { scratchDir } from '../host/paths.js'

/** Signs in batches (one rpmsign per batch), SHA-256 digests, passphrase through loopback pinentry. */
export async function signRpms(files: string[], gpg: GpgHome, batch = 200): Promise<void> {
  for (let start = 0; start < files.length; start += batch) {
    await exec(
      [
        'rpmsign',
        '--addsign',
        '--define',
        '__gpg /usr/bin/gpg',
        '--define',
        `_gpg_path ${gpg.dir}`,
        '--define',
        `_gpg_name ${gpg.fingerprint}`,
        '--define',
        '_gpg_digest_algo sha256',
        '--define',
        `_gpg_sign_cmd_extra_args ${gpg.passphraseArgs.join(' ')}`,
        ...files.slice(start, start + batch),
      ],
      { env: gpg.env },
    ).catch((error: unknown) => {
      throw GpgHome.signingFailure(error)
    })
    gpg.signed = true
  }
}

export interface SignatureCheck {
  file: string
  problem?: string
}

/** What rpm says of each package's signature, checked against one public key and key id. */
export async function checkSignatures(
  files: string[],
  publicKeyFile: string,
  keyId: string,
): Promise<SignatureCheck[]> {
  if (files.length === 0) return []
  const dbpath = mkdtempSync(join(scratchDir(), 'kvm-actions-rpmdb-'))
  try {
    await exec(['rpm', '--dbpath', dbpath, '--import', publicKeyFile])
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
        const report = sectionFor(verified.stdout, file)
        let problem: string | undefined
        if (!signature) problem = 'is not signed'
        else if (!signature.toLowerCase().includes(`key id ${keyId}`)) {
          problem = `is signed by another key (${/key id ([0-9a-f]+)/i.exec(signature)?.[1] ?? signature}), expected ${keyId}`
        } else if (/SHA1\b/.test(signature)) problem = 'is signed with a SHA-1 digest, which EL9 rejects'
        else if (!/Header V4 RSA\/SHA(256|384|512) Signature, key ID [0-9a-f]+: OK/.test(report)) {
          problem = `fails signature verification: ${
            report
              .split('\n')
              .find((l) => /NOT OK|BAD|NOKEY/.test(l))
              ?.trim() ?? 'no valid header signature'
          }`
        }
        checks.push({ file, ...(problem ? { problem } : {}) })
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

/** Refuses the publish, naming every package that is not signed by the expected key. */
export async function requireSignedBy(files: string[], publicKeyFile: string, keyId: string): Promise<void> {
  const refused = (await checkSignatures(files, publicKeyFile, keyId)).filter((check) => check.problem)
  if (refused.length > 0) {
    throw new TestFailure(
      `refusing to publish: ${refused.map((c) => `${basename(c.file)} ${c.problem}`).join('; ')}`,
    )
  }
}
