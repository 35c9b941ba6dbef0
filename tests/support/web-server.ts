/**
 * Debian's nginx serving a folder on loopback, as a repository's users reach it: its own
 * configuration, pid file, logs and temporary folders in one private folder (nothing of the
 * system's /etc/nginx or /var/lib/nginx), on a free port, in the foreground so the test that
 * started it stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../src/net/port.js'

export interface WebServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  url: string
  /** Every request nginx answered, as "<status> <uri>", in order. */
  accessLog(): string[]
  stop(): Promise<void>
}

/**
 * Resolves when nginx has written its pid file, which it does after binding its listening
 * sockets (so a connection from then on is served); rejects if it exits first.
 */
function started(dir: string, server: ChildProcess, errors: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir, (_, name) => {
      if (name === 'nginx.pid' && existsSync(join(dir, 'nginx.pid'))) done()
    })
    const onExit = (code: number | null) => {
      watcher.close()
      reject(new Error(`nginx exited with ${code}: ${errors()}`))
    }
    const done = () => {
      watcher.close()
      server.off('exit', onExit)
      resolve()
    }
    server.once('exit', onExit)
    // Written before the watch began.
    if (existsSync(join(dir, 'nginx.pid'))) done()
  })
}

export async function startNginx(root: string): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'))
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp))
  const port = await freePort()
  const config = join(dir, 'nginx.conf')
  writeFileSync(
    config,
    `# A test's own nginx: nothing of /etc/nginx is read.
${process.getuid?.() === 0 ? `user ${userInfo().username};` : ''}
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  types {
    text/html html;
    text/plain repo asc md;
    application/xml xml;
    application/x-rpm rpm;
    application/gzip gz;
  }
  default_type application/octet-stream;
  log_format status '$status $request_uri';
  access_log ${join(dir, 'access.log')} status;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  # Every request sees the file its path names now: no open-file cache across a channel switch.
  open_file_cache off;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
  }
}
`,
  )
  // -e: the error log before the configuration is read (the built-in default is stderr).
  const server = spawn('nginx', ['-e', join(dir, 'error.log'), '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const errors = () => {
    try {
      return `${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}`
    } catch {
      return stderr
    }
  }
  const exited = new Promise((resolve) => server.once('exit', resolve))
  try {
    await started(dir, server, errors)
  } catch (error) {
    server.kill('SIGKILL')
    await exited
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: async () => {
      // SIGQUIT: nginx's graceful stop; the master waits for its worker, then removes its pid file.
      if (server.exitCode === null) server.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
