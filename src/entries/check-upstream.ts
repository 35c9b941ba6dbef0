import { runOnGitHub } from '../host/github.js'
import { checkUpstream } from '../upstream/action.js'

await runOnGitHub(checkUpstream)
