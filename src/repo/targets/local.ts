/** A repository tree in a local folder (or a mounted share): the target is the working tree. */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RepositoryTarget, TargetKind } from './target.js'

export const localTarget: TargetKind = {
  form: 'a directory path',
  open(request): RepositoryTarget {
    const root = resolve(request.workspace, request.target)
    return {
      root,
      shown: root,
      defaultBaseUrl: pathToFileURL(root).href,
      // publish() and rollback() take the tree's own lock (tree.ts) around every change.
      lock: async () => ({ release: async () => undefined }),
      stage: async () => undefined,
      // publish() switched the link in root already: root is the live tree.
      switch: async () => undefined,
      rollback: async (releasever, channel) =>
        (await import('../publish.js')).rollback(root, releasever, channel),
      dispose: () => undefined,
    }
  },
}
