import type { AnnotationKind } from '../../src/reporter.js'
import { Annotator } from '../../src/action/annotations.js'

describe('Annotator', () => {
  it('shows 10 of each kind and counts the rest', () => {
    const shown: [AnnotationKind, string][] = []
    const logged: string[] = []
    const annotator = new Annotator({
      annotate: (kind, message) => shown.push([kind, message]),
      info: (message) => logged.push(message),
    })
    for (let i = 0; i < 13; i++) annotator.annotate('error', `panic ${i}`)
    for (let i = 0; i < 4; i++) annotator.annotate('warning', `warn ${i}`)
    annotator.annotate('notice', 'one')
    expect(shown.filter(([kind]) => kind === 'error')).toHaveLength(10)
    expect(shown.filter(([kind]) => kind === 'warning')).toHaveLength(4)
    expect(logged).toEqual([
      '[error, not annotated] panic 10',
      '[error, not annotated] panic 11',
      '[error, not annotated] panic 12',
    ])
    expect(annotator.droppedNote()).toBe(
      '3 errors not annotated (GitHub shows 10 of each kind per step); see the log.',
    )
  })

  it('has nothing to say when nothing was dropped', () => {
    const annotator = new Annotator({ annotate: () => undefined, info: () => undefined })
    annotator.annotate('warning', 'x')
    expect(annotator.droppedNote()).toBeUndefined()
  })
})
