/**
 * The queries the browser bench types into, the same seed rules as the engine bench
 * (scripts/bench.ts), and where each edit goes: inside a string literal, so every intermediate
 * query is valid and each key starts a run that differs from the one before.
 */
import type { EditPlan } from './measure-edits'

/** The Login/Logout Hook seed (event query). */
export const LOGIN_HOOK = `process where host.os.type == "macos" and event.type == "start" and
 process.name == "defaults" and process.args == "write" and process.args : ("LoginHook", "LogoutHook") and
 not process.args :
       (
         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )`

/** The LaunchDaemon seed (sequence by host.id). */
export const LAUNCH_DAEMON = `sequence by host.id with maxspan=1m
 [file where host.os.type == "macos" and event.type != "deletion" and file.path : ("/System/Library/LaunchDaemons/*", "/Library/LaunchDaemons/*")]
 [process where host.os.type == "macos" and event.type in ("start", "process_started") and process.name == "launchctl" and process.args == "load"]`

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
