import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** The repository root (/work/main in the workplace). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** crates.io's OpenAPI document lives beside the repository, not in it. */
export const OPENAPI_PATH = path.resolve(REPO_ROOT, '../shared/crates-io/openapi.json');
export const OPENAPI_ABSENT_MESSAGE = `OpenAPI file absent (${OPENAPI_PATH}): a clone outside the workplace; contract checks skipped`;

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

const DOC_ID = 'crates-io-openapi';
// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext-style interop.
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function templateToRegExp(template: string): RegExp {
  const pattern = template
    .split('/')
    .map((segment) =>
      /^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`);
}

/** Literal segments beat parameters (`/crates/new` before `/crates/{name}`). */
function specificity(template: string): number {
  return template.split('/').filter((segment) => !segment.startsWith('{')).length;
}

/** crates.io's OpenAPI document, compiled with Ajv 2020 for checking answers. */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly templates: readonly string[];

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
    const int = (bits: number) => (value: number) =>
      Number.isInteger(value) && Math.abs(value) <= 2 ** (bits - 1);
    this.ajv.addFormat('int32', { type: 'number', validate: int(32) });
    this.ajv.addFormat('int64', { type: 'number', validate: int(64) });
    this.ajv.addSchema(doc, DOC_ID);
    this.templates = Object.keys(doc.paths).sort((a, b) => specificity(b) - specificity(a));
  }

  /** The OpenAPI path template a concrete path falls under, if documented. */
  templateFor(method: string, concretePath: string): string | undefined {
    return this.templates.find(
      (template) =>
        templateToRegExp(template).test(concretePath) &&
        this.doc.paths[template]?.[method.toLowerCase()] !== undefined,
    );
  }

  /** Problems with one answer (empty = it conforms); throws for undocumented statuses. */
  check(method: string, template: string, status: number, body: string): string[] {
    const responses = this.doc.paths[template]?.[method.toLowerCase()]?.responses ?? {};
    const key = [String(status), `${String(status).charAt(0)}XX`, 'default'].find(
      (candidate) => candidate in responses,
    );
    if (key === undefined) return [`status ${status} is not documented`];
    const pointer = ['paths', template, method.toLowerCase(), 'responses', key]
      .map(escapePointer)
      .join('/');
    const response = responses[key] as { content?: Record<string, unknown> };
    if (response.content?.['application/json'] === undefined) {
      return body === '' ? [] : [`status ${status} should have no body`];
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return [`body is not JSON: ${body.slice(0, 80)}`];
    }
    const validate = this.validator(`${pointer}/content/application~1json/schema`);
    if (validate(json)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  }

  private validator(pointer: string): ValidateFunction {
    const validate = this.ajv.getSchema(`${DOC_ID}#/${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate;
  }
}

let cached: OpenApiContract | null | undefined;

/** The contract, or null when the OpenAPI file is absent (a clone outside the workplace). */
export function loadOpenApiContract(): OpenApiContract | null {
  if (cached !== undefined) return cached;
  cached = existsSync(OPENAPI_PATH)
    ? new OpenApiContract(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument)
    : null;
  return cached;
}
