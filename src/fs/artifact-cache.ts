/** A directory cache keyed by string: @actions/cache on GitHub, a local folder on the CLI. */
export interface ArtifactCache {
  /** Restores paths saved under key (or the newest key starting with one of restoreKeys); returns the key hit. */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>
  save(paths: string[], key: string): Promise<void>
}
