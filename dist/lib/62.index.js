export const id = 62;
export const ids = [62,552,913,949];
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


/***/ }),

/***/ 9062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPublish: () => (/* binding */ runPublish)
});

// UNUSED EXPORTS: STABLE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/repo/dnf-check.ts
var dnf_check = __webpack_require__(8294);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/repo/attestation.ts
/**
 * The subjects of a publish's build-provenance attestation (actions/attest): what it signed, as
 * shasum-format checksum files of at most 1,024 lines, the most one attestation takes.
 */



const SUBJECTS_PER_ATTESTATION = 1024;
/** Small files in one read (most RPMs; a stream per file costs more than hashing it), large ones streamed. */
async function sha256(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if ((0,external_node_fs_.statSync)(file).size <= 64 * 1024 * 1024)
        return hash.update((0,external_node_fs_.readFileSync)(file)).digest('hex');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Writes attestation-subjects-<n>.sha256 into dir for the files (relative to root, named so in
 * the attestation); returns their paths, none when there is nothing to attest.
 */
async function writeAttestationSubjects(root, files, dir) {
    const lines = [];
    for (const file of files)
        lines.push(`${await sha256((0,external_node_path_.join)(root, file))}  ${file}`);
    const written = [];
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    for (let start = 0; start < lines.length; start += SUBJECTS_PER_ATTESTATION) {
        const path = (0,external_node_path_.join)(dir, `attestation-subjects-${written.length + 1}.sha256`);
        (0,external_node_fs_.writeFileSync)(path, lines.slice(start, start + SUBJECTS_PER_ATTESTATION).join('\n') + '\n');
        written.push(path);
    }
    return written;
}

// EXTERNAL MODULE: ./src/repo/gpg.ts
var repo_gpg = __webpack_require__(552);
// EXTERNAL MODULE: ./src/rpm/evr.ts
var rpm_evr = __webpack_require__(7626);
// EXTERNAL MODULE: ./src/rpm/release.ts
var release = __webpack_require__(9388);
;// CONCATENATED MODULE: ./src/repo/interference.ts
/**
 * Non-interference with the distribution (the RFC's compatibility goal): a host with both the
 * published repository and AlmaLinux's BaseOS/AppStream enabled must get the rebuilds now and the
 * next stock update later. So every published binary package either has no namesake in the base
 * repositories or sorts above the newest base version and below that version's next update; no
 * package name comes from a source the distribution does not ship (beyond the -release
 * package); and published plus base resolve every dependency (dnf repoclosure).
 */



const FIELDS = '%{name}|%{epoch}|%{version}|%{release}|%{arch}|%{sourcerpm}';
function parseLine(line) {
    const [name, epoch, version, release, arch, sourcerpm] = line.split('|');
    // name-version-release.src.rpm: the name is what precedes the last two hyphens.
    const source = (sourcerpm ?? '')
        .replace(/\.src\.rpm$/, '')
        .split('-')
        .slice(0, -2)
        .join('-');
    return { name: name, epoch: Number(epoch) || 0, version: version, release: release, arch: arch, source };
}
/** The verdicts on published packages against the base, without dnf: the rules themselves. */
function judge(published, base, releaseName) {
    const baseSources = new Set(base.map((pkg) => pkg.source));
    const rows = [];
    for (const pkg of published.filter((p) => p.arch !== 'src').sort((a, b) => a.name.localeCompare(b.name))) {
        const label = `${pkg.name}.${pkg.arch}`;
        const evr = (0,rpm_evr/* formatEvr */.F_)(pkg);
        const namesakes = base.filter((b) => b.name === pkg.name && (b.arch === pkg.arch || b.arch === 'noarch' || pkg.arch === 'noarch'));
        const newestBase = namesakes.sort((a, b) => (0,rpm_evr/* compareEvr */.z6)(b, a))[0];
        if (!newestBase) {
            const ok = pkg.name === releaseName || baseSources.has(pkg.source);
            rows.push({
                package: label,
                published: evr,
                base: '—',
                verdict: ok
                    ? pkg.name === releaseName
                        ? 'the repository’s -release package'
                        : `new subpackage of ${pkg.source}`
                    : `adds a name from ${pkg.source}, a source the base does not ship`,
                ok,
            });
            continue;
        }
        const next = { ...newestBase, release: (0,release/* nextStockRelease */.vS)(newestBase.release) };
        const above = (0,rpm_evr/* compareEvr */.z6)(pkg, newestBase) > 0;
        const below = (0,rpm_evr/* compareEvr */.z6)(pkg, next) < 0;
        rows.push({
            package: label,
            published: evr,
            base: (0,rpm_evr/* formatEvr */.F_)(newestBase),
            verdict: !above
                ? `not above the base ${(0,rpm_evr/* formatEvr */.F_)(newestBase)}: the stock package wins`
                : !below
                    ? `not below the next stock update ${(0,rpm_evr/* formatEvr */.F_)(next)}: it would hold stock updates back`
                    : `above the base, below ${(0,rpm_evr/* formatEvr */.F_)(next)}`,
            ok: above && below,
        });
    }
    return rows;
}
async function checkInterference(options) {
    const base = options.baseUrls.map((baseUrl, i) => ({ id: `base${i}`, baseUrl }));
    const repos = [options.published, ...base];
    const publishedPackages = (await (0,dnf_check/* dnfQuery */.Vo)([options.published], options.arch, FIELDS, [options.published.id])).map(parseLine);
    const basePackages = (await (0,dnf_check/* dnfQuery */.Vo)(base, options.arch, FIELDS, base.map((repo) => repo.id))).map(parseLine);
    const rows = judge(publishedPackages, basePackages, options.releaseName);
    const unresolved = await (0,dnf_check/* dnfUnresolved */.yQ)(repos, options.arch, [options.published.id], options.log);
    const problems = [
        ...rows.filter((row) => !row.ok).map((row) => `${row.package} ${row.published}: ${row.verdict}`),
        ...unresolved.map((line) => `unresolved: ${line}`),
    ];
    return { rows, unresolved, problems };
}

// EXTERNAL MODULE: ./src/repo/publish.ts + 3 modules
var publish = __webpack_require__(2330);
// EXTERNAL MODULE: ./src/repo/tree.ts
var tree = __webpack_require__(2990);
;// CONCATENATED MODULE: ./src/repo/publish-run.ts
/**
 * One publish-repo run against a target: lock it, then roll back, promote or publish (sign,
 * stage, verify with dnf, check against the base repositories, switch), and release everything.
 * It takes what it uses as parameters (the target, the summary, the log), so the action only
 * parses inputs and reports.
 */









const STABLE = 'stable';
function signingSecrets(request) {
    const { signingKey, passphrase } = request;
    if (!signingKey || !passphrase) {
        throw new errors/* ConfigurationError */.j1("Inputs 'signing-key' and 'passphrase' are required to publish or promote; expected the key and passphrase from secrets");
    }
    return { signingKey, passphrase };
}
async function runPublish(request, deps) {
    const { target } = deps;
    // Configuration errors come before the lock or any other work.
    if (request.mode.kind !== 'rollback')
        signingSecrets(request);
    const live = (0,external_node_path_.join)(target.shown, request.releasever, request.channel);
    try {
        const lock = await target.lock();
        if (lock.owner)
            deps.remember('remote-lock', lock.owner);
        try {
            if (request.mode.kind === 'rollback') {
                const { from, to } = await target.rollback(request.releasever, request.channel);
                return { kind: 'rolled-back', live, from, to };
            }
            return await publishSigned(request, request.mode, deps, live);
        }
        finally {
            await lock.release();
            if (lock.owner)
                deps.remember('remote-lock', '');
        }
    }
    finally {
        target.dispose();
    }
}
async function publishSigned(request, mode, deps, live) {
    const { target } = deps;
    const { signingKey, passphrase } = signingSecrets(request);
    for (const secret of [passphrase, ...signingKey.split('\n').filter((line) => line.trim().length >= 8)])
        deps.setSecret(secret);
    await target.stage(request.releasever, [request.channel, ...(mode.kind === 'promote' ? [mode.from] : [])]);
    const rpms = mode.kind === 'promote'
        ? await (0,publish.channelFiles)(target.root, request.releasever, mode.from, request.arches, request.name, mode.packages)
        : await mode.rpms();
    if (mode.kind === 'publish' && rpms.length === 0) {
        throw new errors/* ConfigurationError */.j1("Input 'rpms' is required to publish; expected RPM files, folders, globs or a JSON list");
    }
    // The home itself is remembered: it moves out of a work folder too deep for gpg-agent's sockets.
    const importing = (0,publish.phaseClock)();
    const gpg = await repo_gpg.GpgHome.create(signingKey, passphrase, deps.workDir('gnupg'), (home) => deps.remember('gnupg-home', home));
    importing.done('import the key');
    const before = importing.phases;
    let interference;
    try {
        const previous = (0,tree/* linkTarget */.Cm)((0,tree/* channelPaths */.S2)(target.root, request.releasever, request.channel).live);
        const result = await (0,publish.publish)({
            target: target.root,
            releasever: request.releasever,
            channel: request.channel,
            name: request.name,
            baseUrl: request.baseUrl ?? target.defaultBaseUrl,
            arches: request.arches,
            rpms,
            retention: request.retention,
            gpg,
            publicKey: await gpg.exportPublicKey(),
            dryRun: request.dryRun,
            log: deps.log,
            landingPage: request.landingPage,
            ...(request.baseUrls.length > 0
                ? {
                    beforeSwitch: async (folders) => {
                        const problems = await checkAgainstBase(folders, request, deps);
                        interference = { checked: true, ok: problems.length === 0, problems };
                        deps.onInterference?.(interference);
                        if (problems.length === 0)
                            return;
                        if (request.channel === STABLE) {
                            throw new errors/* TestFailure */.p2(`The packages would interfere with the base repositories, so nothing was published to ${STABLE}: ${problems.join('; ')}`);
                        }
                        deps.annotate('warning', `Published to ${request.channel} although: ${problems.join('; ')}`);
                    },
                }
                : {}),
        });
        const clock = (0,publish.phaseClock)();
        if (!result.dryRun)
            await target.switch(request.releasever, request.channel, result.state, previous);
        clock.done('switch the target');
        if (result.differing.length > 0) {
            deps.annotate('warning', `Already published with other content, so the published build stays: ${result.differing.slice(0, 10).join(', ')}${result.differing.length > 10 ? ` and ${result.differing.length - 10} more (all in publish.json)` : ''}. Raise the release (buildid or release-suffix) to ship a changed build.`);
        }
        (0,external_node_fs_.mkdirSync)(request.resultsDir, { recursive: true });
        const listsFile = (0,external_node_path_.join)(request.resultsDir, 'publish.json');
        // Read from the state, which stays (live or, in a dry run, until here) whatever the target.
        const attestationSubjects = result.dryRun
            ? []
            : await writeAttestationSubjects(result.state, result.signed, request.resultsDir);
        clock.done('attestation subjects');
        const { added, kept, pruned, differing } = result;
        const phases = { ...before, ...result.phases, ...clock.phases };
        (0,external_node_fs_.writeFileSync)(listsFile, JSON.stringify({ live, added, kept, pruned, differing, phases }, null, 2) + '\n');
        return {
            kind: 'published',
            live,
            result,
            listsFile,
            attestationSubjects,
            ...(interference ? { interference } : {}),
        };
    }
    finally {
        await gpg.close();
    }
}
/** The non-interference check of each arch folder, as a summary table; returns the problems. */
async function checkAgainstBase(folders, request, deps) {
    const problems = [];
    for (const { arch, repo } of folders) {
        const report = await checkInterference({
            published: repo,
            baseUrls: request.baseUrls,
            arch,
            releaseName: `${request.name}-release`,
            log: deps.log,
        });
        deps.summary
            .heading(`Non-interference with the base repositories (${arch})`, 3)
            .table(['Package', 'Published', 'Base', 'Verdict'], report.rows.map((row) => [
            row.package,
            row.published,
            row.base,
            `${row.ok ? '✅' : '❌'} ${row.verdict}`,
        ]))
            .paragraph(report.unresolved.length === 0
            ? 'dnf repoclosure: published and base together resolve every dependency.'
            : `dnf repoclosure: ${report.unresolved.length} unresolved dependencies.`);
        if (report.unresolved.length > 0)
            deps.summary.list(report.unresolved);
        problems.push(...report.problems);
    }
    return problems;
}


/***/ }),

/***/ 2330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  channelFiles: () => (/* binding */ channelFiles),
  phaseClock: () => (/* binding */ phaseClock),
  publish: () => (/* binding */ publish),
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/fs/paths.ts
var fs_paths = __webpack_require__(1283);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/rpm/evr.ts
var evr = __webpack_require__(7626);
// EXTERNAL MODULE: ./src/repo/dnf-check.ts
var dnf_check = __webpack_require__(8294);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/exec/tool.ts
var tool = __webpack_require__(1683);
// EXTERNAL MODULE: ./src/repodata/repomd.ts
var repodata_repomd = __webpack_require__(3331);
;// CONCATENATED MODULE: ./src/repo/createrepo.ts
/** createrepo_c: a package folder's repodata, made or brought up to date. */




class Createrepo extends tool/* Tool */.N {
    constructor() {
        super('createrepo_c');
    }
    /** The argv for dir: incremental (--update) when its metadata exists; gzip, as dnf reads everywhere. */
    argv(dir) {
        const incremental = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'repodata', 'repomd.xml'));
        return ['--quiet', ...(incremental ? ['--update'] : []), '--general-compress-type', 'gz', dir];
    }
    /** Writes dir's repodata; returns the new repomd.xml revision. */
    async update(dir, log) {
        const args = this.argv(dir);
        await this.run(args, log ? { log, group: `${this.program} ${args.slice(1).join(' ')}` } : {});
        const repomd = (0,external_node_path_.join)(dir, 'repodata', 'repomd.xml');
        return (0,repodata_repomd/* parseRepomd */.p)((0,external_node_fs_.readFileSync)(repomd, 'utf8'), repomd).revision ?? '';
    }
}

;// CONCATENATED MODULE: ./src/repo/metadata.ts
/** Repository metadata and the files hosts need to use it: repodata, the .repo file, the -release RPM. */






/** createrepo_c over one package folder: incremental when metadata exists. Returns the repomd revision. */
async function createRepo(dir, log) {
    return new Createrepo().update(dir, log);
}
function repoId(options) {
    return `${options.name}-${options.channel}`;
}
/** The .repo file hosts install: gpgcheck and repo_gpgcheck on, key from the repository itself. */
function repoFile(options) {
    const base = options.baseUrl.replace(/\/+$/, '');
    return [
        `[${repoId(options)}]`,
        `name=${options.name} ${options.channel} $releasever - $basearch`,
        `baseurl=${base}/$releasever/${options.channel}/$basearch/`,
        'enabled=1',
        'gpgcheck=1',
        'repo_gpgcheck=1',
        `gpgkey=${base}/$releasever/${options.channel}/RPM-GPG-KEY-${options.name}`,
        '',
    ].join('\n');
}
function releaseContentHash(repo, publicKey) {
    return (0,external_node_crypto_.createHash)('sha256').update(repo).update('\0').update(publicKey).digest('hex').slice(0, 16);
}
/**
 * Builds `<name>-release` (noarch): installs the .repo file and the public key, like
 * epel-release. Its release number follows `release`; its description carries the content hash.
 */
async function buildReleaseRpm(name, releasever, release, repo, publicKey, outDir, log) {
    const top = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,fs_paths/* scratchDir */.G)(), 'kvm-actions-release-'));
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(top, 'SOURCES'), { recursive: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(top, 'SPECS'), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(top, 'SOURCES', `${name}.repo`), repo);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(top, 'SOURCES', `RPM-GPG-KEY-${name}`), publicKey);
        const hash = releaseContentHash(repo, publicKey);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(top, 'SPECS', `${name}-release.spec`), `Name: ${name}-release
Version: ${releasever}
Release: ${release}
Summary: Repository configuration and signing key for ${name}
License: MIT
BuildArch: noarch
Source0: ${name}.repo
Source1: RPM-GPG-KEY-${name}

%description
Installs the ${name} dnf repository definition and the key its packages are signed with.
content-hash: ${hash}

%install
install -D -m 0644 %{SOURCE0} %{buildroot}%{_sysconfdir}/yum.repos.d/${name}.repo
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}

%files
%config(noreplace) %{_sysconfdir}/yum.repos.d/${name}.repo
%{_sysconfdir}/pki/rpm-gpg/RPM-GPG-KEY-${name}
`);
        await (0,exec/* exec */.m0)(['rpmbuild', '-bb', '--define', `_topdir ${top}`, (0,external_node_path_.join)(top, 'SPECS', `${name}-release.spec`)], {
            ...(log ? { log, group: `Build ${name}-release` } : {}),
        });
        const built = (0,external_node_path_.join)(top, 'RPMS', 'noarch');
        const file = (0,external_node_fs_.readdirSync)(built).find((f) => f.endsWith('.rpm'));
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(outDir, file), (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(built, file)));
        return (0,external_node_path_.join)(outDir, file);
    }
    finally {
        (0,external_node_fs_.rmSync)(top, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/repodata/primary.ts
var repodata_primary = __webpack_require__(5058);
// EXTERNAL MODULE: ./src/repo/landing-page.ts + 1 modules
var landing_page = __webpack_require__(7742);
// EXTERNAL MODULE: ./src/repo/gpg.ts
var repo_gpg = __webpack_require__(552);
// EXTERNAL MODULE: ./src/rpm/signature.ts
var signature = __webpack_require__(139);
;// CONCATENATED MODULE: ./src/repo/sign.ts
/** Signing RPMs with rpmsign, and proving that the publish key signed them (rpm/signature.ts). */





/** Signs in batches (one rpmsign per batch), SHA-256 digests, passphrase through loopback pinentry. */
async function signRpms(files, gpg, batch = 200) {
    for (let start = 0; start < files.length; start += batch) {
        await (0,exec/* exec */.m0)([
            'rpmsign',
            '--addsign',
            '--define',
            '__gpg /usr/bin/gpg',
            '--define',
            `_gpg_path ${gpg.dir}`,
            '--define',
            `_gpg_name ${gpg.fingerprint}`,
            '--define',
            '_gpg_digest_algo sha256',
            '--define',
            `_gpg_sign_cmd_extra_args ${gpg.passphraseArgs.join(' ')}`,
            ...files.slice(start, start + batch),
        ], { env: gpg.env }).catch((error) => {
            throw repo_gpg.GpgHome.signingFailure(error);
        });
        gpg.signed = true;
    }
}
/** Refuses the publish, naming every package that is not signed by the expected key. */
async function requireSignedBy(files, publicKeyFile, keyId) {
    const refused = (await (0,signature/* checkSignatures */.a)(files, [{ file: publicKeyFile, keyId }])).filter((check) => check.problem);
    if (refused.length > 0) {
        // One line whatever the count: the first ten, then how many more.
        const shown = refused.slice(0, 10).map((c) => `${(0,external_node_path_.basename)(c.file)} ${c.problem}`);
        const more = refused.length > shown.length ? `; and ${refused.length - shown.length} more` : '';
        throw new errors/* TestFailure */.p2(`refusing to publish: ${shown.join('; ')}${more}`);
    }
}

// EXTERNAL MODULE: ./src/repo/tree.ts
var tree = __webpack_require__(2990);
;// CONCATENATED MODULE: ./src/repo/publish.ts
/**
 * Publishing to a local repository tree: sign, stage a complete new state beside the live one,
 * verify it with rpm and dnf, then switch the channel to it in one rename. Until that rename the
 * live tree is untouched, whatever fails and whenever the process dies.
 */














/** A stopwatch of consecutive phases: each call closes the phase running since the last. */
function phaseClock() {
    const phases = {};
    let mark = performance.now();
    return {
        phases,
        done(name) {
            const now = performance.now();
            phases[name] = Math.round((phases[name] ?? 0) + now - mark);
            mark = now;
        },
    };
}
const nevra = (p) => `${p.name}-${p.epoch}:${p.version}-${p.release}.${p.arch}`;
async function headers(files) {
    const found = [];
    for (let start = 0; start < files.length; start += 200) {
        const batch = files.slice(start, start + 200);
        const { stdout } = await (0,exec/* exec */.m0)([
            'rpm',
            '-qp',
            '--nosignature',
            '--nodigest',
            '--qf',
            '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SOURCEPACKAGE}|%{SHA256HEADER}|%{BUILDTIME}|%{SOURCERPM}\\n',
            ...batch,
        ]);
        stdout
            .trim()
            .split('\n')
            .forEach((line, i) => {
            const [name = '', epoch = '0', version = '', release = '', arch = '', source = '', digest = '', buildTime = '0', sourceRpm = '',] = line.split('|');
            found.push({
                file: batch[i],
                name,
                epoch: Number(epoch),
                version,
                release,
                arch: source === '1' ? 'src' : arch,
                digest,
                buildTime: Number(buildTime) || 0,
                sourceRpm: sourceRpm === '(none)' ? '' : sourceRpm,
            });
        });
    }
    return found;
}
/** The packages a folder's metadata lists (the previous state's), read from its primary.xml. */
async function listed(dir) {
    const repomdFile = (0,external_node_path_.join)(dir, 'repodata', 'repomd.xml');
    if (!(0,external_node_fs_.existsSync)(repomdFile))
        return [];
    const primary = (0,repodata_repomd/* parseRepomd */.p)((0,external_node_fs_.readFileSync)(repomdFile, 'utf8'), repomdFile).entries.find((e) => e.type === 'primary');
    if (!primary)
        return [];
    return (0,repodata_primary/* readPrimary */.r)((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, primary.href)), primary.href, (0,external_node_url_.pathToFileURL)(dir).href + '/');
}
function folderFor(arch, arches) {
    if (arch === 'src')
        return ['Source'];
    if (arch === 'noarch')
        return arches;
    if (arches.includes(arch))
        return [arch];
    throw new errors/* ConfigurationError */.j1(`an RPM is built for ${arch}, which is not among the published arches (${arches.join(', ')})`);
}
async function publish(options) {
    const { log } = options;
    const paths = (0,tree/* channelPaths */.S2)(options.target, options.releasever, options.channel);
    const baseUrl = options.baseUrl ?? (0,external_node_url_.pathToFileURL)(options.target).href;
    const clock = phaseClock();
    const release = (0,tree/* lockTarget */.Nd)(options.target);
    try {
        (0,tree/* pruneStates */.lm)(paths, options.releasever, options.channel);
        const previous = (0,tree/* linkTarget */.Cm)(paths.live);
        const state = (0,tree/* newState */.om)(paths, options.releasever, options.channel);
        const releaseDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,fs_paths/* scratchDir */.G)(), 'kvm-actions-release-rpm-'));
        try {
            const folders = [...options.arches, 'Source'];
            for (const folder of folders)
                (0,tree/* seedFrom */.wX)(previous, state, folder);
            clock.done('seed the new state');
            // The -release package: rebuilt only when the .repo file or the key changes.
            const repo = repoFile({ name: options.name, channel: options.channel, baseUrl });
            const hash = releaseContentHash(repo, options.publicKey);
            const releaseName = `${options.name}-release`;
            const existing = new Map();
            // The previous state's packages: from its landing page's data when it kept one (a JSON
            // read), else from each folder's primary.xml.
            const fromPage = previous ? (0,landing_page/* pagePackages */.l7)(previous) : undefined;
            for (const folder of folders)
                existing.set(folder, !previous
                    ? []
                    : fromPage
                        ? (fromPage.get(folder) ?? []).map((p) => ({
                            ...p,
                            url: (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(previous, folder, p.file)).href,
                        }))
                        : await listed((0,external_node_path_.join)(previous, folder)));
            clock.done('read the previous metadata');
            const oldRelease = existing
                .get(options.arches[0])
                .filter((p) => p.name === releaseName)
                .sort((a, b) => (0,evr/* compareEvr */.z6)(b, a))[0];
            const oldHash = oldRelease
                ? (await (0,exec/* exec */.m0)([
                    'rpm',
                    '-qp',
                    '--qf',
                    '%{DESCRIPTION}',
                    (0,external_node_path_.join)(previous, options.arches[0], (0,external_node_path_.basename)(new URL(oldRelease.url).pathname)),
                ])).stdout
                : '';
            const incoming = [...options.rpms];
            if (!oldHash.includes(`content-hash: ${hash}`)) {
                const number = oldRelease ? Number(/^(\d+)/.exec(oldRelease.release ?? '0')?.[1] ?? 0) + 1 : 1;
                incoming.push(await buildReleaseRpm(options.name, options.releasever, number, repo, options.publicKey, releaseDir, log));
            }
            clock.done('the -release package');
            // Copies of the incoming RPMs are signed, never the caller's files.
            const staged = new Map();
            // A noarch package goes into every arch folder: the extra copies are made once it is signed.
            const extraCopies = [];
            const newHeaders = await headers(incoming);
            const added = [];
            const unchanged = [];
            const differing = [];
            for (const header of newHeaders) {
                for (const folder of folderFor(header.arch, options.arches)) {
                    const already = existing
                        .get(folder)
                        .find((p) => nevra({ ...p, release: p.release ?? '' }) === nevra(header));
                    const destination = (0,external_node_path_.join)(state, folder, (0,external_node_path_.basename)(header.file));
                    if (already) {
                        const [old] = await headers([(0,external_node_path_.join)(state, folder, (0,external_node_path_.basename)(new URL(already.url).pathname))]);
                        // A forced rebuild of an unchanged source: hosts may have the published build, and
                        // dnf would never replace it with another of the same NEVRA, so the published one stays.
                        if (old.digest !== header.digest)
                            differing.push(nevra(header));
                        unchanged.push(nevra(header));
                        continue;
                    }
                    const first = staged.get(header.file);
                    if (first)
                        extraCopies.push({ from: first, to: destination });
                    else {
                        (0,external_node_fs_.copyFileSync)(header.file, destination);
                        staged.set(header.file, destination);
                    }
                    added.push({ ...header, file: destination });
                }
            }
            const firstCopies = [...staged.values()];
            clock.done('read the new headers');
            if (options.gpg)
                await signRpms(firstCopies, options.gpg);
            clock.done('rpmsign');
            for (const { from, to } of extraCopies)
                (0,external_node_fs_.copyFileSync)(from, to);
            const publicKeyFile = (0,external_node_path_.join)(state, `RPM-GPG-KEY-${options.name}`);
            (0,external_node_fs_.writeFileSync)(publicKeyFile, options.publicKey);
            await requireSignedBy(firstCopies, publicKeyFile, keyIdOf(options));
            clock.done('check the signatures');
            // Retention: the newest EVRs of each name stay, per folder.
            const pruned = [];
            const prunedIn = new Set();
            const kept = [];
            const addedSet = new Set(added);
            for (const folder of folders) {
                const present = [
                    ...existing.get(folder).map((p) => ({
                        ...p,
                        release: p.release ?? '',
                        file: (0,external_node_path_.join)(state, folder, (0,external_node_path_.basename)(new URL(p.url).pathname)),
                    })),
                    ...added.filter((h) => h.file.startsWith((0,external_node_path_.join)(state, folder) + '/')),
                ];
                const byName = new Map();
                for (const pkg of present)
                    byName.set(`${pkg.name}.${pkg.arch}`, [...(byName.get(`${pkg.name}.${pkg.arch}`) ?? []), pkg]);
                for (const versions of byName.values()) {
                    versions.sort((a, b) => (0,evr/* compareEvr */.z6)(b, a));
                    for (const old of versions.slice(options.retention)) {
                        if ((0,external_node_fs_.existsSync)(old.file))
                            (0,external_node_fs_.unlinkSync)(old.file);
                        pruned.push(nevra(old));
                        prunedIn.add(folder);
                    }
                    for (const pkg of versions.slice(0, options.retention)) {
                        if (!addedSet.has(pkg))
                            kept.push(nevra(pkg));
                    }
                }
            }
            // Only folders whose packages changed get new metadata (and a new dnf check).
            const changedFolders = folders.filter((folder) => !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(state, folder, 'repodata', 'repomd.xml')) ||
                added.some((h) => h.file.startsWith((0,external_node_path_.join)(state, folder) + '/')) ||
                prunedIn.has(folder));
            const revisions = {};
            for (const folder of folders) {
                if (!changedFolders.includes(folder)) {
                    revisions[folder] =
                        (0,repodata_repomd/* parseRepomd */.p)((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(state, folder, 'repodata', 'repomd.xml'), 'utf8')).revision ?? '';
                    continue;
                }
                clock.done('retention');
                revisions[folder] = await createRepo((0,external_node_path_.join)(state, folder), log);
                clock.done('createrepo_c');
                if (options.gpg)
                    await options.gpg.detachSign((0,external_node_path_.join)(state, folder, 'repodata', 'repomd.xml'));
                else if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(state, folder, 'repodata', 'repomd.xml.asc'))) {
                    throw new errors/* ConfigurationError */.j1('publishing without a signing-key can only promote or roll back; new metadata must be signed');
                }
                clock.done('sign repomd.xml');
            }
            for (const folder of folders)
                (0,tree/* keepPreviousMetadata */.gB)(previous && (0,external_node_path_.join)(previous, folder), (0,external_node_path_.join)(state, folder));
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(state, `${options.name}.repo`), repo);
            clock.done('keep the previous metadata');
            // dnf must accept every folder and see exactly what was staged there.
            const keyUrl = (0,external_node_url_.pathToFileURL)(publicKeyFile).href;
            for (const folder of options.arches.filter((f) => changedFolders.includes(f))) {
                const expected = [
                    ...kept.filter((n) => n.endsWith('.noarch') || n.endsWith(`.${folder}`)),
                    ...added.filter((h) => h.file.startsWith((0,external_node_path_.join)(state, folder) + '/')).map(nevra),
                ];
                const visible = await (0,dnf_check/* dnfVisibleNevras */.gg)([{ id: repoId(options), baseUrl: (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(state, folder)).href, gpgKeyUrl: keyUrl }], folder, log);
                // Sets: at 10,000 packages, array look-ups here cost seconds.
                const seen = new Set(visible);
                const wanted = new Set(expected);
                const missing = expected.filter((n) => !seen.has(n));
                const extra = visible.filter((n) => !wanted.has(n));
                if (missing.length > 0 || extra.length > 0) {
                    throw new errors/* TestFailure */.p2(`dnf sees another ${folder} repository than was staged: missing ${missing.join(', ') || 'none'}; unexpected ${extra.join(', ') || 'none'}`);
                }
            }
            clock.done('dnf check');
            await options.beforeSwitch?.(options.arches.map((arch) => ({
                arch,
                repo: { id: repoId(options), baseUrl: (0,external_node_url_.pathToFileURL)((0,external_node_path_.join)(state, arch)).href, gpgKeyUrl: keyUrl },
            })));
            // A run with nothing to sign still proves the key works, so a bad secret shows today.
            await options.gpg?.verifyPassphrase();
            clock.done('before the switch');
            // The page describes this state and lives in it, so it switches in with the packages.
            if (options.landingPage)
                await (0,landing_page/* writeLandingPage */.iA)(state, {
                    ...options.landingPage,
                    name: options.name,
                    channel: options.channel,
                    releasever: options.releasever,
                    baseUrl,
                    folders,
                    fingerprint: options.gpg?.fingerprint ?? '',
                }, 
                // Only this publish's changes are read; the rest comes from the previous state's page.
                await (0,landing_page/* updatePageData */.PQ)(previous, state, added.map((h) => ({
                    folder: (0,external_node_path_.relative)(state, (0,external_node_path_.dirname)(h.file)),
                    file: h.file,
                    nevra: nevra(h),
                    arch: h.arch,
                    buildTime: h.buildTime,
                    sourceRpm: h.sourceRpm,
                }))));
            clock.done('landing page');
            const result = {
                added: [...new Set(added.map(nevra))],
                kept: [...new Set(kept)],
                pruned: [...new Set(pruned)],
                revisions,
                live: paths.live,
                state,
                repoFile: repo,
                dryRun: options.dryRun,
                differing: [...new Set(differing)],
                phases: clock.phases,
                signed: [
                    ...added.map((h) => (0,external_node_path_.relative)(state, h.file)),
                    ...changedFolders.map((folder) => (0,external_node_path_.join)(folder, 'repodata', 'repomd.xml')),
                ],
            };
            const keptSet = new Set(result.kept);
            result.kept.push(...unchanged.filter((n) => !keptSet.has(n)));
            if (options.dryRun) {
                (0,external_node_fs_.rmSync)(state, { recursive: true, force: true });
                return result;
            }
            (0,tree/* switchLink */.$x)(paths.live, state);
            if (previous)
                (0,tree/* switchLink */.$x)(paths.previous, previous);
            (0,tree/* pruneStates */.lm)(paths, options.releasever, options.channel);
            clock.done('switch');
            log.info(`Published ${options.channel}: ${paths.live} -> ${state}`);
            return result;
        }
        catch (error) {
            (0,external_node_fs_.rmSync)(state, { recursive: true, force: true });
            throw error;
        }
        finally {
            (0,external_node_fs_.rmSync)(releaseDir, { recursive: true, force: true });
        }
    }
    finally {
        release();
    }
}
function keyIdOf(options) {
    if (options.gpg)
        return options.gpg.keyId;
    throw new errors/* ConfigurationError */.j1('a signing key is needed to check signatures');
}
/** Swaps the channel back to its previous state (and keeps the current one as the new previous). */
function rollback(target, releasever, channel) {
    const paths = (0,tree/* channelPaths */.S2)(target, releasever, channel);
    const release = (0,tree/* lockTarget */.Nd)(target);
    try {
        const current = (0,tree/* linkTarget */.Cm)(paths.live);
        const previous = (0,tree/* linkTarget */.Cm)(paths.previous);
        if (!current || !previous || !(0,external_node_fs_.existsSync)(previous)) {
            throw new errors/* ConfigurationError */.j1(`${paths.live} has no previous state to roll back to`);
        }
        (0,tree/* switchLink */.$x)(paths.live, previous);
        (0,tree/* switchLink */.$x)(paths.previous, current);
        return { from: current, to: previous };
    }
    finally {
        release();
    }
}
/** The files of exact NEVRAs (or all but the -release package) in a channel's live state. */
async function channelFiles(target, releasever, channel, arches, name, nevras) {
    const live = (0,tree/* linkTarget */.Cm)((0,tree/* channelPaths */.S2)(target, releasever, channel).live);
    if (!live)
        throw new errors/* ConfigurationError */.j1(`channel ${channel} has not been published in ${target}`);
    const files = new Map();
    for (const folder of [...arches, 'Source']) {
        for (const pkg of await listed((0,external_node_path_.join)(live, folder))) {
            if (pkg.name === `${name}-release`)
                continue;
            const id = nevra({ ...pkg, release: pkg.release ?? '' });
            if (nevras.length === 0 || nevras.some((n) => n === id || n === id.replace(/-0:/, '-'))) {
                files.set(id, (0,external_node_path_.join)(live, folder, (0,external_node_path_.basename)(new URL(pkg.url).pathname)));
            }
        }
    }
    const missing = nevras.filter((n) => ![...files.keys()].some((id) => id === n || id.replace(/-0:/, '-') === n));
    if (missing.length > 0)
        throw new errors/* ConfigurationError */.j1(`channel ${channel} does not have ${missing.join(', ')}`);
    return [...files.values()];
}


/***/ }),

/***/ 9388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ distTag),
/* harmony export */   MP: () => (/* binding */ checkReleaseOrder),
/* harmony export */   vS: () => (/* binding */ nextStockRelease)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _evr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7626);
/**
 * The rebuilt package must replace the stock one (sort above it) and give way to the next stock
 * update of the same version (sort below it); otherwise hosts keep the wrong kernel or qemu.
 */


/** `.el9_6` from `570.12.1.el9_6`, or undefined. */
function distTag(release) {
    return /\.el\d+(?:_\d+)?/.exec(release)?.[0];
}
/**
 * The smallest plausible next stock release: its leading release number's last part plus one,
 * the rest kept (570.12.1.el9_6 becomes 570.12.2.el9_6, 15.el9 16.el9, and a rebuild of a rebuild,
 * 570.12.1.kvm1.el9_6, 570.12.2.kvm1.el9_6: upstream's next update, not our next buildid).
 */
function nextStockRelease(release) {
    const parts = release.split('.');
    let last = -1;
    for (let i = 0; i < parts.length && /^\d+$/.test(parts[i]); i++)
        last = i;
    if (last < 0)
        return `${release}.1`;
    parts[last] = String(Number(parts[last]) + 1);
    return parts.join('.');
}
function checkReleaseOrder(name, stock, rebuilt) {
    const next = { ...stock, release: nextStockRelease(stock.release ?? '') };
    const check = { stock: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(stock), rebuilt: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(rebuilt), nextStock: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(next) };
    if ((0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .compareEvr */ .z6)(rebuilt, stock) <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the rebuilt ${name}-${check.rebuilt} does not sort above the stock ${name}-${check.stock}, so dnf would keep the stock package; ` +
            'use a suffix or buildid that starts with a letter after the dist tag’s (such as .kvm1) or with a digit');
    }
    if ((0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .compareEvr */ .z6)(rebuilt, next) >= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the rebuilt ${name}-${check.rebuilt} sorts above the next stock update ${name}-${check.nextStock}, so dnf would never replace it; ` +
            'keep the suffix after the stock release instead of raising the release number');
    }
    return check;
}


/***/ })

};
