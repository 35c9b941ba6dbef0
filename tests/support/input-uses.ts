/**
 * Which declared inputs the code reads, found through the TypeScript checker rather than by
 * matching text: every property read anywhere in src/ (a member access, a destructuring, a
 * Pick of the inputs passed to a helper in another file) is resolved to the input declaration
 * it comes from. Reading an undeclared input is already a type error, so only the other
 * direction needs this: an input declared and never read.
 */
import { join } from 'node:path'
import ts from 'typescript'

// The checker's links of a synthetic property (not in its public API, stable for years).
type Links = {
  links?: {
    syntheticOrigin?: ts.Symbol
    target?: ts.Symbol
    mappedType?: ts.Type
    keyType?: ts.Type & { value?: unknown }
  }
}

/**
 * The symbol a property was made from: through Pick and other homomorphic mapped types, and
 * from a property of InputValues<S> to the spec property of S it was camel-cased from.
 */
function origin(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  let current = symbol
  for (let i = 0; i < 10; i++) {
    const links = (current as ts.Symbol & Links).links
    const mapped = links?.mappedType
    const specs =
      mapped?.aliasSymbol?.getName() === 'InputValues' ? mapped.aliasTypeArguments?.[0] : undefined
    const spec =
      specs && typeof links?.keyType?.value === 'string' ? specs.getProperty(links.keyType.value) : undefined
    const next = spec ?? links?.syntheticOrigin ?? links?.target
    if (next && next !== current) current = next
    else break
  }
  if (current.flags & ts.SymbolFlags.Alias) current = checker.getAliasedSymbol(current)
  return current
}

export interface InputUse {
  /** action name → kebab-case input name → whether code reads it */
  read: Map<string, Map<string, boolean>>
}

export function inputUses(root: string): InputUse {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )!
  const files = config.fileNames.filter((file) => file.startsWith(join(root, 'src')))
  const program = ts.createProgram(files, config.options)
  const checker = program.getTypeChecker()
  const sources = program.getSourceFiles().filter((file) => files.includes(file.fileName))

  // The declarations that are read: resolved from every property name in a read position.
  const readDeclarations = new Set<ts.Node>()
  const record = (node: ts.Node): void => {
    const symbol = checker.getSymbolAtLocation(node)
    if (!symbol) return
    for (const declaration of origin(symbol, checker).declarations ?? []) readDeclarations.add(declaration)
  }
  // Each action's declared inputs: name → the declaration of its spec.
  const declared = new Map<string, Map<string, ts.Node[]>>()
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) record(node.name)
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const type = checker.getTypeAtLocation(node.parent)
      const name = (node.propertyName ?? node.name).getText()
      const property = type.getProperty(name)
      if (property) for (const d of origin(property, checker).declarations ?? []) readDeclarations.add(d)
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'defineAction' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const literal = node.arguments[0]
      const property = (key: string) =>
        literal.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === key,
        )
      const name = property('name')?.initializer
      const inputs = property('inputs')?.initializer
      if (name && ts.isStringLiteral(name) && inputs) {
        const specs = new Map<string, ts.Node[]>()
        for (const spec of checker.getTypeAtLocation(inputs).getProperties())
          specs.set(spec.getName(), [...(origin(spec, checker).declarations ?? [])])
        declared.set(name.text, specs)
      }
    }
    ts.forEachChild(node, visit)
  }
  for (const source of sources) visit(source)

  const read = new Map<string, Map<string, boolean>>()
  for (const [action, specs] of declared) {
    const inputs = new Map<string, boolean>()
    for (const [input, declarations] of specs) {
      // The camel-cased value property is made from the spec's declaration; a read of it reaches it.
      inputs.set(
        input,
        declarations.some((d) => readDeclarations.has(d)),
      )
    }
    read.set(action, inputs)
  }
  return { read }
}
