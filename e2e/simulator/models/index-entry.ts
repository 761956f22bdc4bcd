/** A dependency line as cargo's sparse index carries it. */
export interface IndexDependency {
  readonly name: string;
  readonly req: string;
  readonly features: readonly string[];
  readonly optional: boolean;
  readonly default_features: boolean;
  readonly target: string | null;
  readonly kind: string;
  readonly registry?: string | null;
  readonly package?: string | null;
}

export type FeatureMap = Readonly<Record<string, readonly string[]>>;

/** One line of a sparse index file (the cargo book's "Index format"). */
export interface IndexEntry {
  readonly name: string;
  readonly vers: string;
  readonly deps: readonly IndexDependency[];
  readonly cksum: string;
  readonly features: FeatureMap;
  readonly yanked: boolean;
  readonly links: string | null;
  readonly rust_version?: string;
}

/**
 * Where the sparse index keeps a crate's file: `1/a`, `2/ab`, `3/a/abc`,
 * `ab/cd/abcd...`, always lower-case (the cargo book's "Index files").
 */
export function indexPathFor(name: string): string {
  const lower = name.toLowerCase();
  if (lower.length === 1) return `1/${lower}`;
  if (lower.length === 2) return `2/${lower}`;
  if (lower.length === 3) return `3/${lower.charAt(0)}/${lower}`;
  return `${lower.slice(0, 2)}/${lower.slice(2, 4)}/${lower}`;
}
