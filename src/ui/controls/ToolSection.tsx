import { useEffect } from 'react'
import { useAppStore } from '../../store/appStore'
import type { Tool } from '../../store/store'

const TOOLS: readonly { tool: Tool; label: string; hint: string }[] = [
  { tool: 'rotate', label: 'Turn the globe', hint: 'Drag to turn the globe, scroll or pinch to zoom.' },
  { tool: 'failNode', label: 'Fail a node', hint: 'Click a node or a site on the globe to fail it.' },
  { tool: 'cutLink', label: 'Cut a link', hint: 'Click a link on the globe to cut it.' },
  { tool: 'drawDisaster', label: 'Draw a disaster area', hint: 'Drag on the globe to mark a disaster area.' },
]

/**
 * What a pointer on the globe does. The globe reads the tool from the store and acts on it; here it is only set
 * and shown. Escape goes back to turning the globe, as it leaves a drawing mode in most tools people know.
 */
export function ToolSection() {
  const tool = useAppStore((s) => s.tool)
  const setTool = useAppStore((s) => s.setTool)
  const hint = TOOLS.find((t) => t.tool === tool)?.hint

  useEffect(() => {
    if (tool === 'rotate') return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setTool('rotate')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [tool, setTool])

  return (
    <section className="ctl-section" aria-labelledby="ctl-tools-title">
      <h2 className="ctl-section__title" id="ctl-tools-title">
        On the globe
      </h2>
      <div className="ctl-tools" role="group" aria-labelledby="ctl-tools-title" aria-describedby="ctl-tools-hint">
        {TOOLS.map((t) => (
          <button
            key={t.tool}
            type="button"
            className="ctl-button ctl-tool"
            data-tool={t.tool}
            aria-pressed={tool === t.tool}
            onClick={() => setTool(t.tool)}
          >
            <span className={`ctl-tool__icon ctl-tool__icon--${t.tool}`} aria-hidden="true" />
            {t.label}
          </button>
        ))}
      </div>
      <p className="ctl-message" id="ctl-tools-hint">
        {hint}
        {tool !== 'rotate' && ' Escape to stop.'}
      </p>
    </section>
  )
}
