// ESM jest (run with --experimental-vm-modules, see package.json): ts-jest transpiles each file
// on its own; `npm run typecheck` is what checks types.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = import.meta.dirname
// `npm run test:fast` (TEST_FAST=1) leaves out the test files whose header says
// `@needs-system-tools`: those that run rpmbuild, qemu, gpg, dnf, createrepo_c, mock or a workflow.
const systemTests =
  process.env.TEST_FAST === '1'
    ? readdirSync(join(root, 'tests'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.ts'))
        .filter((file) =>
          readFileSync(join(root, 'tests', file), 'utf8')
            .slice(0, 2000)
            .includes('@needs-system-tools'),
        )
        .map((file) => `<rootDir>/tests/${file}`.replace(/[.]/g, '\\.'))
    : []

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...systemTests],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testTimeout: 120000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
}
