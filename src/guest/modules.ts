/** Kernel modules as a generated initramfs loads them: found, uncompressed, in dependency order. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { exec } from '../exec/exec.js'

const MODULE_SUFFIXES = ['.ko', '.ko.xz', '.ko.zst', '.ko.gz']

/** The file of module `name` below `dir` (kvm-hv and kvm_hv name the same module). */
export function findModule(dir: string, name: string): string | undefined {
  const wanted = new Set(
    MODULE_SUFFIXES.flatMap((suffix) => [name, name.replace(/_/g, '-')].map((n) => n + suffix)),
  )
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && wanted.has(entry.name)) return join(entry.parentPath, entry.name)
  }
  return undefined
}

/** A module as busybox insmod takes it: uncompressed. */
export async function plainModule(file: string, outDir: string): Promise<string> {
  const name = basename(file).replace(/\.ko(\.\w+)?$/, '.ko')
  const out = join(outDir, name)
  const tool = file.endsWith('.xz')
    ? 'xz'
    : file.endsWith('.zst')
      ? 'zstd'
      : file.endsWith('.gz')
        ? 'gzip'
        : undefined
  if (!tool) return file
  // The decompressor's output goes to a file named here; the module path is an argument.
  await exec(['bash', '-c', '"$1" -dc -- "$2" > "$3"', 'decompress', tool, file, out])
  return out
}

/** Whether modules.builtin (written by modules_install) lists the module as built into the kernel. */
export function builtIn(modulesDir: string, name: string): boolean {
  const list = join(modulesDir, 'modules.builtin')
  if (!existsSync(list)) return false
  const file = `${name.replace(/_/g, '-')}.ko`
  return readFileSync(list, 'utf8')
    .split('\n')
    .some((line) => basename(line) === file || basename(line) === file.replace(/-/g, '_'))
}

/**
 * The kernel's config where the layouts keep it: /lib/modules/<kver>/config (RPM), or
 * config-<kver> beside the image or above lib/modules (Debian's /boot, build-kernel's hypervisor build).
 */
export function kernelConfigBeside(modulesDir: string, kernel?: string): string | undefined {
  const kver = basename(modulesDir)
  const candidates = [
    join(modulesDir, 'config'),
    ...(kernel ? [join(dirname(kernel), `config-${kver}`)] : []),
    join(modulesDir, '..', '..', '..', '..', `config-${kver}`),
  ]
  return candidates.find((file) => existsSync(file))
}

/** The `depends=` entry of a module's modinfo section. */
export function moduleDepends(content: Buffer): string[] {
  const match = /(?:^|\0)depends=([^\0]*)\0/.exec(content.toString('latin1'))
  return match?.[1] ? match[1].split(',').filter(Boolean) : []
}

/**
 * The modules `names` with what they depend on, in load order, uncompressed into outDir; a module
 * built into the kernel (modules.builtin) is skipped, and one found nowhere is `missing(name)`.
 */
export async function moduleClosure(
  modulesDir: string,
  names: string[],
  outDir: string,
  missing: (name: string) => Error,
): Promise<string[]> {
  const ordered: string[] = []
  const visit = async (name: string, chain: string[]): Promise<void> => {
    const key = name.replace(/-/g, '_')
    if (ordered.some((file) => basename(file).replace(/\.ko$/, '').replace(/-/g, '_') === key)) return
    if (chain.includes(key)) return
    const file = findModule(modulesDir, name)
    if (!file) {
      if (builtIn(modulesDir, name)) return
      throw missing(name)
    }
    const plain = await plainModule(file, outDir)
    for (const dependency of moduleDepends(readFileSync(plain))) await visit(dependency, [...chain, key])
    ordered.push(plain)
  }
  for (const name of names) await visit(name, [])
  return ordered
}

/** The modules folder that setup-host.sh unpacks beside a Debian vmlinux-<kver>, if there is one. */
export function modulesBesideKernel(kernel: string): string | undefined {
  const kver = /^vmlinu[xz]-(.+)$/.exec(basename(kernel))?.[1]
  const dir = kver ? join(dirname(kernel), 'modules', kver) : undefined
  return dir && existsSync(dir) ? dir : undefined
}
