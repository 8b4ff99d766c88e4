import { lazy, Suspense, useState } from 'react'
import { hasWebGL2 } from './scene/webgl'
import { Controls } from './ui/controls/Controls'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { Fallback } from './ui/Fallback'
import { Hud } from './ui/hud/Hud'
import { Legend } from './ui/Legend'
import { Methodology } from './ui/methodology/Methodology'
import { NodeInfo } from './ui/NodeInfo'
import { Timeline } from './ui/timeline/Timeline'

// The scene (three.js and fiber) is its own chunk: a browser without WebGL never downloads it.
const Globe = lazy(() => import('./scene/Globe'))

/**
 * The page: the globe fills it; around it, in their own regions, the heading (top left), the numbers (top), the
 * controls (right; a sheet at the bottom on a phone), the chart and the event log (bottom), the legend (bottom
 * left), and panels that open over the globe (methodology, robustness).
 */
export function App() {
  const [webgl] = useState(hasWebGL2)
  return (
    <main className="app">
      <header className="masthead">
        <h1>p2p-globe</h1>
        <p>Why a peer-to-peer internet survives what takes a centralized one down.</p>
      </header>
      <div className="stage">
        {webgl ? (
          <ErrorBoundary fallback={<Fallback reason="error" />}>
            <Suspense fallback={<p className="loading">Loading the globe…</p>}>
              <Globe />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <Fallback reason="no-webgl" />
        )}
      </div>
      <Hud />
      <Controls />
      <Timeline />
      {/* The legend explains the globe: without one, there is nothing to explain. */}
      {webgl && <Legend />}
      {/* The details of the node pointed at or tapped on the globe. */}
      {webgl && <NodeInfo />}
      <Methodology />
    </main>
  )
}
