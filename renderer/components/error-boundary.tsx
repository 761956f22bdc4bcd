import Button from '@mui/material/Button';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StateMessage } from './state-message';

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Shows a readable screen instead of a blank window when rendering throws.
 * A class because React still offers error boundaries only as classes.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Cratekeeper could not draw this screen', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <StateMessage
        icon={<ReportProblemOutlined />}
        title="Something went wrong on this screen"
        actions={
          <Button
            variant="contained"
            onClick={() => {
              this.setState({ error: null });
            }}
          >
            Try again
          </Button>
        }
      >
        {error.message}
      </StateMessage>
    );
  }
}
