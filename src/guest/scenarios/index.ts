/** The boot scenarios by name. */
import { imageScenario } from './image.js'
import { kernelScenario } from './kernel.js'
import { nestedScenario } from './nested.js'
import type { Scenario } from './scenario.js'

export type { PreparedGuest, Scenario, ScenarioRequest } from './scenario.js'

export const SCENARIOS = {
  kernel: kernelScenario,
  nested: nestedScenario,
  image: imageScenario,
} as const satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof SCENARIOS
