/** Inputs every action takes for the nightly failure issues (report/issues.ts). */
import { string } from './inputs.js'

export const REPORTING_INPUTS = {
  'failure-issue': string({
    description:
      'A component name (such as `boot-test-guest power9 nested`): when set, a failing step opens or updates the GitHub issue of that component, and a passing one closes it. Needs issues: write.',
  }),
  'github-token': string({
    description: 'The token for failure-issue.',
    default: '${{ github.token }}',
    secret: true,
  }),
}
