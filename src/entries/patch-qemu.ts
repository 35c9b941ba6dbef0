import { runOnGitHub } from '../host/github.js'
import { patchQemu } from '../qemu/action.js'

await runOnGitHub(patchQemu)
