/**
 * Runs the user guide's runnable commands from the document itself: every fenced block whose
 * info string says `test=<kind>`.
 *   dnf             bash, with dnf and rpm pointed at a private installroot (--forcearch
 *                   ppc64le) and the guide's example repository address replaced by a real one
 *   shell           bash, as written
 *   qemu            bash, qemu-kvm replaced by qemu-system-ppc64 under emulation (accel=tcg, the
 *                   host CPU by power9), the cloud image by an empty one; passes once the
 *                   firmware runs (SLOF's banner), then the guest is stopped
 *   libvirt-domain  the XML through virt-xml-validate
 * Blocks of one kind share the installroot, in document order.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type GuideBlockKind = 'dnf' | 'shell' | 'qemu' | 'libvirt-domain'

export interface GuideBlock {
  kind: GuideBlockKind
  /** 1-based line of the opening fence. */
  line: number
  code: string
}

export interface GuideResult {
  block: GuideBlock
  ok: boolean
  output: string
}

/** The example address the guide uses for the published repository. */
export const EXAMPLE_REPOSITORY = 'https://kvm.example.org/almalinux'

export function guideBlocks(markdown: string): GuideBlock[] {
  const blocks: GuideBlock[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```\S*\s+test=([a-z-]+)\s*$/.exec(lines[i]!)
    if (!open) continue
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!)
    const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length))
    blocks.push({
      kind: open[1] as GuideBlockKind,
      line: i + 1,
      code: body.map((l) => l.slice(indent)).join('\n') + '\n',
    })
    i = j
  }
  return blocks
}

export interface GuideEnvironment {
  /** The published repository's base (what the guide's example address stands for), file:// here. */
  repositoryUrl: string
  /** The channel the repository was published to, for the guide's `stable`. */
  channel: string
}

function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  })
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
}

/** qemu's run until the firmware banner shows (or it exits, or 60 s pass); then the group is stopped. */
function untilFirmware(script: string, cwd: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let done = false
    const finish = (ok: boolean) => {
      if (done) return
      done = true
      clearTimeout(timer)
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
      resolve({ ok, output })
    }
    const timer = setTimeout(() => finish(false), 60_000)
    const take = (chunk: Buffer) => {
      output += chunk.toString()
      if (/SLOF \*+|Welcome to Open Firmware/.test(output)) finish(true)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('exit', () => finish(false))
  })
}

export async function runGuide(markdown: string, environment: GuideEnvironment): Promise<GuideResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'user-guide-'))
  const root = join(work, 'installroot')
  mkdirSync(join(root, 'etc', 'yum.repos.d'), { recursive: true })
  // dnf and rpm as the guide runs them, aimed at the installroot; sudo runs the command itself.
  const dnfPrelude = `
sudo() { "$@"; }
dnf() { command dnf --installroot "${root}" --forcearch ppc64le --releasever 9 --setopt=reposdir="${root}/etc/yum.repos.d" --setopt=cachedir="${root}/var/cache/dnf" --setopt=install_weak_deps=False --disableplugin=local -y "$@"; }
rpm() { command rpm --root "${root}" "$@"; }
`
  const results: GuideResult[] = []
  try {
    for (const block of guideBlocks(markdown)) {
      const code = block.code
        .replaceAll(
          `${EXAMPLE_REPOSITORY}/9/stable/`,
          `${environment.repositoryUrl}/9/${environment.channel}/`,
        )
        .replaceAll('kvm-power-stable', `kvm-power-${environment.channel}`)
      let run: { ok: boolean; output: string }
      switch (block.kind) {
        case 'dnf':
          run = bash(dnfPrelude + code, work)
          break
        case 'shell':
          run = bash(code, work)
          break
        case 'qemu': {
          spawnSync('qemu-img', [
            'create',
            '-q',
            '-f',
            'qcow2',
            join(work, 'AlmaLinux-9-GenericCloud-latest.ppc64le.qcow2'),
            '1G',
          ])
          const emulated = code
            .replaceAll('/usr/libexec/qemu-kvm', 'qemu-system-ppc64')
            .replaceAll('accel=kvm', 'accel=tcg')
            .replaceAll('-cpu host', '-cpu power9')
          run = await untilFirmware(emulated, work)
          break
        }
        case 'libvirt-domain': {
          const file = join(work, `domain-${block.line}.xml`)
          writeFileSync(file, code)
          const validated = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' })
          run = { ok: validated.status === 0, output: `${validated.stdout}${validated.stderr}` }
          break
        }
        default:
          run = { ok: false, output: `unknown test kind ${String(block.kind)}` }
      }
      results.push({ block, ...run })
    }
  } finally {
    // dnf's key handling can leave an agent in the installroot's GnuPG folders.
    spawnSync('bash', [
      '-c',
      'for d in $(find "$1" -name pubring.kbx -printf "%h\\n" 2>/dev/null); do gpgconf --homedir "$d" --kill all; done',
      'x',
      work,
    ])
    rmSync(work, { recursive: true, force: true })
  }
  return results
}

export function readGuide(file: string): string {
  return readFileSync(file, 'utf8')
}
