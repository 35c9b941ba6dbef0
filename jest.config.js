// ESM jest (run with --experimental-vm-modules, see package.json): ts-jest transpiles each file
// on its own; `npm run typecheck` is what checks types.
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = import.meta.dirname
// The run's own temporary folder, made here because Jest's cache must be inside it and the cache
// folder is read from this config before globalSetup runs: its default (/tmp/jest_<uid>) outlived
// every run, invisible on a machine that already had it. tests/support/global-setup.mjs points
// TMPDIR and KVM_ACTIONS_CACHE below it and global-teardown.mjs removes it.
const testRoot = mkdtempSync(join(tmpdir(), 'kvm-actions-tests-'))
// Traversable like /tmp itself: libvirt's qemu runs as another user and reads guest files below.
chmodSync(testRoot, 0o755)
process.env.KVM_ACTIONS_TEST_ROOT = testRoot
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
  cacheDirectory: join(testRoot, 'jest-cache'),
  testTimeout: 120000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
}
