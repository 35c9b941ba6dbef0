export const id = 752;
export const ids = [752];
export const modules = {

/***/ 8752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  patchQemuPackages: () => (/* binding */ patchQemuPackages),
  qemuBuildNotes: () => (/* binding */ qemuBuildNotes)
});

// UNUSED EXPORTS: deviceDiff, editLines

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/rpm/autopatch/apply.ts + 1 modules
var apply = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/qemu/recipe.ts + 3 modules
var recipe = __webpack_require__(9325);
// EXTERNAL MODULE: ./src/qemu/patch-series.ts
var patch_series = __webpack_require__(4458);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/rpm/query.ts + 1 modules
var query = __webpack_require__(7584);
;// CONCATENATED MODULE: ./src/qemu/smoke.ts
/**
 * The post-build check of qemu-kvm on a POWER runner: qemu-kvm-core unpacked into a private
 * folder (nothing installed on the runner), its machine list read, and a pseries KVM machine
 * started until the SLOF firmware banner.
 */




const QEMU_KVM_BINARY = 'usr/libexec/qemu-kvm';
const QEMU_KVM_FIRMWARE = 'usr/share/qemu-kvm';
/** The exact commands of the check; firmware comes from the unpacked package (-L), not the host. */
function smokeCommands(binary, firmwareDir, accel = 'kvm') {
    return {
        machines: [binary, '-machine', 'help'],
        firmware: [
            binary,
            '-L',
            firmwareDir,
            '-M',
            'pseries',
            '-accel',
            accel,
            '-m',
            '1024',
            '-nographic',
            '-nodefaults',
            '-serial',
            'stdio',
            '-no-reboot',
        ],
    };
}
// SLOF draws its banner with terminal escapes between the words.
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g; // eslint-disable-line no-control-regex
const BANNER = /SLOF|QEMU Starting/;
async function smokeTestQemu(commands, options = {}) {
    const logged = options.log ? { log: options.log } : {};
    const list = await (0,exec/* exec */.m0)(commands.machines, logged);
    const machines = list.stdout
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/)[0])
        .filter(Boolean);
    if (!machines.some((machine) => machine === 'pseries' || machine.startsWith('pseries-'))) {
        throw new errors/* TestFailure */.p2(`${commands.machines.join(' ')} lists no pseries machine (it lists ${machines.join(', ') || 'nothing'})`);
    }
    const stop = new AbortController();
    let banner = '';
    const run = await (0,exec/* exec */.m0)(commands.firmware, {
        ...logged,
        allowFailure: true,
        signal: stop.signal,
        timeoutMs: options.timeoutMs ?? 120_000,
        onLine: (line) => {
            const text = line.replace(ESCAPES, '');
            if (!banner && BANNER.test(text)) {
                banner = text.trim();
                stop.abort();
            }
        },
    });
    if (!banner) {
        const why = run.timedOut
            ? 'in time'
            : `before it ${run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`}`;
        const last = (run.stderr || run.stdout).trim().split('\n').at(-1);
        throw new errors/* TestFailure */.p2(`The pseries machine printed no firmware banner ${why}${last ? `: ${last}` : ''}`);
    }
    return { machines, banner };
}
/** Unpacks qemu-kvm-core and checks it; returns the binary's path for boot-test-guest. */
async function checkBuiltQemu(coreRpm, dir, options = {}) {
    await (0,query/* unpackRpm */.mK)(coreRpm, dir, options.log);
    const binary = (0,external_node_path_.join)(dir, QEMU_KVM_BINARY);
    const result = await smokeTestQemu(smokeCommands(binary, (0,external_node_path_.join)(dir, QEMU_KVM_FIRMWARE), options.accel), options);
    return { ...result, binary };
}

;// CONCATENATED MODULE: ./src/qemu/build.ts
/**
 * The qemu-kvm and libvirt rebuilds for ppc64le: per package, the built-in recipe (hooks), the
 * user's recipes and patch series, the release suffix; then the post-build check of the built
 * emulator where the runner can run it. The rebuild itself comes in as a parameter.
 */





async function addPatchSeries(tree, dir, patches, log) {
    return (0,apply/* applyRecipe */.Fy)({
        source: `patch series ${dir}`,
        // Strict: a Latest number that collides with one the spec has fails here, not in rpmbuild.
        parameters: {
            insertMarker: false,
            ignoreVersionMacros: false,
            ignoreReleaseMacros: false,
            strict: true,
        },
        actions: patches.map((name, index) => ({
            type: 'add_files',
            fileType: 'patch',
            name,
            number: 'Latest',
            modifySpec: true,
            noBackup: true,
            index: index + 1,
        })),
    }, { packageDir: tree, filesDir: dir, scriptsDir: dir, log });
}
async function patchQemuPackages(request, deps) {
    const results = {};
    const reports = {};
    for (const name of request.packages) {
        const pkg = request.settings[name];
        const series = (0,patch_series/* patchSeries */.a)(pkg.patches, `${name}-patches`);
        const options = { author: request.changelogAuthor, log: deps.log };
        const hooks = request.builtInRecipe
            ? name === 'qemu-kvm'
                ? (0,recipe/* qemuKvmRecipe */.jH)(options)
                : (0,recipe/* libvirtRecipe */.Lt)(options)
            : undefined;
        if (hooks)
            reports[name] = hooks.report;
        results[name] = await deps.rebuild({
            package: name,
            source: pkg.source,
            sourceInput: `${name}-srpm`,
            upstreamKeys: request.upstreamKeys,
            repositoryUrl: request.repositoryUrl,
            recipes: pkg.recipes,
            release: { kind: 'suffix', value: request.releaseSuffix },
            builder: request.builder,
            mockConfig: request.mockConfig,
            // The hypervisor stack is for POWER whatever builds it: rpmbuild on another host cross-targets.
            target: 'ppc64le',
            timeoutMs: request.buildTimeoutMs,
            ccache: request.ccache,
            resultsDir: request.resultsDir,
            expectations: [],
            prepare: async (tree, spec, defines) => [
                ...((await hooks?.prepare(tree, spec, defines)) ?? []),
                ...(pkg.patches ? await addPatchSeries(tree, (0,external_node_path_.resolve)(pkg.patches), series, deps.log) : []),
            ],
            ...(hooks ? { finish: hooks.finish } : {}),
            skipBuild: !request.build,
            ...(pkg.patches ? { keyFiles: { [`${name}-patches`]: [(0,external_node_path_.resolve)(pkg.patches)] } } : {}),
            keyExtra: {
                builtInRecipe: request.builtInRecipe ? 'ppc64le-1' : false,
                author: request.changelogAuthor,
                patches: series,
            },
        });
    }
    return { results, reports, ...(await postBuildCheck(request, results, deps)) };
}
/** Runs the built qemu-kvm-core where it can run (a ppc64le runner), or says why not. */
async function postBuildCheck(request, results, deps) {
    if (!request.postBuildCheck || !results['qemu-kvm'])
        return { qemuPath: '' };
    const core = results['qemu-kvm'].rpms.find((rpm) => rpm.name === 'qemu-kvm-core' && rpm.arch === 'ppc64le');
    if (core && request.hostArch === 'ppc64le') {
        const check = await checkBuiltQemu(core.path, (0,external_node_path_.join)(deps.workDir('qemu-kvm-check'), 'root'), {
            log: deps.log,
        });
        return {
            qemuPath: check.binary,
            postBuildNote: `Post-build check: ${check.binary} lists pseries and reached the firmware banner (${check.banner}).`,
        };
    }
    return {
        qemuPath: '',
        postBuildNote: core
            ? `Post-build check not run: it needs a ppc64le runner, and this one is ${request.hostArch}.`
            : 'Post-build check not run: no ppc64le qemu-kvm-core was built (the builder targets another architecture).',
    };
}
/** The edits applied to every package, one per line, for the summary's details. */
function editLines(outcome) {
    return Object.values(outcome.results)
        .flatMap((r) => r.edits)
        .map((e) => e.type === 'built-in'
        ? `built-in ${e.target}: ${e.detail}`
        : `#${e.index} ${e.type} ${e.target}: ${e.detail}`);
}
/** The post-build check, the edits and the device list changes, after the rebuild table. */
function qemuBuildNotes(summary, outcome) {
    if (outcome.postBuildNote)
        summary.paragraph(outcome.postBuildNote);
    const edits = editLines(outcome);
    if (edits.length > 0)
        summary.details('Edits applied', edits.join('\n'));
    const devices = outcome.reports['qemu-kvm']?.devices;
    if (devices)
        deviceDiff(summary, devices);
}
/** What the built-in recipe changed in qemu-kvm's ppc64 device list. */
function deviceDiff(summary, devices) {
    const added = devices.after.filter((symbol) => !devices.before.includes(symbol));
    summary.heading('qemu-kvm ppc64 devices', 3);
    if (devices.before.length === 0) {
        summary.paragraph(`The tree had no ppc64-rh-devices.mak; the rebuild adds it with ${added.length} symbols: ${added.join(', ')}.`);
    }
    else if (added.length === 0) {
        summary.paragraph(`The stock device file already enables all ${devices.before.length} wanted symbols.`);
    }
    else {
        summary.table(['Symbol', 'Stock', 'Rebuild'], added.map((symbol) => [symbol, 'no', 'yes']));
        summary.paragraph(`${devices.before.length} symbols in the stock device file, ${devices.after.length} in the rebuild.`);
    }
    if (devices.unknown.length > 0) {
        summary.paragraph(`Left out, as this QEMU's Kconfig does not define them: ${devices.unknown.join(', ')}.`);
    }
}


/***/ }),

/***/ 7584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oi: () => (/* binding */ extractPackageFile),
  MA: () => (/* binding */ listPackageFiles),
  xD: () => (/* binding */ queryPackageFile),
  mK: () => (/* binding */ unpackRpm)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/exec/tool.ts
var tool = __webpack_require__(1683);
;// CONCATENATED MODULE: ./src/rpm/rpm.ts
/** The rpm program reading package files: every answer is rpm's own, never a parse of ours. */

const FIELDS = '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCEPACKAGE}\\n';
/** Reading a header needs neither its signature nor its digests checked (signature.ts does that). */
const QUERY_FILE = ['-qp', '--nosignature', '--nodigest'];
class Rpm extends tool/* Tool */.N {
    constructor() {
        super('rpm');
    }
    async header(file) {
        const { stdout } = await this.run([...QUERY_FILE, '--qf', FIELDS, file]);
        const [name = '', epoch = '0', version = '', release = '', arch = '', isSource = ''] = stdout
            .trim()
            .split('\t');
        return {
            name,
            ...(epoch !== '0' ? { epoch } : {}),
            version,
            release,
            arch: isSource === '1' ? 'src' : arch,
            nvr: `${name}-${version}-${release}`,
        };
    }
    /** The files a package contains. */
    async files(file) {
        const { stdout } = await this.run([...QUERY_FILE, '--list', file]);
        return stdout.split('\n').filter(Boolean);
    }
}

;// CONCATENATED MODULE: ./src/rpm/query.ts
/** Reading RPM files: headers and file lists through Rpm, contents through rpm2cpio and cpio. */



async function queryPackageFile(file) {
    return new Rpm().header(file);
}
/** The files a package contains. */
async function listPackageFiles(file) {
    return new Rpm().files(file);
}
/** One file's content from a package, without installing it (rpm2cpio piped into cpio). */
async function extractPackageFile(file, path) {
    // The script is fixed; the package and the path reach it as positional arguments only.
    const { stdout } = await (0,exec/* exec */.m0)([
        'bash',
        '-c',
        'set -o pipefail; rpm2cpio "$1" | cpio -i --quiet --to-stdout ".$2"',
        'extract',
        file,
        path,
    ]);
    return stdout;
}
/** Unpacks a binary RPM into `dir` with rpm2cpio and cpio: its files, nothing installed. */
async function unpackRpm(rpm, dir, log) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    // The script is fixed; the package path reaches it as a positional argument only.
    await (0,exec/* exec */.m0)([
        'bash',
        '-c',
        'set -o pipefail; rpm2cpio "$1" | cpio -idmu --quiet --no-absolute-filenames',
        'unpack',
        rpm,
    ], { cwd: dir, ...(log ? { log } : {}) });
}


/***/ })

};
