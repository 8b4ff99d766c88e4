import { lazy, Suspense, useState } from 'react'
import { hasWebGL2 } from './scene/webgl'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { Fallback } from './ui/Fallback'
import { Legend } from './ui/Legend'

// The scene (three.js and fiber) is its own chunk: a browser without WebGL never downloads it.
const Globe = lazy(() => import('./scene/Globe'))

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
      {/* The legend explains the globe: without one, there is nothing to explain. */}
      {webgl && <Legend />}
    </main>
  )
}
