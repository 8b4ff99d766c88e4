import './present.css'
import { useAppStore } from '../../store/appStore'

/**
 * What went wrong in setting the page up (a bad URL parameter…), one sentence each, saying what was wrong and what
 * is accepted. Shown as text only (the sentences quote the address, which anyone can write), until dismissed.
 */
export function Notices() {
  const notices = useAppStore((s) => s.notices)
  const dismiss = useAppStore((s) => s.dismissNotices)
  if (notices.length === 0) return null
  return (
    <div className="notices" role="status">
      <p className="notices__title">Some settings in the address were not used</p>
      <ul className="notices__list">
        {notices.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      <button type="button" className="notices__dismiss" data-action="dismiss-notices" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
