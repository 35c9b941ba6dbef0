/**
 * The house rules, read from the imports as TypeScript itself scans them (ts.preProcessFile,
 * static and dynamic imports alike): no file of src/ takes part in an import cycle, and the ground
 * floor (exec, fs, net, rpm, repodata) imports nothing from src/action or src/host. ESLint keeps
 * the second rule while editing; this test sees the whole graph.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const SRC = join(import.meta.dirname, '..', '..', 'src')

/** file → the src files it imports (relative specifiers only), as paths relative to src/. */
function importGraph(src: string): Map<string, string[]> {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))
  return new Map(
    files.map((file) => {
      const scanned = ts.preProcessFile(readFileSync(join(src, file), 'utf8'), true, true)
      const targets = scanned.importedFiles
        .map((entry) => entry.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => relative(src, resolve(dirname(join(src, file)), name.replace(/\.js$/, '.ts'))))
      return [file, [...new Set(targets)]]
    }),
  )
}

/** Every cycle, once, as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)
  return found
}

describe('the imports of src/', () => {
  const graph = importGraph(SRC)

  it('form no cycle', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect(cycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([])
    // The check can fail: a cycle planted in a copy of the graph is found.
    const planted = new Map(graph)
    planted.set('errors.ts', ['guest/boot.ts'])
    expect(cycles(planted).length).toBeGreaterThan(0)
  })

  it('keep the ground floor free of the action framework and the hosts', () => {
    const ground = /^(exec|fs|net|rpm|repodata)\//
    const upward = [...graph]
      .filter(([file]) => ground.test(file))
      .flatMap(([file, targets]) =>
        targets.filter((target) => /^(action|host)\//.test(target)).map((target) => `${file} -> ${target}`),
      )
    expect(upward).toEqual([])
  })
})
