#!/usr/bin/env node
// npm run ci:job -- <job> [cell...] [--keep]: a job of .github/workflows/ci.yml on this machine,
// through the tests' workflow runner (tests/support/workflow-runner/ci-job.ts). The runner is
// bundled with ncc first, into a folder removed afterwards: GitHub's workflow parser loads its
// JSON schema in a way Node refuses unbundled.
import ncc from '@vercel/ncc'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = mkdtempSync(join(tmpdir(), 'kvm-ci-job-bundle-'))
let code = 1
try {
  const { code: bundle } = await ncc(join(root, 'tests', 'support', 'workflow-runner', 'ci-job.ts'), {
    minify: false,
    sourceMap: false,
    target: 'es2022',
    quiet: true,
  })
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(join(out, 'index.js'), bundle)
  const { runCiJob } = await import(pathToFileURL(join(out, 'index.js')).href)
  code = await runCiJob(root, process.argv.slice(2))
} finally {
  rmSync(out, { recursive: true, force: true })
}
process.exit(code)
