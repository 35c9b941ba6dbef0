#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: usage

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/action/errors.ts
const HEADLINES = {
    configuration: 'Configuration error',
    infrastructure: 'Infrastructure error',
    test: 'Test failure',
    internal: 'Internal error',
};
class ActionFailure extends Error {
    get headline() {
        return `${HEADLINES[this.kind]}: ${this.message}`;
    }
}
/** Bad or missing input: the workflow must change. */
class ConfigurationError extends ActionFailure {
    kind = 'configuration';
    name = 'ConfigurationError';
}
/** The runner cannot do the job: a tool is missing, a download failed, /dev/kvm is absent. */
class InfrastructureError extends ActionFailure {
    kind = 'infrastructure';
    name = 'InfrastructureError';
}
/** The thing under test is broken: a guest panicked, a check failed, an expected file is missing. */
class TestFailure extends (/* unused pure expression or super */ null && (ActionFailure)) {
    kind = 'test';
    name = 'TestFailure';
}
/** One log line for any thrown value; errors that are not ActionFailures are our own bugs. */
function failureHeadline(error) {
    if (error instanceof ActionFailure)
        return error.headline;
    const message = error instanceof Error ? error.message : String(error);
    return `${HEADLINES.internal}: ${message}`;
}
function failureKind(error) {
    return error instanceof ActionFailure ? error.kind : 'internal';
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
const ANNOTATIONS_PER_KIND = 10;
class Annotator {
    host;
    limit;
    shown = { error: 0, warning: 0, notice: 0 };
    held = { error: 0, warning: 0, notice: 0 };
    constructor(host, limit = ANNOTATIONS_PER_KIND) {
        this.host = host;
        this.limit = limit;
    }
    annotate(kind, message, properties) {
        if (this.shown[kind] < this.limit) {
            this.shown[kind]++;
            this.host.annotate(kind, message, properties);
        }
        else {
            this.held[kind]++;
            // Still in the log, just not as an annotation.
            this.host.info(`[${kind}, not annotated] ${message}`);
        }
    }
    /** "3 errors and 1 warning not annotated (GitHub shows 10 of each kind per step)", or undefined. */
    droppedNote() {
        const parts = Object.keys(this.held)
            .filter((kind) => this.held[kind] > 0)
            .map((kind) => `${this.held[kind]} ${kind}${this.held[kind] === 1 ? '' : 's'}`);
        if (parts.length === 0)
            return undefined;
        return `${parts.join(' and ')} not annotated (GitHub shows ${this.limit} of each kind per step); see the log.`;
    }
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * A job summary built from a few block types, rendered as Markdown for GitHub and as plain text
 * for the CLI. Markdown rendering stays under GitHub's 1 MiB step-summary limit (a larger
 * summary fails its upload) by cutting table rows and long text, and says what it cut.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function cell(value) {
    if (value === undefined)
        return '';
    return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The longest prefix of text, cut at a line end, that fits in budget bytes. */
function cutToBytes(text, budget) {
    if (bytes(text) <= budget)
        return text;
    let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
    cut = cut.replace(/\uFFFD$/, '');
    const lineEnd = cut.lastIndexOf('\n');
    return lineEnd > 0 ? cut.slice(0, lineEnd) : cut;
}
class Summary {
    blocks = [];
    /** A new summary: this one's blocks, then other's. */
    concat(other) {
        const joined = new Summary();
        joined.blocks.push(...this.blocks, ...other.blocks);
        return joined;
    }
    get isEmpty() {
        return this.blocks.length === 0;
    }
    heading(text, level = 2) {
        this.blocks.push({ type: 'heading', text, level });
        return this;
    }
    paragraph(text) {
        this.blocks.push({ type: 'paragraph', text });
        return this;
    }
    list(items) {
        this.blocks.push({ type: 'list', items });
        return this;
    }
    table(headers, rows) {
        this.blocks.push({ type: 'table', headers, rows });
        return this;
    }
    code(text, language = '') {
        this.blocks.push({ type: 'code', text, language });
        return this;
    }
    /** A collapsed section holding preformatted text (a log tail, a command line). */
    details(title, text) {
        this.blocks.push({ type: 'details', title, text });
        return this;
    }
    /** GitHub allows one chart worth reading per summary; keep it small. */
    mermaid(text) {
        this.blocks.push({ type: 'mermaid', text });
        return this;
    }
    /**
     * Markdown within limitBytes. Blocks are added in order; the block that does not fit is cut
     * (table rows, text lines) and the rest dropped, with a closing note that says how much.
     */
    toMarkdown(limitBytes = SUMMARY_LIMIT_BYTES) {
        const note = (omitted, cutRows) => `\n> **Summary truncated** to stay under GitHub's ${Math.round(limitBytes / 1024)} KiB limit: ` +
            `${cutRows ? `${cutRows} table rows or text lines cut, ` : ''}${omitted} later section(s) omitted. ` +
            'The full report is in the log and the results files.\n';
        const reserve = bytes(note(this.blocks.length, 9_999_999));
        let out = '';
        for (const [index, block] of this.blocks.entries()) {
            const rendered = renderMarkdown(block);
            if (bytes(out) + bytes(rendered) <= limitBytes - (index === this.blocks.length - 1 ? 0 : reserve)) {
                out += rendered;
                continue;
            }
            const budget = limitBytes - reserve - bytes(out);
            const partial = renderMarkdownCut(block, budget);
            out += partial.text;
            return out + note(this.blocks.length - index - 1, partial.cut);
        }
        return out;
    }
    /** Plain text for a terminal: tables as aligned columns, no HTML. */
    toText() {
        return this.blocks.map(renderText).join('\n');
    }
}
function renderMarkdown(block) {
    return renderMarkdownCut(block, Infinity).text;
}
function tableHead(headers) {
    return `| ${headers.map(cell).join(' | ')} |\n| ${headers.map(() => '---').join(' | ')} |\n`;
}
function renderMarkdownCut(block, budget) {
    switch (block.type) {
        case 'heading':
            return { text: `${'#'.repeat(block.level)} ${block.text}\n\n`, cut: 0 };
        case 'paragraph':
            return { text: `${cutToBytes(block.text, budget - 2)}\n\n`, cut: 0 };
        case 'list':
            return cutLines(block.items.map((item) => `- ${item}\n`), '', '\n', budget);
        case 'table':
            return cutLines(block.rows.map((row) => `| ${row.map(cell).join(' | ')} |\n`), tableHead(block.headers), '\n', budget);
        case 'code':
            return cutLines(linesOf(block.text), '```' + block.language + '\n', '```\n\n', budget);
        case 'mermaid':
            return cutLines(linesOf(block.text), '```mermaid\n', '```\n\n', budget);
        case 'details':
            return cutLines(linesOf(escapeHtml(block.text)), `<details><summary>${escapeHtml(block.title)}</summary>\n\n<pre>\n`, '</pre>\n</details>\n\n', budget);
    }
}
function linesOf(text) {
    return text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => line + '\n');
}
/** head + as many lines as fit + tail; `cut` counts the lines left out. */
function cutLines(lines, head, tail, budget) {
    let used = bytes(head) + bytes(tail);
    let kept = 0;
    for (const line of lines) {
        if (used + bytes(line) > budget)
            break;
        used += bytes(line);
        kept++;
    }
    if (kept === 0 && used > budget)
        return { text: '', cut: lines.length };
    return { text: head + lines.slice(0, kept).join('') + tail, cut: lines.length - kept };
}
function renderText(block) {
    switch (block.type) {
        case 'heading':
            return `${block.text}\n${(block.level <= 2 ? '=' : '-').repeat(Math.min(block.text.length, 72))}\n`;
        case 'paragraph':
            return `${block.text}\n`;
        case 'list':
            return block.items.map((item) => `  - ${item}\n`).join('');
        case 'table': {
            const rows = [
                block.headers,
                ...block.rows.map((row) => row.map((value) => (value === undefined ? '' : String(value)))),
            ];
            const widths = block.headers.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
            const line = (row) => '  ' +
                row
                    .map((value, i) => value.padEnd(widths[i] ?? 0))
                    .join('  ')
                    .trimEnd() +
                '\n';
            return line(rows[0]) + line(widths.map((w) => '-'.repeat(w))) + rows.slice(1).map(line).join('');
        }
        case 'code':
        case 'mermaid':
            return block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n');
        case 'details':
            return `${block.title}:\n${block.text.replace(/^/gm, '    ').replace(/\n?$/, '\n')}`;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/action/inputs.ts
/**
 * Typed action inputs. Each action declares its inputs once as a record of InputDefs; that record
 * is parsed into a typed object before any work starts, and the same record generates the
 * action.yml, so declaration and use cannot drift apart.
 *
 * Parsing never touches the runner: it is handed a function that reads a raw value by name.
 */



function camelCase(name) {
    return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/**
 * Thrown by a parse function, optionally with a reason; the parser adds the input's name, value
 * and accepted form.
 */
class InvalidValue extends Error {
}
function inputs_define(options, accepted, parseValue) {
    return {
        description: options.description,
        required: options.required ?? false,
        ...(options.default !== undefined ? { default: options.default } : {}),
        accepted,
        secret: options.secret ?? false,
        parse: (raw, ctx) => (raw === '' ? undefined : parseValue(raw, ctx)),
    };
}
/** An input with its own parser (throwing InvalidValue) for domain types such as an SRPM source. */
function custom(options, accepted, parseValue) {
    return inputs_define(options, accepted, parseValue);
}
function string(options) {
    const accepted = options.accepted ?? (options.pattern ? `text matching ${options.pattern}` : 'any text');
    return inputs_define(options, accepted, (raw) => {
        if (options.pattern && !options.pattern.test(raw))
            throw new InvalidValue();
        return raw;
    });
}
const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];
function inputs_boolean(options) {
    return inputs_define(options, 'true or false', (raw) => {
        const value = raw.toLowerCase();
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        throw new InvalidValue();
    });
}
function bounds(min, max, show) {
    if (min !== undefined && max !== undefined)
        return ` from ${show(min)} to ${show(max)}`;
    if (min !== undefined)
        return ` of at least ${show(min)}`;
    if (max !== undefined)
        return ` of at most ${show(max)}`;
    return '';
}
function integer(options) {
    const accepted = `a whole number${bounds(options.min, options.max, String)}`;
    return inputs_define(options, accepted, (raw) => {
        if (!/^-?\d+$/.test(raw))
            throw new InvalidValue();
        const value = Number(raw);
        if (options.min !== undefined && value < options.min)
            throw new InvalidValue();
        if (options.max !== undefined && value > options.max)
            throw new InvalidValue();
        return value;
    });
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Parses `90s`, `15m`, `1h30m`, `500ms` into milliseconds; throws on anything else. */
function parseDuration(raw) {
    const parts = [...raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== raw)
        throw new InvalidValue();
    return parts.reduce((total, [, amount, unit]) => total + Number(amount) * DURATION_UNITS[unit], 0);
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${Math.round(ms / 100) / 10}s`;
    const totalSeconds = Math.round(ms / 1000);
    const parts = [
        [Math.floor(totalSeconds / 3600), 'h'],
        [Math.floor((totalSeconds % 3600) / 60), 'm'],
        [totalSeconds % 60, 's'],
    ];
    return parts
        .filter(([amount]) => amount > 0)
        .map(([amount, unit]) => `${amount}${unit}`)
        .join('');
}
/** A duration in milliseconds; bounds are given in milliseconds too. Zero is refused unless min is 0. */
function duration(options) {
    const min = options.min ?? 1;
    const range = options.min === undefined
        ? options.max === undefined
            ? ''
            : `, at most ${formatDuration(options.max)}`
        : bounds(min, options.max, formatDuration);
    const accepted = `a ${options.min === undefined ? 'positive ' : ''}duration such as 90s, 15m or 1h30m${range}`;
    return inputs_define(options, accepted, (raw) => {
        const value = parseDuration(raw);
        if (value < min || (options.max !== undefined && value > options.max))
            throw new InvalidValue();
        return value;
    });
}
/** Items separated by newlines or commas; blanks dropped. Always a list (empty when not given). */
function list(options) {
    const itemForm = options.itemAccepted ?? (options.item ? `items matching ${options.item}` : 'items');
    const def = inputs_define(options, `a list of ${itemForm}, one per line or separated by commas`, (raw) => {
        const items = raw
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
        if (options.item && !items.every((item) => options.item.test(item)))
            throw new InvalidValue();
        return items;
    });
    return { ...def, parse: (raw, ctx) => def.parse(raw, ctx) ?? [] };
}
function oneOf(options) {
    const accepted = `one of ${options.values.join(', ')}`;
    return inputs_define(options, accepted, (raw) => {
        if (!options.values.includes(raw))
            throw new InvalidValue();
        return raw;
    });
}
function path(options) {
    const what = options.mustExist === 'file' ? 'file' : options.mustExist === 'directory' ? 'directory' : 'path';
    const accepted = `a ${options.mustExist ? 'path to an existing ' + what : 'path'}` +
        (options.insideWorkspace ? ' inside the workspace' : '') +
        ' (absolute, or relative to the workspace)';
    return inputs_define(options, accepted, (raw, ctx) => {
        const full = (0,external_node_path_namespaceObject.resolve)(ctx.workspace, raw);
        if (options.mustExist) {
            if (!(0,external_node_fs_namespaceObject.existsSync)(full))
                throw new InvalidValue('it does not exist');
            const stat = (0,external_node_fs_namespaceObject.statSync)(full);
            if (options.mustExist === 'file' && !stat.isFile())
                throw new InvalidValue('it is not a file');
            if (options.mustExist === 'directory' && !stat.isDirectory())
                throw new InvalidValue('it is not a directory');
        }
        if (options.insideWorkspace) {
            // Resolve links on both sides so that a symlink cannot lead outside.
            const real = (0,external_node_fs_namespaceObject.existsSync)(full) ? (0,external_node_fs_namespaceObject.realpathSync)(full) : full;
            const rel = (0,external_node_path_namespaceObject.relative)((0,external_node_fs_namespaceObject.realpathSync)(ctx.workspace), real);
            if (rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel))
                throw new InvalidValue('it is outside the workspace');
        }
        return full;
    });
}
function url(options) {
    const protocols = options.protocols ?? ['https', 'http', 'file'];
    const accepted = `a URL starting with ${protocols.map((p) => p + '://').join(', ')}`;
    return inputs_define(options, accepted, (raw) => {
        let parsed;
        try {
            parsed = new URL(raw);
        }
        catch {
            throw new InvalidValue();
        }
        if (!protocols.includes(parsed.protocol.replace(/:$/, '')))
            throw new InvalidValue();
        return parsed.href;
    });
}
/** `[epoch:]version[-release]` as rpm writes it, e.g. 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9. */
const RPM_VERSION = /^(?:\d+:)?[A-Za-z0-9][A-Za-z0-9._+~^]*(?:-[A-Za-z0-9][A-Za-z0-9._+~^]*)?$/;
function rpmVersion(options) {
    const accepted = 'an RPM version such as 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9 ([epoch:]version[-release], no spaces)';
    return inputs_define(options, accepted, (raw) => {
        if (!RPM_VERSION.test(raw))
            throw new InvalidValue();
        return raw;
    });
}
/** Quotes a value for an error line without letting it span lines or hide whitespace. */
function show(raw) {
    return JSON.stringify(raw.length > 80 ? raw.slice(0, 77) + '...' : raw);
}
/**
 * Reads and checks every input. The first bad one ends parsing with a single-line
 * ConfigurationError naming the input, the value and the accepted form.
 */
function parseInputs(specs, read, ctx) {
    const values = {};
    for (const [name, def] of Object.entries(specs)) {
        const raw = read(name).trim() || (def.default ?? '');
        if (raw === '' && def.required) {
            throw new ConfigurationError(`Input '${name}' is required but was not given; expected ${def.accepted}.`);
        }
        try {
            values[camelCase(name)] = def.parse(raw, ctx);
        }
        catch (error) {
            if (!(error instanceof InvalidValue))
                throw error;
            const value = def.secret ? '(secret value hidden)' : show(raw);
            const why = error.message ? ` (${error.message})` : '';
            throw new ConfigurationError(`Input '${name}' has an invalid value ${value}${why}; expected ${def.accepted}.`);
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./src/action/run.ts




const RESULT_ICON = { passed: '✅', configuration: '⚙️', infrastructure: '🛠️', test: '❌', internal: '💥' };
function phaseContext(host, summary, annotator, signal) {
    return {
        log: host,
        summary,
        workspace: host.workspace,
        runInfo: host.runInfo,
        cache: host.cache,
        signal,
        host: host.kind,
        annotate: (kind, message, properties) => annotator.annotate(kind, message, properties),
        setSecret: (value) => host.setSecret(value),
        state: {
            save: (name, value) => host.saveState(name, JSON.stringify(value)),
            get: (name) => {
                const raw = host.getState(name);
                return raw ? JSON.parse(raw) : undefined;
            },
        },
    };
}
/** Stops the phase's work on SIGINT/SIGTERM (job cancelled); the phase decides how to wind down. */
function cancellation(host) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        host.warning(`Received ${signal}: stopping`);
        controller.abort(new Error(`cancelled by ${signal}`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        },
    };
}
function formatOutput(value) {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
/** Returns the exit code (0 or 1); the host has already been told about any failure. */
async function runAction(action, host, phase = 'main') {
    const summary = new Summary();
    const annotator = new Annotator(host);
    const { signal, dispose } = cancellation(host);
    const ctx = phaseContext(host, summary, annotator, signal);
    let outcome = 'passed';
    let headline;
    try {
        if (phase === 'post') {
            if (action.post)
                await action.post(ctx);
        }
        else {
            const declared = new Set(Object.keys(action.outputs));
            const inputs = parseInputs(action.inputs, (name) => host.getInput(name), { workspace: host.workspace });
            await action.main({
                ...ctx,
                inputs,
                setOutput: (name, value) => {
                    // The types already prevent this; the check keeps action.yml honest for untyped callers.
                    if (!declared.has(name))
                        throw new Error(`output '${name}' is not declared by ${action.name}`);
                    host.setOutput(name, formatOutput(value));
                },
            });
        }
    }
    catch (error) {
        outcome = failureKind(error);
        headline = failureHeadline(error);
        if (outcome === 'internal' && error instanceof Error && error.stack)
            host.debug(error.stack);
    }
    finally {
        dispose();
    }
    const dropped = annotator.droppedNote();
    if (dropped)
        summary.paragraph(`_${dropped}_`);
    // The failure leads the summary so it is the first thing read.
    const report = new Summary().heading(`${RESULT_ICON[outcome]} ${action.title}${phase === 'post' ? ' (cleanup)' : ''}: ${headline ?? 'passed'}`);
    if (phase === 'main' || headline || !summary.isEmpty)
        await host.writeSummary(report.concat(summary));
    if (headline) {
        host.fail(headline);
        return 1;
    }
    return 0;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/cleanup.ts
/**
 * Things a main phase leaves for the post phase to remove: temporary folders and processes
 * (qemu, gpg-agent). Recorded in the action state the moment they are created, so the post phase
 * can clean up even after main was killed with SIGKILL.
 */



const DIRS = 'cleanup-dirs';
const PIDS = 'cleanup-pids';
function createWorkDir(state, prefix) {
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), `kvm-actions-${prefix}-`));
    state.save(DIRS, [...(state.get(DIRS) ?? []), dir]);
    return dir;
}
function trackProcess(state, pid) {
    state.save(PIDS, [...(state.get(PIDS) ?? []), pid]);
}
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Kills recorded process groups and removes recorded folders; returns what it did. */
async function cleanUp(state, graceMs = 3000) {
    const killed = [];
    for (const pid of state.get(PIDS) ?? []) {
        if (!alive(pid))
            continue;
        killed.push(pid);
        for (const target of [-pid, pid]) {
            try {
                process.kill(target, 'SIGTERM');
            }
            catch {
                // not a group leader, or gone
            }
        }
    }
    const deadline = Date.now() + graceMs;
    while (killed.some(alive) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    for (const pid of killed.filter(alive)) {
        for (const target of [-pid, pid]) {
            try {
                process.kill(target, 'SIGKILL');
            }
            catch {
                // gone
            }
        }
    }
    const removed = state.get(DIRS) ?? [];
    for (const dir of removed)
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    state.save(PIDS, []);
    state.save(DIRS, []);
    return { killed, removed };
}

;// CONCATENATED MODULE: ./src/action/definition.ts
function defineAction(definition) {
    return definition;
}

;// CONCATENATED MODULE: ./src/action/index.ts
/** The action framework in one import: definitions, typed inputs (as `input.*`), errors. */




;// CONCATENATED MODULE: ./src/exec/tools.ts
/** Finds programs on PATH before any work starts, so a missing tool fails in seconds with a fix. */



function findOnPath(program, path = process.env.PATH ?? '') {
    if (program.includes('/'))
        return canRun(program) ? program : undefined;
    for (const dir of path.split(external_node_path_namespaceObject.delimiter).filter(Boolean)) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, program);
        if (canRun(candidate))
            return candidate;
    }
    return undefined;
}
function canRun(file) {
    try {
        (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Resolves every program or throws one InfrastructureError naming all that are missing. */
function requireTools(programs, path) {
    const found = {};
    const missing = [];
    for (const program of programs) {
        const location = findOnPath(program, path);
        if (location)
            found[program] = location;
        else
            missing.push(program);
    }
    if (missing.length > 0) {
        throw new InfrastructureError(`required program${missing.length > 1 ? 's' : ''} not installed: ${missing.join(', ')}; ` +
            'run scripts/setup-host.sh (apt or dnf) to install them');
    }
    return found;
}

;// CONCATENATED MODULE: ./src/guest/probe.ts
/**
 * What the host offers for running POWER guests: CPU generation, platform, a usable /dev/kvm,
 * kvm_hv and its nested parameter. Read from files under a root folder so tests can give a fake
 * POWER host; the parsing is pure.
 */



/** Parses the ppc64 /proc/cpuinfo keys (`cpu`, `platform`, `machine`, `MMU`). */
function parseCpuInfo(text) {
    const field = (key) => new RegExp(`^${key}\\s*:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
    const cpu = field('cpu');
    const generation = cpu ? /^(POWER\d+)/i.exec(cpu)?.[1]?.toUpperCase() : undefined;
    return {
        ...(cpu ? { cpu } : {}),
        ...(generation ? { generation } : {}),
        ...(field('platform') ? { platform: field('platform') } : {}),
        ...(field('machine') ? { machine: field('machine') } : {}),
        ...(field('MMU') ? { mmu: field('MMU') } : {}),
    };
}
function classifyPlatform(architecture, info) {
    if (!architecture.startsWith('ppc64'))
        return 'not-power';
    if (info.platform === 'PowerNV')
        return 'powernv';
    if (info.machine && /emulated by qemu/i.test(info.machine))
        return 'emulated';
    return 'pseries-lpar';
}
function read(root, file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, file), 'utf8');
    }
    catch {
        return undefined;
    }
}
function probeHost(root = '/', architecture = (0,external_node_os_namespaceObject.machine)()) {
    const info = parseCpuInfo(read(root, 'proc/cpuinfo') ?? '');
    const kvm = (0,external_node_path_namespaceObject.join)(root, 'dev/kvm');
    let kvmDevice = 'absent';
    if ((0,external_node_fs_namespaceObject.existsSync)(kvm)) {
        try {
            (0,external_node_fs_namespaceObject.accessSync)(kvm, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
            kvmDevice = 'usable';
        }
        catch {
            kvmDevice = 'no-permission';
        }
    }
    const nested = read(root, 'sys/module/kvm_hv/parameters/nested')?.trim();
    return {
        architecture,
        ...(info.cpu ? { cpu: info.cpu } : {}),
        ...(info.generation ? { generation: info.generation } : {}),
        platform: classifyPlatform(architecture, info),
        ...(info.mmu ? { mmu: info.mmu } : {}),
        kvmDevice,
        kvmHvLoaded: (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(root, 'sys/module/kvm_hv')),
        ...(nested !== undefined ? { nested: nested === 'Y' || nested === '1' } : {}),
    };
}
/**
 * auto: KVM when this is POWER with a usable /dev/kvm and kvm_hv loaded, else emulation with a
 * reason. /dev/kvm alone is not trusted: it exists even when kvm_hv failed to load.
 */
function chooseAccel(requested, probe) {
    const unusable = probe.platform === 'not-power'
        ? `this host is ${probe.architecture}, not POWER`
        : probe.kvmDevice === 'absent'
            ? '/dev/kvm does not exist'
            : probe.kvmDevice === 'no-permission'
                ? '/dev/kvm is not readable and writable by this user'
                : !probe.kvmHvLoaded
                    ? 'the kvm_hv module is not loaded'
                    : undefined;
    if (requested === 'tcg')
        return { accel: 'tcg' };
    if (!unusable)
        return { accel: 'kvm' };
    return { accel: requested === 'kvm' ? 'kvm' : 'tcg', reason: unusable };
}

;// CONCATENATED MODULE: ./src/guest/action.ts
/** boot-test-guest: boot guests under KVM on POWER (emulation elsewhere) and report like a kernel CI. */






const bootTestGuest = defineAction({
    name: 'boot-test-guest',
    title: 'Boot-test guest',
    description: 'Boot ppc64le guests under KVM on POWER (emulation elsewhere), run checks inside, and report.',
    inputs: {
        scenario: oneOf({
            description: '`image`: a disk image with cloud-init; `kernel`: direct kernel boot; `nested`: the kernel as an L1 hypervisor running an L2 guest.',
            values: ['image', 'kernel', 'nested'],
            required: true,
        }),
        accel: oneOf({
            description: '`auto` uses KVM when usable and otherwise emulation (with a warning); `kvm` fails without KVM.',
            values: ['auto', 'kvm', 'tcg'],
            default: 'auto',
        }),
        'boot-timeout': duration({
            description: 'Time allowed from start to the ready marker.',
            default: '10m',
        }),
        'results-dir': path({
            description: 'Where the console log, qemu command line, probe and results are written.',
            default: 'kvm-actions-results/boot-test-guest',
            insideWorkspace: true,
        }),
    },
    outputs: {
        accel: 'The accelerator used: kvm or tcg.',
        probe: 'JSON description of the host: architecture, CPU generation, platform, /dev/kvm, kvm_hv, nested.',
        'results-dir': 'Absolute path of the results folder, ready for upload-artifact.',
    },
    async main({ inputs, setOutput, summary, annotate, state }) {
        requireTools(['qemu-system-ppc64', 'qemu-img']);
        const probe = probeHost();
        const { accel, reason } = chooseAccel(inputs.accel, probe);
        if (reason && inputs.accel === 'kvm')
            throw new InfrastructureError(`accel is kvm but KVM is not usable: ${reason}`);
        if (reason)
            annotate('warning', `KVM is not usable (${reason}); guests run under emulation (TCG), much slower.`);
        createWorkDir(state, 'guest');
        (0,external_node_fs_namespaceObject.mkdirSync)(inputs.resultsDir, { recursive: true });
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(inputs.resultsDir, 'probe.json'), JSON.stringify(probe, null, 2) + '\n');
        setOutput('accel', accel);
        setOutput('probe', probe);
        setOutput('results-dir', inputs.resultsDir);
        summary.heading('Host', 3).table(['Property', 'Value'], [
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
            ['Scenario', inputs.scenario],
            ['Accelerator', accel + (reason ? ` (${reason})` : '')],
            ['Boot timeout', formatDuration(inputs.bootTimeout)],
        ]);
    },
    async post({ state, log }) {
        const { killed, removed } = await cleanUp(state);
        log.info(`Stopped ${killed.length} process(es), removed ${removed.length} temporary folder(s)`);
    },
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec/exec.ts
/**
 * The one way the suite starts programs. Node's spawn is used directly rather than @actions/exec
 * because a timeout must kill the whole process group (qemu, rpmbuild and mock all fork), which
 * needs the child started as a group leader.
 *
 * Commands are argv arrays: nothing is ever passed through a shell.
 */





class CommandFailedError extends InfrastructureError {
    result;
    name = 'CommandFailedError';
    constructor(result) {
        const how = result.timedOut
            ? `timed out after ${formatDuration(result.durationMs)}`
            : result.signal
                ? `was killed by ${result.signal}`
                : `exited with code ${result.exitCode}`;
        const lastLine = lastNonEmptyLine(result.stderr) ?? lastNonEmptyLine(result.stdout);
        super(`${describeArgv(result.argv)} ${how}${lastLine ? `: ${lastLine}` : ''}`);
        this.result = result;
    }
}
function lastNonEmptyLine(text) {
    return text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1);
}
/** For messages only: argv shown readably, quoting words that have spaces or quotes. */
function describeArgv(argv) {
    return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
const DEFAULT_CAPTURE = 16 * 1024 * 1024;
/** Keeps the last `limit` bytes so the error line of a long build survives. */
class Capture {
    limit;
    chunks = [];
    size = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 1)
            this.size -= this.chunks.shift().length;
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
}
/** Streams complete lines to the log as they arrive. */
class LineSplitter {
    emit;
    pending = '';
    constructor(emit) {
        this.emit = emit;
    }
    push(chunk) {
        const lines = (this.pending + chunk.toString('utf8')).split('\n');
        this.pending = lines.pop() ?? '';
        for (const line of lines)
            this.emit(line);
    }
    flush() {
        if (this.pending)
            this.emit(this.pending);
        this.pending = '';
    }
}
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
async function exec(argv, options = {}) {
    const run = () => spawnAndWait(argv, options);
    const result = options.log && options.group ? await options.log.group(options.group, run) : await run();
    const ok = (options.okExitCodes ?? [0]).includes(result.exitCode ?? -1) && !result.timedOut;
    if (!ok && !options.allowFailure)
        throw new CommandFailedError(result);
    return result;
}
function spawnAndWait(argv, options) {
    const [program, ...args] = argv;
    const started = performance.now();
    const stdout = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE);
    const stderr = new Capture(options.captureLimitBytes ?? DEFAULT_CAPTURE);
    let file;
    if (options.logFile) {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(options.logFile), { recursive: true });
        file = (0,external_node_fs_namespaceObject.createWriteStream)(options.logFile, { flags: 'a' });
    }
    // One splitter per stream, so a partial stdout line never merges with a stderr line.
    const splitter = () => options.log ? new LineSplitter((line) => options.log.info(line)) : undefined;
    const stdoutLines = splitter();
    const stderrLines = splitter();
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, {
            cwd: options.cwd,
            env: { ...process.env, ...options.env },
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            // Own process group, so a timeout or cancellation can stop everything the program forked.
            detached: true,
        });
        let timedOut = false;
        const stop = () => {
            if (child.pid === undefined)
                return;
            killGroup(child.pid, 'SIGTERM');
            setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.killGraceMs ?? 5000).unref();
        };
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                timedOut = true;
                stop();
            }, options.timeoutMs)
            : undefined;
        const onAbort = () => stop();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        // A parent that exits normally must not leave the group behind.
        const onExit = () => {
            if (child.pid !== undefined)
                killGroup(child.pid, 'SIGKILL');
        };
        process.once('exit', onExit);
        const take = (capture, lines) => (chunk) => {
            capture.push(chunk);
            file?.write(chunk);
            lines?.push(chunk);
        };
        child.stdout.on('data', take(stdout, stdoutLines));
        child.stderr.on('data', take(stderr, stderrLines));
        if (options.input !== undefined)
            child.stdin.end(options.input);
        const cleanup = () => {
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            process.removeListener('exit', onExit);
        };
        child.on('error', (error) => {
            cleanup();
            file?.end();
            if (error.code === 'ENOENT') {
                reject(new InfrastructureError(`'${program}' is not installed (not found on PATH${options.cwd ? ` or in ${options.cwd}` : ''}); ` +
                    'run scripts/setup-host.sh to install the suite’s system packages'));
            }
            else if (error.code === 'EACCES') {
                reject(new InfrastructureError(`'${program}' cannot be run: permission denied`));
            }
            else {
                reject(new InfrastructureError(`'${program}' could not be started: ${error.message}`));
            }
        });
        child.on('close', (exitCode, signal) => {
            cleanup();
            stdoutLines?.flush();
            stderrLines?.flush();
            const result = {
                argv,
                exitCode,
                signal,
                stdout: stdout.text(),
                stderr: stderr.text(),
                durationMs: performance.now() - started,
                timedOut,
            };
            if (file)
                file.end(() => resolvePromise(result));
            else
                resolvePromise(result);
        });
    });
}

;// CONCATENATED MODULE: ./src/rpm/builder.ts
/** Builder inputs shared by the actions that rebuild a source RPM (build-kernel, patch-qemu). */


const BUILDERS = ['mock', 'rpmbuild'];
const builderInputs = {
    builder: oneOf({
        description: 'How to build: `mock` (clean chroot, needs an EL or POWER host) or `rpmbuild` on the runner itself.',
        values: BUILDERS,
        default: 'mock',
    }),
    'mock-config': string({
        description: 'The mock configuration used when builder is mock.',
        default: 'almalinux-9-ppc64le',
        pattern: /^[A-Za-z0-9._+-]+$/,
        accepted: 'a mock configuration name such as almalinux-9-ppc64le',
    }),
    'build-timeout': duration({
        description: 'Stop the build (and everything it started) after this long.',
        default: '8h',
        max: 48 * 3_600_000,
    }),
};
/** The programs a build with this builder needs, resolved now so a missing one fails early. */
function requireBuildTools(builder) {
    return requireTools(builder === 'mock' ? ['rpm', 'mock'] : ['rpm', 'rpmbuild', 'rpmspec']);
}
/** The exact argv of the build: what runs, and what tests and summaries show. */
function buildCommand(request) {
    const conditionals = [
        ...(request.with ?? []).flatMap((name) => ['--with', name]),
        ...(request.without ?? []).flatMap((name) => ['--without', name]),
    ];
    const defines = Object.entries({
        ...(request.jobs ? { _smp_build_ncpus: String(request.jobs) } : {}),
        ...request.defines,
    }).flatMap(([name, value]) => ['--define', `${name} ${value}`]);
    if (request.builder === 'mock') {
        return [
            'mock',
            '-r',
            request.mockConfig,
            '--resultdir',
            request.resultDir,
            ...conditionals,
            ...defines,
            '--rebuild',
            request.srpm,
        ];
    }
    return [
        'rpmbuild',
        '--define',
        `_topdir ${request.resultDir}`,
        ...conditionals,
        ...defines,
        '--rebuild',
        request.srpm,
    ];
}

;// CONCATENATED MODULE: ./src/rpm/query.ts
/** Reading RPM headers with the rpm program itself, so every answer is rpm's own. */

const FIELDS = '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCEPACKAGE}\\n';
async function queryPackageFile(file) {
    const { stdout } = await exec(['rpm', '-qp', '--nosignature', '--nodigest', '--qf', FIELDS, file]);
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

;// CONCATENATED MODULE: ./src/rpm/source.ts
/**
 * Where a source RPM comes from: a local file, a URL, an exact version of the package in the
 * AlmaLinux repositories, or the newest one there.
 */





const SRPM_SOURCE_FORM = "a path to a .src.rpm, an http(s):// or file:// URL, an exact version such as 5.14.0-570.12.1.el9_6, or 'latest'";
function parseSrpmSource(raw, workspace) {
    if (raw === 'latest')
        return { kind: 'latest' };
    if (/^(https?|file):\/\//.test(raw)) {
        try {
            return { kind: 'url', url: new URL(raw).href };
        }
        catch {
            throw new InvalidValue('not a valid URL');
        }
    }
    if (raw.endsWith('.rpm')) {
        const path = (0,external_node_path_namespaceObject.resolve)(workspace, raw);
        if (!(0,external_node_fs_namespaceObject.existsSync)(path))
            throw new InvalidValue('no such file');
        return { kind: 'path', path };
    }
    if (RPM_VERSION.test(raw) && raw.includes('-'))
        return { kind: 'version', version: raw };
    throw new InvalidValue();
}
function srpmSourceInput(options) {
    return custom(options, SRPM_SOURCE_FORM, (raw, ctx) => parseSrpmSource(raw, ctx.workspace));
}
function describeSource(source) {
    switch (source.kind) {
        case 'path':
            return source.path;
        case 'url':
            return source.url;
        case 'version':
            return `version ${source.version}`;
        case 'latest':
            return 'the newest in the repository';
    }
}
/** The source package's NVR when it can be known without downloading (a local file). */
async function localSourceNvr(source) {
    if (source.kind !== 'path')
        return undefined;
    const header = await queryPackageFile(source.path);
    if (header.arch !== 'src')
        throw new ConfigurationError(`${source.path} is a binary RPM (${header.arch}), not a source RPM`);
    return header.nvr;
}

;// CONCATENATED MODULE: ./src/kernel/action.ts
/** build-kernel: the AlmaLinux 9 kernel rebuilt with the KVM hypervisor for ppc64le. */




const buildKernel = defineAction({
    name: 'build-kernel',
    title: 'Build kernel',
    description: 'Rebuild the AlmaLinux 9 kernel source RPM with the KVM hypervisor (KVM-HV) enabled for ppc64le.',
    inputs: {
        srpm: srpmSourceInput({
            description: 'The kernel source RPM: path, URL, exact version, or `latest`.',
            required: true,
        }),
        'kvm-profile': inputs_boolean({
            description: 'Apply the KVM profile (KVM_BOOK3S_64=m, KVM_BOOK3S_64_HV=m, XICS on, debug timing off).',
            default: 'true',
        }),
        'config-fragments': list({
            description: 'Extra kernel config fragments (files of `CONFIG_X=y` / `# CONFIG_X is not set` lines).',
        }),
        buildid: string({
            description: 'Added to the release (the spec’s buildid) so the rebuild sorts above the stock kernel.',
            default: '.kvm1',
            pattern: /^\.[A-Za-z0-9_]+$/,
            accepted: 'a dot followed by letters, digits or underscores, such as .kvm1',
        }),
        'build-profile': oneOf({
            description: '`fast` (base variant only, no debug kernel, no kABI check) for validation; `full` for releases.',
            values: ['fast', 'full'],
            default: 'fast',
        }),
        ...builderInputs,
        'results-dir': path({
            description: 'Where build logs and RPMs are written.',
            default: 'kvm-actions-results/build-kernel',
            insideWorkspace: true,
        }),
    },
    outputs: {
        'source-nvr': 'NVR of the kernel source RPM, when known before download.',
        'results-dir': 'Absolute path of the folder with build logs and RPMs.',
    },
    async main({ inputs, setOutput, summary }) {
        requireBuildTools(inputs.builder);
        const sourceNvr = await localSourceNvr(inputs.srpm);
        if (sourceNvr)
            setOutput('source-nvr', sourceNvr);
        setOutput('results-dir', inputs.resultsDir);
        summary.table(['Setting', 'Value'], [
            ['Source', sourceNvr ?? describeSource(inputs.srpm)],
            ['KVM profile', inputs.kvmProfile ? 'on' : 'off'],
            ['Config fragments', inputs.configFragments.join(', ') || 'none'],
            ['Build ID', inputs.buildid],
            ['Builder', inputs.builder === 'mock' ? `mock (${inputs.mockConfig})` : 'rpmbuild'],
            ['Build profile', inputs.buildProfile],
            ['Build timeout', formatDuration(inputs.buildTimeout)],
        ]);
        const fast = inputs.buildProfile === 'fast';
        const command = buildCommand({
            builder: inputs.builder,
            mockConfig: inputs.mockConfig,
            srpm: sourceNvr ? `${sourceNvr}.src.rpm` : 'kernel.src.rpm',
            resultDir: inputs.resultsDir,
            with: fast ? ['baseonly'] : [],
            without: fast ? ['debug', 'debuginfo', 'kabichk'] : [],
            defines: { buildid: inputs.buildid },
        });
        summary.details('Build command', describeArgv(command));
    },
});

;// CONCATENATED MODULE: ./src/qemu/action.ts
/** patch-qemu: qemu-kvm (and libvirt) rebuilt so that ppc64le hosts can run KVM guests. */



const patchQemu = defineAction({
    name: 'patch-qemu',
    title: 'Patch qemu-kvm',
    description: 'Rebuild qemu-kvm (and optionally libvirt) from AlmaLinux 9 source RPMs with KVM guests enabled on ppc64le.',
    inputs: {
        'qemu-kvm-srpm': srpmSourceInput({
            description: 'The qemu-kvm source RPM: path, URL, exact version, or `latest`.',
            required: true,
        }),
        'libvirt-srpm': srpmSourceInput({
            description: 'The libvirt source RPM to rebuild with the QEMU driver on ppc64le; empty to leave libvirt alone.',
        }),
        'release-suffix': string({
            description: 'Appended to Release: so the rebuild sorts above the stock package of the same version.',
            default: '.kvm1',
            pattern: /^\.[A-Za-z0-9_.]+$/,
            accepted: 'a dot followed by letters, digits, dots or underscores, such as .kvm1',
        }),
        ...builderInputs,
    },
    outputs: {
        'source-nvrs': 'JSON object: package name to source NVR, for the source RPMs known before download.',
    },
    async main({ inputs, setOutput, summary }) {
        requireBuildTools(inputs.builder);
        const sources = {
            'qemu-kvm': inputs.qemuKvmSrpm,
            ...(inputs.libvirtSrpm ? { libvirt: inputs.libvirtSrpm } : {}),
        };
        const rows = [];
        const nvrs = {};
        for (const [name, source] of Object.entries(sources)) {
            const nvr = await localSourceNvr(source);
            if (nvr)
                nvrs[name] = nvr;
            rows.push([name, nvr ?? describeSource(source), inputs.releaseSuffix]);
        }
        setOutput('source-nvrs', nvrs);
        summary.table(['Package', 'Source', 'Release suffix'], rows);
        const builder = inputs.builder === 'mock' ? `mock (${inputs.mockConfig})` : 'rpmbuild';
        summary.paragraph(`Builder: ${builder}, timeout ${formatDuration(inputs.buildTimeout)}.`);
    },
});

;// CONCATENATED MODULE: ./src/rpm/collect.ts
/**
 * The RPMs an action is given: a JSON list (the `rpms` output of build-kernel and patch-qemu),
 * or lines/commas of files, directories (every .rpm below) and globs (`*`, `?` per path segment).
 */




const RPM_SET_FORM = 'a JSON list of RPM paths, or RPM files, directories and globs (such as out/*.rpm), one per line or separated by commas';
function parseRpmPatterns(raw) {
    if (raw.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(raw);
        }
        catch {
            throw new InvalidValue('not valid JSON');
        }
        if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
            throw new InvalidValue('the JSON is not a list of strings');
        }
        return parsed;
    }
    return raw
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
}
function rpmSetInput(options) {
    return custom(options, RPM_SET_FORM, (raw) => parseRpmPatterns(raw));
}
function globToRegExp(segment) {
    const body = segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}
function expandGlob(pattern) {
    const segments = pattern.split('/');
    let bases = [(0,external_node_path_namespaceObject.isAbsolute)(pattern) ? '/' : ''];
    for (const segment of segments.filter((s, i) => s !== '' || i > 0)) {
        if (!/[*?]/.test(segment)) {
            bases = bases.map((base) => (0,external_node_path_namespaceObject.join)(base, segment)).filter((candidate) => (0,external_node_fs_namespaceObject.existsSync)(candidate));
            continue;
        }
        const matcher = globToRegExp(segment);
        bases = bases.flatMap((base) => {
            const dir = base || '.';
            if (!(0,external_node_fs_namespaceObject.existsSync)(dir) || !(0,external_node_fs_namespaceObject.statSync)(dir).isDirectory())
                return [];
            return (0,external_node_fs_namespaceObject.readdirSync)(dir)
                .filter((name) => matcher.test(name))
                .sort()
                .map((name) => (0,external_node_path_namespaceObject.join)(base, name));
        });
    }
    return bases;
}
function rpmsBelow(dir) {
    return (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
        const full = (0,external_node_path_namespaceObject.join)(dir, entry.name);
        if (entry.isDirectory())
            return rpmsBelow(full);
        return entry.isFile() && entry.name.endsWith('.rpm') ? [full] : [];
    });
}
/** Absolute, de-duplicated, sorted paths; a pattern that matches nothing is an error naming it. */
function collectRpms(patterns, workspace, inputName = 'rpms') {
    const found = new Set();
    for (const pattern of patterns) {
        const full = (0,external_node_path_namespaceObject.resolve)(workspace, pattern);
        const matches = /[*?]/.test(pattern) ? expandGlob(full) : (0,external_node_fs_namespaceObject.existsSync)(full) ? [full] : [];
        const rpms = matches.flatMap((match) => ((0,external_node_fs_namespaceObject.statSync)(match).isDirectory() ? rpmsBelow(match) : [match]));
        const notRpm = rpms.find((file) => !file.endsWith('.rpm'));
        if (notRpm)
            throw new ConfigurationError(`Input '${inputName}' names ${notRpm}, which is not an .rpm file`);
        if (rpms.length === 0) {
            throw new ConfigurationError(`Input '${inputName}' entry '${pattern}' matches no RPM; expected ${RPM_SET_FORM}`);
        }
        rpms.forEach((rpm) => found.add(rpm));
    }
    return [...found].sort();
}

;// CONCATENATED MODULE: ./src/repo/action.ts
/** publish-repo: signed, verified, atomic dnf repositories. */





const publishRepo = defineAction({
    name: 'publish-repo',
    title: 'Publish repository',
    description: 'Sign RPMs and publish them as a verified dnf repository, switched into place atomically.',
    inputs: {
        rpms: rpmSetInput({ description: 'The RPMs to publish.', required: true }),
        target: string({
            description: 'Where the repository lives: a local directory, or user@host:/path over SSH.',
            required: true,
            pattern: /^(?:[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:)?[^\s]+$/,
            accepted: 'a directory path or user@host:/path',
        }),
        channel: string({
            description: 'The channel the packages go to, such as testing or stable.',
            default: 'testing',
            pattern: /^[a-z0-9][a-z0-9_-]*$/,
            accepted: 'lower-case letters, digits, - and _, such as testing',
        }),
        'dry-run': inputs_boolean({
            description: 'Check and report everything, change nothing.',
            default: 'false',
        }),
    },
    outputs: {
        nevras: 'JSON list of the NEVRAs of the RPMs given.',
    },
    async main({ inputs, setOutput, summary, workspace }) {
        requireTools(['rpm', 'rpmsign', 'gpg', 'createrepo_c', 'dnf']);
        const files = collectRpms(inputs.rpms, workspace);
        const headers = await Promise.all(files.map((file) => queryPackageFile(file)));
        const nevras = headers.map((h) => `${h.name}-${h.epoch ? h.epoch + ':' : ''}${h.version}-${h.release}.${h.arch}`);
        setOutput('nevras', nevras);
        summary
            .paragraph(`${files.length} RPM(s) for channel \`${inputs.channel}\` of \`${inputs.target}\`${inputs.dryRun ? ' (dry run)' : ''}.`)
            .table(['NEVRA'], nevras.map((nevra) => [nevra]));
    },
    async post({ state }) {
        await cleanUp(state);
    },
});

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/net/download.ts
/** Reading URLs (http, https, file) with retries and backoff for the transient failures mirrors have. */



async function readUrl(url, options = {}) {
    if (url.startsWith('file://')) {
        try {
            return await (0,promises_namespaceObject.readFile)((0,external_node_url_namespaceObject.fileURLToPath)(url));
        }
        catch (error) {
            throw new InfrastructureError(`cannot read ${url}: ${error.message}`);
        }
    }
    const retries = options.retries ?? 3;
    const fetchImpl = options.fetchImpl ?? fetch;
    let lastError = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0)
            await delay((options.backoffMs ?? 1000) * 2 ** (attempt - 1), options.signal);
        try {
            const response = await fetchImpl(url, options.signal ? { signal: options.signal } : {});
            if (response.ok)
                return Buffer.from(await response.arrayBuffer());
            lastError = `HTTP ${response.status}`;
            // A client error other than throttling will not change on retry.
            if (response.status >= 400 && response.status < 500 && response.status !== 429)
                break;
        }
        catch (error) {
            if (options.signal?.aborted)
                throw error;
            lastError = error.message;
        }
    }
    throw new InfrastructureError(`download of ${url} failed: ${lastError}`);
}
function delay(ms, signal) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
        }, { once: true });
    });
}
/** Joins a base URL (with or without a trailing slash) and a relative path. */
function joinUrl(base, relative) {
    return new URL(relative, base.endsWith('/') ? base : `${base}/`).href;
}

;// CONCATENATED MODULE: ./src/repo/repomd.ts
/** repodata/repomd.xml: the index of a dnf repository's metadata files. */

/** repomd.xml has a fixed, flat shape; a small reader avoids an XML dependency in every bundle. */
function parseRepomd(xml, source = 'repomd.xml') {
    if (!/<repomd[\s>]/.test(xml))
        throw new InfrastructureError(`${source} is not a repomd.xml document`);
    const revision = /<revision>([^<]*)<\/revision>/.exec(xml)?.[1];
    const entries = [...xml.matchAll(/<data\s+type="([^"]+)"\s*>([\s\S]*?)<\/data>/g)].map(([, type, body]) => {
        const href = /<location\s+[^>]*href="([^"]+)"/.exec(body)?.[1];
        if (!href)
            throw new InfrastructureError(`${source}: the ${type} entry has no location`);
        const checksum = /<checksum\s+type="([^"]+)"\s*>([^<]+)<\/checksum>/.exec(body);
        return {
            type: type,
            href,
            ...(checksum ? { checksum: { type: checksum[1], value: checksum[2].trim() } } : {}),
        };
    });
    return { ...(revision !== undefined ? { revision } : {}), entries };
}

;// CONCATENATED MODULE: ./src/upstream/action.ts
/** check-upstream: has AlmaLinux published something the published repository has not rebuilt yet? */



const checkUpstream = defineAction({
    name: 'check-upstream',
    title: 'Check upstream',
    description: 'Compare the AlmaLinux repositories with the published repository and say what needs rebuilding.',
    inputs: {
        packages: list({
            description: 'Source package names to watch.',
            default: 'kernel, qemu-kvm, libvirt',
            item: /^[A-Za-z0-9._+-]+$/,
            itemAccepted: 'package names',
        }),
        'upstream-url': url({
            description: 'The upstream source repository (the folder holding repodata/); file:// works.',
            default: 'https://repo.almalinux.org/almalinux/9/BaseOS/Source',
        }),
        'published-url': url({
            description: 'The published repository whose contents are the state (the folder holding repodata/).',
            required: true,
        }),
        force: inputs_boolean({
            description: 'Report `changed: true` whatever the repositories say.',
            default: 'false',
        }),
    },
    outputs: {
        'upstream-revision': 'The revision of the upstream repository metadata.',
        'published-revision': 'The revision of the published repository metadata.',
    },
    async main({ inputs, setOutput, summary, signal }) {
        const read = async (url) => {
            const location = joinUrl(url, 'repodata/repomd.xml');
            return parseRepomd((await readUrl(location, { signal })).toString('utf8'), location);
        };
        const upstream = await read(inputs.upstreamUrl);
        const published = await read(inputs.publishedUrl);
        setOutput('upstream-revision', upstream.revision ?? '');
        setOutput('published-revision', published.revision ?? '');
        const rows = [
            ['Upstream', inputs.upstreamUrl, upstream.revision ?? 'none', String(upstream.entries.length)],
            ['Published', inputs.publishedUrl, published.revision ?? 'none', String(published.entries.length)],
        ];
        summary.table(['Repository', 'URL', 'Revision', 'Metadata files'], rows);
        summary.paragraph(`Watching: ${inputs.packages.join(', ')}${inputs.force ? ' (forced)' : ''}`);
    },
});

;// CONCATENATED MODULE: ./src/actions.ts





const ACTIONS = [
    checkUpstream,
    buildKernel,
    patchQemu,
    bootTestGuest,
    publishRepo,
];
function findAction(name) {
    return ACTIONS.find((action) => action.name === name);
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/host/cli.ts
/**
 * The command line as an ActionHost: inputs from `--input name=value`, outputs and a plain-text
 * summary on stdout, state in a JSON file (so a separate post run can clean up after a killed
 * main), and a cache in a local folder.
 */





function defaultCacheDir() {
    return (0,external_node_path_namespaceObject.join)(process.env.XDG_CACHE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.cache'), 'kvm-actions');
}
/** Tarballs in a folder, named by a hash of the key; restore keys match on the key's prefix. */
function folderCache(dir, workspace) {
    const file = (key) => (0,external_node_path_namespaceObject.join)(dir, `${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(key).digest('hex').slice(0, 32)}.tar`);
    const index = (0,external_node_path_namespaceObject.join)(dir, 'keys.json');
    const readIndex = () => (0,external_node_fs_namespaceObject.existsSync)(index) ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(index, 'utf8')) : {};
    return {
        async restore(paths, key, restoreKeys = []) {
            const keys = readIndex();
            let hit = keys[key] && (0,external_node_fs_namespaceObject.existsSync)(file(key)) ? key : undefined;
            for (const prefix of restoreKeys) {
                if (hit)
                    break;
                hit = Object.keys(keys)
                    .filter((k) => k.startsWith(prefix) && (0,external_node_fs_namespaceObject.existsSync)(file(k)))
                    .sort((a, b) => (0,external_node_fs_namespaceObject.statSync)(file(b)).mtimeMs - (0,external_node_fs_namespaceObject.statSync)(file(a)).mtimeMs)[0];
            }
            if (!hit)
                return undefined;
            await exec(['tar', '-xf', file(hit), '-C', workspace]);
            return hit;
        },
        async save(paths, key) {
            (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
            const target = file(key);
            await exec(['tar', '-cf', `${target}.partial`, '-C', workspace, '--', ...paths]);
            (0,external_node_fs_namespaceObject.renameSync)(`${target}.partial`, target);
            (0,external_node_fs_namespaceObject.writeFileSync)(index, JSON.stringify({ ...readIndex(), [key]: paths.join('\n') }, null, 2));
        },
    };
}
function cliHost(options) {
    const out = options.out ?? ((text) => process.stdout.write(text));
    const err = options.err ?? ((text) => process.stderr.write(text));
    const secrets = [];
    const mask = (text) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
    const readState = () => (0,external_node_fs_namespaceObject.existsSync)(options.stateFile)
        ? JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(options.stateFile, 'utf8'))
        : {};
    const outputs = {};
    let depth = 0;
    const indent = () => '  '.repeat(depth);
    return {
        kind: 'cli',
        workspace: options.workspace,
        runInfo: {},
        cache: folderCache(options.cacheDir, options.workspace),
        outputs,
        getInput: (name) => options.inputs[name] ?? '',
        setOutput: (name, value) => {
            outputs[name] = value;
        },
        setSecret: (value) => {
            if (value)
                secrets.push(value);
        },
        info: (message) => out(mask(`${indent()}${message}\n`)),
        warning: (message) => err(mask(`${indent()}warning: ${message}\n`)),
        debug: (message) => {
            if (process.env.RUNNER_DEBUG === '1')
                err(mask(`${indent()}debug: ${message}\n`));
        },
        async group(title, fn) {
            out(mask(`${indent()}▸ ${title}\n`));
            depth++;
            try {
                return await fn();
            }
            finally {
                depth--;
            }
        },
        annotate: (kind, message, properties) => {
            const where = properties?.file
                ? ` (${properties.file}${properties.startLine ? `:${properties.startLine}` : ''})`
                : '';
            err(mask(`${kind}: ${properties?.title ? properties.title + ': ' : ''}${message}${where}\n`));
        },
        async writeSummary(summary) {
            out(mask(`\n${summary.toText()}\n`));
        },
        saveState: (name, value) => {
            (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(options.stateFile, '..'), { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)(options.stateFile, JSON.stringify({ ...readState(), [name]: value }, null, 2));
        },
        getState: (name) => readState()[name] ?? '',
        fail: (headline) => err(mask(`${headline}\n`)),
    };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * kvm-actions: the suite's actions outside GitHub Actions, through exactly the same entry code.
 *
 *   kvm-actions <action> [--input name=value]... [--phase main|post|all] [--workspace DIR]
 *
 * Outputs are printed as name=value lines after a plain-text summary; the exit code is the
 * action's. The post phase runs after main, as on the runner with post-if: always().
 */





const defaultIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
};
const PHASES = ['main', 'post', 'all'];
function usage() {
    return [
        'Usage: kvm-actions <action> [--input name=value]... [--phase main|post|all] [--workspace DIR] [--state-file FILE]',
        '       kvm-actions list',
        '',
        'Actions:',
        ...ACTIONS.map((action) => `  ${action.name.padEnd(16)} ${action.description}`),
        '',
        "Run 'kvm-actions <action> --help' for an action's inputs and outputs.",
        '',
    ].join('\n');
}
function actionHelp(name) {
    const action = findAction(name);
    const lines = [`${action.name}: ${action.description}`, '', 'Inputs (--input name=value):'];
    for (const [input, def] of Object.entries(action.inputs)) {
        const flag = def.required ? ' (required)' : def.default !== undefined ? ` (default: ${def.default})` : '';
        lines.push(`  ${input}${flag}`, `      ${def.description}`, `      Accepted: ${def.accepted}`);
    }
    lines.push('', 'Outputs:', ...Object.entries(action.outputs).map(([output, text]) => `  ${output}: ${text}`), '');
    return lines.join('\n');
}
function parseArgs(args) {
    const [action = '', ...rest] = args;
    const parsed = { action, inputs: {}, phase: 'all', help: false };
    for (let i = 0; i < rest.length; i++) {
        const flag = rest[i];
        const value = () => {
            const next = rest[++i];
            if (next === undefined)
                throw new ConfigurationError(`Option ${flag} needs a value.`);
            return next;
        };
        if (flag === '--help' || flag === '-h')
            parsed.help = true;
        else if (flag === '--input' || flag === '-i') {
            const pair = value();
            const eq = pair.indexOf('=');
            if (eq <= 0)
                throw new ConfigurationError(`Option --input has value ${JSON.stringify(pair)}; expected name=value.`);
            parsed.inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        else if (flag === '--phase') {
            const phase = value();
            if (!PHASES.includes(phase)) {
                throw new ConfigurationError(`Option --phase has value ${JSON.stringify(phase)}; expected one of ${PHASES.join(', ')}.`);
            }
            parsed.phase = phase;
        }
        else if (flag === '--workspace')
            parsed.workspace = value();
        else if (flag === '--state-file')
            parsed.stateFile = value();
        else
            throw new ConfigurationError(`Unknown option ${JSON.stringify(flag)}; see kvm-actions --help.`);
    }
    return parsed;
}
async function runCli(args, io = defaultIo) {
    if (args.length === 0 || args[0] === '--help' || args[0] === '-h') {
        io.out(usage());
        return args.length === 0 ? 1 : 0;
    }
    if (args[0] === 'list') {
        io.out(ACTIONS.map((action) => action.name).join('\n') + '\n');
        return 0;
    }
    let parsed;
    try {
        parsed = parseArgs(args);
        const action = findAction(parsed.action);
        if (!action) {
            throw new ConfigurationError(`Unknown action ${JSON.stringify(parsed.action)}; expected one of ${ACTIONS.map((a) => a.name).join(', ')}.`);
        }
        const unknown = Object.keys(parsed.inputs).filter((name) => !(name in action.inputs));
        if (unknown.length > 0) {
            throw new ConfigurationError(`Input '${unknown[0]}' is not an input of ${action.name}; expected one of ${Object.keys(action.inputs).join(', ')}.`);
        }
    }
    catch (error) {
        io.err(`${error.headline}\n`);
        return 1;
    }
    if (parsed.help) {
        io.out(actionHelp(parsed.action));
        return 0;
    }
    const action = findAction(parsed.action);
    const workspace = (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.workspace ?? '.');
    const host = cliHost({
        inputs: parsed.inputs,
        workspace,
        stateFile: (0,external_node_path_namespaceObject.resolve)(io.cwd, parsed.stateFile ?? (0,external_node_path_namespaceObject.join)(workspace, '.kvm-actions', `${action.name}.state.json`)),
        cacheDir: defaultCacheDir(),
        out: io.out,
        err: io.err,
    });
    let code = 0;
    if (parsed.phase !== 'post')
        code = await runAction(action, host, 'main');
    if (parsed.phase !== 'main' && action.post)
        code = Math.max(code, await runAction(action, host, 'post'));
    const outputs = Object.entries(host.outputs);
    if (outputs.length > 0)
        io.out(`Outputs:\n${outputs.map(([name, value]) => `${name}=${value}`).join('\n')}\n`);
    return code;
}


/***/ }),

/***/ 546:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(497);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(546);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
