import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What to show instead of the children once one of them has thrown. */
  fallback: ReactNode
  children?: ReactNode
}

interface ErrorBoundaryState {
  failed: boolean
}

/** Catches what the 3D scene throws (lost or refused WebGL context, failed chunk load) and shows the fallback. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  // React itself reports the error (console.error); nothing to add here, but the method keeps this a boundary
  // that catches during commit as well as render.
  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {}

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
