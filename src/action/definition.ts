/**
 * An action of the suite: its inputs and outputs (which also generate its action.yml) and the
 * main and optional post phases. The phases receive everything they use in an ActionContext, so
 * they run the same under the GitHub runner, the CLI and the tests.
 */
import type { ActionHost, RunInfo } from '../host/host.js'
import type { ArtifactCache } from '../fs/artifact-cache.js'
import type { Reporter } from '../reporter.js'
import type { InputSpecs, InputValues } from './inputs.js'
import { REPORTING_INPUTS } from './reporting.js'

export type OutputValue = string | number | boolean | object

export interface PhaseContext extends Reporter {
  workspace: string
  runInfo: RunInfo
  cache: ArtifactCache
  setSecret(value: string): void
  /** An input's text as given, unparsed: for a post phase, which gets no parsed inputs. */
  rawInput(name: string): string
  /** Values the post phase needs (pidfiles, temporary directories), saved as JSON. */
  state: { save(name: string, value: unknown): void; get<T>(name: string): T | undefined }
  host: ActionHost['kind']
}

export interface ActionContext<I extends InputSpecs, O extends string> extends PhaseContext {
  inputs: InputValues<I>
  setOutput(name: O, value: OutputValue): void
}

export interface ActionDefinition<I extends InputSpecs = InputSpecs, O extends string = string> {
  /** Folder name under actions/ and the CLI sub-command. */
  name: string
  title: string
  description: string
  inputs: I
  outputs: Record<O, string>
  /**
   * Checks between inputs (this one only with that one), run after every input parsed and
   * before main does any work; returns each problem as a line naming the inputs.
   */
  validate?(inputs: InputValues<I>, context: { workspace: string }): string[]
  main(ctx: ActionContext<I, O>): Promise<void>
  /** Cleanup that runs after main even when it failed or was killed (post-if: always()). */
  post?(ctx: PhaseContext): Promise<void>
}

/** Every action also takes the reporting inputs (failure-issue, github-token). */
export function defineAction<I extends InputSpecs, O extends string>(
  definition: ActionDefinition<I, O>,
): ActionDefinition<I & typeof REPORTING_INPUTS, O> {
  return { ...definition, inputs: { ...definition.inputs, ...REPORTING_INPUTS } }
}

// Any action, whatever its inputs; used by registries that hold them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDefinition<any, any>
