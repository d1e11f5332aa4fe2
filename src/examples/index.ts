/**
 * The examples library: every seed rule, in its seed and current versions, with labelled events.
 * Ordered as the examples menu shows them.
 */
import type { Example } from './example'
import { LOGIN_HOOK_V7 } from './login-hook-v7'
import { LOGIN_HOOK_CURRENT } from './login-hook-current'
import { LAUNCH_DAEMON_DEPRECATED } from './launch-daemon-deprecated'
import { LAUNCH_SERVICE_CURRENT } from './launch-service-current'
import { PERIODIC_TASKS_KQL, PERIODIC_TASKS_EQL } from './periodic-tasks'
import { DIRECTORY_SERVICE_KQL, DIRECTORY_SERVICE_EQL } from './directory-service-plugin'

export type { Example, LabelledEvent, RuleMetadata, MitreMapping } from './example'

/** All examples, in menu order. */
export const EXAMPLES: readonly Example[] = [
  LOGIN_HOOK_CURRENT,
  LOGIN_HOOK_V7,
  LAUNCH_DAEMON_DEPRECATED,
  LAUNCH_SERVICE_CURRENT,
  PERIODIC_TASKS_KQL,
  PERIODIC_TASKS_EQL,
  DIRECTORY_SERVICE_KQL,
  DIRECTORY_SERVICE_EQL,
]

/** The example with this id, or undefined. */
export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id)
}
