import { DownloadCopyButton } from '../privacy/DownloadCopyButton'
import { usePlayground } from '../use-playground'

/**
 * Autosave trouble, in plain sight until a save works again: losing work silently is the worst
 * outcome. It offers the way out at once: a copy of the whole document to download, which
 * Privacy & storage (Open a copy) opens again.
 */
export function StorageBanner() {
  const problem = usePlayground((s) => s.storageProblem)
  const dismiss = usePlayground((s) => s.reportStorageProblem)
  if (!problem) return null
  return (
    <div className="storage-banner" role="alert" data-testid="storage-problem">
      <span>{problem}</span>
      <span className="storage-banner-actions">
        <DownloadCopyButton />
        <button type="button" onClick={() => dismiss(null)}>
          Dismiss
        </button>
      </span>
    </div>
  )
}
