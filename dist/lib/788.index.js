export const id = 788;
export const ids = [788];
export const modules = {

/***/ 6986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ avoidanceKey),
  h: () => (/* binding */ digestTree)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/version.ts
/** The suite's version; part of every build-avoidance key (a test keeps it equal to package.json's). */
const SUITE_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/rpm/avoid.ts
/**
 * Build avoidance: a key from everything that decides a build's output. Same key, same RPMs,
 * so a cached result can stand in for hours of building.
 */




/**
 * sha256 over every file below dir (path and content), in a stable order; with `only`, over the
 * files whose name matches (a kernel tree's Kconfig files rather than all of its 80,000 files).
 */
function digestTree(dir, only) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (!(0,external_node_fs_.existsSync)(dir))
        return hash.update('(none)').digest('hex');
    const files = (0,external_node_fs_.statSync)(dir).isFile()
        ? [dir]
        : (0,external_node_fs_.readdirSync)(dir, { recursive: true, encoding: 'utf8' })
            .filter((file) => !only || only.test((0,external_node_path_.basename)(file)))
            .map((file) => (0,external_node_path_.join)(dir, file))
            .filter((file) => (0,external_node_fs_.statSync)(file).isFile())
            .sort();
    for (const file of files) {
        hash
            .update((0,external_node_path_.relative)(dir, file) || '.')
            .update('\0')
            .update((0,external_node_fs_.readFileSync)(file))
            .update('\0');
    }
    return hash.digest('hex');
}
function avoidanceKey(inputs) {
    const canonical = JSON.stringify({
        suite: SUITE_VERSION,
        package: inputs.package,
        srpm: inputs.srpmSha256,
        recipes: inputs.recipes.map((path) => digestTree(path)),
        files: Object.fromEntries(Object.entries(inputs.files ?? {})
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, paths]) => [name, paths.map((path) => digestTree(path))])),
        builder: inputs.builder,
        extra: Object.fromEntries(Object.entries(inputs.extra ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    });
    return `kvm-actions-${inputs.package}-${(0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}


/***/ }),

/***/ 9414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QC: () => (/* binding */ obtainSourceRpm),
  i8: () => (/* binding */ rebuildPackage)
});

// UNUSED EXPORTS: mockConfigFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/tools.ts
var tools = __webpack_require__(6530);
// EXTERNAL MODULE: ./src/rpm/autopatch/apply.ts + 1 modules
var apply = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/rpm/autopatch/config.ts
var config = __webpack_require__(6075);
// EXTERNAL MODULE: ./src/rpm/avoid.ts + 1 modules
var avoid = __webpack_require__(6986);
// EXTERNAL MODULE: ./src/rpm/builder.ts
var builder = __webpack_require__(9798);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/net/download.ts + 1 modules
var download = __webpack_require__(8588);
// EXTERNAL MODULE: ./src/repodata/primary.ts
var primary = __webpack_require__(5058);
// EXTERNAL MODULE: ./src/rpm/evr.ts
var evr = __webpack_require__(7626);
;// CONCATENATED MODULE: ./src/rpm/fetch.ts
/**
 * Turns an SrpmSource into a local file: a path as it is; a URL, an exact version or `latest`
 * downloaded (with retries) into a cache keyed by the file's sha256, so a second run reuses it.
 * `latest` and exact versions come from the repository metadata, which also gives the checksum.
 */







async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Older minor releases move to the vault: .../almalinux/9/BaseOS/Source becomes
 * .../vault/9.6/BaseOS/Source for a release tagged el9_6.
 */
function vaultUrl(repositoryUrl, name, version) {
    const minor = /\.el9_(\d+)/.exec(version)?.[1];
    const match = /^(.*)\/almalinux\/9\/(.*?)\/?$/.exec(repositoryUrl);
    if (!minor || !match)
        return undefined;
    return `${match[1]}/vault/9.${minor}/${match[2]}/Packages/${name}-${version}.src.rpm`;
}
async function fetch_download(url, expectedSha, options) {
    const dir = (0,external_node_path_.join)(options.cacheDir, 'srpms');
    const index = (0,external_node_path_.join)(dir, 'urls.json');
    const urls = (0,external_node_fs_.existsSync)(index) ? JSON.parse((0,external_node_fs_.readFileSync)(index, 'utf8')) : {};
    const known = expectedSha ?? urls[url];
    const name = (0,external_node_path_.basename)(new URL(url).pathname) || 'package.src.rpm';
    // A cached file is hashed again: the cache folder is not trusted more than the network.
    if (known && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, known, name)) && (await sha256File((0,external_node_path_.join)(dir, known, name))) === known) {
        options.log?.info(`Using cached ${name} (sha256 ${known.slice(0, 12)}…, checked)`);
        return { path: (0,external_node_path_.join)(dir, known, name), sha256: known, url, cached: true };
    }
    options.log?.info(`Downloading ${url}`);
    const data = await (0,download/* readUrl */.wo)(url, options.signal ? { signal: options.signal } : {});
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
    if (expectedSha && sha256 !== expectedSha) {
        throw new errors/* InfrastructureError */.EN(`download of ${url} is corrupt: sha256 ${sha256}, the repository says ${expectedSha}`);
    }
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, sha256), { recursive: true });
    const path = (0,external_node_path_.join)(dir, sha256, name);
    // Written beside, then renamed: a killed run never leaves a truncated file under the final name.
    // The partial name is the writer's own: two runs filling the cache at once never share one.
    const partial = `${path}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
    (0,external_node_fs_.writeFileSync)(partial, data);
    (0,external_node_fs_.renameSync)(partial, path);
    (0,external_node_fs_.writeFileSync)(index, JSON.stringify({ ...urls, [url]: sha256 }, null, 2));
    return { path, sha256, url, cached: false };
}
function sha256Of(pkg) {
    return pkg.checksum?.type === 'sha256' ? pkg.checksum.value : undefined;
}
/** The newest source package called name in the repository, or the one with that version. */
async function findSourcePackage(name, repositoryUrl, version, signal) {
    const packages = (await (0,primary/* readRepository */.N)(repositoryUrl, signal ? { signal } : {})).filter((pkg) => pkg.name === name && pkg.arch === 'src');
    if (version === undefined)
        return (0,evr/* newest */.BP)(packages, (pkg) => pkg);
    return packages.find((pkg) => (0,evr/* compareEvr */.z6)(pkg, version.includes(':') ? version : `${pkg.epoch}:${version}`) === 0);
}
async function fetchSrpm(source, options) {
    switch (source.kind) {
        case 'path':
            return { path: source.path, sha256: await sha256File(source.path), cached: false };
        case 'url':
            return fetch_download(source.url, source.sha256, options);
        case 'latest': {
            const pkg = await findSourcePackage(options.name, options.repositoryUrl, undefined, options.signal);
            if (!pkg)
                throw new errors/* InfrastructureError */.EN(`the repository ${options.repositoryUrl} has no source package ${options.name}`);
            options.log?.info(`Newest ${options.name} in ${options.repositoryUrl}: ${(0,evr/* formatEvr */.F_)(pkg)}`);
            return fetch_download(pkg.url, sha256Of(pkg), options);
        }
        case 'version': {
            const pkg = await findSourcePackage(options.name, options.repositoryUrl, source.version, options.signal);
            if (pkg)
                return fetch_download(pkg.url, sha256Of(pkg), options);
            const vault = vaultUrl(options.repositoryUrl, options.name, source.version);
            if (!vault) {
                throw new errors/* InfrastructureError */.EN(`${options.name}-${source.version} is not in ${options.repositoryUrl}, and its release names no el9 minor version to find it in the vault`);
            }
            return fetch_download(vault, undefined, options);
        }
    }
}

// EXTERNAL MODULE: ./src/rpm/query.ts + 1 modules
var query = __webpack_require__(7584);
// EXTERNAL MODULE: ./src/rpm/collect.ts
var collect = __webpack_require__(7859);
// EXTERNAL MODULE: ./src/rpm/release.ts
var rpm_release = __webpack_require__(9388);
// EXTERNAL MODULE: ./src/rpm/upstream-keys.ts
var upstream_keys = __webpack_require__(3213);
// EXTERNAL MODULE: ./src/rpm/srpm.ts
var rpm_srpm = __webpack_require__(203);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/rpm/verify.ts
/** What a build produced, checked against what the caller expects of it. */




const wildcard = (pattern) => new RegExp(`^${pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')}$`);
async function describeRpms(paths) {
    return Promise.all(paths.map(async (path) => {
        const header = await (0,query/* queryPackageFile */.xD)(path);
        const epoch = header.epoch ? `${header.epoch}:` : '';
        return {
            path,
            ...header,
            nevra: `${header.name}-${epoch}${header.version}-${header.release}.${header.arch}`,
        };
    }));
}
async function rpmQuery(path, flag) {
    const { stdout } = await (0,exec/* exec */.m0)(['rpm', '-qp', '--nosignature', '--nodigest', flag, path]);
    return stdout.split('\n').filter(Boolean);
}
/** Every unmet expectation, as one TestFailure listing them all. */
async function verifyRpms(rpms, expectations) {
    const problems = [];
    for (const expectation of expectations) {
        const matcher = wildcard(expectation.package);
        const candidates = rpms.filter((rpm) => rpm.arch !== 'src' && matcher.test(rpm.name));
        if (candidates.length === 0) {
            problems.push(`no package ${expectation.package} was built (built: ${rpms.map((r) => (0,external_node_path_.basename)(r.path)).join(', ')})`);
            continue;
        }
        for (const rpm of candidates) {
            if (expectation.files?.length) {
                const files = await rpmQuery(rpm.path, '--list');
                for (const file of expectation.files) {
                    if (!files.some((f) => wildcard(file).test(f)))
                        problems.push(`${rpm.nevra} does not contain ${file}`);
                }
            }
            if (expectation.provides?.length) {
                const provides = (await rpmQuery(rpm.path, '--provides')).map((line) => line.split(/\s/)[0]);
                for (const capability of expectation.provides) {
                    if (!provides.includes(capability))
                        problems.push(`${rpm.nevra} does not provide ${capability}`);
                }
            }
        }
    }
    if (problems.length > 0)
        throw new errors/* TestFailure */.p2(`the built packages miss what is expected: ${problems.join('; ')}`);
}

;// CONCATENATED MODULE: ./src/rpm/rebuild.ts
/**
 * The SRPM rebuild engine that build-kernel and patch-qemu share: fetch the source RPM, skip
 * everything when an identical build is cached, otherwise unpack it, apply recipes, give it a
 * release that sorts right, pack it, build it, check what came out, and cache the result.
 */
















function recipeFromSource(source) {
    const dir = (0,external_node_path_.dirname)(source.config);
    return {
        recipe: (0,config/* loadRecipe */.T)(source.config),
        filesDir: source.filesDir ?? (0,external_node_path_.join)(dir, 'files'),
        scriptsDir: source.scriptsDir ?? (0,external_node_path_.join)(dir, 'scripts'),
    };
}
function suffixRecipe(suffix) {
    return {
        source: 'release suffix',
        // Strict: a spec whose Release takes no suffix (%autorelease without rpmautospec) fails.
        parameters: { insertMarker: true, ignoreVersionMacros: false, ignoreReleaseMacros: false, strict: true },
        actions: [{ type: 'modify_release', suffix, enabled: true, index: 1 }],
    };
}
/** Where mock reads a configuration given by name. */
function mockConfigFile(name) {
    return name.endsWith('.cfg') ? name : `/etc/mock/${name}.cfg`;
}
function copyRpms(files, dir) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    return files.map((file) => {
        const target = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(file));
        (0,external_node_fs_.copyFileSync)(file, target);
        return target;
    });
}
/** The source RPM fetched (or found), its upstream signature checked, and its header read. */
async function obtainSourceRpm(options) {
    const { log } = options;
    const keys = options.upstreamKeys;
    if (keys?.kind === 'none' && options.source.kind === 'url' && !options.source.sha256) {
        throw new errors/* ConfigurationError */.j1(`Input '${options.sourceInput ?? 'srpm'}' is a URL and upstream-keys is 'none'; expected upstream keys to check its signature, or the file's sha256 as ${options.source.url}#sha256=<64 hex digits>`);
    }
    const fetched = await fetchSrpm(options.source, {
        name: options.package,
        repositoryUrl: options.repositoryUrl,
        cacheDir: options.downloadCacheDir,
        log,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    if (keys?.kind === 'keys') {
        const trusted = await (0,upstream_keys/* resolveUpstreamKeys */.Mm)(keys, options.workDir);
        const signer = await (0,upstream_keys/* requireUpstreamSignature */.T9)(fetched.path, trusted, (0,external_node_path_.basename)(fetched.path));
        log.info(`${(0,external_node_path_.basename)(fetched.path)}: signed by upstream key ${signer}`);
    }
    const stock = await (0,query/* queryPackageFile */.xD)(fetched.path);
    if (stock.name !== options.package || stock.arch !== 'src') {
        throw new errors/* ConfigurationError */.j1(`${fetched.path} is ${stock.nvr}.${stock.arch}, not a source RPM of ${options.package}`);
    }
    return { fetched, stock };
}
async function rebuildPackage(options) {
    const { log } = options;
    const { fetched, stock } = await obtainSourceRpm(options);
    const dist = (0,rpm_release/* distTag */.Hc)(stock.release) ?? '.el9';
    const defines = {
        dist,
        rhel: /\.el(\d+)/.exec(dist)?.[1] ?? '9',
        ...(options.release.kind === 'buildid' ? { buildid: options.release.value } : {}),
        ...(options.builder === 'rpmbuild' ? (0,builder/* crossBinutils */.nR)(options.target) : {}),
        ...options.defines,
    };
    const rpmDir = (0,external_node_path_.join)(options.resultsDir, 'rpms');
    const request = {
        builder: options.builder,
        mockConfig: options.mockConfig,
        resultDir: (0,external_node_path_.join)(options.workDir, options.builder === 'mock' ? 'mock-result' : 'rpmbuild'),
        with: options.with ?? [],
        without: options.without ?? [],
        defines,
        jobs: (0,external_node_os_.cpus)().length,
        ...(options.target ? { target: options.target } : {}),
        ...(options.bindMounts ? { bindMounts: options.bindMounts } : {}),
    };
    const cacheKey = (0,avoid/* avoidanceKey */.S)({
        package: options.package,
        srpmSha256: fetched.sha256,
        recipes: options.recipes.flatMap((r) => [
            r.config,
            r.filesDir ?? (0,external_node_path_.join)((0,external_node_path_.dirname)(r.config), 'files'),
            r.scriptsDir ?? (0,external_node_path_.join)((0,external_node_path_.dirname)(r.config), 'scripts'),
        ]),
        files: {
            ...options.keyFiles,
            // mock builds in the chroot its config describes: the config's content counts, not only its name.
            ...(options.builder === 'mock' ? { 'mock-config': [mockConfigFile(options.mockConfig)] } : {}),
        },
        // Paths vary between runs; everything else of the command decides the output.
        builder: (0,builder/* buildCommand */.Oe)({ ...request, srpm: 'SRPM', resultDir: 'RESULT' }),
        extra: { release: options.release, expectations: options.expectations, ...options.keyExtra },
    });
    const hit = await options.cache.restore([rpmDir], cacheKey);
    const restored = hit ? (0,collect.rpmsBelow)(rpmDir) : [];
    if (restored.length > 0) {
        log.info(`Build avoided: ${cacheKey} is cached`);
        const rpms = await describeRpms(restored);
        await verifyRpms(rpms, options.expectations);
        const built = rpms.find((rpm) => rpm.arch === 'src') ?? rpms[0];
        return {
            sourceNvr: stock.nvr,
            builtNvr: `${built.name}-${built.version}-${built.release}`,
            rpms,
            rpmDir,
            cacheHit: true,
            cacheKey,
            edits: [],
        };
    }
    const tree = (0,external_node_path_.join)(options.workDir, 'tree');
    (0,external_node_fs_.rmSync)(tree, { recursive: true, force: true });
    const spec = await (0,rpm_srpm/* unpackSrpm */.FS)(fetched.path, tree, log);
    const edits = [];
    if (options.prepare)
        edits.push(...((await options.prepare(tree, spec, defines)) ?? []));
    const recipes = options.recipes.map(recipeFromSource);
    if (options.release.kind === 'suffix') {
        recipes.push({ recipe: suffixRecipe(options.release.value), filesDir: tree, scriptsDir: tree });
    }
    for (const { recipe, filesDir, scriptsDir } of recipes) {
        edits.push(...(await (0,apply/* applyRecipe */.Fy)(recipe, {
            packageDir: tree,
            filesDir,
            scriptsDir,
            date: (0,apply/* recipeDate */.Nx)(),
            defines,
            log,
        })));
    }
    if (options.finish)
        edits.push(...((await options.finish(tree, spec, defines, options.resultsDir)) ?? []));
    const rebuilt = await (0,rpm_srpm/* specHeader */.FL)(spec, defines);
    const release = (0,rpm_release/* checkReleaseOrder */.MP)(options.package, { ...stock, epoch: Number(stock.epoch ?? 0) }, rebuilt);
    const srpm = await (0,rpm_srpm/* packSrpm */.wK)(tree, spec, defines, log);
    const built = {
        sourceNvr: stock.nvr,
        builtNvr: `${rebuilt.name}-${rebuilt.version}-${rebuilt.release}`,
        release,
        rpmDir,
        cacheHit: false,
        cacheKey,
        edits,
    };
    // The patched source RPM is kept in the results whatever the build does next.
    const [kept] = copyRpms([srpm], rpmDir);
    if (options.skipBuild) {
        const rpms = await describeRpms([kept]);
        return { ...built, rpms, skippedCommand: (0,builder/* buildCommand */.Oe)({ ...request, srpm: kept }) };
    }
    // A fixed place: the Actions cache restores to the path it saved, and self-hosted runners keep it.
    const ccacheDir = (0,external_node_path_.join)(options.downloadCacheDir, 'ccache', options.package);
    const ccacheKey = `kvm-actions-ccache-${options.package}${dist}-${cacheKey}`;
    const env = {};
    if (options.ccache) {
        await options.cache.restore([ccacheDir], ccacheKey, [`kvm-actions-ccache-${options.package}${dist}-`]);
        (0,external_node_fs_.mkdirSync)(ccacheDir, { recursive: true });
        env.CCACHE_DIR = ccacheDir;
        // rpmbuild finds ccache's compiler wrappers first on PATH (EL: /usr/lib64/ccache, Debian: /usr/lib/ccache).
        const wrappers = ['/usr/lib64/ccache', '/usr/lib/ccache'].find((dir) => (0,external_node_fs_.existsSync)(dir));
        if (options.builder === 'rpmbuild' && wrappers && (0,tools/* findOnPath */.a)('ccache'))
            env.PATH = `${wrappers}:${process.env.PATH}`;
    }
    const run = await (0,builder/* runBuild */.cM)({ ...request, srpm, ...(options.ccache && options.builder === 'mock' ? { ccacheDir } : {}) }, {
        logFile: (0,external_node_path_.join)(options.resultsDir, 'logs', 'build.log'),
        log,
        env,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
    // rpmbuild --rebuild does not keep the source RPM; mock does. Publish the one that was built from.
    const withSource = run.rpms.some((file) => file.endsWith('.src.rpm')) ? run.rpms : [...run.rpms, srpm];
    const rpms = await describeRpms(copyRpms(withSource, rpmDir));
    await verifyRpms(rpms, options.expectations);
    await options.cache.save([rpmDir], cacheKey);
    if (options.ccache)
        await options.cache.save([ccacheDir], ccacheKey);
    return { ...built, rpms, logFile: run.logFile, buildMs: run.durationMs };
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


/***/ }),

/***/ 203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ specHeader),
/* harmony export */   FS: () => (/* binding */ unpackSrpm),
/* harmony export */   wK: () => (/* binding */ packSrpm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _macros_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9892);
/** Source RPMs to dist-git trees (SPECS/, SOURCES/) and back, without root, with rpm's own tools. */





/** Installs the SRPM's spec and sources under dir/SPECS and dir/SOURCES; returns the spec path. */
async function unpackSrpm(srpm, dir, log) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
        'rpm',
        '-i',
        '--nodeps',
        '--nosignature',
        '--nodigest',
        ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)({ _topdir: dir }),
        srpm,
    ]);
    // Debian's rpm advises Alien on every -i; anything else rpm says is worth reading.
    const said = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.trim() && !/use Alien instead|should not be used directly/i.test(line));
    log?.info(`Unpacked ${srpm}`);
    for (const line of said)
        log?.info(line);
    const specs = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'SPECS')).filter((name) => name.endsWith('.spec'));
    if (specs.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`${srpm} holds ${specs.length} spec files, expected one`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'SPECS', specs[0]);
}
/** `rpmbuild -bs` of the tree's spec; returns the written SRPM. */
async function packSrpm(dir, spec, defines = {}, log) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)(['rpmbuild', '-bs', ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)({ _topdir: dir, ...defines }), spec], {
        ...(log ? { log, group: 'Pack the source RPM' } : {}),
    });
    const written = /^Wrote:\s+(\S+\.src\.rpm)$/m.exec(result.stdout)?.[1];
    if (!written)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InfrastructureError */ .EN(`rpmbuild -bs ${spec} wrote no source RPM`);
    return written;
}
/** Name and EVR of the source package the spec describes, macros expanded by rpmspec. */
async function specHeader(spec, defines = {}) {
    const result = await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m0)([
        'rpmspec',
        '-q',
        '--srpm',
        '--qf',
        '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}\\n',
        ...(0,_macros_js__WEBPACK_IMPORTED_MODULE_4__/* .defineArgs */ .P)(defines),
        spec,
    ]);
    const [name = '', epoch = '0', version = '', release = ''] = result.stdout.trim().split('\n')[0].split('|');
    return { name, epoch: Number(epoch), version, release };
}


/***/ }),

/***/ 9788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rebuildSummary: () => (/* binding */ rebuildSummary),
/* harmony export */   recipeSources: () => (/* binding */ recipeSources),
/* harmony export */   runRebuildStep: () => (/* binding */ runRebuildStep)
/* harmony export */ });
/* unused harmony exports skippedBuildSummary, rebuildRow, REBUILD_COLUMNS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6546);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _report_duration_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6132);
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1283);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4524);
/* harmony import */ var _rpm_builder_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9798);
/* harmony import */ var _rpm_rebuild_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9414);
/**
 * The step glue build-kernel and patch-qemu share: the rebuild run with the runner's scratch
 * space, caches and log, its summary rows, and a failed build's log tail and first error line
 * (as an annotation).
 */









/** Config files or folders (config.yaml inside) as recipe sources; a missing one is a configuration error. */
function recipeSources(entries, workspace, inputName) {
    return entries.map((entry) => {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, entry);
        const config = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory() ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, 'config.yaml') : path;
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(config)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input '${inputName}' names ${entry}, which is not an autopatch config file or a folder with config.yaml`);
        }
        return { config };
    });
}
async function runRebuildStep(ctx, step) {
    if (step.upstreamKeys?.kind === 'none') {
        const warning = `upstream-keys is 'none': the source RPM's signature was not checked (${step.package})`;
        ctx.annotate('warning', warning);
        ctx.summary.paragraph(`⚠️ ${warning}.`);
    }
    const workDir = (0,_action_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .createWorkDir */ .Xk)(ctx.state, step.package);
    const options = {
        ...step,
        workDir,
        resultsDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(step.resultsDir, step.package),
        downloadCacheDir: (0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultCacheDir */ .$)(),
        cache: ctx.cache,
        log: ctx.log,
        signal: ctx.signal,
    };
    try {
        return await (0,_rpm_rebuild_js__WEBPACK_IMPORTED_MODULE_7__/* .rebuildPackage */ .i8)(options);
    }
    catch (error) {
        if (error instanceof _rpm_builder_js__WEBPACK_IMPORTED_MODULE_6__/* .BuildFailure */ .$w) {
            ctx.annotate('error', error.errorLine ?? error.message, {
                title: `${step.package} build failed`,
                file: error.logFile,
            });
            ctx.summary.details(`${step.package}: last lines of ${error.logFile}`, error.tail);
        }
        throw error;
    }
}
/** With build: false, the command each package's build would have run. */
function skippedBuildSummary(summary, results) {
    const skipped = results.filter((result) => result.skippedCommand);
    if (skipped.length === 0)
        return;
    summary.paragraph('Build skipped (input build is false): the recipes and checks passed and the source RPM is packed.');
    for (const result of skipped)
        summary.code((0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .describeArgv */ .wI)(result.skippedCommand), 'sh');
}
/** One summary row per rebuilt package. */
function rebuildRow(result) {
    return [
        result.sourceNvr,
        result.builtNvr,
        result.cacheHit ? 'yes (build avoided)' : 'no',
        result.buildMs !== undefined ? (0,_report_duration_js__WEBPACK_IMPORTED_MODULE_8__/* .formatDuration */ .a)(result.buildMs) : '—',
        String(result.rpms.length),
    ];
}
const REBUILD_COLUMNS = ['Source', 'Built', 'Cache hit', 'Build time', 'RPMs'];
/** The rebuild table (one row per package, named when there are several) and any skipped build's command. */
function rebuildSummary(summary, results) {
    const named = results.length > 1 || results.some(([name]) => name !== 'kernel');
    summary.table(named ? ['Package', ...REBUILD_COLUMNS] : REBUILD_COLUMNS, results.map(([name, result]) => (named ? [name, ...rebuildRow(result)] : rebuildRow(result))));
    skippedBuildSummary(summary, results.map(([, result]) => result));
}


/***/ })

};
