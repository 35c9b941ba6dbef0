/**
 * The README is the front door: every page under docs/ is one click from it, and no relative
 * link in the README or the docs points at a file that does not exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => join('docs', file)),
]

/** The relative link targets of a Markdown file, resolved against the repository. */
function links(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8')
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => normalize(relative(ROOT, join(ROOT, dirname(page), target))))
}

describe('the README and docs/', () => {
  it('link only to files that exist', () => {
    const broken = pages.flatMap((page) =>
      links(page)
        .filter((target) => !existsSync(join(ROOT, target)))
        .map((target) => `${page} -> ${target}`),
    )
    expect(broken).toEqual([])
  })

  it('reach every docs page from the README in one click, in at most about 150 lines', () => {
    const fromReadme = new Set(links('README.md'))
    const unreachable = pages.filter(
      (page) => page !== 'README.md' && !fromReadme.has(page) && !fromReadme.has(dirname(page)),
    )
    expect(unreachable).toEqual([])
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(160)
  })
})
