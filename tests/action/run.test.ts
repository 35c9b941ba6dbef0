import { defineAction, InfrastructureError, input, TestFailure } from '../../src/action/index.js'
import { runAction } from '../../src/action/run.js'
import { capturedHost } from '../support/hosts.js'

const demo = defineAction({
  name: 'demo',
  title: 'Demo',
  description: 'A demo action.',
  inputs: {
    mode: input.oneOf({
      description: 'What to do.',
      values: ['pass', 'infra', 'test', 'bug', 'annotate'],
      required: true,
    }),
    'work-items': input.integer({ description: 'How many.', default: '2', min: 1 }),
  },
  outputs: { count: 'How many items.', details: 'JSON details.' },
  validate: (inputs) =>
    inputs.mode === 'annotate' && inputs.workItems > 10
      ? ["Input 'work-items' is more than 10, which mode annotate cannot take; expected at most 10"]
      : [],
  async main({ inputs, setOutput, summary, state, annotate }) {
    state.save('work', { items: inputs.workItems })
    setOutput('count', inputs.workItems)
    setOutput('details', { mode: inputs.mode })
    summary.paragraph('did the work')
    if (inputs.mode === 'infra') throw new InfrastructureError('/dev/kvm is missing')
    if (inputs.mode === 'test') throw new TestFailure('guest panicked: Kernel panic - not syncing')
    if (inputs.mode === 'bug') throw new TypeError('x is undefined')
    if (inputs.mode === 'annotate') for (let i = 0; i < 12; i++) annotate('error', `problem ${i}`)
  },
  async post({ state, log }) {
    log.info(`cleaning up ${JSON.stringify(state.get('work'))}`)
  },
})

describe('runAction', () => {
  it('passes typed inputs, sets outputs (objects as JSON) and writes the summary', async () => {
    const host = capturedHost({ mode: 'pass', 'work-items': '5' })
    expect(await runAction(demo, host)).toBe(0)
    expect(host.outputs).toEqual({ count: '5', details: '{"mode":"pass"}' })
    expect(host.stdout.join('')).toContain('✅ Demo: passed')
    expect(host.stdout.join('')).toContain('did the work')
  })

  it.each([
    ['infra', 'Infrastructure error: /dev/kvm is missing'],
    ['test', 'Test failure: guest panicked: Kernel panic - not syncing'],
    ['bug', 'Internal error: x is undefined'],
  ])('reports a %s failure with its own headline and exit code 1', async (mode, headline) => {
    const host = capturedHost({ mode })
    expect(await runAction(demo, host)).toBe(1)
    expect(host.stderr.join('')).toBe(`${headline}\n`)
    // In a terminal the summary leads with the verdict and leaves the failure line to stderr:
    // the line is printed once. What the action wrote before failing stays.
    expect(host.stdout.join('')).toMatch(/^\n\S+ Demo: failed\n/)
    expect(host.stdout.join('')).not.toContain(headline)
    expect(host.stdout.join('')).toContain('did the work')
    expect(host.outputs.count).toBe('2')
  })

  it('reports every bad input of a run together, each on its own line, before any work', async () => {
    const host = capturedHost({ mode: 'sideways', 'work-items': '0' })
    expect(await runAction(demo, host)).toBe(1)
    const error = host.stderr.join('')
    expect(error).toMatch(/^Configuration error: 2 problems with the inputs:\n/)
    expect(error).toContain(`  - Input 'mode' has an invalid value "sideways"`)
    expect(error).toContain(
      `  - Input 'work-items' has an invalid value "0"; expected a whole number of at least 1.`,
    )
    expect(error.match(/Input 'mode'/g)).toHaveLength(1)
    expect(host.stdout.join('')).not.toContain('did the work')
    expect(host.outputs).toEqual({})
  })

  it('checks between inputs after parsing and before main', async () => {
    const host = capturedHost({ mode: 'annotate', 'work-items': '11' })
    expect(await runAction(demo, host)).toBe(1)
    expect(host.stderr.join('')).toBe(
      "Configuration error: Input 'work-items' is more than 10, which mode annotate cannot take; expected at most 10\n",
    )
    expect(host.stdout.join('')).not.toContain('did the work')
  })

  it('fails on bad input before any work, naming the input', async () => {
    const host = capturedHost({ mode: 'pass', 'work-items': '0' })
    expect(await runAction(demo, host)).toBe(1)
    expect(host.stderr.join('')).toBe(
      `Configuration error: Input 'work-items' has an invalid value "0"; expected a whole number of at least 1.\n`,
    )
    expect(host.outputs).toEqual({})
  })

  it('hands state from main to post', async () => {
    const host = capturedHost({ mode: 'test', 'work-items': '3' })
    await runAction(demo, host, 'main')
    expect(await runAction(demo, host, 'post')).toBe(0)
    expect(host.stdout.join('')).toContain('cleaning up {"items":3}')
  })

  it('caps annotations and notes the rest in the summary', async () => {
    const host = capturedHost({ mode: 'annotate' })
    await runAction(demo, host)
    expect(host.stderr.filter((line) => line.startsWith('error: problem'))).toHaveLength(10)
    expect(host.stdout.join('')).toContain('2 errors not annotated (GitHub shows 10 of each kind per step)')
  })

  it('masks secrets in everything the host prints', async () => {
    const leaky = defineAction({
      name: 'leaky',
      title: 'Leaky',
      description: 'd',
      inputs: { passphrase: input.string({ description: 'p', secret: true, required: true }) },
      outputs: {},
      async main({ inputs, setSecret, log }) {
        setSecret(inputs.passphrase)
        log.info(`using ${inputs.passphrase}`)
        throw new InfrastructureError(`gpg refused ${inputs.passphrase}`)
      },
    })
    const host = capturedHost({ passphrase: 's3cr3t-pass' })
    await runAction(leaky, host)
    const all = host.stdout.join('') + host.stderr.join('')
    expect(all).not.toContain('s3cr3t-pass')
    expect(all).toContain('gpg refused ***')
  })
})
