interface FallbackProps {
  /** Why the globe is not shown: no WebGL at all, or the 3D view failed while starting. */
  reason: 'no-webgl' | 'error'
}

/** The text that stands in for the globe when it cannot be drawn: never a blank page. */
export function Fallback({ reason }: FallbackProps) {
  return (
    <section className="fallback" role="status" data-fallback={reason}>
      <h2>The globe cannot be shown here</h2>
      <p>
        This demo draws a 3D globe to show why a peer-to-peer internet keeps working through failures that take a
        centralized one down: outages, cut cables, disasters.
      </p>
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
