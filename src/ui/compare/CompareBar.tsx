import { useEffect } from 'react'
import { appStore, useAppStore } from '../../store/appStore'
import type { NetworkKind } from '../../store/store'
import { useThrottledValue } from '../hud/useThrottledValue'
import { describeDifference } from './difference'

/** Screen readers hear the sentence at most this often, ms (as the HUD's). */
const LIVE_EVERY_MS = 1000

/**
 * Above the two globes: the difference between them in one sentence, and the way back to one globe (the button,
 * or Esc when nothing else takes it: a tool in hand, a panel, a node's details or a story go first).
 */
export function CompareBar({ left, right }: { left: NetworkKind; right: NetworkKind }) {
  const a = useAppStore((s) => s.slots[left]?.view.metrics)
  const b = useAppStore((s) => s.slots[right]?.view.metrics)
  const started = useAppStore((s) => s.scenarioStartedAt !== null)
  const setCompare = useAppStore((s) => s.setCompare)
  const sentence =
    a && b ? describeDifference({ kind: left, metrics: a }, { kind: right, metrics: b }, started) : 'Building…'
  const live = useThrottledValue(sentence, LIVE_EVERY_MS)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      // Read before the other Escape handlers run (this one listens in the capture phase): a press that puts a
      // tool, a panel or a node's details away must not also leave the comparison.
      const s = appStore.getState()
      if (s.tool !== 'rotate' || s.panel !== null || s.selected !== null || s.story !== null) return
      s.setCompare({ on: false })
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  return (
    <div className="compare__bar">
      <button
        type="button"
        className="compare__leave"
        data-action="leave-compare"
        aria-keyshortcuts="Escape"
        onClick={() => {
          setCompare({ on: false })
          // The button goes with the view: focus goes back to the one that opened it.
          document.querySelector<HTMLElement>('[data-action="compare"]')?.focus()
        }}
      >
        Leave compare
        <kbd className="compare__key" aria-hidden="true">
          Esc
        </kbd>
      </button>
      <p className="compare__difference" data-testid="difference">
        {sentence}
      </p>
      <p className="compare__live" aria-live="polite" aria-atomic="true">
        {live}
      </p>
    </div>
  )
}
