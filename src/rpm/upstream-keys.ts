/**
 * The keys upstream source RPMs must be signed with. By default AlmaLinux 9's release key, known
 * here by its fingerprint and read from the distribution's own copy on EL hosts; other keys come
 * armored in the input or as files. `none` turns the check off, and only when said explicitly.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConfigurationError, InfrastructureError, InvalidValue } from '../errors.js'
import { exec } from '../exec/exec.js'
import { checkSignatures, type TrustedKey } from './signature.js'

export interface KnownKey {
  name: string
  fingerprint: string
  /** Where EL hosts keep it (the distribution-gpg-keys or -release package). */
  file: string
}

export const ALMALINUX_9: KnownKey = {
  name: 'almalinux-9',
  fingerprint: 'BF18AC2876178908D6E71267D36CB86CB86B3716',
  file: '/etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9',
}
const KNOWN = [ALMALINUX_9]

/** What the input says: no check, or keys by name, armored text or file path. */
export type UpstreamKeySpec =
  | { kind: 'none' }
  | { kind: 'keys'; entries: ({ known: KnownKey } | { armored: string } | { path: string })[] }

export const UPSTREAM_KEYS_FORM = `'${ALMALINUX_9.name}' (the key's fingerprint checked), armored public keys, paths of key files, or 'none' to skip the check`
const ARMORED = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g

export function parseUpstreamKeys(raw: string, workspace: string): UpstreamKeySpec {
  if (raw.trim() === 'none') return { kind: 'none' }
  const armored = raw.match(ARMORED) ?? []
  const rest = raw
    .replace(ARMORED, '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
  const entries: Extract<UpstreamKeySpec, { kind: 'keys' }>['entries'] = armored.map((text) => ({
    armored: text,
  }))
  for (const item of rest) {
    const known = KNOWN.find((key) => key.name === item)
    if (known) entries.push({ known })
    else if (item === 'none') throw new InvalidValue("'none' cannot be combined with keys")
    else {
      const path = resolve(workspace, item)
      if (!existsSync(path))
        throw new InvalidValue(`${item} is neither a known key name nor an existing file`)
      entries.push({ path })
    }
  }
  if (entries.length === 0) throw new InvalidValue('no key given')
  return { kind: 'keys', entries }
}

/** The fingerprints in an armored key file (gpg reads it without importing anything). */
async function fingerprints(file: string, home: string): Promise<string[]> {
  const shown = await exec(['gpg', '--batch', '--with-colons', '--show-keys', file], {
    env: { GNUPGHOME: home },
    allowFailure: true,
  })
  const primary: string[] = []
  let expectFpr = false
  for (const line of shown.stdout.split('\n')) {
    const fields = line.split(':')
    if (fields[0] === 'pub') expectFpr = true
    else if (fields[0] === 'fpr' && expectFpr) {
      primary.push(fields[9]!.toUpperCase())
      expectFpr = false
    } else if (fields[0] === 'sub') expectFpr = false
  }
  if (shown.exitCode !== 0 || primary.length === 0)
    throw new ConfigurationError(`Input 'upstream-keys' has ${file}, which holds no OpenPGP public key`)
  return primary
}

/** Key files with their ids, ready for checkSignatures; files and a GnuPG home under workDir. */
export async function resolveUpstreamKeys(
  spec: Extract<UpstreamKeySpec, { kind: 'keys' }>,
  workDir: string,
): Promise<TrustedKey[]> {
  const dir = mkdtempSync(join(workDir, 'upstream-keys-'))
  const home = join(dir, 'gnupg')
  mkdirSync(home, { mode: 0o700 })
  const keys: TrustedKey[] = []
  try {
    for (const [index, entry] of spec.entries.entries()) {
      let file: string
      if ('known' in entry) {
        if (!existsSync(entry.known.file)) {
          throw new ConfigurationError(
            `Input 'upstream-keys' is '${entry.known.name}', but ${entry.known.file} does not exist on this host (EL hosts have it); expected the key armored, a key file, or 'none'`,
          )
        }
        file = entry.known.file
      } else if ('armored' in entry) {
        file = join(dir, `key-${index}.asc`)
        writeFileSync(file, entry.armored)
      } else file = entry.path
      const found = await fingerprints(file, home)
      if ('known' in entry && !found.includes(entry.known.fingerprint)) {
        throw new ConfigurationError(
          `Input 'upstream-keys': ${file} is not ${entry.known.name}'s key (fingerprint ${entry.known.fingerprint}; the file has ${found.join(', ')})`,
        )
      }
      for (const fingerprint of found) keys.push({ file, keyId: fingerprint.slice(-16).toLowerCase() })
    }
    return keys
  } finally {
    // The key files stay for rpm's import; only the scratch keyring goes.
    rmSync(home, { recursive: true, force: true })
  }
}

/** Refuses a source RPM that is not signed by one of the keys, naming it; returns the signer's key id. */
export async function requireUpstreamSignature(
  srpm: string,
  keys: TrustedKey[],
  name: string,
): Promise<string> {
  const [check] = await checkSignatures([srpm], keys)
  if (!check || check.problem || !check.signer) {
    throw new InfrastructureError(
      `refusing the upstream source RPM ${name}: it ${check?.problem ?? 'was not checked'}; nothing was built or signed`,
    )
  }
  return check.signer
}

export const describeKeys = (keys: TrustedKey[]): string =>
  [...new Set(keys.map((key) => key.keyId))].join(', ')

/**
 * Checks repomd.xml against its detached signature (repomd.xml.asc) with the keys, by gpgv and a
 * keyring of only those keys. Returns false when the repository publishes no signature.
 */
export async function verifyRepomdSignature(
  repomd: Buffer,
  signature: Buffer | undefined,
  keys: TrustedKey[],
  workDir: string,
  where: string,
): Promise<boolean> {
  if (!signature) return false
  const dir = mkdtempSync(join(workDir, 'repomd-check-'))
  try {
    const home = join(dir, 'gnupg')
    mkdirSync(home, { mode: 0o700 })
    const keyring = join(dir, 'trusted.kbx')
    for (const file of new Set(keys.map((key) => key.file)))
      await exec(['gpg', '--batch', '--no-default-keyring', '--keyring', keyring, '--import', file], {
        env: { GNUPGHOME: home },
      })
    writeFileSync(join(dir, 'repomd.xml'), repomd)
    writeFileSync(join(dir, 'repomd.xml.asc'), signature)
    const checked = await exec(
      ['gpgv', '--keyring', keyring, join(dir, 'repomd.xml.asc'), join(dir, 'repomd.xml')],
      { env: { GNUPGHOME: home }, allowFailure: true },
    )
    if (checked.exitCode !== 0) {
      const line =
        checked.stderr.split('\n').find((l) => /BAD|No public key|Can't check|not/.test(l)) ??
        checked.stderr.trim()
      throw new InfrastructureError(
        `${where} does not verify with upstream-keys: ${line.replace(/^gpgv: /, '')}`,
      )
    }
    await exec(['gpgconf', '--homedir', home, '--kill', 'all'], { allowFailure: true })
    return true
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
