import { githubHost, currentPhase } from '../host/github.js'
import { runSuite } from '../suite.js'

const host = githubHost()
process.exitCode = await runSuite(host, currentPhase(host))
