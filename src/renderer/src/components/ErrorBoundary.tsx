import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CrashScreen } from './CrashScreen.tsx';
import { api } from '../api.ts';

interface State {
  error: Error | null;
}

/**
 * Shows the crash screen instead of a blank window when rendering throws.
 * React error boundaries have to be class components.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    void api.app.reportRendererError({
      source: 'react',
      message: error.message.slice(0, 4000),
      stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}`.slice(0, 20_000),
    });
  }

  override render(): ReactNode {
    if (this.state.error !== null) {
      return <CrashScreen error={this.state.error} />;
    }
    return this.props.children;
  }
}
