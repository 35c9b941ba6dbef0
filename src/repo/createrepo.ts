/** createrepo_c: a package folder's repodata, made or brought up to date. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Tool } from '../exec/tool.js'
import type { Log } from '../reporter.js'
import { parseRepomd } from '../repodata/repomd.js'

export class Createrepo extends Tool {
  constructor() {
    super('createrepo_c')
  }

  /** The argv for dir: incremental (--update) when its metadata exists; gzip, as dnf reads everywhere. */
  argv(dir: string): string[] {
    const incremental = existsSync(join(dir, 'repodata', 'repomd.xml'))
    return ['--quiet', ...(incremental ? ['--update'] : []), '--general-compress-type', 'gz', dir]
  }

  /** Writes dir's repodata; returns the new repomd.xml revision. */
  async update(dir: string, log?: Log): Promise<string> {
    const args = this.argv(dir)
    await this.run(args, log ? { log, group: `${this.program} ${args.slice(1).join(' ')}` } : {})
    const repomd = join(dir, 'repodata', 'repomd.xml')
    return parseRepomd(readFileSync(repomd, 'utf8'), repomd).revision ?? ''
  }
}
