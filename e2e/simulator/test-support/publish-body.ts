/** cargo's publish body: u32 LE JSON length, JSON, u32 LE .crate length, .crate bytes. */
export function publishBody(
  metadata: Record<string, unknown>,
  crateFile: Uint8Array = new Uint8Array([1, 2, 3]),
): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(metadata));
  const body = new Uint8Array(8 + json.length + crateFile.length);
  const view = new DataView(body.buffer);
  view.setUint32(0, json.length, true);
  body.set(json, 4);
  view.setUint32(4 + json.length, crateFile.length, true);
  body.set(crateFile, 8 + json.length);
  return body;
}

/** Metadata as cargo sends it for a dependency-free crate. */
export function metadata(name: string, vers = '0.1.0', extra: Record<string, unknown> = {}) {
  return {
    name,
    vers,
    deps: [],
    features: {},
    authors: [],
    description: 'A test crate',
    license: 'MIT',
    ...extra,
  };
}
