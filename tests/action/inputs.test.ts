import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import * as input from '../../src/action/inputs.js'
import { formatDuration } from '../../src/report/duration.js'
import { rpmVersion } from '../../src/steps/rpm-inputs.js'

const workspace = mkdtempSync(join(tmpdir(), 'inputs-'))
const ctx = { workspace }

function parseOne<T>(def: input.InputDef<T>, raw: string): T {
  return (input.parseInputs({ value: def }, () => raw, ctx) as { value: T }).value
}

function errorOf(def: input.InputDef<unknown>, raw: string, name = 'value'): string {
  try {
    input.parseInputs({ [name]: def }, () => raw, ctx)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`)
}

describe('parseInputs', () => {
  it('turns kebab-case names into camelCase keys and applies defaults', () => {
    const values = input.parseInputs(
      {
        'boot-timeout': input.duration({ description: 'd', default: '15m' }),
        'kvm-profile': input.boolean({ description: 'b', default: 'true' }),
      },
      () => '',
      ctx,
    )
    expect(values).toEqual({ bootTimeout: 15 * 60_000, kvmProfile: true })
  })

  it('names a missing required input and its accepted form, on one line', () => {
    const message = errorOf(rpmVersion({ description: 'v', required: true }), '   ', 'kernel-version')
    expect(message).toBe(
      "Input 'kernel-version' is required but was not given; expected an RPM version such as 5.14.0-570.12.1.el9_6 or 17:9.1.0-15.el9 ([epoch:]version[-release], no spaces).",
    )
    expect(message).not.toContain('\n')
  })

  it('gives undefined for an optional input that was not given', () => {
    expect(parseOne(input.url({ description: 'u' }), '')).toBeUndefined()
  })

  it('hides the value of a secret input in its error', () => {
    const message = errorOf(input.string({ description: 's', secret: true, pattern: /^x$/ }), 'hunter2')
    expect(message).not.toContain('hunter2')
    expect(message).toContain('(secret value hidden)')
  })

  it('shows a multi-line bad value on one line', () => {
    expect(errorOf(input.integer({ description: 'i' }), '1\n2')).toContain('"1\\n2"')
  })
})

describe('input kinds', () => {
  it('boolean', () => {
    const def = input.boolean({ description: 'b', required: true })
    expect(parseOne(def, 'TRUE')).toBe(true)
    expect(parseOne(def, 'no')).toBe(false)
    expect(errorOf(def, 'maybe')).toContain('expected true or false')
  })

  it('integer with bounds', () => {
    const def = input.integer({ description: 'i', required: true, min: 1, max: 64 })
    expect(parseOne(def, '8')).toBe(8)
    expect(errorOf(def, '0')).toContain('a whole number from 1 to 64')
    expect(errorOf(def, '65')).toContain('"65"')
    expect(errorOf(def, '2.5')).toContain('a whole number')
  })

  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
  ])('duration %s', (raw, ms) => {
    expect(parseOne(input.duration({ description: 'd', required: true }), raw)).toBe(ms)
  })

  it.each(['-5m', '0s', '15', '15 m', 'm', '1h30', '10x'])('refuses the duration %j', (raw) => {
    expect(errorOf(input.duration({ description: 'd', required: true }), raw, 'timeout')).toMatch(
      /^Input 'timeout' has an invalid value .*; expected a positive duration such as 90s, 15m or 1h30m\.$/,
    )
  })

  it('duration with a maximum', () => {
    const def = input.duration({ description: 'd', required: true, max: 3_600_000 })
    expect(errorOf(def, '2h')).toContain('at most 1h')
  })

  it('list splits on newlines and commas and drops blanks', () => {
    const def = input.list({ description: 'l' })
    expect(parseOne(def, 'kernel, qemu-kvm\n\n libvirt ,')).toEqual(['kernel', 'qemu-kvm', 'libvirt'])
    expect(parseOne(def, '')).toEqual([])
    expect(
      errorOf(input.list({ description: 'l', item: /^[a-z-]+$/, itemAccepted: 'package names' }), 'ok, Bad!'),
    ).toContain('a list of package names')
  })

  it('oneOf', () => {
    const def = input.oneOf({ description: 'e', values: ['auto', 'kvm', 'tcg'], default: 'auto' })
    expect(parseOne(def, 'kvm')).toBe('kvm')
    expect(parseOne(def, '')).toBe('auto')
    expect(errorOf(def, 'KVM')).toContain('expected one of auto, kvm, tcg')
  })

  it('path: existence, kind, and staying inside the workspace', () => {
    mkdirSync(join(workspace, 'dir'), { recursive: true })
    writeFileSync(join(workspace, 'dir', 'file'), 'x')
    symlinkSync('/etc', join(workspace, 'escape'))
    const file = input.path({ description: 'p', required: true, mustExist: 'file', insideWorkspace: true })
    expect(parseOne(file, 'dir/file')).toBe(join(workspace, 'dir', 'file'))
    expect(errorOf(file, 'dir')).toContain('(it is not a file)')
    expect(errorOf(file, 'nope')).toContain('(it does not exist)')
    expect(errorOf(file, '/etc/hostname')).toContain('(it is outside the workspace)')
    expect(errorOf(file, 'escape/hostname')).toContain('(it is outside the workspace)')
    expect(errorOf(file, '../x')).toContain('a path to an existing file inside the workspace')
  })

  it('url', () => {
    const def = input.url({ description: 'u', required: true, protocols: ['https', 'file'] })
    expect(parseOne(def, 'https://repo.almalinux.org/almalinux/9')).toBe(
      'https://repo.almalinux.org/almalinux/9',
    )
    expect(parseOne(def, 'file:///srv/repo')).toBe('file:///srv/repo')
    expect(errorOf(def, 'http://example.org/')).toContain('a URL starting with https://, file://')
    expect(errorOf(def, 'not a url')).toContain('"not a url"')
  })

  it.each(['5.14.0-570.12.1.el9_6', '17:9.1.0-15.el9', '10.1.0', '1.0~rc1-1', '2.0^git1-3.fc40'])(
    'rpmVersion accepts %s',
    (raw) => {
      expect(parseOne(rpmVersion({ description: 'v', required: true }), raw)).toBe(raw)
    },
  )

  it.each(['5.14.0 570', '-1', 'x:1.0', '1.0-', '1.0-1-2', ':1'])('rpmVersion refuses %j', (raw) => {
    expect(errorOf(rpmVersion({ description: 'v', required: true }), raw, 'version')).toMatch(
      /^Input 'version' has an invalid value .*; expected an RPM version such as/,
    )
  })
})

describe('durations', () => {
  it('formats durations for people', () => {
    expect(formatDuration(1500)).toBe('1.5s')
    expect(formatDuration(90_000)).toBe('1m30s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(5_430_000)).toBe('1h30m30s')
    expect(formatDuration(12)).toBe('12ms')
  })
})
