export const id = 227;
export const ids = [227];
export const modules = {

/***/ 5058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readRepository),
/* harmony export */   r: () => (/* binding */ readPrimary)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8055);
/* harmony import */ var _net_download_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8588);
/* harmony import */ var _repomd_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3331);
/* harmony import */ var _xml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6881);
/**
 * The package list of a dnf repository: repomd.xml's `primary` entry, compressed with gzip, xz
 * or zstd, read into name, EVR, arch, location, checksum and source RPM per package. Used by
 * check-upstream, the source RPM fetch and publish-repo alike.
 */





/** Whether url lies inside the repository at baseUrl (a location href may not leave it). */
function insideRepository(url, baseUrl) {
    const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const target = new URL(url);
    return (target.origin === base.origin &&
        target.protocol === base.protocol &&
        target.pathname.startsWith(base.pathname));
}
function toPackage({ children }, baseUrl, source) {
    const text = (tag) => children.get(tag)?.text.trim() ?? '';
    const version = children.get('version')?.attributes ?? {};
    const location = children.get('location')?.attributes ?? {};
    const checksum = children.get('checksum');
    const sourceRpm = text('rpm:sourcerpm');
    const href = location.href ?? '';
    const base = location['xml:base'];
    const url = (0,_net_download_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)(base ?? baseUrl, href);
    if (!insideRepository(url, baseUrl)) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfrastructureError */ .EN(`${source} places ${text('name')} at ${base ? `${base} ` : ''}${href}, outside the repository ${baseUrl}; refusing the metadata`);
    }
    return {
        name: text('name'),
        arch: text('arch'),
        epoch: Number(version.epoch ?? 0),
        version: version.ver ?? '',
        release: version.rel ?? '',
        url,
        ...(checksum
            ? { checksum: { type: checksum.attributes.type ?? 'sha256', value: checksum.text.trim() } }
            : {}),
        ...(sourceRpm ? { sourceRpm } : {}),
    };
}
/**
 * Reads primary metadata (compressed by its file name's suffix) as a stream: memory stays at
 * the size of the package list, not of the XML.
 */
async function readPrimary(data, name, baseUrl, source = name) {
    const packages = [];
    const reader = new _xml_js__WEBPACK_IMPORTED_MODULE_4__/* .RecordReader */ .J(['package'], (record) => {
        if (record.attributes.type === 'rpm')
            packages.push(toPackage(record, baseUrl, source));
    }, source);
    await (0,_xml_js__WEBPACK_IMPORTED_MODULE_4__/* .streamInto */ .v)(data, name, reader);
    return packages;
}
/** Every package in the repository at baseUrl (the folder that holds repodata/). */
async function readRepository(baseUrl, options = {}) {
    const repomdUrl = (0,_net_download_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)(baseUrl, 'repodata/repomd.xml');
    const repomdData = await (0,_net_download_js__WEBPACK_IMPORTED_MODULE_2__/* .readUrl */ .wo)(repomdUrl, options);
    await options.checkRepomd?.(repomdData, repomdUrl);
    const repomd = (0,_repomd_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepomd */ .p)(repomdData.toString('utf8'), repomdUrl);
    const primary = repomd.entries.find((entry) => entry.type === 'primary');
    if (!primary)
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfrastructureError */ .EN(`${repomdUrl} has no primary metadata`);
    const primaryUrl = (0,_net_download_js__WEBPACK_IMPORTED_MODULE_2__/* .joinUrl */ .we)(baseUrl, primary.href);
    const data = await (0,_net_download_js__WEBPACK_IMPORTED_MODULE_2__/* .readUrl */ .wo)(primaryUrl, options);
    // The chain of trust runs repomd.xml → primary → each package's checksum → its signature.
    if (!primary.checksum)
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfrastructureError */ .EN(`${repomdUrl} gives no checksum for ${primary.href}`);
    const algorithm = primary.checksum.type === 'sha' ? 'sha1' : primary.checksum.type;
    const actual = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(data).digest('hex');
    if (actual !== primary.checksum.value.toLowerCase()) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InfrastructureError */ .EN(`${primary.href} does not match repomd.xml: ${algorithm} ${actual}, repomd.xml says ${primary.checksum.value}`);
    }
    return readPrimary(data, primary.href, baseUrl);
}


/***/ }),

/***/ 3331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ parseRepomd)
/* harmony export */ });
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8055);
/* harmony import */ var _xml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6881);
/** repodata/repomd.xml: the index of a dnf repository's metadata files. */


function parseRepomd(xml, source = 'repomd.xml') {
    const entries = [];
    let revision;
    const reader = new _xml_js__WEBPACK_IMPORTED_MODULE_1__/* .RecordReader */ .J(['revision', 'data'], ({ name, attributes, text, children }) => {
        if (name === 'revision') {
            revision = text.trim();
            return;
        }
        const type = attributes.type ?? '';
        const href = children.get('location')?.attributes.href;
        if (!href)
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${source}: the ${type} entry has no location`);
        const checksum = children.get('checksum');
        entries.push({
            type,
            href,
            ...(checksum
                ? { checksum: { type: checksum.attributes.type ?? 'sha256', value: checksum.text.trim() } }
                : {}),
        });
    }, source);
    reader.write(xml);
    reader.close();
    if (reader.rootName !== 'repomd')
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InfrastructureError */ .EN(`${source} is not a repomd.xml document`);
    return { ...(revision !== undefined ? { revision } : {}), entries };
}


/***/ }),

/***/ 6881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ RecordReader),
/* harmony export */   v: () => (/* binding */ streamInto)
/* harmony export */ });
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var saxes__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9800);
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8055);
/* harmony import */ var _exec_exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4524);
/**
 * Repository metadata read as a stream with saxes: AlmaLinux's AppStream primary.xml is tens of
 * MB uncompressed, so it is never held as one string; each element is handed over as it closes.
 */





/**
 * Feeds text chunks to saxes and calls onRecord for every element named in recordTags (not
 * nested in another record). Namespaced names keep their prefix (rpm:sourcerpm), as the
 * metadata writes them.
 */
class RecordReader {
    onRecord;
    source;
    parser = new saxes__WEBPACK_IMPORTED_MODULE_2__/* .SaxesParser */ .wT({ xmlns: false });
    recordTags;
    /** Elements open inside the current record, the record first. */
    open = [];
    current;
    rootName;
    constructor(recordTags, onRecord, source) {
        this.onRecord = onRecord;
        this.source = source;
        this.recordTags = new Set(recordTags);
        this.parser.on('opentag', (tag) => {
            this.rootName ??= tag.name;
            const element = { name: tag.name, attributes: { ...tag.attributes }, text: '' };
            if (this.current)
                this.open.push(element);
            else if (this.recordTags.has(tag.name)) {
                this.current = { ...element, children: new Map() };
                this.open.push(this.current);
            }
        });
        this.parser.on('text', (text) => {
            const innermost = this.open.at(-1);
            if (innermost)
                innermost.text += text;
        });
        this.parser.on('closetag', () => {
            const element = this.open.pop();
            if (!element)
                return;
            if (this.open.length > 0) {
                if (!this.current.children.has(element.name))
                    this.current.children.set(element.name, element);
                return;
            }
            const record = this.current;
            this.current = undefined;
            this.onRecord(record);
        });
        this.parser.on('error', (error) => {
            throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${this.source} is not well-formed XML: ${error.message}`);
        });
    }
    write(text) {
        this.parser.write(text);
    }
    close() {
        this.parser.close();
    }
}
/**
 * Streams data, decompressed by its file name (.gz in-process, .xz and .zst through the xz
 * and zstd tools), into reader in chunks.
 */
async function streamInto(data, name, reader) {
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8');
    const feed = (chunk) => reader.write(decoder.write(chunk));
    if (name.endsWith('.gz')) {
        await new Promise((resolve, reject) => {
            const gunzip = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.createGunzip)();
            gunzip.on('data', (chunk) => {
                try {
                    feed(chunk);
                }
                catch (error) {
                    gunzip.destroy(error);
                }
            });
            gunzip.on('error', (error) => reject(error instanceof _action_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN
                ? error
                : new _action_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InfrastructureError */ .EN(`${name} cannot be decompressed: ${error.message}`)));
            gunzip.on('end', resolve);
            gunzip.end(data);
        });
    }
    else if (name.endsWith('.xz') || name.endsWith('.zst')) {
        let failure;
        await (0,_exec_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .exec */ .m0)([name.endsWith('.xz') ? 'xz' : 'zstd', '-dc'], {
            input: data,
            captureLimitBytes: 64 * 1024,
            onStdout: (chunk) => {
                if (failure)
                    return;
                try {
                    feed(chunk);
                }
                catch (error) {
                    failure = error;
                }
            },
        });
        if (failure)
            throw failure;
    }
    else {
        feed(data);
    }
    reader.write(decoder.end());
    reader.close();
}


/***/ }),

/***/ 9388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hc: () => (/* binding */ distTag),
/* harmony export */   MP: () => (/* binding */ checkReleaseOrder),
/* harmony export */   vS: () => (/* binding */ nextStockRelease)
/* harmony export */ });
/* harmony import */ var _action_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8055);
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
 * The smallest plausible next stock release: the last number before the dist tag bumped
 * (570.12.1.el9_6 → 570.12.2.el9_6, 15.el9 → 16.el9).
 */
function nextStockRelease(release) {
    const dist = distTag(release);
    const head = dist ? release.slice(0, release.indexOf(dist)) : release;
    const tail = dist ? release.slice(release.indexOf(dist)) : '';
    const bumped = head.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));
    return bumped === head ? `${head}.1${tail}` : `${bumped}${tail}`;
}
function checkReleaseOrder(name, stock, rebuilt) {
    const next = { ...stock, release: nextStockRelease(stock.release ?? '') };
    const check = { stock: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(stock), rebuilt: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(rebuilt), nextStock: (0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .formatEvr */ .F_)(next) };
    if ((0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .compareEvr */ .z6)(rebuilt, stock) <= 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the rebuilt ${name}-${check.rebuilt} does not sort above the stock ${name}-${check.stock}, so dnf would keep the stock package; ` +
            'use a suffix or buildid that starts with a letter after the dist tag’s (such as .kvm1) or with a digit');
    }
    if ((0,_evr_js__WEBPACK_IMPORTED_MODULE_1__/* .compareEvr */ .z6)(rebuilt, next) >= 0) {
        throw new _action_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`the rebuilt ${name}-${check.rebuilt} sorts above the next stock update ${name}-${check.nextStock}, so dnf would never replace it; ` +
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

// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(8055);
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
