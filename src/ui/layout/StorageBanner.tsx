import { usePlayground } from '../use-playground'

/** Autosave trouble, in plain sight until a save works again: losing work silently is the worst outcome. */
export function StorageBanner() {
  const problem = usePlayground((s) => s.storageProblem)
  const dismiss = usePlayground((s) => s.reportStorageProblem)
  if (!problem) return null
  return (
    <div className="storage-banner" role="alert" data-testid="storage-problem">
      <span>{problem}</span>
      <button type="button" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  )
}
