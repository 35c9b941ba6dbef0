export const id = 913;
export const ids = [913,552];
export const modules = {

/***/ 8294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vo: () => (/* binding */ dnfQuery),
/* harmony export */   gg: () => (/* binding */ dnfVisibleNevras),
/* harmony export */   sweepDnfRoots: () => (/* binding */ sweepDnfRoots),
/* harmony export */   yQ: () => (/* binding */ dnfUnresolved)
/* harmony export */ });
/* unused harmony exports stopAgentsUnder, DNF_ROOT_PREFIX */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _exec_process_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6868);
/* harmony import */ var _gpg_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(552);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1283);
/**
 * The real client's verdict on a staged repository: dnf in a throwaway installroot with gpgcheck
 * and repo_gpgcheck, failing on any metadata or signature problem (dnf exits 0 on a bad repo
 * signature unless skip_if_unavailable is off), listing every NEVRA it can see.
 */







/** Stops the gpg-agent of every GnuPG home dnf made under root (keyrings for repo_gpgcheck). */
async function stopAgentsUnder(root) {
    const homes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => /(^|\/)(pubring\.kbx|pubring\.gpg|trustdb\.gpg)$/.test(file))
        .map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file)));
    for (const home of new Set([(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'gnupg'), ...homes]))
        await _gpg_js__WEBPACK_IMPORTED_MODULE_4__.GpgHome.stopAgents(home);
}
const QUERY_FORMAT = '%{name}-%{epoch}:%{version}-%{release}.%{arch}';
/**
 * Runs fn with dnf set up in a throwaway installroot over repos (gpgcheck and repo_gpgcheck for
 * those with a key; the others are read only for their versions and dependencies).
 */
/** The installroots dnf checks use, below the step's scratch folder (for a post step to sweep). */
const DNF_ROOT_PREFIX = 'kvm-actions-dnf-';
/**
 * Stops the agents and removes the dnf roots a killed main step left in scratch. A root is named
 * after the process that made it, and one whose process still runs (another publish on the same
 * host, mid-check) is left alone.
 */
async function sweepDnfRoots(scratch) {
    let swept = 0;
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(scratch) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(scratch) : []) {
        if (!name.startsWith(DNF_ROOT_PREFIX))
            continue;
        const owner = Number(/^(\d+)-/.exec(name.slice(DNF_ROOT_PREFIX.length))?.[1]);
        if (Number.isInteger(owner) && owner > 1 && (0,_exec_process_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._)(owner))
            continue;
        await stopAgentsUnder((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, name));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, name), { recursive: true, force: true });
        swept++;
    }
    return swept;
}
async function withDnf(repos, arch, fn) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .scratchDir */ .G)(), `${DNF_ROOT_PREFIX}${process.pid}-`));
    try {
        const reposDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'repos.d');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(reposDir);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(reposDir, 'check.repo'), repos
            .map((r) => [
            `[${r.id}]`,
            `name=${r.id}`,
            `baseurl=${r.baseUrl}`,
            'enabled=1',
            ...(r.gpgKeyUrl
                ? ['gpgcheck=1', 'repo_gpgcheck=1', `gpgkey=${r.gpgKeyUrl}`]
                : ['gpgcheck=0', 'repo_gpgcheck=0']),
            'skip_if_unavailable=False',
            '',
        ].join('\n'))
            .join('\n'));
        const common = [
            '--installroot',
            (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'installroot'),
            '--setopt',
            `reposdir=${reposDir}`,
            '--setopt',
            `cachedir=${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'cache')}`,
            '--releasever',
            '9',
            '--forcearch',
            arch,
            '--assumeyes',
            '--quiet',
            // Debian's dnf-plugins-core enables the `local` plugin, whose own repository would be read too.
            '--disableplugin',
            'local',
        ];
        // gpg's agent for dnf's own keyrings lives under the installroot; stop it before removing it.
        const env = { GNUPGHOME: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'gnupg') };
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(env.GNUPGHOME, { mode: 0o700 });
        try {
            return await fn(common, env);
        }
        finally {
            await stopAgentsUnder(root);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(root, { recursive: true, force: true });
    }
}
function dnfError(result) {
    return (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
}
/** NEVRAs (epoch always written) that dnf sees in the repositories, after a strict makecache. */
async function dnfVisibleNevras(repos, arch, log) {
    return withDnf(repos, arch, async (common, env) => {
        // repoquery loads (and so verifies) the metadata itself: one dnf run does both.
        // Captured, not streamed: the log gets a count, whatever the repository's size.
        const query = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['dnf', ...common, 'repoquery', '--queryformat', `${QUERY_FORMAT}\\n`], {
            env,
            allowFailure: true,
            captureLimitBytes: 2 ** 30,
        });
        if (query.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf refuses the staged repository: ${dnfError(query)}`);
        const nevras = [...new Set(query.stdout.split('\n').filter(Boolean))].sort();
        log?.info(`dnf repoquery (gpgcheck, repo_gpgcheck): ${nevras.length} packages visible in ${arch}`);
        return nevras;
    });
}
/** One line per package in the named repositories, in dnf's queryformat. */
async function dnfQuery(repos, arch, queryFormat, repoIds) {
    return withDnf(repos, arch, async (common, env) => {
        const query = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
            'dnf',
            ...common,
            'repoquery',
            ...repoIds.flatMap((id) => ['--repo', id]),
            '--queryformat',
            `${queryFormat}\\n`,
        ], { env, allowFailure: true });
        if (query.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf cannot read ${repoIds.join(', ')}: ${dnfError(query)}`);
        return [...new Set(query.stdout.split('\n').filter(Boolean))].sort();
    });
}
/** dnf repoclosure: the dependencies of the checked repositories' packages that no repository resolves. */
async function dnfUnresolved(repos, arch, check, log) {
    return withDnf(repos, arch, async (common, env) => {
        const closure = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
            'dnf',
            ...common.filter((arg) => arg !== '--quiet'),
            'repoclosure',
            ...check.flatMap((id) => ['--check', id]),
        ], { env, allowFailure: true, ...(log ? { log, group: 'dnf repoclosure' } : {}) });
        if (closure.exitCode === 0)
            return [];
        // "package: NEVRA from REPO" then "  unresolved deps:" then one indented dependency per line.
        const unresolved = [];
        let current = '';
        for (const line of closure.stdout.split('\n')) {
            const pkg = /^package: (\S+) from /.exec(line);
            if (pkg)
                current = pkg[1];
            else if (/^ {4}\S/.test(line) && current)
                unresolved.push(`${current} needs ${line.trim()}`);
        }
        if (unresolved.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf repoclosure failed: ${dnfError(closure)}`);
        return unresolved;
    });
}


/***/ }),

/***/ 552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GpgHome: () => (/* binding */ GpgHome)
/* harmony export */ });
/* unused harmony exports AGENT_S2K_COUNT, socketSafeParent */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4524);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1283);
/**
 * A private GnuPG home for one publish: the signing key imported from its armored text, the
 * passphrase in a file only the runner user can read (never argv, never the log), and every
 * gpg-agent it started stopped when it closes.
 */






/** The smallest iteration count gpg-agent accepts for protecting keys it holds. */
const AGENT_S2K_COUNT = 65536;
const HOME_PREFIX = 'kvm-actions-gnupg-';
/** What a home adds below its parent, up to the longest socket gpg-agent binds in it. */
const SOCKET_BELOW_PARENT = `/${HOME_PREFIX}XXXXXX/S.gpg-agent.browser`.length;
/** A unix socket's path holds 107 bytes (108 with its NUL). */
const MAX_SOCKET_PATH = 107;
/**
 * parent, or else the system's temporary folder, or /tmp: where a home's gpg-agent sockets fit.
 * Below a deep runner temp folder the agent cannot bind them, and every gpg call then fails with
 * "No agent running" (seen as an import failure of a good key).
 */
function socketSafeParent(parent) {
    return [parent, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)()].find((dir) => dir.length + SOCKET_BELOW_PARENT <= MAX_SOCKET_PATH) ?? '/tmp';
}
class GpgHome {
    dir;
    fingerprint;
    passphraseFile;
    constructor(dir, fingerprint, passphraseFile) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.passphraseFile = passphraseFile;
    }
    /** Whether a signature has been made (and so the passphrase proven). */
    signed = false;
    /** The 16-hex-digit key id rpm prints in signatures. */
    get keyId() {
        return this.fingerprint.slice(-16).toLowerCase();
    }
    get env() {
        return { GNUPGHOME: this.dir };
    }
    /** Loopback pinentry with the passphrase file: gpg never asks, and the passphrase is never on argv. */
    get passphraseArgs() {
        return ['--batch', '--pinentry-mode', 'loopback', '--passphrase-file', this.passphraseFile];
    }
    /**
     * Imports the key into a new home under parent. Bad key text is a configuration error; a wrong
     * passphrase shows at the first signature (see signingFailure), which comes before anything
     * is switched: a separate probe would cost one more key unlock on every publish.
     */
    static async create(armoredKey, passphrase, parent = (0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .scratchDir */ .G)(), 
    /** Told the home's folder before any gpg runs in it (a post step stops its agents after a kill). */
    onCreated) {
        const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(socketSafeParent(parent), HOME_PREFIX));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
        onCreated?.(dir);
        // gpg-agent re-protects the imported key with its own KDF and re-runs it for every
        // signature (0.36 s each by default). The home is private (0700) and deleted after the
        // publish, so the lowest count costs seconds of weaker at-rest protection, not an hour of
        // signing for 10,000 RPMs.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'gpg-agent.conf'), `s2k-count ${AGENT_S2K_COUNT}\n`, { mode: 0o600 });
        const passphraseFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.passphrase');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(passphraseFile, passphrase, { mode: 0o600 });
        const env = { GNUPGHOME: dir };
        const imported = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpg', '--batch', '--import'], {
            input: armoredKey,
            env,
            allowFailure: true,
        });
        const listing = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpg', '--batch', '--with-colons', '--list-secret-keys'], {
            env,
            allowFailure: true,
        });
        const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40}):/m.exec(listing.stdout)?.[1];
        if (imported.exitCode !== 0 || !fingerprint) {
            await GpgHome.stopAgents(dir);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1("Input 'signing-key' is not an armored OpenPGP private key (gpg could not import a secret key from it)");
        }
        const home = new GpgHome(dir, fingerprint, passphraseFile);
        return home;
    }
    /** A gpg or rpmsign failure caused by the passphrase becomes the configuration error it is. */
    static signingFailure(error) {
        const text = error instanceof _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .CommandFailedError */ .ju ? error.result.stderr + error.result.stdout : '';
        if (/bad passphrase|no passphrase given|passphrase check failed/i.test(text)) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1("Input 'passphrase' does not unlock the signing key (gpg refused to sign with it)");
        }
        return error;
    }
    /** Proves the passphrase with a throwaway signature, for a run that had nothing else to sign. */
    async verifyPassphrase() {
        if (this.signed)
            return;
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpg', ...this.passphraseArgs, '-u', this.fingerprint, '--detach-sign', '--output', '-'], {
            input: 'passphrase check',
            env: this.env,
        }).catch((error) => {
            throw GpgHome.signingFailure(error);
        });
        this.signed = true;
    }
    async exportPublicKey() {
        return (await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpg', '--batch', '--armor', '--export', this.fingerprint], { env: this.env })).stdout;
    }
    /** A detached, armored signature of file at file.asc (repomd.xml.asc for repo_gpgcheck). */
    async detachSign(file) {
        const signature = `${file}.asc`;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(signature, { force: true });
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)([
            'gpg',
            ...this.passphraseArgs,
            '--digest-algo',
            'SHA256',
            '-u',
            this.fingerprint,
            '--armor',
            '--detach-sign',
            '--output',
            signature,
            file,
        ], { env: this.env }).catch((error) => {
            throw GpgHome.signingFailure(error);
        });
        this.signed = true;
        return signature;
    }
    static async stopAgents(dir) {
        // Only the daemons whose socket exists are asked to stop: `gpgconf --kill all` asks every
        // component in turn and costs a quarter of a second per home, even an empty one.
        const env = { GNUPGHOME: dir };
        const listed = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpgconf', '--list-dirs'], { env, allowFailure: true });
        if (listed.exitCode !== 0) {
            await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpgconf', '--kill', 'all'], { env, allowFailure: true });
            return;
        }
        for (const [component, socket] of [
            ['gpg-agent', 'agent-socket'],
            ['dirmngr', 'dirmngr-socket'],
            ['keyboxd', 'keyboxd-socket'],
        ]) {
            const path = new RegExp(`^${socket}:(.*)$`, 'm').exec(listed.stdout)?.[1];
            if (path && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(decodeURIComponent(path)))
                await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)(['gpgconf', '--kill', component], { env, allowFailure: true });
        }
    }
    /** Stops this home's gpg-agent and deletes the home, key and passphrase file with it. */
    async close() {
        await GpgHome.stopAgents(this.dir);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(this.dir, { recursive: true, force: true });
    }
}


/***/ })

};
