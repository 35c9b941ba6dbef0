export const id = 245;
export const ids = [245];
export const modules = {

/***/ 1245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openTarget: () => (/* binding */ openTarget),
  releaseAbandonedLock: () => (/* binding */ releaseAbandonedLock),
  validateTarget: () => (/* binding */ validateTarget)
});

// UNUSED EXPORTS: TARGET_KINDS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/repo/publish.ts + 3 modules
var publish = __webpack_require__(9949);
;// CONCATENATED MODULE: ./src/repo/targets/local.ts
/** A repository tree in a local folder (or a mounted share): the target is the working tree. */



const localTarget = {
    form: 'a directory path',
    open(request) {
        const root = (0,external_node_path_.resolve)(request.workspace, request.target);
        return {
            root,
            shown: root,
            defaultBaseUrl: (0,external_node_url_.pathToFileURL)(root).href,
            // publish() and rollback() take the tree's own lock (tree.ts) around every change.
            lock: async () => ({ release: async () => undefined }),
            stage: async () => undefined,
            // publish() switched the link in root already: root is the live tree.
            switch: async () => undefined,
            rollback: async (releasever, channel) => (0,publish/* rollback */.dU)(root, releasever, channel),
            dispose: () => undefined,
        };
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/exec/tools.ts
var tools = __webpack_require__(6530);
// EXTERNAL MODULE: ./src/repo/ssh.ts
var repo_ssh = __webpack_require__(3730);
;// CONCATENATED MODULE: ./src/repo/targets/ssh.ts
/**
 * A repository tree on another machine over SSH: publish() works on a local mirror (in the
 * tool's cache), the remote side is locked with a lease, receives only the changed files and
 * switches with one rename (see ../ssh.ts for the remote protocol).
 */






function remoteOf(request) {
    return (0,repo_ssh/* parseSshTarget */.vW)(request.target, request.credentials.sshPort);
}
function credentials(request) {
    const { sshKey, sshKnownHosts } = request.credentials;
    if (!sshKey || !sshKnownHosts) {
        throw new errors/* ConfigurationError */.j1("Inputs 'ssh-key' and 'ssh-known-hosts' are required for an SSH target; expected the private key and the pinned host key line");
    }
    return { key: sshKey, knownHosts: sshKnownHosts };
}
function session(request, remote, folder) {
    const { key, knownHosts } = credentials(request);
    for (const line of key.split('\n').filter((l) => l.trim().length >= 8))
        request.setSecret(line);
    return new repo_ssh/* SshSession */.vM(remote, request.workDir(folder), key, knownHosts, request.log);
}
const sshTarget = {
    form: repo_ssh/* SSH_TARGET_FORM */._F,
    validate(request) {
        if (remoteOf(request))
            credentials(request);
    },
    open(request) {
        const remote = remoteOf(request);
        if (!remote)
            return undefined;
        (0,tools/* requireTools */.P)(['ssh', 'tar']);
        const ssh = session(request, remote, 'ssh');
        const root = (0,external_node_path_.join)(request.cacheDir, 'ssh-mirrors', (0,external_node_crypto_.createHash)('sha256')
            .update(`${remote.user}@${remote.host}:${remote.port}:${remote.path}`)
            .digest('hex')
            .slice(0, 16));
        const repository = new repo_ssh/* RemoteRepository */.NT(ssh, root, request.log);
        return {
            root,
            shown: request.target,
            defaultBaseUrl: (0,external_node_url_.pathToFileURL)(remote.path).href,
            lock: () => repository.lock(request.lockTimeoutMs),
            async stage(releasever, channels) {
                for (const channel of channels)
                    await repository.syncMirror(releasever, channel);
            },
            switch: (releasever, channel, state, previous) => repository.publishState(releasever, channel, state, previous),
            rollback: (releasever, channel) => repository.rollback(releasever, channel),
            dispose: () => ssh.dispose(),
        };
    },
    async releaseAbandonedLock(request, owner) {
        const remote = remoteOf(request);
        if (!remote)
            return;
        const ssh = session(request, remote, 'ssh-post');
        try {
            await new repo_ssh/* RemoteRepository */.NT(ssh, '', request.log).unlock(owner);
            request.log.info(`Released the remote lock main held (${owner}).`);
        }
        finally {
            ssh.dispose();
        }
    },
};

;// CONCATENATED MODULE: ./src/repo/targets/index.ts
/** The kinds of publish target, tried in order; the local folder is the fallback. */


const TARGET_KINDS = [sshTarget, localTarget];
/** Configuration errors of the target and its credentials, before any work. */
function validateTarget(request) {
    for (const kind of TARGET_KINDS)
        kind.validate?.(request);
}
function openTarget(request) {
    for (const kind of TARGET_KINDS) {
        const target = kind.open(request);
        if (target)
            return target;
    }
    // Unreachable: the local kind accepts any path.
    throw new Error(`no target kind accepts ${request.target}`);
}
async function releaseAbandonedLock(request, owner) {
    for (const kind of TARGET_KINDS)
        await kind.releaseAbandonedLock?.(request, owner);
}


/***/ })

};
