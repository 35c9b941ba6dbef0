export const id = 507;
export const ids = [507];
export const modules = {

/***/ 2507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bootTest: () => (/* binding */ bootTest),
  checksFailure: () => (/* binding */ checksFailure)
});

// UNUSED EXPORTS: parseChecks, refusalExplained

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/duration.ts
var duration = __webpack_require__(6132);
// EXTERNAL MODULE: ./src/exec/tools.ts
var exec_tools = __webpack_require__(6530);
// EXTERNAL MODULE: ./src/guest/boot.ts + 1 modules
var boot = __webpack_require__(5042);
// EXTERNAL MODULE: ./src/guest/qemu.ts
var guest_qemu = __webpack_require__(4922);
// EXTERNAL MODULE: ./src/guest/initramfs.ts
var initramfs = __webpack_require__(789);
// EXTERNAL MODULE: ./src/rpm/query.ts + 1 modules
var query = __webpack_require__(7584);
;// CONCATENATED MODULE: ./src/guest/from-rpms.ts
/**
 * The kernel and the emulator under test straight from their RPMs (build-kernel's and
 * patch-qemu's outputs): unpacked with rpm2cpio into private folders, never installed, so the
 * runner's own qemu and kernel stay untouched.
 */




const KERNEL_PACKAGES = /^kernel(-core|-modules|-modules-core|-modules-extra|-kvm)?$/;
async function kernelFromRpms(rpms, dir, log) {
    const chosen = [];
    for (const rpm of rpms) {
        const header = await (0,query/* queryPackageFile */.xD)(rpm);
        if (header.arch !== 'src' && KERNEL_PACKAGES.test(header.name))
            chosen.push(rpm);
    }
    for (const rpm of chosen)
        await (0,query/* unpackRpm */.mK)(rpm, dir, log);
    const modules = (0,external_node_path_.join)(dir, 'lib', 'modules');
    const kverrel = (0,external_node_fs_.existsSync)(modules) ? (0,external_node_fs_.readdirSync)(modules).sort().at(-1) : undefined;
    const candidates = kverrel
        ? [
            (0,external_node_path_.join)(modules, kverrel, 'vmlinuz'),
            (0,external_node_path_.join)(dir, 'boot', `vmlinux-${kverrel}`),
            (0,external_node_path_.join)(dir, 'boot', `vmlinuz-${kverrel}`),
        ]
        : [];
    const kernel = candidates.find((file) => (0,external_node_fs_.existsSync)(file));
    if (!kverrel || !kernel) {
        throw new errors/* ConfigurationError */.j1(`Input 'kernel-rpms' holds no kernel image (${chosen.length} kernel package(s) unpacked); expected kernel-core with /lib/modules/<kver>/vmlinuz`);
    }
    return { kernel, modulesDir: (0,external_node_path_.join)(modules, kverrel), kverrel };
}
async function qemuFromRpms(rpms, dir, log) {
    for (const rpm of rpms.filter((file) => !file.endsWith('.src.rpm')))
        await (0,query/* unpackRpm */.mK)(rpm, dir, log);
    const qemu = (0,external_node_path_.join)(dir, 'usr', 'libexec', 'qemu-kvm');
    if (!(0,external_node_fs_.existsSync)(qemu)) {
        throw new errors/* ConfigurationError */.j1("Input 'qemu-rpms' holds no /usr/libexec/qemu-kvm; expected patch-qemu's qemu-kvm-core RPM among them");
    }
    return { qemu, firmwareDir: (0,external_node_path_.join)(dir, 'usr', 'share', 'qemu-kvm') };
}
/** patch-qemu's ppc64le qemu-kvm for the L2 guest inside L1: unpacked, with the NVR that holds it. */
async function candidateL2Qemu(rpms, dir, log) {
    const unpacked = await qemuFromRpms(rpms, dir, log);
    const headers = await Promise.all(rpms.filter((file) => !file.endsWith('.src.rpm')).map((file) => (0,query/* queryPackageFile */.xD)(file)));
    const holder = headers.find((header) => /^qemu-kvm(-core)?$/.test(header.name)) ?? headers[0];
    return { root: dir, binary: unpacked.qemu, firmwareDir: unpacked.firmwareDir, nvr: holder.nvr };
}

// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
// EXTERNAL MODULE: ./src/guest/virsh.ts
var guest_virsh = __webpack_require__(8546);
;// CONCATENATED MODULE: ./src/guest/libvirt.ts
/**
 * The libvirt launcher: the guest defined as a libvirt domain the way OpenStack nova defines
 * ppc64 guests (pseries, virtio network, USB keyboard, mouse and tablet on an XHCI controller,
 * the capability levels and nested-hv as <features>), started with virsh, its console written to
 * a file that is parsed live exactly as with the qemu launcher.
 */






const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
/** pseries capabilities libvirt models as <features>: option → element. */
const STATE_FEATURES = {
    'cap-nested-hv': 'nested-hv',
    'cap-htm': 'htm',
    'cap-ccf-assist': 'ccf-assist',
};
const VALUE_FEATURES = { 'cap-cfpc': 'cfpc', 'cap-sbbc': 'sbbc', 'cap-ibs': 'ibs' };
/** Splits the machine string into the domain type, libvirt features and raw -machine options. */
function machineToDomain(machine) {
    const [, ...options] = machine.split(',');
    let type = 'qemu';
    const features = [];
    const raw = [];
    for (const option of options) {
        const [key = '', value = ''] = option.split('=');
        if (key === 'accel')
            type = value === 'kvm' ? 'kvm' : 'qemu';
        else if (key === 'kvm-type')
            continue; // libvirt picks HV for a kvm domain
        else if (STATE_FEATURES[key])
            features.push(`<${STATE_FEATURES[key]} state='${value === 'on' ? 'on' : 'off'}'/>`);
        else if (VALUE_FEATURES[key])
            features.push(`<${VALUE_FEATURES[key]} value='${xml(value)}'/>`);
        else
            raw.push(option);
    }
    return { type, features, raw };
}
function domainXml(options) {
    const { type, features, raw } = machineToDomain(options.machine);
    const threads = options.threads ?? 1;
    const topology = threads > 1
        ? `<topology sockets='1' cores='${Math.ceil(options.smp / threads)}' threads='${threads}'/>`
        : '';
    const cpu = options.cpu === 'host'
        ? `<cpu mode='host-passthrough'>${topology}</cpu>`
        : `<cpu mode='custom' match='exact' check='none'><model fallback='forbid'>${xml(options.cpu.toUpperCase())}</model>${topology}</cpu>`;
    return [
        `<domain type='${type}' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>`,
        `  <name>${xml(options.name)}</name>`,
        `  <memory unit='MiB'>${options.memoryMb}</memory>`,
        `  <vcpu>${options.smp}</vcpu>`,
        '  <os>',
        "    <type arch='ppc64le' machine='pseries'>hvm</type>",
        `    <kernel>${xml(options.kernel)}</kernel>`,
        `    <initrd>${xml(options.initrd)}</initrd>`,
        `    <cmdline>${xml((0,guest_qemu/* kernelCommandLine */.Xy)(options.kernelArgs))}</cmdline>`,
        '  </os>',
        features.length > 0
            ? `  <features>\n${features.map((f) => `    ${f}`).join('\n')}\n  </features>`
            : '  <features/>',
        `  ${cpu}`,
        '  <on_poweroff>destroy</on_poweroff>',
        '  <on_reboot>destroy</on_reboot>',
        '  <on_crash>destroy</on_crash>',
        '  <devices>',
        `    <emulator>${xml(options.qemu)}</emulator>`,
        // As nova: USB input devices on an XHCI controller, virtio network (no option ROM: none on ppc64).
        "    <controller type='usb' model='qemu-xhci'/>",
        "    <input type='keyboard' bus='usb'/>",
        "    <input type='mouse' bus='usb'/>",
        "    <input type='tablet' bus='usb'/>",
        "    <interface type='user'><model type='virtio'/><rom enabled='no'/></interface>",
        `    <serial type='file'><source path='${xml(options.consoleLog)}'/><target type='spapr-vio-serial' port='0'/></serial>`,
        `    <console type='file'><source path='${xml(options.consoleLog)}'/><target type='serial' port='0'/></console>`,
        ...(options.disks ?? []).map((disk, index) => `    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${xml(disk.file)}'/><target dev='vd${String.fromCharCode(97 + index)}' bus='virtio'/><serial>${xml(disk.serial)}</serial>${disk.readOnly ? '<readonly/>' : ''}</disk>`),
        "    <memballoon model='none'/>",
        '  </devices>',
        ...(raw.length > 0
            ? [
                '  <qemu:commandline>',
                "    <qemu:arg value='-machine'/>",
                `    <qemu:arg value='${xml(raw.join(','))}'/>`,
                '  </qemu:commandline>',
            ]
            : []),
        '</domain>',
        '',
    ].join('\n');
}
/** Whether the domain still exists (a transient domain disappears when it stops). */
/** qemu's pid as libvirt records it, for the post step. */
function libvirtQemuPid(name) {
    const file = `/run/libvirt/qemu/${name}.pid`;
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const pid = Number((0,external_node_fs_.readFileSync)(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}
/** Boots through libvirt: virsh create, the console file followed until the guest is gone. */
async function bootWithLibvirt(options, domainFile) {
    const { uri, name } = options;
    let stopped = false;
    const stop = () => {
        stopped = true;
    };
    const session = new boot/* ConsoleSession */.Aq(options, stop);
    const virsh = new guest_virsh/* Virsh */.T(uri);
    await virsh.create(domainFile);
    const pid = libvirtQemuPid(name);
    if (pid)
        options.onStart?.(pid);
    const deadline = Date.now() + options.bootTimeoutMs;
    let offset = 0;
    let partial = '';
    const drain = () => {
        if (!(0,external_node_fs_.existsSync)(options.consoleLog))
            return;
        const size = (0,external_node_fs_.statSync)(options.consoleLog).size;
        if (size <= offset)
            return;
        const fd = (0,external_node_fs_.openSync)(options.consoleLog, 'r');
        const buffer = Buffer.alloc(size - offset);
        (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, offset);
        (0,external_node_fs_.closeSync)(fd);
        offset = size;
        const lines = (partial + buffer.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
            session.feed(line);
    };
    let timedOut = false;
    for (;;) {
        drain();
        if (stopped || options.signal?.aborted)
            break;
        if (Date.now() > deadline) {
            timedOut = true;
            break;
        }
        if (!(await virsh.running(name)))
            break;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (await virsh.running(name))
        await virsh.destroy(name);
    drain();
    if (partial)
        session.feed(partial);
    if (options.signal?.aborted)
        throw new errors/* InfrastructureError */.EN('cancelled: the guest was stopped');
    return session.finish(virsh.argv('create', domainFile), () => timedOut
        ? new errors/* TestFailure */.p2(`guest did not reach its ready marker within ${(0,duration/* formatDuration */.a)(options.bootTimeoutMs)}`)
        : new errors/* TestFailure */.p2('guest stopped before its ready marker'));
}

;// CONCATENATED MODULE: ./src/guest/launchers/libvirt.ts
/** The guest as a transient libvirt domain, defined the way OpenStack nova does on ppc64le. */




function libvirtLauncher({ uri, emulator, work }) {
    return {
        name: 'libvirt',
        tools: ['virsh'],
        async launch(options, resultsDir) {
            const domain = { ...options, qemu: emulator, name: `kvm-actions-${(0,external_node_path_.basename)(work)}`, uri };
            // libvirt runs qemu as its own user: the work folder (initramfs) must be readable to it.
            (0,external_node_fs_.chmodSync)(work, 0o755);
            const file = (0,external_node_path_.join)(resultsDir, 'domain.xml');
            (0,external_node_fs_.writeFileSync)(file, domainXml(domain));
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(resultsDir, 'qemu-command.txt'), (0,exec/* describeArgv */.wI)(['virsh', '-c', uri, 'create', file]) + '\n');
            return bootWithLibvirt(domain, file);
        },
    };
}

// EXTERNAL MODULE: ./src/guest/launchers/openstack.ts
var openstack = __webpack_require__(786);
;// CONCATENATED MODULE: ./src/guest/launchers/qemu.ts
/** The guest as a qemu-system-ppc64 process on the serial console. */




function qemuLauncher(qemu) {
    return {
        name: 'qemu',
        tools: [qemu],
        async launch(options, resultsDir) {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(resultsDir, 'qemu-command.txt'), (0,exec/* describeArgv */.wI)((0,boot/* qemuArgv */.dX)(options)) + '\n');
            return (0,boot/* bootGuest */.jq)(options);
        },
    };
}

// EXTERNAL MODULE: ./src/guest/machine.ts
var machine = __webpack_require__(569);
// EXTERNAL MODULE: ./src/guest/nested.ts
var nested = __webpack_require__(8145);
// EXTERNAL MODULE: ./src/guest/probe.ts
var guest_probe = __webpack_require__(4630);
// EXTERNAL MODULE: ./src/guest/workloads.ts
var guest_workloads = __webpack_require__(7446);
;// CONCATENATED MODULE: ./src/guest/results.ts
/** Boot results as files for test reporters (JUnit XML, JSON) and as a summary with a timeline chart. */




const results_xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function writeResults(dir, result) {
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'results.json'), JSON.stringify(result, null, 2) + '\n');
    const failedWorkloads = result.workloads.filter((workload) => workload.failure);
    const failures = result.checks.filter((c) => c.exitCode !== 0).length + failedWorkloads.length;
    const workloadCases = result.workloads.map((workload) => {
        const why = workload.failure;
        return [
            `  <testcase classname="boot-test-guest.workload.${results_xml(workload.guest)}" name="${results_xml(workload.name)}">`,
            // Metrics as JUnit properties, the form test reporters chart.
            ...(workload.metrics.length > 0
                ? [
                    '    <properties>',
                    ...workload.metrics.map((metric) => `      <property name="${results_xml(`${metric.name} (${metric.unit})`)}" value="${metric.value}"/>`),
                    '    </properties>',
                ]
                : []),
            ...(why ? [`    <failure message="${results_xml(why)}">${results_xml(workload.output)}</failure>`] : []),
            `    <system-out>${results_xml(workload.output)}</system-out>`,
            '  </testcase>',
        ].join('\n');
    });
    const cases = result.checks.map((check) => [
        `  <testcase classname="boot-test-guest" name="${results_xml(check.name)}">`,
        ...(check.exitCode !== 0
            ? [`    <failure message="exit code ${check.exitCode}">${results_xml(check.output)}</failure>`]
            : []),
        `    <system-out>${results_xml(check.output)}</system-out>`,
        '  </testcase>',
    ].join('\n'));
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'junit.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="boot-test-guest" tests="${result.checks.length + result.workloads.length}" failures="${failures}" time="${(result.timeline.end / 1000).toFixed(3)}">\n${[...cases, ...workloadCases].join('\n')}\n</testsuite>\n`);
}
/** The boot phases as a table and one mermaid gantt chart. */
function timelineSummary(summary, timeline) {
    const phases = [
        ['firmware', 0, timeline.kernel],
        ['kernel', timeline.kernel ?? 0, timeline.userspace],
        ['userspace', timeline.userspace ?? 0, timeline.ready],
        ['L2 guest', timeline.l2Start ?? 0, timeline.l2Start !== undefined ? timeline.l2Ready : undefined],
    ];
    const known = phases.filter(([, , end]) => end !== undefined);
    summary.table(['Phase', 'Start', 'Duration'], known.map(([name, start, end]) => [name, (0,duration/* formatDuration */.a)(start), (0,duration/* formatDuration */.a)(end - start)]));
    summary.mermaid([
        'gantt',
        '  title Boot timeline (ms)',
        '  dateFormat x',
        '  axisFormat %S.%L s',
        ...known.map(([name, start, end]) => `  ${name} : ${Math.round(start)}, ${Math.round(end)}`),
    ].join('\n'));
}
const figure = (value) => value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
/** Workload metrics per guest, and in the nested scenario L2 ÷ L1 per metric: the virtualization overhead. */
function workloadSummary(summary, workloads) {
    summary.heading('Workloads', 3).table(['Guest', 'Workload', 'Result', 'Metric', 'Value'], workloads.flatMap((workload) => {
        const result = workload.failure ?? 'pass';
        const rows = workload.metrics.map((metric) => [
            workload.guest,
            workload.name,
            result,
            metric.name,
            `${figure(metric.value)} ${metric.unit}`,
        ]);
        return rows.length > 0 ? rows : [[workload.guest, workload.name, result, '', '']];
    }), 'results.json and metrics.json in the results folder');
    const overhead = (0,guest_workloads/* overheadRatios */.zr)(workloads);
    if (overhead.length === 0)
        return;
    summary.heading('Virtualization overhead (L2 ÷ L1)', 3).table(['Workload', 'Metric', 'L1', 'L2', 'L2 ÷ L1'], overhead.map((row) => [
        row.workload,
        row.metric,
        `${figure(row.l1)} ${row.unit}`,
        `${figure(row.l2)} ${row.unit}`,
        row.ratio.toFixed(2),
    ]));
}

// EXTERNAL MODULE: ./src/guest/guest-config.ts
var guest_config = __webpack_require__(3039);
;// CONCATENATED MODULE: ./src/guest/run-metrics.ts
function runMetrics(result, about) {
    const seconds = (ms, name) => ms === undefined ? [] : [{ name, value: Math.round(ms) / 1000, unit: 's', better: 'lower' }];
    const { timeline } = result;
    return {
        version: 1,
        time: new Date().toISOString(),
        ...(process.env.GITHUB_RUN_ID ? { run: process.env.GITHUB_RUN_ID } : {}),
        scenario: about.scenario,
        hostGeneration: about.hostGeneration,
        accel: about.accel,
        kernel: about.kernel,
        config: Object.fromEntries(Object.entries(about.config).filter(([, value]) => value !== undefined)),
        metrics: [
            ...seconds(timeline.ready, 'boot: time to ready marker'),
            ...seconds(timeline.l2Ready !== undefined && timeline.l2Start !== undefined ? timeline.l2Ready : undefined, 'boot: time to L2 ready marker'),
            ...result.workloads.flatMap((workload) => workload.metrics.map((metric) => ({
                ...metric,
                name: `${workload.guest} ${workload.name}: ${metric.name}`,
            }))),
        ],
    };
}

// EXTERNAL MODULE: ./src/guest/scenarios/index.ts + 4 modules
var scenarios = __webpack_require__(8383);
;// CONCATENATED MODULE: ./src/guest/boot-test.ts
/**
 * One boot test: probe the host, choose the accelerator, let the scenario prepare the guest,
 * boot it through the launcher while negotiating the machine's capabilities, and report the
 * timeline, checks, findings and host. It takes what it uses as parameters; the action parses
 * inputs and sets outputs.
 */




















/** The step's failure for checks and workloads that did not pass. */
function checksFailure(failed, failedWorkloads = [], l2Refusal) {
    return new errors/* TestFailure */.p2([
        ...(failed.length > 0
            ? [`guest checks failed: ${failed.map((c) => `${c.name} (exit code ${c.exitCode})`).join(', ')}`]
            : []),
        ...(l2Refusal ? [`the L2 QEMU inside L1 refused to start: ${l2Refusal.replace(/\n/g, ' / ')}`] : []),
        ...failedWorkloads.map((w) => `workload ${w.name} failed in ${w.guest}: ${w.why}`),
    ].join('\n'));
}
/** `name: command` lines (checks and workloads), each with the timeout. */
function parseChecks(lines, timeoutMs) {
    return lines.map((entry) => {
        const colon = entry.indexOf(':');
        return {
            name: entry.slice(0, colon).trim(),
            command: entry.slice(colon + 1).trim(),
            timeoutSeconds: Math.ceil(timeoutMs / 1000),
        };
    });
}
async function bootTest(request, deps) {
    const scenario = scenarios/* SCENARIOS */.U[request.scenario];
    const usesRpms = request.qemuRpms.length > 0;
    const tools = (0,exec_tools/* requireTools */.P)([
        ...(usesRpms ? ['rpm2cpio'] : request.launcher.name === 'openstack' ? [] : [request.qemu]),
        ...scenario.tools,
        ...(request.launcher.name === 'libvirt' ? ['virsh'] : []),
        ...(request.launcher.name === 'openstack' ? ['openstack'] : []),
    ]);
    const probe = (0,guest_probe/* probeHost */.zm)();
    const { accel, reason } = (0,guest_probe/* chooseAccel */.ug)(request.accel, probe);
    if (reason && request.accel === 'kvm')
        throw new errors/* InfrastructureError */.EN(`accel is kvm but KVM is not usable: ${reason}`);
    if (reason)
        deps.annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`);
    const threads = request.guestConfig.threads ?? 1;
    const smt = (0,guest_config/* smtProblems */.FB)({
        threads,
        smp: request.smp,
        cpu: request.cpu,
        ...(request.guestConfig.cpuCompat ? { cpuCompat: request.guestConfig.cpuCompat } : {}),
        ...(probe.generation ? { hostGeneration: probe.generation } : {}),
    });
    if (smt.length > 0)
        throw new errors/* ConfigurationError */.j1(smt.join('\n'));
    const lpar = request.hostMode === 'lpar-nested-v2';
    // On a real LPAR the runner's kernel is the L1: PowerVM runs no hypervisor in its guests' guests.
    if (lpar && scenario.nested && accel === 'kvm' && probe.hostMode === 'lpar-nested-v2')
        throw new errors/* ConfigurationError */.j1(`Input 'host-mode' is lpar-nested-v2 and this runner is such an LPAR (KVM through PowerVM's nested API v2): its own kernel is the L1, and PowerVM runs no hypervisor one level further down; expected scenario kernel here, or accel tcg to emulate the LPAR in the nested scenario`);
    if (lpar && accel === 'kvm' && probe.hostMode !== 'lpar-nested-v2')
        throw new errors/* InfrastructureError */.EN(`Input 'host-mode' is lpar-nested-v2, but this host is ${probe.hostMode ?? probe.platform} (platform ${probe.platform}, kvm_hv ${probe.kvmHvLoaded ? 'loaded' : 'not loaded'}); expected a PowerVM LPAR in KVM mode with kvm_hv loaded, or accel tcg to emulate one`);
    const work = deps.workDir('guest');
    (0,external_node_fs_.mkdirSync)(request.resultsDir, { recursive: true });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(request.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n');
    deps.onProbe(probe, accel);
    const unpackedKernel = request.kernelRpms.length > 0
        ? await kernelFromRpms(request.kernelRpms, (0,external_node_path_.join)(work, 'kernel-root'), deps.log)
        : undefined;
    const unpackedQemu = usesRpms
        ? await qemuFromRpms(request.qemuRpms, (0,external_node_path_.join)(work, 'qemu-root'), deps.log)
        : undefined;
    const candidateQemu = request.l2QemuRpms.length > 0
        ? await candidateL2Qemu(request.l2QemuRpms, (0,external_node_path_.join)(work, 'l2-qemu-root'), deps.log)
        : undefined;
    const kernel = unpackedKernel?.kernel ?? request.kernel;
    const modulesDir = request.modulesDir ?? unpackedKernel?.modulesDir;
    const guest = await scenario.prepare({
        ...request,
        ...(kernel ? { kernel } : {}),
        ...(modulesDir ? { modulesDir } : {}),
        checks: parseChecks(request.checks, request.checkTimeoutMs),
        workloads: parseChecks(request.workloads, request.checkTimeoutMs),
        nested: { ...request.nested, ...(candidateQemu ? { candidateQemu } : {}) },
        work,
        log: deps.log,
        signal: deps.signal,
        summary: deps.summary,
    });
    const qemu = unpackedQemu?.qemu ?? request.qemu;
    const cloud = request.launcher.name === 'openstack' ? request.launcher.openstack : undefined;
    const launcher = guest.launcher ??
        (cloud
            ? (0,openstack/* openstackLauncher */.Bb)({
                ...cloud,
                runId: (0,external_node_path_.basename)(work),
                work,
                libvirtUri: request.launcher.libvirtUri,
                summary: deps.summary,
                remember: (run) => deps.trackCloudRun?.(run),
            })
            : request.launcher.name === 'libvirt'
                ? libvirtLauncher({
                    uri: request.launcher.libvirtUri,
                    emulator: unpackedQemu?.qemu ?? tools[request.qemu],
                    work,
                })
                : qemuLauncher(qemu));
    const firmwareDir = unpackedQemu?.firmwareDir ?? (0,guest_qemu/* firmwareBeside */.AS)(qemu);
    const machineRequest = {
        accel,
        cpu: request.cpu,
        nested: scenario.nested,
        ...(lpar ? { nestedApi: 'v2' } : {}),
        firmware: guest.firmware,
        ...(request.guestConfig.cpuCompat ? { cpuCompat: request.guestConfig.cpuCompat } : {}),
        extra: request.machineOptions,
    };
    const kernelArgs = (0,guest_config/* configuredKernelArgs */.h4)(request.guestConfig, request.kernelArgs);
    const options = {
        qemu,
        ...(firmwareDir ? { firmwareDir } : {}),
        kernel: guest.kernel,
        initrd: guest.initrd,
        ...(kernelArgs ? { kernelArgs } : {}),
        ...(guest.disks ? { disks: guest.disks } : {}),
        ...(guest.workloads ? { workloads: guest.workloads } : {}),
        nested: scenario.nested,
        machine: (0,machine/* machineOptions */.KI)(probe, machineRequest),
        cpu: (0,machine/* cpuModel */.QG)(probe, machineRequest),
        memoryMb: guest.memoryMb,
        smp: request.smp,
        ...(request.guestConfig.threads ? { threads: request.guestConfig.threads } : {}),
        accel,
        bootTimeoutMs: request.bootTimeoutMs,
        shutdownTimeoutMs: request.shutdownTimeoutMs,
        pidFile: (0,external_node_path_.join)(work, 'qemu.pid'),
        onStart: (pid) => deps.trackProcess(pid),
        consoleLog: (0,external_node_path_.join)(request.resultsDir, 'console.log'),
        markers: [...guest.markers, ...request.extraMarkers],
        log: deps.log,
        signal: deps.signal,
    };
    const attempts = [];
    let l2 = [];
    let outcome;
    try {
        const { result } = await (0,machine/* negotiate */.Nl)(options.machine, (machine) => launcher.launch({ ...options, machine }, request.resultsDir), (error) => (error instanceof boot/* QemuStartError */.t$ ? error.output : undefined), attempts).catch((error) => {
            throw refusalExplained(error, request, qemu);
        });
        deps.onMachine(attempts.at(-1).machine);
        const l2Check = scenario.nested ? result.checks.find((c) => c.name === 'L2 guest under KVM') : undefined;
        l2 = l2Check ? (0,nested/* l2Attempts */.TX)(l2Check.output) : [];
        if (l2.length > 0)
            deps.onL2Machine?.(l2.at(-1).machine);
        // Decided once here; results.json, JUnit, the summary and the landing page read `failure`.
        for (const workload of result.workloads) {
            const why = (0,guest_workloads/* workloadFailure */.QC)(workload);
            if (why)
                workload.failure = why;
        }
        const failedWorkloads = result.workloads.flatMap(({ name, guest, failure }) => failure ? [{ name, guest, why: failure }] : []);
        const metrics = runMetrics(result, {
            scenario: scenario.name,
            hostGeneration: probe.generation ?? probe.architecture,
            accel,
            kernel: unpackedKernel?.kverrel ?? result.guestView.release ?? (0,external_node_path_.basename)(kernel ?? 'unknown'),
            config: { cpu: request.cpu, ...request.guestConfig },
        });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(request.resultsDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
        const l2Refusal = l2Check && l2Check.exitCode !== 0 ? l2.at(-1)?.refusal : undefined;
        outcome = {
            result,
            failedChecks: result.checks.filter((check) => check.exitCode !== 0),
            failedWorkloads,
            metrics,
            ...(l2Refusal ? { l2Refusal } : {}),
        };
        report(result, request, deps, options.consoleLog);
        const l2Threads = request.nested.l2Threads;
        const l2Seen = l2Check && l2Threads && l2Threads > 1 ? (0,nested/* l2ThreadsSeen */.ZZ)(l2Check.output) : undefined;
        const mismatches = [
            ...(0,guest_config/* configMismatches */.fM)(request.guestConfig, result.guestView),
            ...(l2Threads && l2Threads > 1 && l2Check?.exitCode === 0 && l2Seen !== l2Threads
                ? [`asked for ${l2Threads} threads per core in L2; L2 sees ${l2Seen ?? 'an unreported number'}`]
                : []),
        ];
        if (mismatches.length > 0)
            throw new errors/* TestFailure */.p2(`the guest did not run as asked: ${mismatches.join('; ')}`);
    }
    finally {
        if (attempts.length > 1 || l2.length > 0)
            machineSummary(deps.summary, attempts, l2);
    }
    hostSummary(deps.summary, probe, [
        ['Scenario', scenario.name],
        ['Launcher', launcher.name],
        ...guest.details,
        ...(request.hostMode === 'lpar-nested-v2'
            ? [
                [
                    'Configuration',
                    probe.hostMode === 'lpar-nested-v2'
                        ? 'lpar-nested-v2: this runner is the LPAR'
                        : scenario.nested
                            ? 'lpar-nested-v2, emulated: L0 offers PowerVM’s nested API v2 (cap-nested-papr)'
                            : 'lpar-nested-v2 asked; this host is no such LPAR, the guest runs as probed',
                ],
            ]
            : []),
        ['Accelerator', accel + (reason ? ` (${reason})` : '')],
        ['Boot timeout', (0,duration/* formatDuration */.a)(request.bootTimeoutMs)],
    ]);
    return outcome;
}
function report(result, request, deps, consoleLog) {
    if (result.shutdown === 'killed')
        deps.annotate('warning', `The guest did not power off within ${(0,duration/* formatDuration */.a)(request.shutdownTimeoutMs)}; it was killed.`);
    writeResults(request.resultsDir, result);
    deps.summary.heading('Boot', 3);
    timelineSummary(deps.summary, result.timeline);
    deps.summary.heading('Checks', 3).table(['Check', 'Exit code', 'Output'], result.checks.map((check) => [
        check.name,
        check.exitCode,
        check.output.trim().split('\n').slice(0, 3).join(' / '),
    ]), 'results.json in the results folder');
    deps.summary
        .heading('Guest', 3)
        .table(['Property', 'Asked', 'The guest saw'], (0,guest_config/* guestViewRows */.jm)(request.guestConfig, result.guestView));
    if (result.workloads.length > 0)
        workloadSummary(deps.summary, result.workloads);
    const known = result.findings.filter((finding) => finding.harmless);
    if (known.length > 0)
        deps.summary.heading('Known harmless messages', 3).table(['Message', 'Line', 'Why it is harmless here'], known.map((finding) => [finding.line, String(finding.lineNumber), finding.harmless]));
    for (const finding of result.findings) {
        const kind = finding.fatal ? 'error' : finding.harmless ? 'notice' : 'warning';
        const label = finding.harmless ? `known harmless (${finding.kind})` : finding.kind;
        deps.annotate(kind, `${label}: ${finding.line}`, {
            title: 'guest console',
            file: consoleLog,
            startLine: finding.lineNumber,
        });
    }
}
function hostSummary(summary, probe, run) {
    summary
        .heading('Host', 3)
        .table(['Property', 'Value'], [
        ['Architecture', probe.architecture],
        ['CPU', probe.cpu ?? 'n/a'],
        ['Platform', probe.platform],
        ['/dev/kvm', probe.kvmDevice],
        [
            'kvm_hv',
            probe.kvmHvLoaded
                ? `loaded${probe.nested !== undefined ? `, nested=${probe.nested}` : ''}`
                : 'not loaded',
        ],
        ['XIVE', probe.xive === undefined ? 'n/a' : probe.xive ? 'yes' : 'no'],
        ['SMT', probe.smt === undefined ? 'n/a' : probe.smt ? 'on' : 'off'],
        ['Hugepages', probe.hugepages ? `${probe.hugepages.total} × ${probe.hugepages.sizeKb} KiB` : 'none'],
        ['Host mode', probe.hostMode ?? 'n/a (kvm_hv not loaded)'],
        ...run,
    ]);
}
/** The machine options tried at each level, what QEMU refused and the setting each retry added. */
function machineSummary(summary, attempts, l2) {
    const rows = (level, tried) => tried.map((attempt, index) => [
        level,
        String(index + 1),
        attempt.machine,
        attempt.refusal?.split('\n').find((line) => !/warning:/.test(line)) ??
            (index === tried.length - 1 ? 'started' : ''),
        attempt.fix ?? '',
    ]);
    summary
        .heading('Machine options', 3)
        .table(['QEMU', 'Attempt', '-M', 'QEMU said', 'Next try adds'], [...rows(l2.length > 0 ? 'L0' : 'guest', attempts), ...rows('L2 (inside L1)', l2)]);
}
/**
 * Refusals no machine setting can answer, as configuration errors naming the input: a QEMU that
 * emulates fewer threads per core than asked (QEMU 7.2 under TCG: one), or one without PowerVM's
 * nested API v2 (cap-nested-papr, QEMU 9.0+). Anything else stays QEMU's own error.
 */
function refusalExplained(error, request, qemu) {
    if (!(error instanceof boot/* QemuStartError */.t$))
        return error;
    const threads = /TCG cannot support more than (\d+) threads?\/core/.exec(error.output);
    if (threads && request.guestConfig.threads)
        return new errors/* ConfigurationError */.j1(`Input 'threads' is ${request.guestConfig.threads}, but ${qemu} emulates at most ${threads[1]} thread(s) per core under TCG ("${threads[0]}"); expected threads ${threads[1]}, or input 'qemu' set to a QEMU that emulates SMT (8.0 or later, such as /var/cache/kvm-actions/qemu10/bin/qemu-system-ppc64 from setup-host.sh), or KVM`);
    if (request.hostMode === 'lpar-nested-v2' && /cap-nested-papr/.test(error.output))
        return new errors/* ConfigurationError */.j1(`Input 'host-mode' is lpar-nested-v2, but ${qemu} has no cap-nested-papr (PowerVM's nested API v2, QEMU 9.0 or later): ${error.message}; expected input 'qemu' set to such a QEMU, such as /var/cache/kvm-actions/qemu10/bin/qemu-system-ppc64 from setup-host.sh`);
    return error;
}


/***/ })

};
