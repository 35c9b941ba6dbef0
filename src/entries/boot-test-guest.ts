import { runOnGitHub } from '../host/github.js'
import { bootTestGuest } from '../guest/action.js'

await runOnGitHub(bootTestGuest)
