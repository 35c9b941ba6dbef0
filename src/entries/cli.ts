import { runCli } from '../cli/main.js'
import { dropRunnerDebugLines } from '../host/cli.js'

dropRunnerDebugLines()
process.exitCode = await runCli(process.argv.slice(2))
