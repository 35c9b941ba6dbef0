import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A new RSA signing key, exported armored with its passphrase; its temporary home is gone after. */
export function makeSigningKey(name: string, passphrase: string): string {
  const home = mkdtempSync(join(tmpdir(), 'keygen-'))
  const params = join(home, 'params')
  writeFileSync(
    params,
    `Key-Type: RSA\nKey-Length: 2048\nKey-Usage: sign\nName-Real: ${name}\nName-Email: ${name.toLowerCase().replace(/\W+/g, '-')}@example.org\nExpire-Date: 0\nPassphrase: ${passphrase}\n%commit\n`,
  )
  const env = { ...process.env, GNUPGHOME: home }
  try {
    execFileSync('gpg', ['--batch', '--gen-key', params], { env, stdio: 'ignore' })
    return execFileSync(
      'gpg',
      [
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        passphrase,
        '--armor',
        '--export-secret-keys',
      ],
      {
        env,
        encoding: 'utf8',
      },
    )
  } finally {
    execFileSync('gpgconf', ['--kill', 'all'], { env })
    rmSync(home, { recursive: true, force: true })
  }
}

/** gpg-agent processes whose command line names dir (a GNUPGHOME), to prove none outlive a step. */
export function agentsFor(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
  return out.split('\n').filter((line) => line.includes('gpg-agent') && line.includes(dir))
}
