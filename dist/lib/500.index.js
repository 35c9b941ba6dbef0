export const id = 500;
export const ids = [500];
export const modules = {

/***/ 3500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hypervisorBuildSummary: () => (/* reexport */ hypervisorBuildSummary),
  runHypervisorBuild: () => (/* binding */ runHypervisorBuild)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(1283);
// EXTERNAL MODULE: ./src/rpm/rebuild.ts + 2 modules
var rebuild = __webpack_require__(9414);
// EXTERNAL MODULE: ./src/rpm/release.ts
var release = __webpack_require__(9388);
// EXTERNAL MODULE: ./src/kernel/config.ts
var kernel_config = __webpack_require__(2067);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/exec/tools.ts
var tools = __webpack_require__(6530);
// EXTERNAL MODULE: ./src/report/duration.ts
var duration = __webpack_require__(6132);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/kernel/kconfig.ts + 1 modules
var kconfig = __webpack_require__(3201);
// EXTERNAL MODULE: ./src/kernel/module-exports.ts
var module_exports = __webpack_require__(4351);
;// CONCATENATED MODULE: ./src/kernel/hypervisor.ts
/**
 * The hypervisor smoke build (build-profile: hypervisor): the kernel's own tree and its
 * distribution ppc64le config with the KVM profile applied, trimmed for the build, compiled to
 * vmlinux and modules only (natively on POWER, cross-compiled elsewhere). It proves in minutes
 * that the profile turns the distribution's config into a working hypervisor, which the nested
 * boot test then shows; the RPM build stays the release build.
 */











/**
 * Modules an L1 hypervisor and its guests use, kept when the config is trimmed: KVM itself and
 * the virtio devices, vhost and tap an L1 offers its L2 guests. Every other module is left out
 * of the build; built-in code stays as the distribution has it.
 */
const HYPERVISOR_MODULES = [
    'KVM_BOOK3S_64',
    'KVM_BOOK3S_64_HV',
    'VIRTIO',
    'VIRTIO_PCI',
    'VIRTIO_PCI_LIB',
    'VIRTIO_PCI_LIB_LEGACY',
    'VIRTIO_BLK',
    'VIRTIO_NET',
    'VIRTIO_CONSOLE',
    'VIRTIO_BALLOON',
    'HW_RANDOM_VIRTIO',
    'VHOST',
    'VHOST_IOTLB',
    'VHOST_NET',
    'TUN',
];
/**
 * Settings of the build only: no debug info (it triples the compile and link time of a smoke
 * build), and no distribution certificate files, which live outside the kernel tree.
 */
const BUILD_ONLY_OPTIONS = [
    { name: 'DEBUG_INFO_NONE', value: 'y' },
    { name: 'DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT', value: 'n' },
    { name: 'DEBUG_INFO_DWARF4', value: 'n' },
    { name: 'DEBUG_INFO_DWARF5', value: 'n' },
    { name: 'DEBUG_INFO_BTF', value: 'n' },
    { name: 'SYSTEM_TRUSTED_KEYS', value: '""' },
    { name: 'SYSTEM_REVOCATION_KEYS', value: '""' },
];
/** Every `=m` not in keep switched off, plus the build-only settings for options the config has. */
function trimForHypervisor(text, keep) {
    const switchedOff = [];
    const lines = text.split('\n').map((line) => {
        const module = /^CONFIG_([A-Za-z0-9_]+)=m$/.exec(line.trim());
        if (!module || keep.has(module[1]))
            return line;
        switchedOff.push(module[1]);
        return `# CONFIG_${module[1]} is not set`;
    });
    const present = (0,kernel_config/* readConfig */.Xg)(text);
    const buildOnly = BUILD_ONLY_OPTIONS.filter((option) => present.has(option.name));
    return { text: (0,kernel_config/* applyOptions */.V1)(lines.join('\n'), buildOnly).text, switchedOff };
}
/** Every option whose value differs between two configs (`n` for absent or not set). */
function diffConfigs(before, after) {
    const from = (0,kernel_config/* readConfig */.Xg)(before);
    const to = (0,kernel_config/* readConfig */.Xg)(after);
    const names = [...new Set([...from.keys(), ...to.keys()])].sort();
    return names.flatMap((name) => {
        const a = from.get(name) ?? 'n';
        const b = to.get(name) ?? 'n';
        return a === b ? [] : [{ name, ...(from.has(name) ? { from: a } : {}), to: b }];
    });
}
const KVM_MODULE_FILES = /^kvm(-hv|-pr)?\.ko(\.\w+)?$/;
/** The deepest folder holding both paths (absolute). */
function commonAncestor(a, b) {
    const [first, second] = [(0,external_node_path_.resolve)(a).split(external_node_path_.sep), (0,external_node_path_.resolve)(b).split(external_node_path_.sep)];
    let length = 0;
    while (length < first.length && first[length] === second[length])
        length++;
    return first.slice(0, length).join(external_node_path_.sep) || external_node_path_.sep;
}
/** make's arguments for the build: powerpc (cross on other hosts), and ccache when asked for. */
function makeArgs(ccache) {
    const base = (0,kconfig/* powerpcMakeArgs */.Cg)();
    if (!ccache)
        return base;
    const cross = base.find((arg) => arg.startsWith('CROSS_COMPILE='))?.slice('CROSS_COMPILE='.length) ?? '';
    // One argv element: kbuild runs $(CC) through its own shell, so the wrapper comes first.
    return [...base, `CC=ccache ${cross}gcc`];
}
async function ccacheStats(env) {
    const result = await (0,exec/* exec */.m0)(['ccache', '--print-stats'], { env, allowFailure: true });
    const stat = (name) => Number(new RegExp(`^${name}\\t(\\d+)$`, 'm').exec(result.stdout)?.[1] ?? 0);
    return {
        hits: stat('direct_cache_hit') + stat('preprocessed_cache_hit'),
        misses: stat('cache_miss'),
    };
}
async function buildHypervisorKernel(request) {
    const { tree, log } = request;
    if (!(0,kconfig/* isKernelTree */.ID)(tree))
        throw new errors/* ConfigurationError */.j1(`${tree} is not a kernel source tree (no Makefile and arch/powerpc/kvm/Kconfig)`);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(tree, '.config')))
        throw new errors/* ConfigurationError */.j1(`${tree} has a .config of its own, so it cannot be built into a separate folder; expected a clean tree (make mrproper)`);
    if (request.ccacheDir && !(0,tools/* findOnPath */.a)('ccache'))
        throw new errors/* InfrastructureError */.EN('ccache is on but not installed; run scripts/setup-host.sh or set ccache: false');
    const started = Date.now();
    (0,external_node_fs_.mkdirSync)(request.outDir, { recursive: true });
    (0,external_node_fs_.mkdirSync)(request.buildDir, { recursive: true });
    const distribution = (0,external_node_fs_.readFileSync)(request.distributionConfig.path, 'utf8');
    const distributionValues = (0,kernel_config/* readConfig */.Xg)(distribution);
    const index = (0,kconfig/* kconfigIndex */.wh)(tree);
    const profiled = (0,kernel_config/* applyOptions */.V1)(distribution, request.options, (name) => index.has(name)).text;
    const keep = new Set([
        ...HYPERVISOR_MODULES,
        ...request.options.filter((option) => option.value === 'm').map((option) => option.name),
    ]);
    const trimmed = trimForHypervisor(profiled, keep);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(request.buildDir, '.config'), trimmed.text);
    const baseDir = commonAncestor(tree, request.buildDir);
    const env = request.ccacheDir
        ? // Paths below the base are hashed relative to the build folder: a tree unpacked into
            // another scratch folder (the next night's, the run after a fix) still hits.
            { CCACHE_DIR: request.ccacheDir, ...(baseDir !== '/' ? { CCACHE_BASEDIR: baseDir } : {}) }
        : {};
    const args = ['-C', tree, `O=${request.buildDir}`, ...makeArgs(Boolean(request.ccacheDir))];
    const logFile = (0,external_node_path_.join)(request.outDir, 'build.log');
    const run = (targets, group, extra = {}) => (0,exec/* exec */.m0)(['make', ...args, ...targets], {
        env,
        log,
        group,
        logFile,
        captureLimitBytes: 64 * 1024,
        ...(request.signal ? { signal: request.signal } : {}),
        ...extra,
    });
    await run(['olddefconfig'], 'make olddefconfig (the trimmed config)');
    const configText = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(request.buildDir, '.config'), 'utf8');
    const values = (0,kernel_config/* readConfig */.Xg)(configText);
    const requested = (0,kconfig/* compareWithKconfig */.p5)(request.options, values, index);
    const dropped = requested.filter((finding) => !finding.kept);
    if (dropped.length > 0) {
        throw new errors/* TestFailure */.p2(`Kconfig drops requested options, so the build would not be what was asked: ${dropped.map((f) => (0,kconfig/* describeFinding */.jb)(request.distributionConfig.name, f)).join('; ')}`);
    }
    const lostModules = [...keep].filter((name) => distributionValues.get(name) === 'm' && values.get(name) !== 'm');
    const changes = diffConfigs(distribution, configText);
    const configDiff = (0,external_node_path_.join)(request.outDir, 'config.diff');
    (0,external_node_fs_.writeFileSync)(configDiff, formatConfigDiff(request.distributionConfig.name, changes, new Set(trimmed.switchedOff)));
    const kernelRelease = (await (0,exec/* exec */.m0)(['make', '-s', ...args, 'kernelrelease'], { env })).stdout.trim();
    const config = (0,external_node_path_.join)(request.outDir, `config-${kernelRelease}`);
    (0,external_node_fs_.writeFileSync)(config, configText);
    const described = {
        kernelRelease,
        config,
        configDiff,
        configSha256: (0,external_node_crypto_.createHash)('sha256').update(configText).digest('hex'),
        changes,
        switchedOff: trimmed.switchedOff,
        requested,
        lostModules,
        sourceLabel: request.sourceLabel,
        configName: request.distributionConfig.name,
        ...(request.pmuExports ? { pmuExports: request.pmuExports } : {}),
        cross: (0,kconfig/* powerpcMakeArgs */.Cg)().some((arg) => arg.startsWith('CROSS_COMPILE=')),
        logFile,
    };
    const compile = [`-j${request.jobs}`, 'vmlinux', 'modules'];
    if (!request.compile) {
        return {
            ...described,
            vmlinux: '',
            modulesDir: '',
            kvmModules: [],
            durationMs: Date.now() - started,
            skippedCommand: ['make', ...args, ...compile],
        };
    }
    if (request.ccacheDir)
        await (0,exec/* exec */.m0)(['ccache', '--zero-stats'], { env });
    const compiled = await run([`-j${request.jobs}`, 'vmlinux', 'modules'], `make -j${request.jobs} vmlinux modules`, {
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
    }).catch((error) => {
        // A KVM module that does not link is the tree's shape, not the runner: say which symbols.
        throw ((error instanceof exec/* CommandFailedError */.ju &&
            (0,module_exports/* kvmModpostFailure */.Ft)((0,external_node_fs_.readFileSync)(logFile, 'utf8'), logFile, request.exportPmuSymbols ?? true)) ||
            error);
    });
    if (compiled.timedOut)
        throw new errors/* InfrastructureError */.EN(`the hypervisor build did not finish within ${(0,duration/* formatDuration */.a)(request.timeoutMs ?? 0)} (log: ${logFile})`);
    const modulesRoot = (0,external_node_path_.join)(request.outDir, 'modules');
    await run(['modules_install', `INSTALL_MOD_PATH=${modulesRoot}`, 'INSTALL_MOD_STRIP=1'], 'make modules_install');
    const modulesDir = (0,external_node_path_.join)(modulesRoot, 'lib', 'modules', kernelRelease);
    const vmlinux = (0,external_node_path_.join)(request.outDir, `vmlinux-${kernelRelease}`);
    (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(request.buildDir, 'vmlinux'), vmlinux);
    const kvmDir = (0,external_node_path_.join)(modulesDir, 'kernel', 'arch', 'powerpc', 'kvm');
    const kvmModules = (0,external_node_fs_.existsSync)(kvmDir)
        ? (0,external_node_fs_.readdirSync)(kvmDir).filter((name) => KVM_MODULE_FILES.test(name))
        : [];
    return {
        ...described,
        vmlinux,
        modulesDir,
        kvmModules,
        ...(request.ccacheDir ? { ccache: await ccacheStats(env) } : {}),
        durationMs: Date.now() - started,
    };
}
/** One line per changed option, saying why: requested, trimmed, or Kconfig's consequence. */
function formatConfigDiff(name, changes, switchedOff) {
    const lines = changes.map((change) => {
        const from = (0,kernel_config/* formatOption */.Bx)({ name: change.name, value: change.from ?? 'n' });
        const to = (0,kernel_config/* formatOption */.Bx)({ name: change.name, value: change.to });
        const why = switchedOff.has(change.name) ? 'trimmed for the build' : 'profile, build setting or Kconfig';
        return `${from} -> ${to}  (${why})`;
    });
    return [`# ${name} -> the hypervisor build's config: ${changes.length} options differ`, ...lines, ''].join('\n');
}
/** The summary of a hypervisor build: what was built from what, and how its config differs. */
function hypervisorBuildSummary(summary, build) {
    const compiler = build.cross ? 'cross-compiled for ppc64le' : 'built natively';
    const cache = build.ccache ? `; ccache ${build.ccache.hits} hits, ${build.ccache.misses} misses` : '';
    summary.heading('Hypervisor build', 3);
    if (build.skippedCommand) {
        summary
            .paragraph(`Build skipped (input build is false): the config of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile was trimmed and checked by Kconfig; the build would run:`)
            .code((0,exec/* describeArgv */.wI)(build.skippedCommand), 'sh');
    }
    else {
        summary.paragraph(`A smoke build, not the release: vmlinux and modules of ${build.kernelRelease} from ${build.sourceLabel} with ${build.configName} and the KVM profile, ${compiler} in ${(0,duration/* formatDuration */.a)(build.durationMs)}${cache}. It proves the profile makes a working hypervisor (boot it with boot-test-guest's nested scenario); the RPM build (build-profile fast or full) is what gets published.`);
    }
    summary
        .table(['Requested option', 'Distribution', 'Built'], build.requested.map((finding) => {
        // Unchanged options are not in the diff; an option the distribution lacked counts as not set.
        const change = build.changes.find((c) => c.name === finding.name);
        const before = change ? (change.from ?? 'n') : finding.final;
        return [
            `CONFIG_${finding.name}`,
            (0,kernel_config/* formatOption */.Bx)({ name: finding.name, value: before }),
            (0,kernel_config/* formatOption */.Bx)({ name: finding.name, value: finding.final }),
        ];
    }))
        .details(`Config diff against ${build.configName}: ${build.changes.length} options${build.changes.length > report_summary/* SUMMARY_ROW_LIMIT */.Oc ? ` (first ${report_summary/* SUMMARY_ROW_LIMIT */.Oc}; all in ${build.configDiff})` : ''}`, (0,external_node_fs_.readFileSync)(build.configDiff, 'utf8')
        .split('\n')
        .slice(1, report_summary/* SUMMARY_ROW_LIMIT */.Oc + 1)
        .join('\n'))
        .paragraph(`Config trimmed for the build: ${build.switchedOff.length} modules switched off (not needed to boot or host a guest), built-in code kept; ${build.changes.length} options differ from ${build.configName} in all (${build.configDiff}).${build.skippedCommand ? '' : ` KVM modules built: ${build.kvmModules.join(', ') || 'none'}.`}${build.lostModules.length > 0 ? ` Dropped with their dependencies: ${build.lostModules.join(', ')}.` : ''}`);
    if (build.pmuExports)
        summary.paragraph(`PMU save/restore exports of kvm-hv: ${build.pmuExports}.`);
}

// EXTERNAL MODULE: ./src/kernel/hypervisor-source.ts
var hypervisor_source = __webpack_require__(9884);
;// CONCATENATED MODULE: ./src/kernel/hypervisor-run.ts
/**
 * build-kernel's hypervisor profile end to end: the tree and config from the source RPM (fetched
 * and its signature checked as for the RPM build) or given directly, the profile and fragments
 * merged, the build through ccache kept in the Actions cache.
 */









// The action loads this module alone for the hypervisor profile, its summary included.



async function runHypervisorBuild(request, deps) {
    const options = (0,kernel_config/* mergeOptions */.lL)([
        ...(request.kvmProfile ? kernel_config/* KVM_PROFILE */.FY : []),
        ...request.fragments.flatMap(({ path, name }) => (0,kernel_config/* parseFragment */.oH)((0,external_node_fs_.readFileSync)(path, 'utf8'), name)),
    ]);
    let tarballOrTree = request.kernelSource;
    let config = request.kernelConfig;
    let patches = [];
    let sourceNvr;
    let label = request.kernelSource ? (0,external_node_path_.basename)(request.kernelSource) : '';
    if (request.srpm && (!tarballOrTree || !config)) {
        const { fetched, stock } = await (0,rebuild/* obtainSourceRpm */.QC)({
            package: 'kernel',
            source: request.srpm,
            upstreamKeys: request.upstreamKeys,
            repositoryUrl: request.repositoryUrl,
            downloadCacheDir: (0,paths/* defaultCacheDir */.$)(),
            workDir: deps.work,
            log: deps.log,
            signal: deps.signal,
        });
        sourceNvr = stock.nvr;
        const dist = (0,release/* distTag */.Hc)(stock.release) ?? '.el9';
        const srpm = await (0,hypervisor_source/* srpmKernelSource */.lD)(fetched.path, (0,external_node_path_.join)(deps.work, 'srpm'), { dist }, deps.log);
        if (!tarballOrTree) {
            tarballOrTree = srpm.tarball;
            patches = srpm.patches;
            label = stock.nvr;
        }
        config ??= srpm.config;
    }
    const unpacked = await (0,hypervisor_source/* kernelTree */.qq)(tarballOrTree, (0,external_node_path_.join)(deps.work, 'source'), patches, deps.log);
    const { tree, note: pmuExports } = await (0,module_exports/* exportPmuSymbolsInTree */.lP)(unpacked, {
        enabled: request.exportPmuSymbols,
        compile: request.build,
        // A folder given as kernel-source is the user's: edited only in a copy, where a tarball
        // would have been unpacked (the same path relative to the build, for ccache).
        ownTree: !(0,external_node_fs_.statSync)(tarballOrTree).isDirectory(),
        copyTo: (0,external_node_path_.join)(deps.work, 'source'),
        log: deps.log,
    });
    const configName = (0,external_node_path_.basename)(config);
    // A fixed place (the Actions cache restores to the path it saved; self-hosted runners keep it),
    // one per distribution config: its objects are what a later night reuses.
    const ccacheDir = request.ccache ? (0,external_node_path_.join)((0,paths/* defaultCacheDir */.$)(), 'ccache', 'kernel-hypervisor') : undefined;
    const configId = (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(config)).digest('hex').slice(0, 12);
    const ccacheKey = `kvm-actions-ccache-hypervisor-${configName}-${configId}`;
    if (ccacheDir && request.build) {
        await deps.cache.restore([ccacheDir], `${ccacheKey}-${Date.now()}`, [`${ccacheKey}-`]);
        (0,external_node_fs_.mkdirSync)(ccacheDir, { recursive: true });
    }
    let failed = false;
    try {
        const build = await buildHypervisorKernel({
            tree,
            sourceLabel: label,
            distributionConfig: { path: config, name: configName },
            options,
            outDir: request.resultsDir,
            buildDir: (0,external_node_path_.join)(deps.work, 'build'),
            ...(ccacheDir ? { ccacheDir } : {}),
            jobs: (0,external_node_os_.cpus)().length + 1,
            compile: request.build,
            pmuExports,
            exportPmuSymbols: request.exportPmuSymbols,
            timeoutMs: request.timeoutMs,
            log: deps.log,
            signal: deps.signal,
        });
        return { ...build, ...(sourceNvr ? { sourceNvr } : {}) };
    }
    catch (error) {
        failed = true;
        throw error;
    }
    finally {
        // Saved when the build fails too: a build that stops at modpost has compiled every object,
        // and the run after the fix reuses them. The build's own error is the one reported.
        if (ccacheDir && request.build)
            await deps.cache.save([ccacheDir], `${ccacheKey}-${Date.now()}`).catch((error) => {
                if (!failed)
                    throw error;
                deps.log.warning(`ccache not saved after the failed build: ${String(error)}`);
            });
    }
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


/***/ })

};
