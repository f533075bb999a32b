export type { Principal } from './principal.js';
export { createAuthenticator, createAdminAuthorizer, bearerChallenge, DEMO_SCOPES, type Authenticator, type AuthRequest } from './authenticator.js';
export { createTokenValidator, isMissingTokenError, type TokenInfo, type TokenValidator } from './token.js';
export { bindPolicy, bindingScore, type BindingResult } from './binding.js';
export { canSearch, canRead, canReadType, canAccessDicom, filterReadable, type SearchDecision, type AccessContext, type FilterResult, type Scopes, type SearchParams } from './access.js';
export { parseScope, parseScopes, normalizeScopes, scopeAllows, scopeCovers, type ResourceScope, type Permission, type ScopeContext } from './scopes.js';
export {
  ALLOWED_ALGORITHMS,
  DEFAULT_ADMIN_SCOPE,
  DEFAULT_COHORT_SCOPE,
  DEFAULT_DICOM_SCOPE,
  authConfigSchema,
  checkAuthConfig,
  type AuthConfig,
  type IssuerConfig,
  type IntrospectionConfig,
  type PatientClaimConfig,
  type AllowedAlgorithm,
} from './config.js';
export { smartConfigurationPlugin, type SmartConfigurationOptions } from './smart-configuration.js';
export { requestLimitsPlugin, type RequestLimitsOptions } from './limits.js';
