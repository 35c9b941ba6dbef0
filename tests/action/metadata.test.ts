/**
 * action.yml files are generated from the definitions; this fails when a committed one differs.
 * `npm run gen` (UPDATE_ACTION_YML=1) rewrites them instead.
 */
import { REPORTING_INPUTS } from '../../src/action/reporting.js'
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { actionDocPage, actionYaml, HAND_WRITTEN_MARK, suiteYaml } from '../../src/action/metadata.js'
import { ACTIONS } from '../../src/actions.js'
import { type InputUse, inputUses } from '../support/input-uses.js'

const root = join(import.meta.dirname, '..', '..')
let checked: InputUse | undefined
/** One type-checked program for all the actions (a few seconds). */
const uses = (): InputUse => (checked ??= inputUses(root))
const update = process.env.UPDATE_ACTION_YML === '1'

function checkFile(file: string, expected: string): void {
  const full = join(root, file)
  if (update) {
    mkdirSync(join(full, '..'), { recursive: true })
    writeFileSync(full, expected)
  }
  expect(existsSync(full) ? readFileSync(full, 'utf8') : `(missing ${file})`).toBe(expected)
}

/** The source of the module that defines an action (src/<domain>/action.ts). */
function sourceOf(name: string): string {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('action.ts'))
    .map((file) => readFileSync(join(root, 'src', file), 'utf8'))
    .filter((text) => text.includes(`name: '${name}',`))
  expect(files).toHaveLength(1)
  return files[0]!
}

describe.each(ACTIONS.map((action) => [action.name, action] as const))('%s', (name, action) => {
  it('has a generated action.yml that matches its definition', () => {
    checkFile(join('actions', name, 'action.yml'), actionYaml(action))
  })

  it('has a docs page whose tables are those of its action.yml, and a hand-written how it works', () => {
    const yml = readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')
    const file = join(root, 'docs', 'actions', `${name}.md`)
    const before = existsSync(file) ? readFileSync(file, 'utf8') : ''
    checkFile(join('docs', 'actions', `${name}.md`), actionDocPage(name, yml, before))
    const page = readFileSync(file, 'utf8')
    for (const input of Object.keys(action.inputs)) expect(page).toContain(`| \`${input}\` |`)
    // The generated part is checked above; the part after the mark is the page's own.
    const own = page.slice(page.indexOf(HAND_WRITTEN_MARK) + HAND_WRITTEN_MARK.length)
    expect(own).toMatch(/^## How it works$/m)
  })

  it('runs on node24 from its bundle, with a post step where it cleans up', () => {
    const yml = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'))
    expect(yml.runs.using).toBe('node24')
    expect(yml.runs.main).toBe(`../../dist/${name}/index.js`)
    expect(existsSync(join(root, 'actions', name, yml.runs.main))).toBe(true)
    if (action.post) expect(yml.runs).toMatchObject({ post: yml.runs.main, 'post-if': 'always()' })
    for (const [input, spec] of Object.entries<{ description: string; default?: string; required: boolean }>(
      yml.inputs,
    )) {
      expect(spec.description.length).toBeGreaterThan(10)
      expect(spec.required || spec.default !== undefined || !action.inputs[input].required).toBe(true)
    }
    for (const spec of Object.values<{ description: string }>(yml.outputs))
      expect(spec.description.length).toBeGreaterThan(10)
  })

  it('reads every input it declares (found through the type checker, wherever the code reads it)', () => {
    // Reading an undeclared input does not compile; an input declared and never read is found here.
    const read = uses().read.get(name)!
    // The reporting inputs every action takes are read by the runner (action/run.ts), not the action.
    const declared = Object.keys(action.inputs).filter((input) => !(input in REPORTING_INPUTS))
    expect([...read.keys()].sort()).toEqual(declared.sort())
    for (const input of declared) expect({ input, read: read.get(input) }).toEqual({ input, read: true })
  })

  it('sets every output it declares, and declares every output it sets', () => {
    const source = sourceOf(name)
    const set = new Set([...source.matchAll(/setOutput\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]))
    for (const output of Object.keys(action.outputs))
      expect({ output, set: set.has(output) }).toEqual({ output, set: true })
    for (const output of set)
      expect({ output, declared: output! in action.outputs }).toEqual({ output, declared: true })
  })
})

describe('the root action.yml', () => {
  it('matches the suite definition and lists every action', () => {
    checkFile('action.yml', suiteYaml(ACTIONS))
    const yml = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
    for (const action of ACTIONS) {
      expect(yml.inputs.action.description).toContain(action.name)
      for (const input of Object.keys(action.inputs)) expect(yml.inputs).toHaveProperty([input])
      for (const output of Object.keys(action.outputs)) expect(yml.outputs).toHaveProperty([output])
    }
    expect(yml.runs).toEqual({
      using: 'node24',
      main: 'dist/suite/index.js',
      post: 'dist/suite/index.js',
      'post-if': 'always()',
    })
  })

  it('has exactly one actions/ folder per action', () => {
    expect(readdirSync(join(root, 'actions')).sort()).toEqual(ACTIONS.map((a) => a.name).sort())
  })
})
