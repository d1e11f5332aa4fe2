import { ExamplesMenu } from '../examples/ExamplesMenu'
import { LanguageSwitch } from '../LanguageSwitch'
import { LearnButtons } from '../learn/LearnButtons'
import { NewDocumentButtons } from '../NewDocumentButtons'
import { PrivacyButton } from '../privacy/PrivacyButton'
import { RuleButtons } from '../rules/RuleButtons'
import { SettingsPopover } from '../SettingsPopover'
import { ShareButton } from '../share/ShareButton'

/**
 * The top bar: name, language, rule settings; then where documents come from (examples, lessons
 * and the quick reference, rule import/export), starting afresh, sharing, and what the page
 * stores (privacy).
 */
export function AppHeader() {
  return (
    <header className="app-header">
      <h1>Rule Playground</h1>
      <LanguageSwitch />
      <SettingsPopover />
      <span className="header-spacer" />
      <ExamplesMenu />
      <LearnButtons />
      <RuleButtons />
      <NewDocumentButtons />
      <ShareButton />
      <PrivacyButton />
    </header>
  )
}
