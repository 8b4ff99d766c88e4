import { lazy, Suspense, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from './store/appStore'
import { hasWebGL2 } from './scene/webgl'
import { GlobeStage } from './ui/compare/GlobeStage'
import { Controls } from './ui/controls/Controls'
import { Dock } from './ui/dock/Dock'
import { EmbedLink } from './ui/embed/EmbedLink'
import { Stage } from './ui/embed/Stage'
import './ui/embed/embed.css'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { Fallback } from './ui/Fallback'
import { Hud } from './ui/hud/Hud'
import { Legend } from './ui/Legend'
import { NodeInfo } from './ui/NodeInfo'
import { Notices } from './ui/present/Notices'
import { Rail } from './ui/Rail'
import { WatchStory } from './ui/story/WatchStory'
import { Timeline } from './ui/timeline/Timeline'
import './ui/layout.css'

// Downloaded after the page's first code, beside the globe: panels that open on demand and the presenter mode.
const Methodology = lazy(() => import('./ui/methodology/Methodology').then((m) => ({ default: m.Methodology })))
const IncidentCard = lazy(() => import('./ui/incidents/IncidentCard').then((m) => ({ default: m.IncidentCard })))
const Incidents = lazy(() => import('./ui/incidents/Incidents').then((m) => ({ default: m.Incidents })))
const Robustness = lazy(() => import('./ui/robustness/Robustness').then((m) => ({ default: m.Robustness })))
const StoryUi = lazy(() => import('./ui/story/StoryUi').then((m) => ({ default: m.StoryUi })))

/**
 * The page: the globe fills it, and the chrome stands at its edges (src/ui/layout.css), which the globe keeps clear
 * of (src/scene/room.ts): the heading and the numbers in a rail (left; a band across the top when tall), the dock
 * (bottom: networks, Fail, the clock, and the doors to the rest), and on demand the drawer of controls (right), the
 * timeline and the legend (above the dock), and panels that open over the globe (methodology, robustness).
 */
export function App() {
  const [webgl] = useState(hasWebGL2)
  // How much chrome shows (embed.css) and whether the page is an embed.
  const { ui, embed } = useAppStore(useShallow((s) => ({ ui: s.ui, embed: s.embed })))
  // Two networks side by side (ui/compare): a HUD on each half instead of one, both on the chart.
  const compare = useAppStore(useShallow((s) => s.compare))
  const story = useAppStore((s) => s.story !== null)
  return (
    <main
      className="app"
      data-ui={ui}
      data-embed={embed || undefined}
      data-compare={compare.on || undefined}
      data-story={story || undefined}
    >
      {/* Without a globe, nothing to lock: the explanation stays readable and selectable. */}
      <Stage lockable={webgl}>
        {webgl ? (
          <ErrorBoundary fallback={<Fallback reason="error" />}>
            <Suspense fallback={<p className="loading">Loading the globe…</p>}>
              <GlobeStage />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <Fallback reason="no-webgl" />
        )}
      </Stage>
      {/* The heading and the numbers; in the compare view each half has its own numbers instead. */}
      <Rail>
        <header className="masthead">
          <h1>p2p-globe</h1>
          <p>Why a peer-to-peer internet survives what takes a centralized one down.</p>
          {ui === 'full' && <WatchStory />}
        </header>
        {!compare.on && <Hud />}
        {ui === 'full' && (
          <Suspense fallback={null}>
            <IncidentCard />
          </Suspense>
        )}
      </Rail>
      <Dock />
      <Controls />
      <Timeline networks={compare.on ? [compare.left, compare.right] : undefined} />
      {/* The legend explains the globe: without one, there is nothing to explain. */}
      {webgl && <Legend />}
      {/* The details of the node pointed at or tapped on the globe. */}
      {webgl && <NodeInfo />}
      <Suspense fallback={null}>
        <Methodology />
        <Robustness />
        <Incidents />
      </Suspense>
      <EmbedLink />
      <Notices />
      {/* The presenter mode: the story's caption, its keys, help and black screen. */}
      <Suspense fallback={null}>
        <StoryUi />
      </Suspense>
    </main>
  )
}
