import { runOnGitHub } from '../host/github.js'
import { buildKernel } from '../kernel/action.js'

await runOnGitHub(buildKernel)
