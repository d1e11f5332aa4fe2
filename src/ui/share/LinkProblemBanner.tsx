import { usePlayground } from '../use-playground'
import './share.css'

/**
 * Why the share link in the address did not open (damaged, cut short, from a newer version), or a
 * note on one that did (made with another engine version). Stays until dismissed: the user must
 * learn that what they clicked is not what they see, and that their own document is untouched.
 */
export function LinkProblemBanner() {
  const problem = usePlayground((s) => s.linkProblem)
  const dismiss = usePlayground((s) => s.reportLinkProblem)
  if (!problem) return null
  return (
    <div className="link-problem-banner" role="alert" data-testid="link-problem">
      <span>{problem}</span>
      <button type="button" onClick={() => dismiss(null)}>
        Dismiss
      </button>
    </div>
  )
}
