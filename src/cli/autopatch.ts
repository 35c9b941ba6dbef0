/**
 * `kvm-actions autopatch`: applies an AlmaLinux autopatch config to a dist-git tree, as the
 * build actions do, so a recipe can be tried on a checkout before a workflow runs it.
 */
import { dirname, join, resolve } from 'node:path'
import { ConfigurationError, failureHeadline } from '../errors.js'
import type { Log } from '../reporter.js'
import { applyRecipe, recipeDate } from '../rpm/autopatch/apply.js'
import { loadRecipe } from '../rpm/autopatch/config.js'
import type { CliIo } from './io.js'

export const AUTOPATCH_USAGE =
  'Usage: kvm-actions autopatch --config FILE --package DIR [--files DIR] [--scripts DIR] [--define "NAME VALUE"]...\n' +
  '  Applies the config to the dist-git tree in DIR (SPECS/ + SOURCES/, or flat). files/ and scripts/\n' +
  '  default to the folders beside the config. Changelog dates follow SOURCE_DATE_EPOCH when it is set.\n'

export async function runAutopatch(args: string[], io: CliIo): Promise<number> {
  const options: Record<string, string> = {}
  const defines: Record<string, string> = {}
  try {
    for (let i = 0; i < args.length; i++) {
      const flag = args[i]!
      if (flag === '--help' || flag === '-h') {
        io.out(AUTOPATCH_USAGE)
        return 0
      }
      const value = args[++i]
      if (!['--config', '--package', '--files', '--scripts', '--define'].includes(flag)) {
        throw new ConfigurationError(
          `Unknown option ${JSON.stringify(flag)}; see kvm-actions autopatch --help.`,
        )
      }
      if (value === undefined) throw new ConfigurationError(`Option ${flag} needs a value.`)
      if (flag === '--define') {
        const [name, ...rest] = value.split(' ')
        if (!name || rest.length === 0)
          throw new ConfigurationError(
            `Option --define has value ${JSON.stringify(value)}; expected "NAME VALUE".`,
          )
        defines[name] = rest.join(' ')
      } else options[flag.slice(2)] = resolve(io.cwd, value)
    }
    for (const required of ['config', 'package']) {
      if (!options[required])
        throw new ConfigurationError(`Option --${required} is required; see kvm-actions autopatch --help.`)
    }
    const recipe = loadRecipe(options.config!)
    const log: Log = {
      info: (message) => io.out(`${message}\n`),
      warning: (message) => io.err(`warning: ${message}\n`),
      debug: () => undefined,
      group: (_, fn) => fn(),
    }
    const edits = await applyRecipe(recipe, {
      packageDir: options.package!,
      filesDir: options.files ?? join(dirname(options.config!), 'files'),
      scriptsDir: options.scripts ?? join(dirname(options.config!), 'scripts'),
      date: recipeDate(),
      defines,
      log,
    })
    io.out(`Applied ${edits.length} action(s) to ${options.package}\n`)
    return 0
  } catch (error) {
    io.err(`${failureHeadline(error)}\n`)
    return 1
  }
}
