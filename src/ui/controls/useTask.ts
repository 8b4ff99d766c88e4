import { useCallback, useEffect, useRef, useState } from 'react'

export interface Task {
  busy: boolean
  /** What went wrong the last time, for the user to read; cleared when the work is run again. */
  error: string | null
  /** Runs the work unless some is under way; resolves to whether it succeeded. Never rejects. */
  run(work: () => Promise<unknown>): Promise<boolean>
}

/**
 * Runs a store action that returns a promise (building a network, a step, a reset) with "busy" and an error for
 * the user: a rejection is shown beside the control, never left unhandled in the console.
 */
export function useTask(): Task {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const busy = useRef(false)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async (work: () => Promise<unknown>) => {
    if (busy.current) return false
    busy.current = true
    setState({ busy: true, error: null })
    try {
      await work()
      if (mounted.current) setState({ busy: false, error: null })
      return true
    } catch (e) {
      if (mounted.current) setState({ busy: false, error: e instanceof Error ? e.message : String(e) })
      return false
    } finally {
      busy.current = false
    }
  }, [])

  return { ...state, run }
}
