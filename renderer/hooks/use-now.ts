import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`, so that relative times
 * ("in 3 days", "updated 2 minutes ago") stay true while the window is open.
 */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(new Date());
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
