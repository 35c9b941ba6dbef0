/** Signing RPMs with rpmsign, and proving that the publish key signed them (rpm/signature.ts). */
import { basename } from 'node:path'
import { TestFailure } from '../errors.js'
import { exec } from '../exec/exec.js'
import { GpgHome } from './gpg.js'
import { checkSignatures } from '../rpm/signature.js'

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

/** Refuses the publish, naming every package that is not signed by the expected key. */
export async function requireSignedBy(files: string[], publicKeyFile: string, keyId: string): Promise<void> {
  const refused = (await checkSignatures(files, [{ file: publicKeyFile, keyId }])).filter(
    (check) => check.problem,
  )
  if (refused.length > 0) {
    // One line whatever the count: the first ten, then how many more.
    const shown = refused.slice(0, 10).map((c) => `${basename(c.file)} ${c.problem}`)
    const more = refused.length > shown.length ? `; and ${refused.length - shown.length} more` : ''
    throw new TestFailure(`refusing to publish: ${shown.join('; ')}${more}`)
  }
}
