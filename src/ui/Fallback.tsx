import still from './globe-still.jpg'

interface FallbackProps {
  /** Why the globe is not shown: no WebGL at all, or the 3D view failed while starting. */
  reason: 'no-webgl' | 'error'
}

/** The text that stands in for the globe when it cannot be drawn: never a blank page. */
export function Fallback({ reason }: FallbackProps) {
  return (
    <section className="fallback" role="status" data-fallback={reason}>
      <h2>The globe cannot be shown here</h2>
      <img
        className="fallback__still"
        src={still}
        width={960}
        height={600}
        alt="A still of the demo: the centralized cloud, its arcs from every point of presence converging on a few regions in North America and Europe."
      />
      <p>
        This demo draws a 3D globe to show why a peer-to-peer internet keeps working through failures that take a
        centralized one down: outages, cut cables, disasters. It sets the same failure, at the same place, on three
        networks built over the world's real population:
      </p>
      <ul>
        <li>a centralized cloud, where every service lives in one of a few hyperscale regions;</li>
        <li>a multi-region cloud, where each service runs in two or three regions;</li>
        <li>a peer-to-peer grid of thousands of small, independently run nodes where people live;</li>
      </ul>
      <p>and shows who stays online, which services still answer, at what latency, and what each design costs.</p>
      {reason === 'no-webgl' ? (
        <p>
          It needs WebGL 2, which this browser does not offer or has turned off. Try a current Firefox, Chrome, Edge or
          Safari with hardware acceleration on.
        </p>
      ) : (
        <p>
          The 3D view failed to start (it needs WebGL 2). Reloading the page may help; so may a current browser with
          hardware acceleration on.
        </p>
      )}
    </section>
  )
}
