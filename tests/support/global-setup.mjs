// One temporary folder for the whole test run (made by jest.config.js, which also puts Jest's cache
// in it): every test's scratch folders, caches and GnuPG homes go below it (TMPDIR and
// KVM_ACTIONS_CACHE point there for every worker), and the teardown removes it after stopping what
// was left running in it.
import { join } from 'node:path'

export default function globalSetup() {
  const root = process.env.KVM_ACTIONS_TEST_ROOT
  if (!root) throw new Error('KVM_ACTIONS_TEST_ROOT is not set: run the tests through jest.config.js')
  process.env.TMPDIR = root
  process.env.KVM_ACTIONS_CACHE = join(root, 'cache')
}
