// @needs-system-tools
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError, TestFailure } from '../../src/errors.js'
import { GpgHome, socketSafeParent } from '../../src/repo/gpg.js'
import { requireSignedBy, signRpms } from '../../src/repo/sign.js'
import { checkSignatures } from '../../src/rpm/signature.js'
import { agentsFor, makeSigningKey } from '../support/keys.js'
import { helloSrpm } from '../support/rpms.js'

let ourKey: string
let otherKey: string
let rpm: string
beforeAll(async () => {
  ourKey = makeSigningKey('KVM Repo', 'correct horse')
  otherKey = makeSigningKey('Someone Else', 'other pass')
  rpm = await helloSrpm()
}, 60_000)

function copyOf(file: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'rpm-')), 'kvm-hello-1.2.0-3.el9_6.src.rpm')
  copyFileSync(file, target)
  return target
}

describe('GpgHome', () => {
  it('refuses key text that is not a private key, and a wrong passphrase', async () => {
    await expect(GpgHome.create('not a key', 'x')).rejects.toThrow(
      "Input 'signing-key' is not an armored OpenPGP private key",
    )
    // A wrong passphrase shows at the first signature, as a configuration error.
    const wrong = await GpgHome.create(ourKey, 'wrong')
    try {
      const failure = signRpms([copyOf(rpm)], wrong)
      await expect(failure).rejects.toBeInstanceOf(ConfigurationError)
      await expect(failure).rejects.toThrow("Input 'passphrase' does not unlock the signing key")
      await expect(wrong.detachSign(rpm)).rejects.toThrow(
        "Input 'passphrase' does not unlock the signing key",
      )
    } finally {
      await wrong.close()
    }
  })

  it('signs below a work folder too deep for gpg-agent’s sockets, from a home where they fit', async () => {
    // As deep as a job's temp folder of the local workflow runner (where the import failed).
    const deep = join(
      mkdtempSync(join(tmpdir(), 'deep-')),
      'run-12345-1796197271834-1',
      'jobs',
      'end-to-end',
      'temp',
    )
    mkdirSync(deep, { recursive: true })
    expect(join(deep, 'kvm-actions-gnupg-XXXXXX', 'S.gpg-agent.browser').length).toBeGreaterThan(107)
    let told = ''
    const home = await GpgHome.create(ourKey, 'correct horse', deep, (dir) => (told = dir))
    try {
      expect(home.dir).toBe(told)
      expect(join(home.dir, 'S.gpg-agent.browser').length).toBeLessThanOrEqual(107)
      expect(socketSafeParent(deep)).not.toBe(deep)
      expect(socketSafeParent(tmpdir())).toBe(tmpdir())
      await signRpms([copyOf(rpm)], home)
    } finally {
      await home.close()
    }
    expect(existsSync(told)).toBe(false)
  })
})

describe('signing and checking RPMs', () => {
  it('signs with SHA-256, proves the signer, and refuses unsigned and foreign packages by name', async () => {
    const ours = await GpgHome.create(ourKey, 'correct horse')
    const theirs = await GpgHome.create(otherKey, 'other pass')
    try {
      const publicKey = join(ours.dir, 'pub.asc')
      writeFileSync(publicKey, await ours.exportPublicKey())
      const signed = copyOf(rpm)
      const foreign = copyOf(rpm)
      const unsigned = copyOf(rpm)
      await signRpms([signed], ours)
      await signRpms([foreign], theirs)
      const checks = await checkSignatures(
        [signed, foreign, unsigned],
        [{ file: publicKey, keyId: ours.keyId }],
      )
      expect(checks[0]).toEqual({ file: signed, signer: ours.keyId })
      expect(checks[1]!.problem).toBe(`is signed by another key (${theirs.keyId}), expected ${ours.keyId}`)
      expect(checks[2]!.problem).toBe('is not signed')
      const refusal = requireSignedBy([signed, unsigned], publicKey, ours.keyId)
      await expect(refusal).rejects.toBeInstanceOf(TestFailure)
      await expect(refusal).rejects.toThrow(
        'refusing to publish: kvm-hello-1.2.0-3.el9_6.src.rpm is not signed',
      )
      await expect(requireSignedBy([signed], publicKey, ours.keyId)).resolves.toBeUndefined()
      const signature = await ours.detachSign(publicKey)
      expect(existsSync(signature)).toBe(true)
    } finally {
      await ours.close()
      await theirs.close()
    }
    expect(existsSync(ours.dir)).toBe(false)
    expect(agentsFor(ours.dir)).toEqual([])
  })
})
