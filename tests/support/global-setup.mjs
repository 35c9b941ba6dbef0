// One temporary folder for the whole test run: every test's scratch folders, caches and GnuPG
// homes go below it (TMPDIR and KVM_ACTIONS_CACHE point there for every worker), and the
// teardown removes it after stopping what was left running in it.
import { chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function globalSetup() {
  const root = mkdtempSync(join(tmpdir(), 'kvm-actions-tests-'))
  // Traversable like /tmp itself: libvirt's qemu runs as another user and reads guest files below.
  chmodSync(root, 0o755)
  process.env.KVM_ACTIONS_TEST_ROOT = root
  process.env.TMPDIR = root
  process.env.KVM_ACTIONS_CACHE = join(root, 'cache')
}
