import { runOnGitHub } from '../host/github.js'
import { publishRepo } from '../repo/action.js'

await runOnGitHub(publishRepo)
