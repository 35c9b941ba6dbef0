export const id = 552;
export const ids = [552];
export const modules = {

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
