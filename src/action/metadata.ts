/**
 * action.yml files generated from the action definitions, so that what an action declares and
 * what its code reads are the same record. tests/action/metadata.test.ts fails when a committed
 * action.yml differs (`npm run gen` rewrites them).
 */
import { parse, stringify } from 'yaml'
import type { AnyAction } from './definition.js'
import type { InputSpecs } from './inputs.js'

export const SUITE_NAME = 'KVM on POWER for AlmaLinux'
const USING = 'node24'

interface YamlInput {
  description: string
  required: boolean
  default?: string
}

function inputsOf(action: AnyAction, withDefaults = true): Record<string, YamlInput> {
  return Object.fromEntries(
    Object.entries(action.inputs as InputSpecs).map(([name, def]) => [
      name,
      {
        description: `${def.description} Accepted: ${def.accepted}.`,
        required: def.required,
        ...(withDefaults && def.default !== undefined ? { default: def.default } : {}),
      },
    ]),
  )
}

function outputsOf(action: AnyAction): Record<string, { description: string }> {
  return Object.fromEntries(
    Object.entries(action.outputs as Record<string, string>).map(([name, description]) => [
      name,
      { description },
    ]),
  )
}

const HEADER = '# Generated from src/ by `npm run gen`; edit the action definition, not this file.\n'

export function actionYaml(action: AnyAction): string {
  const dist = `../../dist/${action.name}`
  return (
    HEADER +
    stringify(
      {
        name: `${SUITE_NAME}: ${action.title}`,
        description: action.description,
        author: 'kvm-power-actions',
        inputs: inputsOf(action),
        outputs: outputsOf(action),
        runs: {
          using: USING,
          main: `${dist}/index.js`,
          ...(action.post ? { post: `${dist}/index.js`, 'post-if': 'always()' } : {}),
        },
      },
      { lineWidth: 0 },
    )
  )
}

/**
 * The root action runs any action by name. It declares every action's inputs without defaults:
 * defaults differ between actions, and the parser applies the selected action's own.
 */
export function suiteYaml(actions: readonly AnyAction[]): string {
  const inputs: Record<string, YamlInput> = {
    action: { description: `The action to run: ${actions.map((a) => a.name).join(', ')}.`, required: true },
  }
  const outputs: Record<string, { description: string }> = {}
  for (const action of actions) {
    for (const [name, input] of Object.entries(inputsOf(action, false))) {
      const text = `${action.name}: ${input.description}${action.inputs[name].default !== undefined ? ` Default: ${action.inputs[name].default}.` : ''}`
      inputs[name] = {
        description: inputs[name] ? `${inputs[name].description}\n${text}` : text,
        required: false,
      }
    }
    for (const [name, output] of Object.entries(outputsOf(action))) {
      const text = `${action.name}: ${output.description}`
      outputs[name] = { description: outputs[name] ? `${outputs[name].description}\n${text}` : text }
    }
  }
  return (
    HEADER +
    stringify(
      {
        name: SUITE_NAME,
        description:
          'Rebuild, boot-test, sign and publish the KVM stack (kernel, qemu-kvm, libvirt) for AlmaLinux 9 on IBM POWER.',
        author: 'kvm-power-actions',
        branding: { icon: 'cpu', color: 'blue' },
        inputs,
        outputs,
        runs: {
          using: USING,
          main: 'dist/suite/index.js',
          post: 'dist/suite/index.js',
          'post-if': 'always()',
        },
      },
      { lineWidth: 0 },
    )
  )
}

interface ActionYaml {
  name: string
  description: string
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description: string }>
  runs: { post?: string }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

/** The line after which an action's page is written by hand; `npm run gen` keeps what follows it. */
export const HAND_WRITTEN_MARK =
  '<!-- Written by hand from here on: `npm run gen` regenerates only what is above. -->'

/**
 * docs/actions/<name>.md: the action's page, its tables rendered from its action.yml, then the
 * hand-written part (how it works) of the page as it is, from HAND_WRITTEN_MARK on.
 */
export function actionDocPage(name: string, actionYml: string, page = ''): string {
  const at = page.indexOf(HAND_WRITTEN_MARK)
  return `${generatedDocPage(name, actionYml)}\n${at === -1 ? `${HAND_WRITTEN_MARK}\n` : page.slice(at)}`
}

function generatedDocPage(name: string, actionYml: string): string {
  const yml = parse(actionYml) as ActionYaml
  const inputs = Object.entries(yml.inputs ?? {})
  const lines = [
    '<!-- Generated from actions/' +
      name +
      '/action.yml by `npm run gen`; edit the action definition in src/. -->',
    `# ${name}`,
    '',
    yml.description,
    '',
    '```yaml',
    `- uses: OWNER/kvm-power-actions/actions/${name}@<full commit SHA>`,
    ...(inputs.some(([, spec]) => spec.required)
      ? ['  with:', ...inputs.filter(([, spec]) => spec.required).map(([input]) => `    ${input}: …`)]
      : []),
    '```',
    '',
    'The same from a shell, on a runner or a workstation:',
    '',
    '```sh',
    `node dist/cli/index.js ${name} --input name=value …`,
    '```',
    '',
    '## Inputs',
    '',
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...inputs.map(
      ([input, spec]) =>
        `| \`${input}\` | ${spec.required ? 'yes' : 'no'} | ${spec.default !== undefined && spec.default !== '' ? `\`${cell(String(spec.default))}\`` : ''} | ${cell(spec.description)} |`,
    ),
    '',
    '## Outputs',
    '',
    '| Output | Description |',
    '| --- | --- |',
    ...Object.entries(yml.outputs ?? {}).map(
      ([output, spec]) => `| \`${output}\` | ${cell(spec.description)} |`,
    ),
    '',
    yml.runs.post
      ? 'A post step runs after the job, even when the step failed or was cancelled: it stops what the step started and removes its temporary files.'
      : 'This action has no post step: it leaves nothing running.',
    '',
  ]
  return lines.join('\n')
}
