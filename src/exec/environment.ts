/**
 * The environment every child process gets, decided here and nowhere else: the variables tools
 * need to run (paths, locale, temporary folder, proxies), plus what the caller passes for that
 * tool. Never the runner's INPUT_* variables (they hold the signing key and passphrase), its
 * ACTIONS_* tokens, GITHUB_TOKEN or anything else: builds run upstream scripts and specs.
 */
const PASSED =
  /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TZ|LANG|LANGUAGE|LC_[A-Z]+|TMPDIR|XDG_[A-Z_]+|SOURCE_DATE_EPOCH|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY)$/

export function childEnvironment(
  extra: Record<string, string | undefined> = {},
  parent: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parent))
    if (value !== undefined && PASSED.test(name)) env[name] = value
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}
