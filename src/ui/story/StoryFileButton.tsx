import { useEffect, useRef } from 'react'
import { presentFile } from './commands'

/** The page's one picker for story files (mounted once, by StoryUi), opened by every "Open a story…" button. */
let picker: HTMLInputElement | null = null

/**
 * The native file picker, hidden: one for the page, outside the control panel, so the panel keeps one file input
 * (the network import's) and a story can be opened while the panel is away.
 */
export function StoryFileInput() {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const el = input.current
    picker = el
    return () => {
      if (picker === el) picker = null
    }
  }, [])
  return (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      tabIndex={-1}
      aria-hidden="true"
      hidden
      data-role="story-file"
      onChange={(e) => {
        const file = e.target.files?.[0]
        // Cleared, so the same file can be picked again once fixed.
        e.target.value = ''
        if (file) void presentFile(file)
      }}
    />
  )
}

/** "Open a story…": a presenter's own story file, through the native picker behind a real button. */
export function StoryFileButton({
  className,
  disabled,
  label = 'Open a story…',
}: {
  className: string
  disabled?: boolean
  label?: string
}) {
  return (
    <button
      type="button"
      className={className}
      data-action="story-open"
      disabled={disabled}
      title="Open a story file (JSON)"
      onClick={() => picker?.click()}
    >
      {label}
    </button>
  )
}
