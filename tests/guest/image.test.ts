/**
 * @needs-system-tools
 *
 * The image scenario: fetch, checksum (GNU, BSD, signed), cache, overlay and cloud-init seed with
 * the real tools; the boot itself through a stand-in qemu (no cloud image can be downloaded here)
 * that serves SSH on the forwarded port with the key from the real seed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { checksumFor, hashFile, parseChecksums, verifyChecksumSignature } from '../../src/guest/image.js'
import { FIXTURES } from '../support/fixtures.js'
import { runBootTestGuest } from '../support/guest.js'
import { makeSigningKey } from '../support/keys.js'

const FAKE_QEMU = join(FIXTURES, 'image-guest', 'fake-qemu.sh')

/** A base image and its CHECKSUM in a folder served as file:// (like the AlmaLinux cloud folder). */
function imageFolder(format: 'gnu' | 'bsd') {
  const dir = mkdtempSync(join(tmpdir(), 'images-'))
  const image = join(dir, 'Test-GenericCloud.ppc64le.qcow2')
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', image, '64M'])
  const sha = execFileSync('sha256sum', [image], { encoding: 'utf8' }).split(' ')[0]!
  writeFileSync(
    join(dir, 'CHECKSUM'),
    format === 'gnu'
      ? `${sha}  Test-GenericCloud.ppc64le.qcow2\n`
      : `# Test-GenericCloud.ppc64le.qcow2: 67108864 bytes\nSHA256 (Test-GenericCloud.ppc64le.qcow2) = ${sha}\n`,
  )
  return { dir, image, url: pathToFileURL(image).href, sha }
}

describe('image checksums', () => {
  it('reads GNU and BSD lines', () => {
    const sha = 'a'.repeat(64)
    expect(
      parseChecksums(`${sha}  x.qcow2\n${'b'.repeat(64)} *y.qcow2\nSHA256 (z.qcow2) = ${'C'.repeat(64)}\n`),
    ).toEqual([
      { file: 'x.qcow2', algorithm: 'sha256', hash: sha },
      { file: 'y.qcow2', algorithm: 'sha256', hash: 'b'.repeat(64) },
      { file: 'z.qcow2', algorithm: 'sha256', hash: 'c'.repeat(64) },
    ])
    expect(() => checksumFor(`${sha}  x.qcow2\n`, 'other.qcow2', 'CHECKSUM')).toThrow(
      "CHECKSUM lists no checksum for other.qcow2; expected a line '<sha256>  other.qcow2' or 'SHA256 (other.qcow2) = <sha256>'",
    )
  })

  it('accepts CHECKSUM only with a good signature by the given key', async () => {
    const secret = makeSigningKey('Image Signer', 'pw')
    const home = mkdtempSync(join(tmpdir(), 'gpg-'))
    const env = { ...process.env, GNUPGHOME: home }
    execFileSync('gpg', ['--batch', '--quiet', '--import'], { env, input: secret })
    const dir = mkdtempSync(join(tmpdir(), 'signed-'))
    writeFileSync(join(dir, 'CHECKSUM'), `${'a'.repeat(64)}  x.qcow2\n`)
    execFileSync(
      'gpg',
      [
        '--batch',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        'pw',
        '--armor',
        '--detach-sign',
        '-o',
        join(dir, 'CHECKSUM.asc'),
        join(dir, 'CHECKSUM'),
      ],
      { env },
    )
    const publicKey = execFileSync('gpg', ['--batch', '--armor', '--export'], { env, encoding: 'utf8' })
    execFileSync('gpgconf', ['--kill', 'all'], { env })
    await verifyChecksumSignature(
      join(dir, 'CHECKSUM'),
      join(dir, 'CHECKSUM.asc'),
      publicKey,
      mkdtempSync(join(tmpdir(), 'w-')),
    )
    writeFileSync(join(dir, 'CHECKSUM'), `${'b'.repeat(64)}  x.qcow2\n`)
    await expect(
      verifyChecksumSignature(
        join(dir, 'CHECKSUM'),
        join(dir, 'CHECKSUM.asc'),
        publicKey,
        mkdtempSync(join(tmpdir(), 'w-')),
      ),
    ).rejects.toThrow('CHECKSUM.asc is not a good signature of CHECKSUM by the given key')
  })
})

describe('booting an image guest', () => {
  async function boot(inputs: Record<string, string>, cache: string) {
    const before = process.env.KVM_ACTIONS_CACHE
    process.env.KVM_ACTIONS_CACHE = cache
    try {
      return await runBootTestGuest({ scenario: 'image', qemu: FAKE_QEMU, ...inputs })
    } finally {
      if (before === undefined) delete process.env.KVM_ACTIONS_CACHE
      else process.env.KVM_ACTIONS_CACHE = before
    }
  }
  const user = execFileSync('id', ['-un'], { encoding: 'utf8' }).trim()

  it('verifies and caches the image, runs on an overlay with a seed, and runs the checks over SSH', async () => {
    const { image, url, sha } = imageFolder('bsd')
    const cache = mkdtempSync(join(tmpdir(), 'cache-'))
    const inputs = {
      image: url,
      'image-user': user,
      checks: 'hello: echo hello from the guest\nmissing: cat /nonexistent-file',
    }
    const first = await boot(inputs, cache)
    expect(first.code).toBe(1) // the failing check fails the step, after both ran
    const results = JSON.parse(readFileSync(join(first.dir, 'results.json'), 'utf8'))
    expect(results.checks.map((c: { name: string; exitCode: number }) => [c.name, c.exitCode])).toEqual([
      ['hello', 0],
      ['missing', 1],
    ])
    expect(results.checks[0].output).toBe('hello from the guest\n')
    expect(results.shutdown).toBe('clean')
    expect(readdirSync(join(cache, 'images'))).toEqual([`${sha}-Test-GenericCloud.ppc64le.qcow2`])
    // The base never changes: the guest wrote to an overlay.
    expect(await hashFile(image, 'sha256')).toBe(sha)

    const second = await boot({ ...inputs, checks: 'hello: echo again' }, cache)
    expect(second.code).toBe(0)
    expect(second.out).toContain('(from the cache)')
  }, 120_000)

  it('runs workloads over SSH with the image’s own stress-ng, parses their metrics, and attaches a scratch disk', async () => {
    const { url } = imageFolder('gnu')
    const run = await boot(
      { image: url, 'image-user': user, workloads: 'cpu: stress-ng --cpu 1 --timeout 1s' },
      mkdtempSync(join(tmpdir(), 'cache-')),
    )
    expect(run.code).toBe(0)
    const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'))
    expect(
      results.workloads.map((w: { name: string; exitCode: number; metrics: { name: string }[] }) => [
        w.name,
        w.exitCode,
        w.metrics.map((m) => m.name),
      ]),
    ).toEqual([['cpu', 0, ['cpu bogo-ops/s']]])
    expect(readFileSync(join(run.dir, 'qemu-command.txt'), 'utf8')).toMatch(
      /scratch\.img,if=none,id=kvm-scratch,format=raw -device virtio-blk-pci,drive=kvm-scratch,serial=kvm-scratch /,
    )
  }, 120_000)

  it('refuses an image whose checksum does not match, before booting', async () => {
    const { dir, url } = imageFolder('gnu')
    writeFileSync(join(dir, 'CHECKSUM'), `${'0'.repeat(64)}  Test-GenericCloud.ppc64le.qcow2\n`)
    const run = await boot({ image: url, 'image-user': user }, mkdtempSync(join(tmpdir(), 'cache-')))
    expect(run.code).toBe(1)
    expect(run.out).toMatch(
      /Test failure: file:\/\/\S+ downloaded with sha256 [0-9a-f]{64}, but file:\/\/\S+\/CHECKSUM says 0{64}/,
    )
  }, 60_000)
})
