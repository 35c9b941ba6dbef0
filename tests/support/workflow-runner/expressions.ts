/**
 * `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions), over plain JSON
 * contexts. Reading an output that nobody set is recorded as a dangling reference: on GitHub it
 * silently yields '', which is how a step ends up pointing at a path or value nothing produced.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { ContextAccess, type Expr, IndexAccess, Literal } from '@actions/expressions/ast'
import type { ExpressionData } from '@actions/expressions/data/expressiondata'
import type { FunctionDefinition } from '@actions/expressions/funcs/info'
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value }
export type Contexts = Record<string, Value>

/** The job or step state the status functions read. */
export interface Status {
  /** Nothing before failed (and nothing was cancelled). */
  success: boolean
  /** Something before failed. */
  failure: boolean
}

export class WorkflowSyntaxError extends Error {}

const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'matrix',
  'strategy',
  'needs',
  'steps',
  'job',
  'jobs',
  'runner',
]
const OUTPUT_CONTEXTS = new Set(['steps', 'needs', 'jobs'])

function statusFunctions(status: Status): FunctionDefinition[] {
  const fn = (name: string, result: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(result()),
  })
  return [
    fn('success', () => status.success),
    fn('failure', () => status.failure),
    fn('always', () => true),
    fn('cancelled', () => false),
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: () => {
        throw new WorkflowSyntaxError('hashFiles() is not supported by the local runner')
      },
    },
  ]
}

/** The literal path of an access chain such as steps.kernel.outputs.nvr, or undefined. */
function accessPath(expr: Expr): string[] | undefined {
  if (expr instanceof ContextAccess) return [expr.name.lexeme]
  if (expr instanceof IndexAccess && expr.index instanceof Literal) {
    const head = accessPath(expr.expr)
    return head && [...head, expr.index.literal.coerceString()]
  }
  return undefined
}

class TrackingEvaluator extends Evaluator {
  constructor(
    expr: Expr,
    context: data.Dictionary,
    functions: Map<string, FunctionDefinition>,
    private readonly contexts: Contexts,
    private readonly dangling: string[],
  ) {
    super(expr, context, functions)
  }

  override visitIndexAccess(access: IndexAccess): ExpressionData {
    const result = super.visitIndexAccess(access)
    const path = accessPath(access)
    if (
      path?.length === 4 &&
      OUTPUT_CONTEXTS.has(path[0]!) &&
      path[2] === 'outputs' &&
      result.kind === data.Kind.Null
    ) {
      const owner = (this.contexts[path[0]!] as Record<string, Value> | undefined)?.[path[1]!]
      // Only outputs of a step or job that exists and ran: a skipped one legitimately has none.
      if (owner && typeof owner === 'object' && (owner as Record<string, Value>).ran !== false)
        this.dangling.push(path.join('.'))
    }
    return result
  }
}

function toData(value: Value): data.Dictionary {
  return JSON.parse(JSON.stringify(value), data.reviver) as data.Dictionary
}

function fromData(result: ExpressionData): Value {
  return JSON.parse(JSON.stringify(result, data.replacer) ?? 'null') as Value
}

export interface EvaluationOptions {
  status?: Status
  /** Collects the output references that resolved to nothing. */
  dangling?: string[]
}

export function evaluate(expression: string, contexts: Contexts, options: EvaluationOptions = {}): Value {
  const functions = statusFunctions(options.status ?? { success: true, failure: false })
  let expr: Expr
  try {
    expr = new Parser(new Lexer(expression).lex().tokens, CONTEXT_NAMES, functions).parse()
  } catch (error) {
    throw new WorkflowSyntaxError(`cannot parse \${{ ${expression} }}: ${(error as Error).message}`)
  }
  const evaluator = new TrackingEvaluator(
    expr,
    toData(visibleContexts(contexts)),
    new Map(functions.map((fn) => [fn.name.toLowerCase(), fn])),
    contexts,
    options.dangling ?? [],
  )
  return fromData(evaluator.evaluate())
}

/** The contexts as expressions see them: the runner's bookkeeping keys (ran) left out. */
function visibleContexts(contexts: Contexts): Contexts {
  const strip = (entries: Value): Value =>
    entries && typeof entries === 'object' && !Array.isArray(entries)
      ? Object.fromEntries(
          Object.entries(entries).map(([key, entry]) => [
            key,
            entry && typeof entry === 'object' && !Array.isArray(entry)
              ? Object.fromEntries(Object.entries(entry).filter(([name]) => name !== 'ran'))
              : entry,
          ]),
        )
      : entries
  return {
    ...contexts,
    steps: strip(contexts.steps ?? {}),
    needs: strip(contexts.needs ?? {}),
    jobs: strip(contexts.jobs ?? {}),
  }
}

/** A template token (mapping, sequence, literal or expression) as a plain value. */
export function evaluateToken(
  token: TemplateToken,
  contexts: Contexts,
  options: EvaluationOptions = {},
): Value {
  if (isBasicExpression(token)) return evaluate(token.expression, contexts, options)
  if (isString(token)) return token.value
  if (isNumber(token)) return token.value
  if (isBoolean(token)) return token.value
  if (isSequence(token)) {
    const items: Value[] = []
    for (let i = 0; i < token.count; i++) items.push(evaluateToken(token.get(i), contexts, options))
    return items
  }
  if (isMapping(token)) {
    const entries: Record<string, Value> = {}
    for (const pair of token)
      entries[String(evaluateToken(pair.key, contexts, options))] = evaluateToken(
        pair.value,
        contexts,
        options,
      )
    return entries
  }
  if (token.templateTokenType === 7 /* Null */) return null
  throw new WorkflowSyntaxError(`unsupported template token ${token.typeName()} at line ${token.line ?? '?'}`)
}

/** A string with `${{ }}` parts, such as an action.yml default. */
export function evaluateTemplateString(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expression: string) =>
    toText(evaluate(expression.trim(), contexts)),
  )
}

/** The string an expression result becomes in a with: value, env value or run script. */
export function toText(value: Value): string {
  if (value === null) return ''
  if (typeof value === 'object') return Array.isArray(value) ? 'Array' : 'Object'
  return String(value)
}

/** GitHub's truthiness: false, 0, -0, '', null and NaN are false. */
export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '' || value === 0) return false
  if (typeof value === 'number' && Number.isNaN(value)) return false
  return true
}
