/**
 * A repository tree on another machine over SSH: publish() works on a local mirror (in the
 * tool's cache), the remote side is locked with a lease, receives only the changed files and
 * switches with one rename (see ../ssh.ts for the remote protocol).
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigurationError } from '../../errors.js'
import { requireTools } from '../../exec/tools.js'
import { parseSshTarget, RemoteRepository, SSH_TARGET_FORM, SshSession, type SshTarget } from '../ssh.js'
import type { RepositoryTarget, TargetKind, TargetRequest } from './target.js'

function remoteOf(request: Pick<TargetRequest, 'target' | 'credentials'>): SshTarget | undefined {
  return parseSshTarget(request.target, request.credentials.sshPort)
}

function credentials(request: Pick<TargetRequest, 'credentials'>): { key: string; knownHosts: string } {
  const { sshKey, sshKnownHosts } = request.credentials
  if (!sshKey || !sshKnownHosts) {
    throw new ConfigurationError(
      "Inputs 'ssh-key' and 'ssh-known-hosts' are required for an SSH target; expected the private key and the pinned host key line",
    )
  }
  return { key: sshKey, knownHosts: sshKnownHosts }
}

function session(request: TargetRequest, remote: SshTarget, folder: string): SshSession {
  const { key, knownHosts } = credentials(request)
  for (const line of key.split('\n').filter((l) => l.trim().length >= 8)) request.setSecret(line)
  return new SshSession(remote, request.workDir(folder), key, knownHosts, request.log)
}

export const sshTarget: TargetKind = {
  form: SSH_TARGET_FORM,
  problems(request) {
    try {
      if (remoteOf(request)) credentials(request)
      return []
    } catch (error) {
      return [(error as Error).message]
    }
  },
  open(request): RepositoryTarget | undefined {
    const remote = remoteOf(request)
    if (!remote) return undefined
    requireTools(['ssh', 'tar'])
    const ssh = session(request, remote, 'ssh')
    const root = join(
      request.cacheDir,
      'ssh-mirrors',
      createHash('sha256')
        .update(`${remote.user}@${remote.host}:${remote.port}:${remote.path}`)
        .digest('hex')
        .slice(0, 16),
    )
    const repository = new RemoteRepository(ssh, root, request.log)
    return {
      root,
      shown: request.target,
      defaultBaseUrl: pathToFileURL(remote.path).href,
      lock: () => repository.lock(request.lockTimeoutMs),
      async stage(releasever, channels) {
        for (const channel of channels) await repository.syncMirror(releasever, channel)
      },
      switch: (releasever, channel, state, previous) =>
        repository.publishState(releasever, channel, state, previous),
      rollback: (releasever, channel) => repository.rollback(releasever, channel),
      dispose: () => ssh.dispose(),
    }
  },
  async releaseAbandonedLock(request, owner) {
    const remote = remoteOf(request)
    if (!remote) return
    const ssh = session(request, remote, 'ssh-post')
    try {
      await new RemoteRepository(ssh, '', request.log).unlock(owner)
      request.log.info(`Released the remote lock main held (${owner}).`)
    } finally {
      ssh.dispose()
    }
  },
}
