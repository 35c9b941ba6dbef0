/**
 * A private GnuPG home for one publish: the signing key imported from its armored text, the
 * passphrase in a file only the runner user can read (never argv, never the log), and every
 * gpg-agent it started stopped when it closes.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { CommandFailedError, exec } from '../exec/exec.js'
import { scratchDir } from '../fs/paths.js'

/** The smallest iteration count gpg-agent accepts for protecting keys it holds. */
export const AGENT_S2K_COUNT = 65536

const HOME_PREFIX = 'kvm-actions-gnupg-'
/** What a home adds below its parent, up to the longest socket gpg-agent binds in it. */
const SOCKET_BELOW_PARENT = `/${HOME_PREFIX}XXXXXX/S.gpg-agent.browser`.length
/** A unix socket's path holds 107 bytes (108 with its NUL). */
const MAX_SOCKET_PATH = 107

/**
 * parent, or else the system's temporary folder, or /tmp: where a home's gpg-agent sockets fit.
 * Below a deep runner temp folder the agent cannot bind them, and every gpg call then fails with
 * "No agent running" (seen as an import failure of a good key).
 */
export function socketSafeParent(parent: string): string {
  return [parent, tmpdir()].find((dir) => dir.length + SOCKET_BELOW_PARENT <= MAX_SOCKET_PATH) ?? '/tmp'
}

export class GpgHome {
  private constructor(
    readonly dir: string,
    readonly fingerprint: string,
    readonly passphraseFile: string,
  ) {}

  /** Whether a signature has been made (and so the passphrase proven). */
  signed = false

  /** The 16-hex-digit key id rpm prints in signatures. */
  get keyId(): string {
    return this.fingerprint.slice(-16).toLowerCase()
  }

  get env(): Record<string, string> {
    return { GNUPGHOME: this.dir }
  }

  /** Loopback pinentry with the passphrase file: gpg never asks, and the passphrase is never on argv. */
  get passphraseArgs(): string[] {
    return ['--batch', '--pinentry-mode', 'loopback', '--passphrase-file', this.passphraseFile]
  }

  /**
   * Imports the key into a new home under parent. Bad key text is a configuration error; a wrong
   * passphrase shows at the first signature (see signingFailure), which comes before anything
   * is switched: a separate probe would cost one more key unlock on every publish.
   */
  static async create(
    armoredKey: string,
    passphrase: string,
    parent = scratchDir(),
    /** Told the home's folder before any gpg runs in it (a post step stops its agents after a kill). */
    onCreated?: (dir: string) => void,
  ): Promise<GpgHome> {
    const dir = mkdtempSync(join(socketSafeParent(parent), HOME_PREFIX))
    chmodSync(dir, 0o700)
    onCreated?.(dir)
    // gpg-agent re-protects the imported key with its own KDF and re-runs it for every
    // signature (0.36 s each by default). The home is private (0700) and deleted after the
    // publish, so the lowest count costs seconds of weaker at-rest protection, not an hour of
    // signing for 10,000 RPMs.
    writeFileSync(join(dir, 'gpg-agent.conf'), `s2k-count ${AGENT_S2K_COUNT}\n`, { mode: 0o600 })
    const passphraseFile = join(dir, '.passphrase')
    writeFileSync(passphraseFile, passphrase, { mode: 0o600 })
    const env = { GNUPGHOME: dir }
    const imported = await exec(['gpg', '--batch', '--import'], {
      input: armoredKey,
      env,
      allowFailure: true,
    })
    const listing = await exec(['gpg', '--batch', '--with-colons', '--list-secret-keys'], {
      env,
      allowFailure: true,
    })
    const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(listing.stdout)?.[1]
    if (imported.exitCode !== 0 || !fingerprint) {
      await GpgHome.stopAgents(dir)
      rmSync(dir, { recursive: true, force: true })
      throw new ConfigurationError(
        "Input 'signing-key' is not an armored OpenPGP private key (gpg could not import a secret key from it)",
      )
    }
    const home = new GpgHome(dir, fingerprint, passphraseFile)
    return home
  }

  /** A gpg or rpmsign failure caused by the passphrase becomes the configuration error it is. */
  static signingFailure(error: unknown): unknown {
    const text = error instanceof CommandFailedError ? error.result.stderr + error.result.stdout : ''
    if (/bad passphrase|no passphrase given|passphrase check failed/i.test(text)) {
      return new ConfigurationError(
        "Input 'passphrase' does not unlock the signing key (gpg refused to sign with it)",
      )
    }
    return error
  }

  /** Proves the passphrase with a throwaway signature, for a run that had nothing else to sign. */
  async verifyPassphrase(): Promise<void> {
    if (this.signed) return
    await exec(['gpg', ...this.passphraseArgs, '-u', this.fingerprint, '--detach-sign', '--output', '-'], {
      input: 'passphrase check',
      env: this.env,
    }).catch((error: unknown) => {
      throw GpgHome.signingFailure(error)
    })
    this.signed = true
  }

  async exportPublicKey(): Promise<string> {
    return (await exec(['gpg', '--batch', '--armor', '--export', this.fingerprint], { env: this.env })).stdout
  }

  /** A detached, armored signature of file at file.asc (repomd.xml.asc for repo_gpgcheck). */
  async detachSign(file: string): Promise<string> {
    const signature = `${file}.asc`
    rmSync(signature, { force: true })
    await exec(
      [
        'gpg',
        ...this.passphraseArgs,
        '--digest-algo',
        'SHA256',
        '-u',
        this.fingerprint,
        '--armor',
        '--detach-sign',
        '--output',
        signature,
        file,
      ],
      { env: this.env },
    ).catch((error: unknown) => {
      throw GpgHome.signingFailure(error)
    })
    this.signed = true
    return signature
  }

  static async stopAgents(dir: string): Promise<void> {
    // Only the daemons whose socket exists are asked to stop: `gpgconf --kill all` asks every
    // component in turn and costs a quarter of a second per home, even an empty one.
    const env = { GNUPGHOME: dir }
    const listed = await exec(['gpgconf', '--list-dirs'], { env, allowFailure: true })
    if (listed.exitCode !== 0) {
      await exec(['gpgconf', '--kill', 'all'], { env, allowFailure: true })
      return
    }
    for (const [component, socket] of [
      ['gpg-agent', 'agent-socket'],
      ['dirmngr', 'dirmngr-socket'],
      ['keyboxd', 'keyboxd-socket'],
    ] as const) {
      const path = new RegExp(`^${socket}:(.*)$`, 'm').exec(listed.stdout)?.[1]
      if (path && existsSync(decodeURIComponent(path)))
        await exec(['gpgconf', '--kill', component], { env, allowFailure: true })
    }
  }

  /** Stops this home's gpg-agent and deletes the home, key and passphrase file with it. */
  async close(): Promise<void> {
    await GpgHome.stopAgents(this.dir)
    rmSync(this.dir, { recursive: true, force: true })
  }
}
