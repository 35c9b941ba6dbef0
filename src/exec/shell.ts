/** One word quoted for a POSIX shell: a command line another machine's shell runs (guest init, ssh). */
export function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}
