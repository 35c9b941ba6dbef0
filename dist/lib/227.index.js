export const id = 227;
export const ids = [227];
export const modules = {

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

/***/ 2227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkUpstreamRepositories: () => (/* binding */ checkUpstreamRepositories)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/net/download.ts + 1 modules
var download = __webpack_require__(8588);
// EXTERNAL MODULE: ./src/repodata/primary.ts
var primary = __webpack_require__(5058);
// EXTERNAL MODULE: ./src/rpm/upstream-keys.ts
var upstream_keys = __webpack_require__(3213);
// EXTERNAL MODULE: ./src/rpm/evr.ts
var evr = __webpack_require__(7626);
// EXTERNAL MODULE: ./src/rpm/release.ts
var release = __webpack_require__(9388);
;// CONCATENATED MODULE: ./src/upstream/compare.ts
/**
 * Which upstream source packages the published repository has not rebuilt yet. The published
 * repository is the state: a package counts as rebuilt when the repository holds a build of the
 * same version whose release sorts from the upstream one up to (not including) the next stock
 * update, which is exactly the range the rebuild's suffix or buildid puts it in.
 */


/** name, EVR of a source RPM file name (name-version-release.src.rpm). */
function parseSourceRpm(file) {
    const match = /^(.+)-([^-]+)-([^-]+)\.src\.rpm$/.exec(file);
    return match ? { name: match[1], version: match[2], release: match[3] } : undefined;
}
/** The source packages (name, EVR) the published repository holds, from its SRPMs or binaries' sourcerpm. */
function publishedSources(packages) {
    return packages.flatMap((pkg) => {
        if (pkg.arch === 'src')
            return [{ name: pkg.name, epoch: pkg.epoch, version: pkg.version, release: pkg.release ?? '' }];
        const source = pkg.sourceRpm ? parseSourceRpm(pkg.sourceRpm) : undefined;
        return source ? [{ ...source, epoch: pkg.epoch }] : [];
    });
}
function comparePackages(names, upstream, published, force) {
    const sources = publishedSources(published);
    return names.map((name) => {
        const candidates = upstream.filter((pkg) => pkg.name === name && pkg.arch === 'src');
        const newest = candidates.reduce((best, pkg) => (!best || (0,evr/* compareEvr */.z6)(pkg, best) > 0 ? pkg : best), undefined);
        if (!newest)
            return { name, upstream: null, published: null, changed: false };
        const next = { ...newest, release: (0,release/* nextStockRelease */.vS)(newest.release ?? '') };
        const ours = sources.filter((s) => s.name === name).sort((a, b) => (0,evr/* compareEvr */.z6)(b, a));
        // A rebuild of the newest upstream, or something published past it (upstream went back):
        // either way, rebuilding upstream's would not reach hosts.
        const rebuild = ours.find((s) => (0,evr/* compareEvr */.z6)(s, newest) >= 0 && (0,evr/* compareEvr */.z6)(s, next) < 0) ??
            ours.find((s) => (0,evr/* compareEvr */.z6)(s, next) >= 0);
        return {
            name,
            upstream: `${name}-${(0,evr/* formatEvr */.F_)(newest)}`,
            url: newest.url,
            ...(newest.checksum?.type === 'sha256' ? { sha256: newest.checksum.value } : {}),
            published: rebuild ? `${name}-${(0,evr/* formatEvr */.F_)({ ...rebuild })}` : null,
            changed: force || !rebuild,
        };
    });
}

;// CONCATENATED MODULE: ./src/upstream/check.ts
/**
 * check-upstream's comparison: read the upstream repositories (their repomd.xml signatures
 * checked when they have one) and the published one, and say per watched package whether
 * upstream has something not rebuilt yet.
 */





async function checkUpstreamRepositories(request, deps) {
    const { signal } = deps;
    const keys = request.upstreamKeys.kind === 'keys'
        ? await (0,upstream_keys/* resolveUpstreamKeys */.Mm)(request.upstreamKeys, deps.workDir('keys'))
        : undefined;
    if (!keys)
        deps.annotate('warning', "upstream-keys is 'none': the upstream metadata signatures were not checked");
    const unsigned = [];
    // A repository that signs its metadata must sign it with an upstream key.
    const checkRepomd = async (repomd, repomdUrl) => {
        if (!keys)
            return;
        const signature = await (0,download/* readUrl */.wo)(`${repomdUrl}.asc`, { signal, retries: 1 }).catch(() => undefined);
        if (!(await (0,upstream_keys/* verifyRepomdSignature */.hk)(repomd, signature, keys, deps.workDir('repomd'), repomdUrl)))
            unsigned.push(repomdUrl);
    };
    const upstream = [];
    for (const url of request.upstreamUrls)
        upstream.push(...(await (0,primary/* readRepository */.N)(url, { signal, checkRepomd })));
    let published = [];
    try {
        published = await (0,primary/* readRepository */.N)(request.publishedUrl, { signal });
    }
    catch (error) {
        if (!(error instanceof errors/* InfrastructureError */.EN))
            throw error;
        // A repository not published yet has rebuilt nothing.
        deps.annotate('warning', `The published repository cannot be read (${error.message}); treating it as empty.`);
    }
    const statuses = comparePackages(request.packages, upstream, published, request.force);
    for (const status of statuses.filter((s) => s.upstream === null))
        deps.annotate('warning', `${status.name} is not in the upstream repositories (${request.upstreamUrls.join(', ')})`);
    return { statuses, unsigned };
}


/***/ })

};
