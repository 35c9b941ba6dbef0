/**
 * @needs-system-tools
 * Our EVR comparison against rpm's own, on pairs chosen to hit every rule of rpmvercmp. */
import { execFileSync } from 'node:child_process'
import { compareEvr, formatEvr, newest, parseEvr, rpmvercmp } from '../../src/rpm/evr.js'

const PAIRS: [string, string][] = [
  ['1.0', '1.0'],
  ['1.0', '2.0'],
  ['2.0.1', '2.0'],
  ['2.0', '2.0.1'],
  ['1.0a', '1.0'],
  ['1.0', '1.0a'],
  ['1.0a', '1.0b'],
  ['1.10', '1.9'],
  ['1.010', '1.10'],
  ['1.001', '1.1'],
  ['5.5p1', '5.5p2'],
  ['5.5p10', '5.5p1'],
  ['10xyz', '10.1xyz'],
  ['xyz10', 'xyz10.1'],
  ['xyz.4', 'xyz.4'],
  ['xyz.4', '8'],
  ['8', 'xyz.4'],
  ['a', 'b'],
  ['b', 'a'],
  ['1.0~rc1', '1.0'],
  ['1.0~rc1', '1.0~rc2'],
  ['1.0~rc1~git123', '1.0~rc1'],
  ['1.0', '1.0~rc1'],
  ['1.0^', '1.0'],
  ['1.0^git1', '1.0'],
  ['1.0^git1', '1.0^git2'],
  ['1.0^git1', '1.01'],
  ['1.0^git1', '1.0^git1~pre'],
  ['1.0^git1~pre', '1.0^git1'],
  ['1.0~rc1^git1', '1.0~rc1'],
  ['1.0^git1', '1.0.1'],
  ['1_0', '1.0'],
  ['1+0', '1.0'],
  ['1..0', '1.0'],
  ['2.0.', '2.0'],
  ['+', '_'],
  ['el9', 'el9_6'],
  ['0.0', '0'],
  ['20101121', '20101122'],
  ['1.0-1', '1.0-2'],
  ['1.0-1.el9', '1.0-1.el9_6'],
  ['5.14.0-570.12.1.el9_6', '5.14.0-570.12.1.kvm1.el9_6'],
  ['5.14.0-570.12.1.kvm1.el9_6', '5.14.0-570.13.1.el9_6'],
  ['5.14.0-570.12.1.a1.el9_6', '5.14.0-570.12.1.el9_6'],
  ['5.14.0-570.12.1.el9_6.alma.1', '5.14.0-570.12.1.el9_6'],
  ['5.14.0-503.11.1.el9_5', '5.14.0-570.12.1.el9_6'],
  ['5.14.0-687.5.3.el9_8', '5.14.0-611.5.1.el9_7'],
  ['17:9.1.0-15.el9', '10.1.0-1.el9'],
  ['17:10.1.0-1.el9', '17:9.1.0-15.el9'],
  ['0:1.0-1', '1.0-1'],
  ['1:1.0-1', '2.0-1'],
  ['1.0', '1.0-1'],
  ['9.1.0-15.el9_6.alma.1', '9.1.0-15.el9_6'],
  ['10.1.0-1.el9.kvm1', '10.1.0-1.el9'],
  ['2.1.0-1', '2.1.0-1.0'],
  ['abc', 'abd'],
  ['ABC', 'abc'],
  ['1.0-0.rc1', '1.0-1'],
  ['6.0.0-0.1.rc2.fc40', '6.0.0-0.1.rc10.fc40'],
]

/** rpm's answers for all pairs in one call: its Lua `rpm.ver` objects compare whole EVRs. */
function rpmAnswers(): number[] {
  const lua = PAIRS.map(
    ([a, b]) =>
      `do local x, y = rpm.ver("${a}"), rpm.ver("${b}"); print((x < y and -1 or (x == y and 0 or 1)) .. ",") end`,
  ).join(' ')
  return execFileSync('rpm', ['--eval', `%{lua: ${lua}}`], { encoding: 'utf8' })
    .trim()
    .replace(/,$/, '')
    .split(',')
    .map(Number)
}

describe('compareEvr', () => {
  const answers = rpmAnswers()

  it('has a table of at least 50 pairs, all answered by rpm', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(50)
    expect(answers).toHaveLength(PAIRS.length)
  })

  it.each(PAIRS.map(([a, b], index) => [a, b, index] as const))('%s vs %s agrees with rpm', (a, b, index) => {
    expect(compareEvr(a, b)).toBe(answers[index])
    expect(compareEvr(b, a)).toBe(-answers[index]! || 0)
  })
})

describe('EVR helpers', () => {
  it('parses and formats [epoch:]version[-release]', () => {
    expect(parseEvr('17:9.1.0-15.el9')).toEqual({ epoch: 17, version: '9.1.0', release: '15.el9' })
    expect(parseEvr('10.1.0')).toEqual({ epoch: 0, version: '10.1.0' })
    expect(formatEvr(parseEvr('17:9.1.0-15.el9'))).toBe('17:9.1.0-15.el9')
  })

  it('picks the newest', () => {
    expect(
      newest(['5.14.0-503.11.1.el9_5', '5.14.0-570.12.1.el9_6', '5.14.0-427.13.1.el9_4'], (v) => v),
    ).toBe('5.14.0-570.12.1.el9_6')
    expect(newest([], (v: string) => v)).toBeUndefined()
  })

  it('compares bare version strings', () => {
    expect(rpmvercmp('1.0', '1.0.0')).toBe(-1)
  })
})
