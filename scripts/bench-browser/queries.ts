/**
 * The queries the browser bench types into, the same seed rules as the engine bench
 * (scripts/bench.ts), and where each edit goes: inside a string literal, so every intermediate
 * query is valid and each key starts a run that differs from the one before.
 */
import { LAUNCH_DAEMON_DEPRECATED } from '../../src/examples/launch-daemon-deprecated'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import type { EditPlan } from './measure-edits'

/** The Login/Logout Hook seed (event query), as the examples ship it. */
export const LOGIN_HOOK = LOGIN_HOOK_CURRENT.query.trimEnd()

/** The LaunchDaemon seed (sequence by host.id), as the examples ship it. */
export const LAUNCH_DAEMON = LAUNCH_DAEMON_DEPRECATED.query.trimEnd()

const KEYS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Typing into the first JAMF exclusion ("...logouthook" + keys + ".sh"): the first key lets the
 * planted look-alikes of that exclusion match, later keys keep the query valid and different.
 */
export const LOGIN_HOOK_EDITS: EditPlan = { query: LOGIN_HOOK, anchor: 'ManagementFrameworkScripts/logouthook', keys: KEYS }

/**
 * Typing into the second stage's second event type ("process_started" + keys): each key is a new
 * query and a new run, and the sequences still match through "start", so every run has its
 * sequences and highlights to show.
 */
export const LAUNCH_DAEMON_EDITS: EditPlan = { query: LAUNCH_DAEMON, anchor: '"process_started', keys: KEYS }
