/**
 * @needs-system-tools rpmbuild, gpg, createrepo_c, dnf, qemu-system-ppc64
 *
 * Every benchmark under bench/ at a small size, so none can rot: each must finish and print
 * the figures its full run reports (the full runs' numbers are in the README).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

function bench(file: string, env: Record<string, string>): string {
  const result = spawnSync(process.execPath, [join(root, 'bench', file)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  })
  expect({ file, status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({
    file,
    status: 0,
    stderr: '',
  })
  return result.stdout
}

const number = '[0-9]+(?:\\.[0-9]+)?'

describe('benchmarks at smoke size', () => {
  it('footprint: dist size and the start-up ratios', () => {
    const out = bench('footprint.mjs', { BENCH_ROUNDS: '2' })
    expect(out).toMatch(new RegExp(`^dist/: ${number} MB`, 'm'))
    expect(out).toMatch(
      new RegExp(`ratios: action/bare ${number} \\(target <= 1\\.5\\), @actions/core alone/bare ${number}`),
    )
  }, 120_000)

  it('check-upstream scale: time and memory at two sizes, and their growth', () => {
    const out = bench('check-upstream-scale.mjs', { BENCH_SIZES: '50,500' })
    expect(out).toMatch(
      new RegExp(`^500 packages \\(primary.xml ${number} MB\\): ${number} s, peak RSS ${number} MiB`, 'm'),
    )
    expect(out).toMatch(
      new RegExp(`500 ÷ 50 \\(10× the packages\\): time ${number}×, memory above bare node -?${number}×`),
    )
  }, 120_000)

  it('publish scale: the signing rates, a first publish and one RPM added against the same by hand', () => {
    const out = bench('publish-scale.mjs', { BENCH_SIZES: '3' })
    expect(out).toMatch(
      new RegExp(`^signing 3 RPMs by hand: default agent ${number} s, s2k-count 65536 ${number} s`, 'm'),
    )
    expect(out).toMatch(
      new RegExp(`^3 RPMs: first publish ${number} s, by hand ${number} s, ratio ${number}`, 'm'),
    )
    expect(out).toMatch(
      new RegExp(`^3 RPMs: action ${number} s, by hand ${number} s, ratio action/by-hand ${number}`, 'm'),
    )
    // The phase breakdowns: publish-repo's own phases, and what they leave of the wall time.
    for (const run of ['first publish', 'one RPM added,'])
      expect(out).toMatch(
        new RegExp(
          `^3 RPMs: ${run} phases \\(s\\): import the key ${number}, .*createrepo_c ${number}, .*dnf check ${number}, .*node start, loading and post -?${number}$`,
          'm',
        ),
      )
  }, 300_000)

  it('rebuild avoidance: a cached build against the real one', () => {
    const out = bench('rebuild-avoidance.mjs', { BENCH_C_FILES: '20' })
    expect(out).toMatch(new RegExp(`^ratio cached/build: ${number}`, 'm'))
  }, 300_000)

  it('boot overhead: the action against bare qemu, simple and nested, and two guests at once', () => {
    const out = bench('boot-overhead.mjs', { BENCH_ROUNDS: '1' })
    expect(out).toMatch(new RegExp(`^kernel: .*ratio ${number} \\(target <= 1\\.05\\)`, 'm'))
    expect(out).toMatch(new RegExp(`^nested: .*ratio ${number}`, 'm'))
    expect(out).toMatch(
      new RegExp(
        `^nested-minimal: .*minimal nested boot by hand ${number} s: ratio ${number} \\(target <= 1\\.3`,
        'm',
      ),
    )
    expect(out).toMatch(new RegExp(`^parallel: two guests at once ${number} s`, 'm'))
  }, 600_000)
})
