#!/usr/bin/env node
// Bundles every entry under src/entries with ncc into dist/<entry>/index.js, or with --check
// compares a fresh bundle with the committed dist/ and exits 1 listing every file that differs.
import ncc from '@vercel/ncc'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entriesDir = join(root, 'src', 'entries')
const check = process.argv.includes('--check')
const option = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined
const distDir = option('--out') ?? join(root, 'dist')
// --only NAME,NAME bundles (or checks) just those entries; the test of the check uses it.
const only = option('--only')?.split(',')

async function bundle(entry) {
  const { code, assets } = await ncc(join(entriesDir, entry), {
    minify: false,
    sourceMap: false,
    target: 'es2022',
    quiet: true,
    license: 'licenses.txt',
  })
  const folder = entry.replace(/\.ts$/, '')
  // The CLI is the package's bin: it needs its interpreter line.
  const files = {
    [join(folder, 'index.js')]:
      folder === 'cli' && !code.startsWith('#!') ? `#!/usr/bin/env node\n${code}` : code,
  }
  for (const [name, asset] of Object.entries(assets)) files[join(folder, name)] = asset.source.toString()
  return files
}

function listFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
}

const entries = readdirSync(entriesDir)
  .filter((name) => name.endsWith('.ts') && (!only || only.includes(name.replace(/\.ts$/, ''))))
  .sort()
const fresh = Object.assign({}, ...(await Promise.all(entries.map(bundle))))

if (check) {
  const committed = new Set(listFiles(distDir).filter((file) => !only || only.includes(file.split('/')[0])))
  const problems = []
  for (const [file, text] of Object.entries(fresh)) {
    if (!committed.has(file)) problems.push(`missing from dist/: ${file}`)
    else if (readFileSync(join(distDir, file), 'utf8') !== text)
      problems.push(`differs from a fresh bundle: dist/${file}`)
    committed.delete(file)
  }
  for (const file of committed) problems.push(`not produced by a fresh bundle: dist/${file}`)
  if (problems.length > 0) {
    console.error(
      `dist/ does not match the sources (run npm run bundle and commit dist/):\n  ${problems.join('\n  ')}`,
    )
    process.exit(1)
  }
  console.log(`dist/ matches a fresh bundle (${Object.keys(fresh).length} files)`)
} else {
  // Only the folders being rebuilt are replaced (all of dist/ without --only).
  for (const entry of entries)
    rmSync(join(distDir, entry.replace(/\.ts$/, '')), { recursive: true, force: true })
  for (const [file, text] of Object.entries(fresh)) {
    mkdirSync(dirname(join(distDir, file)), { recursive: true })
    writeFileSync(join(distDir, file), text, { mode: file === join('cli', 'index.js') ? 0o755 : 0o644 })
  }
  console.log(`bundled ${entries.length} entries into ${relative(root, distDir) || distDir}`)
}
