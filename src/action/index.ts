/** The action framework in one import: definitions, typed inputs (as `input.*`), errors. */
export * from './definition.js'
export * from '../errors.js'
export * as input from './inputs.js'
