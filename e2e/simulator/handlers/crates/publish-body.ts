import { z } from 'zod';
import { badRequest } from '../../http/errors';

/** The metadata cargo sends (cargo's `NewCrate`); unknown fields are kept but ignored. */
const metadataSchema = z.looseObject({
  name: z.string(),
  vers: z.string(),
  deps: z
    .array(
      z.looseObject({
        name: z.string(),
        version_req: z.string(),
        features: z.array(z.string()).default([]),
        optional: z.boolean().default(false),
        default_features: z.boolean().default(true),
        target: z.string().nullable().default(null),
        kind: z.string().default('normal'),
        registry: z.string().nullable().optional(),
        explicit_name_in_toml: z.string().nullable().optional(),
      }),
    )
    .default([]),
  features: z.record(z.string(), z.array(z.string())).default({}),
  description: z.string().nullable().optional(),
  license: z.string().nullable().optional(),
  license_file: z.string().nullable().optional(),
  documentation: z.string().nullable().optional(),
  homepage: z.string().nullable().optional(),
  repository: z.string().nullable().optional(),
  links: z.string().nullable().optional(),
  rust_version: z.string().nullable().optional(),
});
export type PublishMetadata = z.infer<typeof metadataSchema>;

export interface PublishUpload {
  readonly metadata: PublishMetadata;
  readonly crateFile: Uint8Array;
}

function readLength(bytes: Uint8Array, offset: number): number {
  if (bytes.length < offset + 4) throw badRequest('invalid upload request: body too short');
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
}

/**
 * cargo's publish body (cargo/NOTES.md): u32 LE JSON length, the JSON, u32 LE
 * .crate length, the .crate bytes.
 */
export function parsePublishBody(bytes: Uint8Array): PublishUpload {
  const jsonLength = readLength(bytes, 0);
  const jsonEnd = 4 + jsonLength;
  if (bytes.length < jsonEnd) throw badRequest('invalid upload request: body too short');
  const crateLength = readLength(bytes, jsonEnd);
  const crateStart = jsonEnd + 4;
  if (bytes.length < crateStart + crateLength) {
    throw badRequest('invalid upload request: body too short');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, jsonEnd)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`invalid upload request: ${reason}`);
  }
  const parsed = metadataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    throw badRequest(`invalid upload request: ${where} ${issue?.message ?? ''}`.trim());
  }
  return { metadata: parsed.data, crateFile: bytes.slice(crateStart, crateStart + crateLength) };
}
