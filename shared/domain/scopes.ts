import { z } from 'zod';
import { ENDPOINT_SCOPES } from './scope-names';

export {
  ENDPOINT_SCOPES,
  ENDPOINT_SCOPE_DESCRIPTIONS,
  isEndpointScope,
  type EndpointScope,
} from './scope-names';

// Pure (a bundler hint): modules that need only the names import scope-names.ts.
export const endpointScopeSchema = /*#__PURE__*/ z.enum(ENDPOINT_SCOPES);
