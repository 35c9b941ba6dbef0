/** Where the command line writes and reads: stdout, stderr, the working folder and the environment. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  cwd: string
  /** Where INPUT_<NAME> variables are read from (default: the process environment). */
  env?: NodeJS.ProcessEnv
}
