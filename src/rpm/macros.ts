/** rpm's command-line macro arguments, as rpmbuild, rpmspec and mock all take them. */

/** `--define 'name value'` for each macro. */
export function defineArgs(defines: Record<string, string>): string[] {
  return Object.entries(defines).flatMap(([name, value]) => ['--define', `${name} ${value}`])
}

/** `--with X` / `--without X`: the spec's build conditionals. */
export function conditionalArgs(withs: readonly string[] = [], withouts: readonly string[] = []): string[] {
  return [...withs.flatMap((name) => ['--with', name]), ...withouts.flatMap((name) => ['--without', name])]
}
