export const id = 913;
export const ids = [913];
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
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8055);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _host_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5514);
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
    for (const home of new Set([(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'gnupg'), ...homes])) {
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['gpgconf', '--homedir', home, '--kill', 'all'], { allowFailure: true });
    }
}
const QUERY_FORMAT = '%{name}-%{epoch}:%{version}-%{release}.%{arch}';
/**
 * Runs fn with dnf set up in a throwaway installroot over repos (gpgcheck and repo_gpgcheck for
 * those with a key; the others are read only for their versions and dependencies).
 */
/** The installroots dnf checks use, below the step's scratch folder (for a post step to sweep). */
const DNF_ROOT_PREFIX = 'kvm-actions-dnf-';
/** Stops the agents and removes the dnf roots a killed main step left in scratch. */
async function sweepDnfRoots(scratch) {
    let swept = 0;
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(scratch) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(scratch) : []) {
        if (!name.startsWith(DNF_ROOT_PREFIX))
            continue;
        await stopAgentsUnder((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, name));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scratch, name), { recursive: true, force: true });
        swept++;
    }
    return swept;
}
async function withDnf(repos, arch, fn) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_host_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .scratchDir */ .G)(), DNF_ROOT_PREFIX));
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
        const query = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['dnf', ...common, 'repoquery', '--queryformat', `${QUERY_FORMAT}\\n`], {
            env,
            allowFailure: true,
            ...(log ? { log, group: 'dnf repoquery (gpgcheck, repo_gpgcheck)' } : {}),
        });
        if (query.exitCode !== 0)
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf refuses the staged repository: ${dnfError(query)}`);
        return [...new Set(query.stdout.split('\n').filter(Boolean))].sort();
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
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf cannot read ${repoIds.join(', ')}: ${dnfError(query)}`);
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
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .TestFailure */ .p2(`dnf repoclosure failed: ${dnfError(closure)}`);
        return unresolved;
    });
}


/***/ })

};
