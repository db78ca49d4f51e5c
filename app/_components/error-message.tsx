import { Banner } from "./banner";
import { Button } from "./button";

interface ErrorMessageProps {
  error?: Error | null;
  /** Shows a "Try again" button, for failed loads. */
  onRetry?: () => void;
}

/** An error as a person reads it; announced when it appears. Renders nothing without an error. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  if (!error) return null;
  return (
    <Banner tone="danger" role="alert">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span>{error.message}</span>
        {onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </Banner>
  );
}
