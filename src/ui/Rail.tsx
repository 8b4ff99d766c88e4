import { useRef, type ReactNode } from 'react'
import { useHeightVar } from './useHeightVar'

/**
 * The heading and the numbers: a rail down the left of a wide screen, a band across the top of a tall one
 * (layout.css). Chrome, so the globe keeps clear of it; its height is the page's --rail-h, so what opens above the
 * dock on a tall screen (the legend) stops short of it.
 */
export function Rail({ children }: { children: ReactNode }) {
  const rail = useRef<HTMLDivElement>(null)
  useHeightVar(rail, '--rail-h', null)
  return (
    <div ref={rail} className="rail" data-chrome>
      {children}
    </div>
  )
}
