/** A plain object read from imported JSON or TOML (not null, not an array). */
export function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
