export const id = 879;
export const ids = [879];
export const modules = {

/***/ 5879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildKernelPackage: () => (/* binding */ buildKernelPackage),
  kernelBuildNotes: () => (/* binding */ kernelBuildNotes)
});

// UNUSED EXPORTS: kernelBuildSwitches

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/rpm/autopatch/apply.ts + 1 modules
var apply = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/rpm/builder.ts
var builder = __webpack_require__(9798);
// EXTERNAL MODULE: ./src/rpm/spec.ts
var rpm_spec = __webpack_require__(7258);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/rpm/query.ts + 1 modules
var query = __webpack_require__(7584);
// EXTERNAL MODULE: ./src/kernel/config.ts
var kernel_config = __webpack_require__(2067);
;// CONCATENATED MODULE: ./src/kernel/checks.ts
/**
 * What build-kernel checks of its own work: the KVM options in every ppc64le config before the
 * build, and after it the KVM modules and the packaged /boot/config of the built KVERREL.
 */





/** Whether a config already has every option's value, an absent option counting as not set. */
function hasOptions(text, options) {
    const values = (0,kernel_config/* readConfig */.Xg)(text);
    return options.every((option) => (option.onlyIfKnown && !values.has(option.name)) || (values.get(option.name) ?? 'n') === option.value);
}
/**
 * Sets the options in the ppc64le configs (every one under SOURCES unless named) and asserts each
 * appears once with its value. A config that has every value already (an upstream that enabled
 * KVM, or our own earlier rebuild) is left exactly as it is, with no changes in its report; else
 * the report lists the options whose line changed (an absent one written out counts).
 */
function applyKernelOptions(sourcesDir, options, known, configs = (0,kernel_config/* ppc64leConfigs */.i3)(sourcesDir)) {
    if (configs.length === 0)
        throw new errors/* ConfigurationError */.j1(`the source RPM has no ppc64le kernel configs in ${sourcesDir}`);
    const edited = [];
    const reports = configs.map((config) => {
        const stock = (0,external_node_fs_.readFileSync)(config, 'utf8');
        if (hasOptions(stock, options))
            return { file: (0,external_node_path_.basename)(config), changes: [] };
        const { text, changes } = (0,kernel_config/* applyOptions */.V1)(stock, options, known);
        (0,external_node_fs_.writeFileSync)(config, text);
        edited.push(config);
        return {
            file: (0,external_node_path_.basename)(config),
            changes: changes.filter((change) => change.from === undefined || change.from !== change.to),
        };
    });
    const problems = edited.flatMap((config) => (0,kernel_config/* assertOptions */.x5)((0,external_node_fs_.readFileSync)(config, 'utf8'), options, (0,external_node_path_.basename)(config)));
    if (problems.length > 0)
        throw new errors/* ConfigurationError */.j1(`kernel config assertion failed: ${problems.join('; ')}`);
    return reports;
}
const KVM_MODULES = ['kvm.ko', 'kvm-hv.ko'];
const checks_escape = (text) => text.replace(/[.+]/g, '\\$&');
/**
 * The built kernel's image, KVM modules and packaged config. `variant` names upstream's own KVM
 * kernel variant (AlmaLinux 9.6+ build kernel-kvm as one): then that kernel is the one checked,
 * with its modules in its own packages.
 */
async function checkKernelRpms(rpms, options, kvm, kvmPackage = 'subpackage', variant) {
    const prefix = variant ? `kernel-${variant}` : 'kernel';
    const core = rpms.find((rpm) => rpm.name === `${prefix}-core`) ??
        rpms.find((rpm) => rpm.name === prefix && rpm.arch !== 'src');
    if (!core)
        throw new errors/* TestFailure */.p2(`no ${prefix}-core package was built (built: ${rpms.map((r) => r.nevra).join(', ')})`);
    const kverrel = `${core.version}-${core.release}.${core.arch}${variant ? `+${variant}` : ''}`;
    const coreFiles = await (0,query/* listPackageFiles */.MA)(core.path);
    const problems = [];
    const vmlinux = coreFiles.find((file) => new RegExp(`^/lib/modules/${checks_escape(kverrel)}/vmlinu[xz]$`).test(file)) ??
        coreFiles.find((file) => new RegExp(`^/boot/vmlinu[xz]-${checks_escape(kverrel)}$`).test(file));
    if (!vmlinux)
        problems.push(`${core.nevra} has no kernel image for ${kverrel}`);
    const kvmModules = [];
    if (kvm) {
        const binaries = rpms.filter((rpm) => rpm.arch !== 'src' && rpm.name.startsWith('kernel'));
        const lists = await Promise.all(binaries.map(async (rpm) => ({ rpm, files: await (0,query/* listPackageFiles */.MA)(rpm.path) })));
        for (const module of KVM_MODULES) {
            // Anywhere below the release's module folder: kernel/arch/powerpc/kvm/, or kvm/ after the split.
            const pattern = new RegExp(`^/lib/modules/${checks_escape(kverrel)}/.*/${checks_escape(module)}(\\.(xz|gz|zst))?$`);
            const owners = lists.filter(({ files }) => files.some((file) => pattern.test(file)));
            const names = owners.map((owner) => owner.rpm.name);
            for (const name of names)
                kvmModules.push({ module, package: name });
            if (owners.length === 0)
                problems.push(`no package contains /lib/modules/${kverrel}/…/${module}*`);
            else if (owners.length > 1)
                problems.push(`${module} is in ${names.length} packages: ${names.join(', ')}`);
            else if (variant && !names[0].startsWith(`${prefix}-`))
                problems.push(`${module} is in ${names[0]}, not a package of the ${prefix} kernel`);
            else if (!variant && kvmPackage === 'subpackage' && names[0] !== 'kernel-kvm')
                problems.push(`${module} is in ${names[0]}, not kernel-kvm (kvm-package: subpackage)`);
            else if (kvmPackage === 'modules' && names[0].endsWith('-kvm'))
                problems.push(`${module} is in ${names[0]} (kvm-package: modules)`);
        }
    }
    // EL9 packages the config in the module folder; /boot/config-* is a %ghost there.
    const configPath = [`/lib/modules/${kverrel}/config`, `/boot/config-${kverrel}`].find((path) => coreFiles.includes(path));
    if (!configPath)
        problems.push(`${core.nevra} has no /lib/modules/${kverrel}/config`);
    else {
        const packaged = (0,kernel_config/* readConfig */.Xg)(await (0,query/* extractPackageFile */.Oi)(core.path, configPath));
        for (const option of options) {
            const value = packaged.get(option.name);
            if (option.onlyIfKnown && value === undefined)
                continue;
            if ((value ?? 'n') !== option.value) {
                problems.push(`${configPath} has CONFIG_${option.name}=${value ?? '(unset)'}, expected ${option.value}`);
            }
        }
    }
    if (problems.length > 0)
        throw new errors/* TestFailure */.p2(`the built kernel is not what was asked for: ${problems.join('; ')}`);
    return { nvr: `kernel-${core.version}-${core.release}`, kverrel, vmlinux: vmlinux, kvmModules };
}

// EXTERNAL MODULE: ./src/kernel/kconfig-step.ts
var kconfig_step = __webpack_require__(2125);
// EXTERNAL MODULE: ./src/kernel/kconfig.ts + 1 modules
var kconfig = __webpack_require__(3201);
;// CONCATENATED MODULE: ./src/kernel/kvm-package.ts
/**
 * Where kvm.ko and kvm-hv.ko are packaged. AlmaLinux ships them in a `kernel-kvm` subpackage;
 * `modules` keeps them in the base kernel's module packages.
 *
 * The EL9 spec has two shapes. From 9.4 on, `%define kernel_kvm_package()` exists inside
 * `%if %{with_realtime}`, the variant package and files macros call it and list the kvm
 * modules for rt variants only, and BuildKernel moves the modules of mod-kvm.list out with the
 * split script behind shell `$Variant` gates for rt. On ppc64le (no realtime) none of that runs,
 * so each of those places is opened to the base variant on ppc64le. The 9.0 to 9.3 specs have no
 * kvm macro at all: there the package, its file list and the split are added beside the spec's
 * own split of the internal modules.
 *
 * Upstreams that already build kernel-kvm for ppc64le are recognised and left as they are: AlmaLinux
 * 9.6 and later build a whole `kvm` kernel variant for ppc64le (`%kernel_variant_package kvm`, its
 * own kernel-ppc64le-kvm configs with KVM on, the base kernel's configs unchanged), and a spec this
 * edit already changed carries its base-variant gates.
 */




/** The architecture whose base kernel gets kernel-kvm, and the modules it must hold. */
const KVM_ARCH = 'ppc64le';
const KVM_MODULE_NAMES = ['kvm', 'kvm-hv'];
const KVM_LIST = 'mod-kvm.list';
/** True for the base variant on ppc64le: rpm's `%{?N}` is empty for the base kernel. */
const baseMacroCondition = (argument) => `"%{?${argument}}%{_target_cpu}" == "${KVM_ARCH}"`;
/** The same in BuildKernel's shell, where the variant is `$Variant` (empty for the base kernel). */
const BASE_SHELL_TEST = `"\${Variant}%{_target_cpu}" == "${KVM_ARCH}"`;
/** The same for `[ … ]`, which takes `=`. */
const BASE_POSIX_TEST = BASE_SHELL_TEST.replace('==', '=');
const MARK = '# kvm-actions:';
/** The prefix of every edit's report when the spec already has what the edit would make. */
const ALREADY_ENABLED = 'already enabled upstream';
const KVM_VARIANT = /^%kernel_variant_package\s+(?:-\S+\s+)*(kvm)\s*$/;
const BASE_MACRO_TEST = new RegExp(`"%\\{\\?\\d\\}%\\{_target_cpu\\}" == "${KVM_ARCH}"`);
const DEFINITION = /^%define\s+kernel_kvm_package\(\)/;
const POST_DEFINITION = /^%define\s+kernel_kvm_post\(\)/;
const INVOCATION = /%\{expand:%%kernel_kvm_package\b|^\s*%kernel_kvm_package\b/;
const MACRO_IF = /^%if\b(.*)\\$/;
function shapeError(spec, what, expected) {
    return new errors/* ConfigurationError */.j1(`${spec}: cannot ${what}: expected ${expected}. The spec has changed shape; report it, or use the other kvm-package mode`);
}
const cannotPackage = (spec, expected) => shapeError(spec, 'make the kernel-kvm subpackage', expected);
function kvmShape(lines) {
    const variant = lines.map((line) => KVM_VARIANT.exec(line.trim())?.[1]).find(Boolean);
    if (variant)
        return { kind: 'variant', variant };
    const edited = lines.some((line) => line.startsWith(MARK) ||
        line.includes(BASE_SHELL_TEST) ||
        line.includes(BASE_POSIX_TEST) ||
        BASE_MACRO_TEST.test(line));
    const kvmSections = (0,rpm_spec/* sections */.V0)(lines).some((s) => (s.name === 'files' || s.name === 'package') && s.subpackage === 'kvm');
    return edited || kvmSections ? { kind: 'base-subpackage' } : { kind: 'none' };
}
/** What the spec already ships, in words, for the reports. */
function describeKvmShape(shape) {
    switch (shape.kind) {
        case 'variant':
            return `kernel-kvm is the spec's own ${KVM_ARCH} '${shape.variant}' kernel variant, built with KVM on (as AlmaLinux 9.6 and later build it)`;
        case 'base-subpackage':
            return `kernel-kvm already holds the base kernel's ${KVM_MODULE_NAMES.join(' and ')} on ${KVM_ARCH}`;
        case 'none':
            return `no kernel-kvm on ${KVM_ARCH}`;
    }
}
/**
 * The ppc64le configs the KVM profile belongs in: a KVM variant's own where the spec has one (its
 * base kernel stays as upstream made it), else every ppc64le config.
 */
function kvmConfigFiles(configs, shape) {
    if (shape.kind !== 'variant')
        return [...configs];
    return configs.filter((file) => new RegExp(`-${KVM_ARCH}-${shape.variant}(-debug)?-`).test((0,external_node_path_.basename)(file)));
}
/** Index of the `%else\` / `%endif\` that ends the branch opened at `start` inside a macro body. */
function macroBranchEnd(lines, start) {
    let depth = 0;
    let elseAt;
    for (let index = start + 1; index < lines.length; index++) {
        const line = lines[index].trim();
        if (!line.endsWith('\\') && !/^%\{nil\}/.test(line))
            break;
        if (/^%if\w*\b/.test(line))
            depth++;
        else if (/^%else\b/.test(line) && depth === 0)
            elseAt ??= index;
        else if (/^%endif\b/.test(line)) {
            if (depth === 0)
                return { ...(elseAt !== undefined ? { else: elseAt } : {}), endif: index };
            depth--;
        }
    }
    return { endif: -1 };
}
/**
 * Opens a realtime-only branch of a macro body (`%if "%{N}" == "rt" || …\`) to the base variant on
 * ppc64le: the branch's lines are repeated after its `%endif\` under the base condition, so the
 * `%else` branch (the unified kernel image) is left as it is.
 */
function openMacroBranch(lines, at) {
    const condition = MACRO_IF.exec(lines[at].trim())?.[1] ?? '';
    const argument = /"%\{\??(\d)\}"\s*==\s*"rt"/.exec(condition)?.[1];
    if (!argument)
        return false;
    const { else: elseAt, endif } = macroBranchEnd(lines, at);
    if (endif === -1)
        return false;
    const body = lines.slice(at + 1, elseAt ?? endif);
    lines.splice(endif + 1, 0, `%if ${baseMacroCondition(argument)}\\`, ...body, '%endif\\');
    return true;
}
/** The `%if…\` in a macro body that encloses `index` most closely. */
function enclosingMacroIf(lines, index) {
    const open = (0,rpm_spec/* enclosingConditionals */.cx)(lines, index).filter((c) => c.keyword === 'if');
    const last = open.at(-1);
    return last && lines[last.line].trim().endsWith('\\') && !last.inElse ? last.line : -1;
}
/** `if [[ … ]]; then` / `if [ … ] || [ … ]; then` on `$Variant` gains the base-variant test. */
function openShellGate(lines, at) {
    const match = rpm_spec/* SHELL_IF */.dU.exec(lines[at]);
    if (!match || !/\$\{?Variant\}?/.test(match[2]) || lines[at].includes('%{_target_cpu}'))
        return false;
    const test = match[2].trim();
    const opened = /^\[\[.*\]\]$/.test(test)
        ? `${test.slice(0, -2).trimEnd()} || ${BASE_SHELL_TEST} ]]`
        : `${test} || [ ${BASE_POSIX_TEST} ]`;
    lines[at] = `${match[1]}if ${opened}; then`;
    return true;
}
/** The module names in SOURCES/mod-kvm.list (none when there is no such file). */
function readKvmList(sourcesDir) {
    const file = (0,external_node_path_.join)(sourcesDir, KVM_LIST);
    return (0,external_node_fs_.existsSync)(file)
        ? (0,external_node_fs_.readFileSync)(file, 'utf8')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [];
}
/** mod-kvm.list names kvm and kvm-hv (EL9 lists the x86 modules; kvm-hv is missing). */
function completeKvmList(sourcesDir) {
    const names = readKvmList(sourcesDir);
    const added = KVM_MODULE_NAMES.filter((name) => !names.includes(name));
    if (added.length > 0)
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(sourcesDir, KVM_LIST), [...names, ...added].join('\n') + '\n');
    return added;
}
/** The spec's Source number of mod-kvm.list, if it has one. */
function kvmListSource(lines) {
    return (0,rpm_spec/* numberedTags */.I7)(lines, 'Source').find((tag) => tag.value === KVM_LIST)?.number;
}
/** The `%if %{with_realtime}` around a macro definition also holds on ppc64le; false if none did. */
function openRealtimeGate(lines, definition) {
    let opened = false;
    for (const gate of (0,rpm_spec/* enclosingConditionals */.cx)(lines, definition)) {
        if (gate.keyword !== 'if' || !gate.args.includes('with_realtime') || gate.inElse)
            continue;
        lines[gate.line] = `%if ${gate.args} || "%{_target_cpu}" == "${KVM_ARCH}"`;
        opened = true;
    }
    return opened;
}
/**
 * The conditional lines around the base kernel's `%kernel_variant_package` (no variant): its
 * packages exist only where these hold, so kernel-kvm's sections must sit inside them too.
 */
function basePackageConditions(lines, spec) {
    const at = lines.findIndex((line) => /^%kernel_variant_package\s*$/.test(line.trim()));
    if (at === -1)
        throw cannotPackage(spec, "a '%kernel_variant_package' line for the base kernel");
    const open = (0,rpm_spec/* enclosingConditionals */.cx)(lines, at);
    if (open.some((c) => c.inElse))
        throw cannotPackage(spec, "the base kernel's packages outside any %else");
    return open.map((c) => lines[c.line].trim());
}
/** `body` for the base kernel on ppc64le: inside `%ifarch ppc64le` and the given conditions. */
function forBaseOnPpc64le(conditions, body) {
    return [`%ifarch ${KVM_ARCH}`, ...conditions, ...body, ...conditions.map(() => '%endif'), '%endif'];
}
/**
 * kernel-kvm runs depmod after install and removal, as the rt kvm packages do, so `modprobe
 * kvm_hv` finds the modules: through the spec's `%kernel_kvm_post` where it has one (opened like
 * the package macro), else written out. Placed before the file lists, with the scriptlets.
 */
function addKvmScriptlets(lines, spec) {
    const definition = lines.findIndex((line) => POST_DEFINITION.test(line));
    let body = ['%post kvm', '/sbin/depmod -a %{KVERREL}', '%postun kvm', '/sbin/depmod -a %{KVERREL}'];
    if (definition !== -1) {
        openRealtimeGate(lines, definition);
        body = ['%kernel_kvm_post'];
    }
    const at = lines.findIndex((line) => /^%define\s+kernel_variant_files\b/.test(line));
    if (at === -1)
        throw cannotPackage(spec, "a '%define kernel_variant_files' line");
    lines.splice(at, 0, ...forBaseOnPpc64le(basePackageConditions(lines, spec), body), '');
    return 'kernel-kvm runs depmod after install and removal';
}
/** 9.4 and later: every rt-only place of the kvm package opened to the base variant on ppc64le. */
function openRealtimeKvm(lines, spec) {
    const details = [];
    const definition = lines.findIndex((line) => DEFINITION.test(line));
    if (openRealtimeGate(lines, definition))
        details.push('kernel_kvm_package defined on ppc64le');
    // The variant package and files macros: the rt-only branches that declare or list kvm.
    const branches = new Set();
    const packaged = [];
    const listed = [];
    lines.forEach((line, index) => {
        if (!line.trimEnd().endsWith('\\'))
            return;
        if (INVOCATION.test(line) && !DEFINITION.test(line))
            packaged.push(index);
        else if (/%%files\b.*\bkvm\b/.test(line))
            listed.push(index);
    });
    if (packaged.length === 0)
        throw cannotPackage(spec, "a '%{expand:%%kernel_kvm_package …}' line in the variant package macro");
    if (listed.length === 0)
        throw cannotPackage(spec, "a '%{expand:%%files … kvm}' line in the variant files macro");
    for (const index of [...packaged, ...listed]) {
        const gate = enclosingMacroIf(lines, index);
        if (gate !== -1)
            branches.add(gate);
    }
    let opened = 0;
    for (const gate of [...branches].sort((a, b) => b - a))
        if (openMacroBranch(lines, gate))
            opened++;
    if (opened > 0)
        details.push(`variant package and files macros: kernel-kvm for the base kernel (${opened} branch(es))`);
    // BuildKernel: the split and the file list of mod-kvm.list behind `$Variant` gates.
    const source = kvmListSource(lines);
    if (source === undefined)
        throw cannotPackage(spec, `a 'SourceNN: ${KVM_LIST}' line`);
    const split = new RegExp(`%\\{SOURCE${source}\\}\\s+kvm\\s*$`);
    const users = lines.flatMap((line, index) => (split.test(line) || line.includes(KVM_LIST)) && !/^Source\d*:/i.test(line.trim()) ? [index] : []);
    if (!users.some((index) => split.test(lines[index])))
        throw cannotPackage(spec, `a line that splits the modules of %{SOURCE${source}} into kvm`);
    const gates = new Set(users.map((index) => (0,rpm_spec/* enclosingShellIf */.qh)(lines, index)).filter((at) => at !== -1));
    let shell = 0;
    for (const gate of gates)
        if (openShellGate(lines, gate))
            shell++;
    if (shell > 0)
        details.push(`BuildKernel: ${shell} $Variant gate(s) opened to the base kernel`);
    return details;
}
/**
 * A line matching `anchor`, repeated after itself for mod-kvm.list under the base-variant gate;
 * a missing anchor is an error when `expected` describes it, and skipped otherwise.
 */
function twinForKvm(lines, spec, anchor, rewrite, expected) {
    const index = lines.findIndex((line) => anchor.test(line));
    if (index === -1) {
        if (expected)
            throw cannotPackage(spec, expected);
        return;
    }
    const indent = /^\s*/.exec(lines[index])[0];
    lines.splice(index + 1, 0, `${indent}if [ ${BASE_POSIX_TEST} ]; then`, `${indent}  ${rewrite(lines[index].trim())}`, `${indent}fi`);
}
/** The condition of a base kernel's `%kernel_variant_files [-k image] <use_vdso> <condition>` line. */
function baseFilesCondition(line) {
    const words = /^%kernel_variant_files\s+(.*)$/.exec(line.trim())?.[1]?.split(/\s+/);
    if (!words)
        return undefined;
    const positional = words.filter((word, i) => !word.startsWith('-') && !words[i - 1]?.startsWith('-'));
    return positional.length === 2 ? positional[1] : undefined;
}
/** 9.0 to 9.3: the package, its file list and the split, modelled on the internal modules'. */
function addBaseKvm(lines, spec, sourcesDir) {
    let source = kvmListSource(lines);
    if (source === undefined) {
        const tags = (0,rpm_spec/* numberedTags */.I7)(lines, 'Source');
        const used = new Set(tags.map((tag) => tag.number));
        source = used.has(86) ? Math.max(...used) + 1 : 86;
        const after = tags.at(-1)?.line ?? -1;
        if (after === -1)
            throw cannotPackage(spec, "a 'SourceNN:' line");
        lines.splice(after + 1, 0, `Source${source}: ${KVM_LIST}`);
    }
    completeKvmList(sourcesDir);
    const internalSplit = /^\s*(%\{SOURCE\d+\})\s+\$RPM_BUILD_ROOT\s+lib\/modules\/\$KernelVer\s+\S+\s+internal\s*$/;
    const splitter = internalSplit.exec(lines.find((line) => internalSplit.test(line)) ?? '')?.[1];
    if (!splitter) {
        throw cannotPackage(spec, "a line '%{SOURCE20} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE84} internal' (the split of the internal modules)");
    }
    twinForKvm(lines, spec, internalSplit, () => `${splitter} $RPM_BUILD_ROOT lib/modules/$KernelVer %{SOURCE${source}} kvm`);
    twinForKvm(lines, spec, /^\s*xargs rm -rf < mod-internal\.list\s*$/, () => `xargs rm -rf < ${KVM_LIST}`, "a line 'xargs rm -rf < mod-internal.list'");
    twinForKvm(lines, spec, /mod-internal\.list\s*>>\s*\S*-modules-internal\.list\s*$/, (line) => line.replace('mod-internal.list', KVM_LIST).replace(/-modules-internal\.list\s*$/, '-kvm.list'), 'a line that appends mod-internal.list to the modules-internal file list');
    twinForKvm(lines, spec, /^\s*rm -f \$RPM_BUILD_ROOT\/mod-internal\.list\s*$/, () => `rm -f $RPM_BUILD_ROOT/${KVM_LIST}`);
    const conditions = basePackageConditions(lines, spec);
    const prep = lines.findIndex((line) => /^%prep\b/.test(line));
    if (prep === -1)
        throw cannotPackage(spec, "a '%prep' line");
    lines.splice(prep, 0, `${MARK} kernel-kvm for the base kernel on ${KVM_ARCH}; this spec has no kvm package macro`, ...forBaseOnPpc64le(conditions, [
        '%package kvm',
        'Summary: KVM modules for package kernel',
        'Requires: kernel-core = %{version}-%{release}',
        'Provides: installonlypkg(kernel-module)',
        '%description kvm',
        'The KVM modules (kvm, kvm-hv) of the kernel package, for guests under KVM-HV.',
    ]), '');
    // The base kernel's files exist where its `%kernel_variant_files … <condition>` line says.
    const baseFiles = lines.findIndex((line) => baseFilesCondition(line) !== undefined);
    if (baseFiles === -1)
        throw cannotPackage(spec, "a '%kernel_variant_files <use_vdso> <condition>' line for the base kernel");
    const lastFiles = lines.findLastIndex((line) => /^%kernel_variant_files\b/.test(line));
    lines.splice(lastFiles + 1, 0, ...forBaseOnPpc64le([...conditions, `%if ${baseFilesCondition(lines[baseFiles])}`], ['%files -f kernel-kvm.list kvm', '%dir /lib/modules/%{KVERREL}/kvm']));
    return [
        `Source${source}: ${KVM_LIST} (kvm, kvm-hv)`,
        'kernel-kvm declared with its file list',
        'BuildKernel splits the kvm modules out for the base kernel',
    ];
}
/** kernel-kvm for the base kernel on ppc64le, holding kvm.ko and kvm-hv.ko. */
function packageKvmSeparately(lines, spec, sourcesDir) {
    const shape = kvmShape(lines);
    if (shape.kind !== 'none')
        return `${ALREADY_ENABLED}: ${describeKvmShape(shape)}; nothing changed`;
    if (lines.some((line) => DEFINITION.test(line))) {
        const details = openRealtimeKvm(lines, spec);
        // Scriptlets only where this edit made the package: a spec that has it keeps its own.
        if (details.length > 0)
            details.push(addKvmScriptlets(lines, spec));
        const added = completeKvmList(sourcesDir);
        if (added.length > 0)
            details.push(`${KVM_LIST} gains ${added.join(', ')}`);
        return details.length > 0
            ? details.join('; ')
            : `${ALREADY_ENABLED}: kernel-kvm already built for the base kernel by the spec`;
    }
    return [...addBaseKvm(lines, spec, sourcesDir), addKvmScriptlets(lines, spec)].join('; ');
}
/**
 * kvm.ko and kvm-hv.ko stay in the base kernel's module packages. The EL9 spec splits kvm out for
 * rt only, so nothing changes; a spec whose kvm package already takes them from the base kernel
 * cannot be turned back and is refused.
 */
function keepKvmInModules(lines, spec) {
    const shape = kvmShape(lines);
    if (shape.kind !== 'none') {
        throw new errors/* ConfigurationError */.j1(`${spec}: cannot keep the KVM modules in the kernel modules: this upstream already ships kernel-kvm (${describeKvmShape(shape)}), and kvm-package: modules would take it apart. Use kvm-package: subpackage, which keeps what upstream ships`);
    }
    return lines.some((line) => DEFINITION.test(line))
        ? 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec splits kvm out for rt only)'
        : 'kvm.ko and kvm-hv.ko stay in the base kernel’s modules (the spec has no kvm package)';
}

// EXTERNAL MODULE: ./src/kernel/module-exports.ts
var module_exports = __webpack_require__(4351);
// EXTERNAL MODULE: ./src/exec/exec.ts + 2 modules
var exec = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/kernel/signing.ts
/**
 * Module signing of the rebuilt kernel. ppc64le is a secure-boot architecture, so the EL9 spec
 * signs the kernel and its modules by default; a rebuild either turns that off, or signs with
 * keys the maintainer provides. The key never enters the source RPM: the spec gets one line that
 * copies it from a path given at build time, after each `make mrproper` (which deletes
 * certs/signing_key.pem, the key the kernel build and the spec's signing steps use).
 */




/** The rpm macro that carries the key's path into the build. */
const SIGNING_KEY_MACRO = 'kvm_actions_signing_key';
const SIGN_SWITCH = /^(\s*%(?:global|define)\s+sign(?:kernel|modules)\s+)1\s*$/;
/** `%global signkernel 1` / `%global signmodules 1` become 0. */
function disableSigning(lines, spec) {
    const switched = [];
    lines.forEach((line, index) => {
        const match = SIGN_SWITCH.exec(line);
        if (match) {
            lines[index] = `${match[1]}0`;
            switched.push(index + 1);
        }
    });
    if (switched.length === 0) {
        // A spec this edit changed before (a rebuild of our own source RPM) has it off already.
        const off = lines.flatMap((line, index) => /^\s*%(?:global|define)\s+signmodules\s+0\s*$/.test(line) ? [index + 1] : []);
        if (off.length > 0)
            return `signing already off in the spec (line ${off.join(', ')}); nothing changed`;
        throw new errors/* ConfigurationError */.j1(`${spec}: cannot turn module signing off: expected '%global signmodules 1' (or signkernel). The spec has changed shape; use module-signing: auto or keys`);
    }
    return `signing off (line ${switched.join(', ')})`;
}
/** After every `make … mrproper` in %prep and %build: the provided key as certs/signing_key.pem. */
function useSigningKey(lines, spec) {
    const copy = `%{?${SIGNING_KEY_MACRO}:cp %{${SIGNING_KEY_MACRO}} certs/signing_key.pem}`;
    const placed = lines.filter((line) => line.trim() === copy).length;
    if (placed > 0)
        return `the given key already put in place after ${placed} mrproper line(s); nothing changed`;
    const at = [];
    for (const section of (0,rpm_spec/* sections */.V0)(lines).filter((s) => s.name === 'prep' || s.name === 'build')) {
        for (let index = section.header + 1; index < section.end; index++) {
            const line = lines[index];
            // A make command (make, %{make}, %{__make}) whose target is mrproper; not a function definition.
            if (/^\s*(?:make|%\{?_{0,2}make\}?)(?!\s*\()\s[^#]*\bmrproper\b/.test(line))
                at.push(index);
        }
    }
    if (at.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${spec}: cannot sign with the given key: expected a 'make … mrproper' line in %build, after which the key is put in place. The spec has changed shape; use module-signing: auto or off`);
    }
    for (const index of [...at].reverse()) {
        const indent = /^\s*/.exec(lines[index])[0];
        lines.splice(index + 1, 0, `${indent}${copy}`);
    }
    return `the given key after ${at.length} mrproper line(s)`;
}
/**
 * The SHA-256 fingerprint of the certificate in a signing key file, which must hold the private
 * key and the certificate (PEM), as the kernel's certs/signing_key.pem does.
 */
async function signingKeyFingerprint(file) {
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text) || !text.includes('-----BEGIN CERTIFICATE-----')) {
        throw new errors/* ConfigurationError */.j1(`Input 'module-signing-key' names ${file}, which is not a PEM file with both a private key and its certificate (the form of certs/signing_key.pem)`);
    }
    const result = await (0,exec/* exec */.m0)(['openssl', 'x509', '-in', file, '-noout', '-fingerprint', '-sha256'], {
        allowFailure: true,
    });
    const fingerprint = /=([0-9A-F:]+)\s*$/.exec(result.stdout.trim())?.[1];
    if (result.exitCode !== 0 || !fingerprint) {
        throw new errors/* ConfigurationError */.j1(`Input 'module-signing-key' names ${file}, whose certificate openssl cannot read`);
    }
    return fingerprint;
}

// EXTERNAL MODULE: ./src/rpm/spec-check.ts
var spec_check = __webpack_require__(8707);
;// CONCATENATED MODULE: ./src/kernel/validate.ts
/**
 * The kernel spec checked as rpm will build it for ppc64le, before any build: it must parse with
 * the rebuild's dist, buildid and build switches, and its packages must put kvm.ko and kvm-hv.ko
 * where the kvm-package mode says, for the base variant. This is what catches an edit that looks
 * right as text but leaves `%files kvm` without its package, or kernel-kvm without modules.
 */






/** A quoted or bare shell word with $Variant / ${Variant} replaced by the variant's name. */
function word(text, variant) {
    return text.replace(/^"(.*)"$/, '$1').replace(/\$\{Variant\}|\$Variant\b/g, variant);
}
function parseTerm(text) {
    const compare = /^("[^"]*"|\S+)\s*(==|=|!=)\s*("[^"]*"|\S+)$/.exec(text.trim());
    if (compare)
        return { kind: 'compare', left: compare[1], right: compare[3], equal: compare[2] !== '!=' };
    const test = /^-(z|n)\s+("[^"]*"|\S+)$/.exec(text.trim());
    if (test)
        return { kind: 'empty', word: test[2], empty: test[1] === 'z' };
    return undefined;
}
function evaluate(term, variant) {
    if (term.kind === 'compare')
        return (word(term.left, variant) === word(term.right, variant)) === term.equal;
    return (word(term.word, variant) === '') === term.empty;
}
/**
 * Whether a BuildKernel gate `if [[ A || B ]]; then` / `if [ A ] || [ B ]; then` holds for a
 * variant; undefined when it is not made of string tests joined by || and &&.
 */
function shellGateHolds(line, variant) {
    const condition = rpm_spec/* SHELL_IF */.dU.exec(line)?.[2];
    if (!condition)
        return undefined;
    // Brackets and the operators between them: `[[ a || b ]]` and `[ a ] || [ b ]` read alike.
    const flat = condition.replace(/\[\[|\]\]|\[|\]/g, ' ').trim();
    let result;
    let pending;
    for (const part of flat.split(/\s*(\|\||&&)\s*/)) {
        if (part === '||' || part === '&&') {
            pending = part;
            continue;
        }
        const term = parseTerm(part);
        if (!term)
            return undefined;
        const value = evaluate(term, variant);
        result = result === undefined ? value : pending === '&&' ? result && value : result || value;
    }
    return result;
}
async function validateKernelSpec(spec, specName, options) {
    const expandedFile = (0,external_node_path_.join)(options.resultsDir, `${specName.replace(/\.spec$/, '')}-ppc64le-expanded.spec`);
    const expanded = await (0,spec_check/* expandSpec */.W)(spec, specName, {
        ...options.evaluation,
        target: KVM_ARCH,
        defines: { ...options.evaluation.defines, _sourcedir: options.sourcesDir },
    }, expandedFile);
    const { lines, subpackages } = expanded;
    const problems = [];
    // Upstream's own KVM kernel variant (AlmaLinux 9.6+): kernel-kvm is that kernel, built by BuildKernel.
    const shape = kvmShape((0,external_node_fs_.readFileSync)(spec, 'utf8').split('\n'));
    if (shape.kind === 'variant') {
        const variant = shape.variant;
        for (const name of [`kernel-${variant}`, `kernel-${variant}-core`, `kernel-${variant}-modules-core`])
            if (!subpackages.includes(name))
                problems.push(`it builds no ${name} package`);
        if (!lines.some((line) => new RegExp(`^\\s*BuildKernel\\b.*\\s${variant}\\s*$`).test(line)))
            problems.push(`its %build does not build the ${variant} kernel variant for ${KVM_ARCH}`);
        if (problems.length > 0) {
            throw new errors/* ConfigurationError */.j1(`${specName} for ${KVM_ARCH} (rpmspec ${expanded.described}) ships kernel-kvm as its '${variant}' kernel variant, but ${problems.join('; ')}. The expanded spec is in ${expandedFile}`);
        }
        return {
            summary: `Validated before the build: rpmspec ${expanded.described} parses the spec (${subpackages.length} packages); kernel-kvm is upstream's own ${KVM_ARCH} '${variant}' kernel variant, built with KVM on.`,
            subpackages,
            expandedFile,
        };
    }
    const kvmFiles = (0,rpm_spec/* sections */.V0)(lines).filter((s) => s.name === 'files' && s.subpackage === 'kvm');
    const listed = readKvmList(options.sourcesDir);
    // Lines that split mod-kvm.list's modules into kvm, and the gates they sit behind, for the base kernel.
    const splits = lines.flatMap((line, index) => (/mod-kvm\.list\s+kvm\s*$/.test(line) ? [index] : []));
    const forBase = splits.filter((index) => {
        const gate = (0,rpm_spec/* enclosingShellIf */.qh)(lines, index);
        return gate === -1 || shellGateHolds(lines[gate], '') === true;
    });
    if (options.kvmPackage === 'subpackage') {
        if (!subpackages.includes('kernel-kvm'))
            problems.push('it builds no kernel-kvm package');
        if (kvmFiles.length === 0)
            problems.push('it has no %files section for kernel-kvm');
        const depmod = (0,rpm_spec/* sections */.V0)(lines).some((s) => s.name === 'post' &&
            s.subpackage === 'kvm' &&
            lines.slice(s.header + 1, s.end).some((l) => /\bdepmod\b/.test(l)));
        if (!depmod)
            problems.push('kernel-kvm runs no depmod in %post');
        const missing = KVM_MODULE_NAMES.filter((name) => !listed.includes(name));
        if (missing.length > 0)
            problems.push(`mod-kvm.list does not name ${missing.join(', ')}`);
        if (forBase.length === 0)
            problems.push('the base kernel’s build does not split the modules of mod-kvm.list into kernel-kvm');
    }
    else {
        if (subpackages.includes('kernel-kvm') || kvmFiles.length > 0)
            problems.push('it still builds kernel-kvm for the base kernel');
        if (forBase.length > 0)
            problems.push('the base kernel’s build still splits the modules of mod-kvm.list out');
    }
    if (problems.length > 0) {
        throw new errors/* ConfigurationError */.j1(`${specName} for ${KVM_ARCH} (rpmspec ${expanded.described}) does not package the KVM modules as kvm-package: ${options.kvmPackage} asks: ${problems.join('; ')}. The expanded spec is in ${expandedFile}`);
    }
    const where = options.kvmPackage === 'subpackage'
        ? `kernel-kvm is built and the base kernel moves ${KVM_MODULE_NAMES.join(' and ')} into it`
        : 'no kernel-kvm for the base kernel, whose modules keep kvm and kvm-hv';
    return {
        summary: `Validated before the build: rpmspec ${expanded.described} parses the spec (${subpackages.length} packages); ${where}.`,
        subpackages,
        expandedFile,
    };
}

;// CONCATENATED MODULE: ./src/kernel/build.ts
/**
 * One kernel rebuild with the KVM profile: the config options merged from the profile and the
 * fragments, the spec's KVM packaging and module-signing edits, the Kconfig check, the spec
 * validation, and the checks of the built RPMs. The rebuild itself (cache, scratch space, log)
 * comes in as a parameter, so the action only parses inputs and reports.
 */













/**
 * The kernel spec's build switches per profile: `fast` validates the KVM build in the least time
 * (base variant only, no debug kernel or debuginfo, no kABI check); `full` is the release build.
 */
function kernelBuildSwitches(profile) {
    return profile === 'fast'
        ? { with: ['baseonly'], without: ['debug', 'debuginfo', 'kabichk'] }
        : { with: [], without: [] };
}
async function buildKernelPackage(request, deps) {
    const options = (0,kernel_config/* mergeOptions */.lL)([
        ...(request.kvmProfile ? kernel_config/* KVM_PROFILE */.FY : []),
        ...request.fragments.flatMap(({ path, name }) => (0,kernel_config/* parseFragment */.oH)((0,external_node_fs_.readFileSync)(path, 'utf8'), name)),
    ]);
    const signingKey = request.moduleSigningKey
        ? { path: request.moduleSigningKey, fingerprint: await signingKeyFingerprint(request.moduleSigningKey) }
        : undefined;
    let configReport = [];
    let validation;
    let shape = { kind: 'none' };
    let result;
    const switches = kernelBuildSwitches(request.buildProfile);
    try {
        result = await deps.rebuild({
            package: 'kernel',
            source: request.source,
            upstreamKeys: request.upstreamKeys,
            repositoryUrl: request.repositoryUrl,
            recipes: request.recipes,
            release: { kind: 'buildid', value: request.buildid },
            builder: request.builder,
            mockConfig: request.mockConfig,
            ...switches,
            target: KVM_ARCH,
            timeoutMs: request.buildTimeoutMs,
            ccache: request.ccache,
            resultsDir: request.resultsDir,
            expectations: [],
            ...(signingKey
                ? { defines: { [SIGNING_KEY_MACRO]: signingKey.path }, bindMounts: [(0,external_node_path_.dirname)(signingKey.path)] }
                : {}),
            prepare: async (tree, spec, defines) => {
                const sources = (0,external_node_path_.join)(tree, 'SOURCES');
                // Read before the edits: what upstream ships decides which configs the profile is for.
                shape = kvmShape((0,external_node_fs_.readFileSync)(spec, 'utf8').split('\n'));
                const builtIn = [
                    ...kvmPackageEdit(spec, sources, request.kvmPackage),
                    ...signingEdit(spec, request.moduleSigning),
                    ...(request.exportPmuSymbols ? await (0,module_exports/* exportPmuSymbolsInSpec */.ot)(spec, tree, defines, deps.log) : []),
                ];
                const kernelSource = request.kernelSource ?? (0,kconfig_step/* srpmKernelTarball */.i)(sources);
                const configs = kvmConfigFiles((0,kernel_config/* ppc64leConfigs */.i3)(sources), shape);
                configReport = applyKernelOptions(sources, options, undefined, configs);
                builtIn.push(...configEdits(sources, configReport));
                for (const edit of builtIn)
                    deps.log.info(`${edit.target}: ${edit.detail}`);
                if (!request.kconfigCheck)
                    return builtIn;
                if (!kernelSource) {
                    deps.annotate('warning', 'Kconfig check skipped: the SRPM has no linux-*.tar.xz and no kernel-source was given.');
                    return builtIn;
                }
                await (0,kconfig_step/* kconfigCheck */.C)(kernelSource, configs, configReport, options, deps.log);
                return builtIn;
            },
            finish: async (tree, spec, defines, resultsDir) => {
                validation = await validateKernelSpec(spec, (0,external_node_path_.basename)(spec), {
                    sourcesDir: (0,external_node_path_.join)(tree, 'SOURCES'),
                    evaluation: { defines, ...switches },
                    kvmPackage: request.kvmPackage,
                    resultsDir,
                });
                deps.log.info(validation.summary);
            },
            keyFiles: { 'config-fragments': request.fragments.map(({ path }) => path) },
            keyExtra: {
                options,
                // The tree the Kconfig check reads (the SRPM's own tarball is covered by its checksum).
                kernelSource: request.kconfigCheck && request.kernelSource ? (0,kconfig/* kernelSourceDigest */.vV)(request.kernelSource) : undefined,
                kvmPackage: request.kvmPackage,
                moduleSigning: request.moduleSigning,
                signingKey: signingKey?.fingerprint,
                exportPmuSymbols: request.exportPmuSymbols,
            },
            skipBuild: !request.build,
        });
    }
    catch (error) {
        // A KVM module that does not link is the tree's shape: the symbols, not the log's tail.
        if (error instanceof builder/* BuildFailure */.$w && (0,external_node_fs_.existsSync)(error.logFile))
            throw ((0,module_exports/* kvmModpostFailure */.Ft)((0,external_node_fs_.readFileSync)(error.logFile, 'utf8'), error.logFile, request.exportPmuSymbols) ??
                error);
        throw error;
    }
    finally {
        // Written whether or not the build ran: a Kconfig failure is explained by this table.
        writeConfigTable(deps.summary, configReport);
    }
    const kernel = result.skippedCommand
        ? undefined
        : await checkKernelRpms(result.rpms, options, request.kvmProfile, request.kvmPackage, shape.kind === 'variant' ? shape.variant : undefined);
    return {
        result,
        ...(kernel ? { kernel } : {}),
        configReport,
        ...(signingKey ? { signingCertificate: signingKey.fingerprint } : {}),
        ...(validation ? { validation } : {}),
    };
}
/** The summary lines of a kernel build after the rebuild table. */
function kernelBuildNotes(outcome) {
    const { result, kernel, signingCertificate } = outcome;
    const builtIn = result.edits.filter((edit) => edit.type === 'built-in');
    // The edits are reported whether or not the build ran (build: false stops after them).
    const edits = builtIn.length > 0 ? [builtIn.map((edit) => `${edit.target}: ${edit.detail}`).join('; ')] : [];
    if (!kernel)
        return edits;
    return [
        ...edits,
        ...(signingCertificate ? [`Modules signed with the certificate SHA-256 ${signingCertificate}.`] : []),
        ...(result.cacheHit
            ? ['The build was restored from the cache: no config changes were made in this run.']
            : []),
        ...(kernel.kvmModules.length > 0
            ? [
                `KVM modules for ${kernel.kverrel}: ${kernel.kvmModules.map((m) => `${m.module} in ${m.package}`).join(', ')}.`,
            ]
            : []),
    ];
}
/**
 * The configs whose KVM options were all set already, as built-in edits that changed nothing (the
 * changed ones are in the config table).
 */
function configEdits(sources, reports) {
    return reports
        .filter((report) => report.changes.length === 0)
        .map((report) => (0,apply/* builtInEdit */.O_)((0,external_node_path_.join)(sources, report.file), 'KVM options', `${ALREADY_ENABLED}: every option of the profile is set`));
}
/** The spec edit of a kvm-package mode, as a built-in edit for the summary. */
function kvmPackageEdit(spec, sources, mode) {
    const detail = (0,rpm_spec/* editSpecFile */.cF)(spec, (lines, name) => mode === 'subpackage' ? packageKvmSeparately(lines, name, sources) : keepKvmInModules(lines, name));
    return [(0,apply/* builtInEdit */.O_)(spec, 'KVM modules', detail)];
}
/** The spec edit of a module-signing mode, as a built-in edit for the summary. */
function signingEdit(spec, mode) {
    if (mode === 'auto')
        return [];
    const detail = (0,rpm_spec/* editSpecFile */.cF)(spec, (lines, name) => mode === 'off' ? disableSigning(lines, name) : useSigningKey(lines, name));
    return [(0,apply/* builtInEdit */.O_)(spec, 'module signing', detail)];
}
function writeConfigTable(summary, configReport) {
    // Configs that had every option already are reported as built-in edits that changed nothing.
    if (configReport.every((report) => report.changes.length === 0))
        return;
    summary.heading('Config changes', 3).table(['File', 'Option', 'Stock', 'New', 'Kept by Kconfig'], configReport.flatMap(({ file, changes, kconfig }) => changes.map((change) => {
        const finding = kconfig?.find((f) => f.name === change.name);
        return [
            file,
            `CONFIG_${change.name}`,
            change.from === undefined ? '(absent)' : (0,kernel_config/* formatOption */.Bx)({ name: change.name, value: change.from }),
            (0,kernel_config/* formatOption */.Bx)({ name: change.name, value: change.to }),
            finding ? (finding.kept ? 'yes' : `no: ${finding.reason}`) : 'not checked',
        ];
    })));
}


/***/ })

};
