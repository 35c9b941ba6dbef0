export const id = 169;
export const ids = [169];
export const modules = {

/***/ 2169:
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
// EXTERNAL MODULE: ./src/action/errors.ts
var errors = __webpack_require__(8055);
// EXTERNAL MODULE: ./src/repo/dnf-check.ts
var dnf_check = __webpack_require__(8294);
// EXTERNAL MODULE: ./src/repo/gpg.ts
var repo_gpg = __webpack_require__(552);
// EXTERNAL MODULE: ./src/rpm/evr.ts
var rpm_evr = __webpack_require__(7626);
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
/**
 * The smallest stock update after a release: its last number before the dist tag plus one
 * (570.12.1.el9_6 becomes 570.12.2.el9_6, 15.el9 becomes 16.el9).
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
        const next = { ...newestBase, release: nextStockRelease(newestBase.release) };
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
var publish = __webpack_require__(9949);
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
        ? await (0,publish/* channelFiles */.xJ)(target.root, request.releasever, mode.from, request.arches, request.name, mode.packages)
        : await mode.rpms();
    if (mode.kind === 'publish' && rpms.length === 0) {
        throw new errors/* ConfigurationError */.j1("Input 'rpms' is required to publish; expected RPM files, folders, globs or a JSON list");
    }
    const home = deps.workDir('gnupg');
    deps.remember('gnupg-home', home);
    const gpg = await repo_gpg.GpgHome.create(signingKey, passphrase, home);
    let interference;
    try {
        const previous = (0,tree/* linkTarget */.Cm)((0,tree/* channelPaths */.S2)(target.root, request.releasever, request.channel).live);
        const result = await (0,publish/* publish */.mk)({
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
        if (!result.dryRun)
            await target.switch(request.releasever, request.channel, result.state, previous);
        if (result.differing.length > 0) {
            deps.annotate('warning', `Already published with other content, so the published build stays: ${result.differing.join(', ')}. Raise the release (buildid or release-suffix) to ship a changed build.`);
        }
        (0,external_node_fs_.mkdirSync)(request.resultsDir, { recursive: true });
        const listsFile = (0,external_node_path_.join)(request.resultsDir, 'publish.json');
        const { added, kept, pruned, differing } = result;
        (0,external_node_fs_.writeFileSync)(listsFile, JSON.stringify({ live, added, kept, pruned, differing }, null, 2) + '\n');
        return { kind: 'published', live, result, listsFile, ...(interference ? { interference } : {}) };
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


/***/ })

};
