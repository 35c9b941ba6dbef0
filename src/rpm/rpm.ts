/** The rpm program reading package files: every answer is rpm's own, never a parse of ours. */
import { Tool } from '../exec/tool.js'

export interface PackageHeader {
  name: string
  epoch?: string
  version: string
  release: string
  arch: string
  /** name-version-release, without epoch or arch */
  nvr: string
}

const FIELDS = '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCEPACKAGE}\\n'
/** Reading a header needs neither its signature nor its digests checked (signature.ts does that). */
const QUERY_FILE = ['-qp', '--nosignature', '--nodigest']

export class Rpm extends Tool {
  constructor() {
    super('rpm')
  }

  async header(file: string): Promise<PackageHeader> {
    const { stdout } = await this.run([...QUERY_FILE, '--qf', FIELDS, file])
    const [name = '', epoch = '0', version = '', release = '', arch = '', isSource = ''] = stdout
      .trim()
      .split('\t')
    return {
      name,
      ...(epoch !== '0' ? { epoch } : {}),
      version,
      release,
      arch: isSource === '1' ? 'src' : arch,
      nvr: `${name}-${version}-${release}`,
    }
  }

  /** The files a package contains. */
  async files(file: string): Promise<string[]> {
    const { stdout } = await this.run([...QUERY_FILE, '--list', file])
    return stdout.split('\n').filter(Boolean)
  }
}
